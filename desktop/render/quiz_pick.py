"""Which questions a printed quiz asks: one per fact, none giving another away, a mix of kinds, spread over sections."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from desktop.deck.figures import slide_figures, stated_form
from desktop.deck.model import Deck, Slide
from desktop.quiz.model import Question

DEFAULT_COUNT = 24
_CLASSES = {"recall": "choice", "numeric": "fill", "section": "section"}  # the mix a teacher balances
COMPARE = "compare"  # any other kind compares figures: it asks about every figure on its slide
_SHARE = {"section": 1 / 8, COMPARE: 1 / 4}  # "a few" which-section questions; the rest split choice / fill-in


@dataclass(frozen=True)
class _Facts:
    """What a question asks (its keys), what it shows (its text) and the texts that would give its answer away."""

    keys: frozenset[str]
    slide: str
    measure: str  # what its figure measures: the same measure in 2019 and in 2023 are two facts, but alike
    compare: bool
    text: str  # prompt and choices in every language, a line each
    answer: tuple[str, ...]


def kind_class(q: Question) -> str:
    """choice, fill, section or compare."""
    return _CLASSES.get(q.kind, COMPARE)


def _facts(q: Question, deck: Deck, slides: dict[str, Slide]) -> _Facts:
    langs = deck.languages
    figure = deck.figures.get(q.figure or "")
    if q.kind == "section":
        answers: list[str] = []  # every which-section question lists the sections: naming one gives nothing away
    elif figure is not None:
        answers = [stated_form(figure, lang) for lang in langs]
    elif not q.is_numeric:
        answers = [q.choices[q.answer].get(lang) for lang in langs]
    else:
        answers = []
    text = "\n".join(t for lang in langs for t in (q.prompt.get(lang), *(c.get(lang) for c in q.choices)))
    keys = {q.figure or (q.id.rsplit(":", 1)[0] if q.kind == "pair" else q.id)}  # one row of a compare table each
    compare = kind_class(q) == COMPARE
    if compare and q.slide in slides:  # a change from 2019 to 2023 is about both years' figures
        keys.update(slide_figures(slides[q.slide], deck.tables))
    measure = figure.measures.get(langs[0]) if figure is not None else q.id
    return _Facts(frozenset(keys), q.slide, measure, compare, text, tuple(a for a in dict.fromkeys(answers) if a))


def _clash(a: _Facts, b: _Facts) -> bool:
    """Two questions on one fact, or one showing the other's answer."""
    if a.keys & b.keys or ((a.compare or b.compare) and a.slide == b.slide):
        return True
    return any(_shows(answer, b.text) for answer in a.answer) or any(_shows(answer, a.text) for answer in b.answer)


def _shows(answer: str, text: str) -> bool:
    """`answer` in `text` as a whole number: "94%" is not inside "194%" nor "94.5%", "TOP1" not inside "TOP10"."""
    at = text.find(answer)
    while at >= 0:
        end = at + len(answer)
        if not (at and (text[at - 1].isdigit() or text[at - 1] == ".")) and not text[end : end + 1].isdigit():
            return True
        at = text.find(answer, at + 1)
    return False


def _quotas(count: int, available: Counter) -> dict[str, int]:
    """How many of each class: a few which-section, a quarter comparisons, the rest half choice, half fill-in."""
    want = {name: min(available[name], round(count * share)) for name, share in _SHARE.items()}
    rest = count - sum(want.values())
    want["fill"] = rest // 2
    want["choice"] = rest - want["fill"]
    return want


def pick(bank: list[Question], deck: Deck, count: int = DEFAULT_COUNT, seed: int = 0) -> list[Question]:
    """Up to `count` questions of the bank that a class can sit together, the seed choosing which."""
    rng = random.Random(seed)
    pool = list(bank)
    rng.shuffle(pool)
    slides = {s.id: s for s in deck.slides}
    facts = {q.id: _facts(q, deck, slides) for q in pool}
    want = _quotas(count, Counter(kind_class(q) for q in pool))
    chosen: list[Question] = []
    per_section: Counter = Counter()
    per_slide: Counter = Counter()
    per_measure: Counter = Counter()

    def rank(q: Question) -> tuple[int, ...]:
        """Least-asked section, measure and slide first (to cover the case), then the fewest figures used up."""
        f = facts[q.id]
        return per_section[q.section], per_measure[f.measure], per_slide[q.slide], len(f.keys)

    def take(allowed: set[str]) -> bool:
        fits = [q for q in pool if kind_class(q) in allowed]
        if not fits:
            return False
        best = min(fits, key=rank)  # the first in the seed's order among equals
        chosen.append(best)
        pool[:] = [q for q in pool if q is not best and not _clash(facts[q.id], facts[best.id])]
        per_section[best.section] += 1
        per_slide[best.slide] += 1
        per_measure[facts[best.id].measure] += 1
        return True

    given = Counter()
    while len(chosen) < count:
        # the class furthest behind its share goes next, so the kinds interleave and each gets first pick in turn
        behind = sorted((given[c] / w, c) for c, w in want.items() if w and given[c] < w)
        if behind and take({behind[0][1]}):
            given[behind[0][1]] += 1
        elif behind:
            want[behind[0][1]] = given[behind[0][1]]  # none of that class fits any more: others fill its place
        elif not (take({"choice", "fill", COMPARE}) or (given["section"] < count // 4 and take({"section"}))):
            break  # "which section" stays a few (a quarter at most) when the other kinds run out
        else:
            given[kind_class(chosen[-1])] += 1
    return chosen
