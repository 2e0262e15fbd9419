"""The question bank: generated from the deck's figures and tables, the same ids and answers for every seed."""

from __future__ import annotations

import random

from desktop.deck.markup import plain
from desktop.deck.model import Deck, Figure, Section, Text
from desktop.deck.sections import in_sentence, zh_numeral, zh_which
from desktop.quiz import compare
from desktop.quiz.answers import readings, tolerance
from desktop.quiz.distractors import distractor_values, rng_for
from desktop.quiz.index import DeckIndex
from desktop.quiz.model import NumericAnswer, Question, drawn_later
from desktop.quiz.wording import (
    ACCORDING,
    blank_choice,
    both,
    capital,
    cite,
    content_words,
    figure_explanation,
    is_qualified,
    label,
    numeric_prompt,
    recall_prompt,
    value_text,
)

_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def build_bank(deck: Deck, seed: int = 0) -> list[Question]:
    """Every question the deck supports, in an order the seed picks."""
    index = DeckIndex.of(deck)
    bank: list[Question] = []
    for section in index.deck.sections:
        for figure in section.figures:
            if figure.derived is None:
                bank += [q for q in _figure_questions(figure, index, seed) if q is not None]
    bank += compare.questions(index, seed)
    random.Random(seed).shuffle(bank)
    return bank


def _figure_questions(figure: Figure, index: DeckIndex, seed: int) -> list[Question | None]:
    partner = index.counterpart(figure) if index.is_ambiguous_alone(figure) else None
    if index.is_ambiguous_alone(figure) and partner is None:
        return []  # two figures the question could mean, and no way to say which
    return [
        recall(figure, partner, index, seed),
        numeric(figure, partner, index),
        which_section(figure, index, seed),
    ]


def slide_question(figure: Figure, index: DeckIndex, seed: int = 0) -> Question:
    """What a quiz slide asks: the bank's recall question; when the bank cannot ask the figure alone (another
    has its measure and period), the same question without a partner: the slide's place in the talk says which."""
    figure = index.figures[figure.id]  # the index's, worded without markers
    asked = _figure_questions(figure, index, seed)
    question = (asked[0] if asked else None) or recall(figure, None, index, seed)
    assert question is not None, "distractors end with the figure's nearest values, so recall always has choices"
    return question


def _common(figure: Figure, index: DeckIndex, partner: Figure | None) -> dict:
    derived = index.derived_from(figure.id)
    return {
        "section": index.section(figure.id).number,
        "explanation": both(lambda lang: figure_explanation(figure, partner, derived, index, lang)),
        "slide": index.home_slide(figure.id),
        "source": figure.source or "",
        "figure": figure.id,
        "shows": frozenset((partner.id,)) if partner else frozenset(),
    }


def recall(figure: Figure, partner: Figure | None, index: DeckIndex, seed: int) -> Question | None:
    """Pick the figure's value among four, each written with the figure's unit and qualifier."""
    ident = f"recall:{figure.id}"
    if not index.once(
        ("distractible", figure.id, partner and partner.id), lambda: _distractible(figure, partner, index)
    ):
        return None

    def draw() -> tuple[tuple[Text, ...], int]:
        rng = rng_for(seed, ident)
        values = [figure.value, *distractor_values(figure, index, rng, shown=partner)]
        if is_qualified(figure):
            choices = [both(lambda lang, v=v: blank_choice(figure, v, lang)) for v in values]
        else:
            choices = [both(lambda lang, v=v: value_text(figure, lang, v)) for v in values]
        order = list(range(len(choices)))
        rng.shuffle(order)  # the permutation shuffling the choices would make, without reading a lazy text
        return tuple(choices[i] for i in order), order.index(0)

    return drawn_later(
        draw,
        id=ident,
        kind="recall",
        prompt=both(lambda lang: recall_prompt(figure, partner, lang)),
        tolerance=None,
        **_common(figure, index, partner),
    )


_ANY_ORDER = random.Random(0)


def _distractible(figure: Figure, partner: Figure | None, index: DeckIndex) -> bool:
    """The figure has a wrong value to offer: the first candidate that fits is always taken, whatever the order
    the question's own randomness puts them in, so any order tells."""
    return bool(distractor_values(figure, index, _ANY_ORDER, shown=partner, count=1))


