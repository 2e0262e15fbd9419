"""Questions and their answers, as frozen data that prints as the `questions --json` contract."""

from __future__ import annotations

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

    def to_json(self) -> dict:
        return {"value": _plain(self.value), "unit": self.unit, "qualifier": self.qualifier}


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
    figure: str | None = None

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


def _text(text: Text, languages: tuple[str, ...]) -> dict:
    return {lang: text.get(lang) for lang in languages}


def _plain(value: float) -> float | int:
    """52.0 prints as 52, 92.7 as 92.7."""
    return int(value) if float(value).is_integer() else value
