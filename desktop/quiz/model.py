"""Questions and their answers, as frozen data that prints as the `questions --json` contract."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.deck.model import Text

CHOICE_KINDS = ("recall", "grew-most", "vs", "pair", "section")
NUMERIC_KINDS = ("numeric", "points")


@dataclass(frozen=True)
class NumericAnswer:
    """A number to type, in the figure's unit, with the article's qualifier (more-than, about …)."""

    value: float
    unit: str | None
    qualifier: str = "exact"
    also: tuple[float, ...] = ()  # other readings the figure's caveat names, each graded right

    def to_json(self) -> dict:
        found = {"value": _plain(self.value), "unit": self.unit, "qualifier": self.qualifier}
        return found | ({"also": [_plain(v) for v in self.also]} if self.also else {})


@dataclass(frozen=True)
class Question:
    """One question: what is asked, the right answer, why, and where in the deck and article it comes from."""

    id: str
    section: int | None  # the number of its section, None in an unnumbered one
    kind: str
    prompt: Text
    choices: tuple[Text, ...]
    answer: int | NumericAnswer
    tolerance: float | None
    explanation: Text
    slide: str
    source: str
    figure: str | None = None  # the figure whose value is the answer (its siblings ask the same one)
    shows: frozenset[str] = frozenset()  # figures whose values the prompt or the choices give away

    @property
    def asks(self) -> frozenset[str]:
        return frozenset((self.figure,)) if self.figure else frozenset()

    @property
    def is_numeric(self) -> bool:
        return isinstance(self.answer, NumericAnswer)

    def to_json(self, languages: tuple[str, ...]) -> dict:
        """The question as `questions --json` prints it, its texts in the deck's `languages`."""
        return {
            "id": self.id,
            "pillar": self.section,  # the command line's contract (PRODUCT.md) names the number `pillar`
            "kind": self.kind,
            "prompt": _text(self.prompt, languages),
            "choices": [_text(c, languages) for c in self.choices],
            "answer": self.answer.to_json() if isinstance(self.answer, NumericAnswer) else self.answer,
            "tolerance": self.tolerance,
            "explanation": _text(self.explanation, languages),
            "slide": self.slide,
            "source": self.source,
        }


class _Later(Question):
    """A choice question whose choices and answer are drawn on first read (its own randomness, drawn whenever)."""

    is_numeric = False

    def __getattr__(self, name: str):
        if name not in ("choices", "answer") or "_draw" not in self.__dict__:
            raise AttributeError(name)
        choices, answer = self.__dict__.pop("_draw")()
        object.__setattr__(self, "choices", choices)
        object.__setattr__(self, "answer", answer)
        return self.__dict__[name]


def drawn_later(draw: Callable[[], tuple[tuple[Text, ...], int]], **fields) -> Question:
    """A choice question with every field but its choices and answer, which `draw()` returns when first read: a
    bank builds in milliseconds, and a session shows a few of its questions (`replace` makes a plain copy)."""
    question = object.__new__(_Later)
    for name, value in (fields | {"_draw": draw}).items():
        object.__setattr__(question, name, value)
    return question


def clashes(question: Question, other: Question) -> bool:
    """Siblings: both ask the same figure, or one shows the figure the other asks (never in one session)."""
    return bool(question.asks & other.asks or question.shows & other.asks or other.shows & question.asks)


def one_per_figure(questions: list[Question]) -> list[Question]:
    """The questions in order, each dropped that clashes with one kept before it: one question per figure,
    and no question shows the answer of another (Anki's sibling burying, for a session or a printed quiz)."""
    kept: list[Question] = []
    asked: set[str] = set()
    shown: set[str] = set()
    for question in questions:
        if not (question.asks & (asked | shown) or question.shows & asked):
            kept.append(question)
            asked |= question.asks
            shown |= question.shows
    return kept


def _text(text: Text, languages: tuple[str, ...]) -> dict:
    return {lang: text.get(lang) for lang in languages}


def _plain(value: float) -> float | int:
    """52.0 prints as 52, 92.7 as 92.7."""
    return int(value) if float(value).is_integer() else value