def numeric(figure: Figure, partner: Figure | None, index: DeckIndex) -> Question | None:
    """Type the number as the article states it; a fall of 83% expects 83, and the prompt says 'fell'."""
    if isinstance(figure.value, tuple):
        return None
    return Question(
        id=f"numeric:{figure.id}",
        kind="numeric",
        prompt=both(lambda lang: numeric_prompt(figure, partner, lang)),
        choices=(),
        answer=NumericAnswer(abs(figure.value), figure.unit, figure.qualifier, readings(figure)),
        tolerance=tolerance(figure.value),
        **_common(figure, index, partner),
    )


def section_name(section: Section, lang: str) -> str:
    """'三、商业变现体系升级:摆脱广告依赖' / 'III · Monetisation: weaning itself off advertising'."""
    n, title = section.number, plain(section.title.get(lang))
    if lang == "zh":
        return f"{zh_numeral(n)}、{title}"
    return f"{_ROMAN[n]} · {title}" if n <= 10 else f"{n} · {title}"


def _shown_label(figure: Figure, index: DeckIndex, lang: str) -> str:
    """The figure's label with its own period: the start of a change within one year names no year."""
    partner = index.counterpart(figure)
    if figure.period and figure.role == "before" and partner is not None and partner.period == figure.period:
        what = figure.measures.get(lang)
        return f"{what}（变化前）" if lang == "zh" else f"{capital(what)}, before the change"
    return label(figure, lang) if lang == "zh" else capital(label(figure, lang))


def _gives_away(words: dict[str, frozenset[str]], title: dict[str, frozenset[str]]) -> bool:
    """The figure's measure (its `words` per language) shares a word with the section's `title` (its words)."""
    return any(found & title[lang] for lang, found in words.items())


def _other_sections(figure: Figure, home: Section, index: DeckIndex) -> list[Section] | None:
    """The numbered sections whose titles share no word with the figure's measure; None if its own does."""
    words = {lang: content_words(figure.measures.get(lang), lang) for lang in index.deck.languages}
    if home.number is None or _gives_away(words, index.title_words(home)):
        return None
    return [s for s in index.numbered if s is not home and not _gives_away(words, index.title_words(s))]


def which_section(figure: Figure, index: DeckIndex, seed: int) -> Question | None:
    """In which numbered section a figure appears: up to four section titles, the right one among them; never
    asked when the measure names its section, and no other title that shares a word with it is offered."""
    home = index.section(figure.id)
    others = index.once(("sections", figure.id), lambda: _other_sections(figure, home, index))
    if others is None or len(others) < 2:
        return None
    ident = f"pillar:{figure.id}"  # the id of the days when sections were pillars: progress is keyed on it

    def draw() -> tuple[tuple[Text, ...], int]:
        rng = rng_for(seed, ident)
        sections = [home, *rng.sample(others, min(3, len(others)))]
        rng.shuffle(sections)
        return tuple(both(lambda lang, s=s: section_name(s, lang)) for s in sections), sections.index(home)

    word = index.section_word

    def prompt(lang: str) -> str:
        noun = word.get(lang)
        ask = (
            f"下面这个数字出自{zh_which(noun)}？" if lang == "zh" else f"which {in_sentence(noun)} is this figure from?"
        )
        what = _shown_label(figure, index, lang)
        return f"{ACCORDING[lang]}{ask}\n{what}{'：' if lang == 'zh' else ': '}{value_text(figure, lang)}"

    def explanation(lang: str) -> str:
        name = section_name(home, lang)
        answer = f"答案：{name}。" if lang == "zh" else f"Answer: {name}."
        return f"{answer}\n{cite(figure.source or '', lang, index.deck.source_language, index)}"

    return drawn_later(
        draw,
        id=ident,
        section=home.number,
        kind="section",
        prompt=both(prompt),
        tolerance=None,
        explanation=both(explanation),
        slide=index.home_slide(figure.id),
        source=figure.source or "",
        figure=figure.id,
        shows=frozenset((figure.id,)),
    )
