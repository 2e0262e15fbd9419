"""What the room is asked and what it answered, as frozen data that crosses from the window to the server and back.

A `Poll` is made on the window's thread (`poll_of`) and handed to the server; the server never reads a deck.
It splits what a phone may see before the reveal (`asking`) from what it may see after (`revealing`), so the
answer, the explanation and the source cannot leak early. A `Tally` is the room at one moment, sent back whole
after every change, so the projector draws the newest one and never adds up events itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop.deck.units import form
from desktop.quiz.answers import answer_text, is_correct, parse_number
from desktop.quiz.model import NumericAnswer, Question

LONGEST_NUMBER = 32  # characters a typed estimate may have


@dataclass(frozen=True)
class Poll:
    """One question put to the room: its texts in each of the deck's languages, and what grades it."""

    round: int  # numbers the polls of a lecture, from 1: an answer names the round it answers
    question: Question  # choices already drawn: a poll is read from two threads
    languages: tuple[str, ...]  # the deck's
    lang: str  # the projector's language: a phone whose own language the deck lacks reads this one
    seconds: int  # the countdown, 0 for none

    @property
    def choices(self) -> int:
        return 0 if self.question.is_numeric else len(self.question.choices)

    def asking(self) -> dict:
        """What every phone is sent when the question is posed: no answer, no explanation, no source."""
        question = self.question
        texts = {}
        for lang in self.languages:
            text = {"prompt": question.prompt.get(lang), "choices": [c.get(lang) for c in question.choices]}
            if question.is_numeric:
                before, _, after = form(question.answer.unit, lang)[0].partition("{}")
                text["unit"] = {"before": before.strip(), "after": after.strip()}
            texts[lang] = text
        kind = "number" if question.is_numeric else "choice"
        return {"type": "question", "round": self.round, "kind": kind, "seconds": self.seconds, "lang": self.lang} | {
            "texts": texts
        }

    def revealing(self, response: int | float | None, lang: str) -> dict:
        """What one phone is sent at the reveal: whether its `response` (None: it did not answer) was right."""
        question = self.question
        lang = lang if lang in self.languages else self.lang
        return {
            "type": "reveal",
            "round": self.round,
            "answered": response is not None,
            "right": response is not None and self.grade(response, lang),
            "answer": answer_text(question, lang),
            "explanation": "\n".join(
                line for line in question.explanation.get(lang).splitlines() if question.source not in line
            ),  # the sentence is sent once, as `source`
            "source": question.source,
        }

    def read(self, sent: object) -> int | float | None:
        """A phone's answer as the poll takes it: a choice index or a finite number; None when it is neither."""
        if isinstance(sent, bool):
            return None
        if not self.question.is_numeric:
            return sent if isinstance(sent, int) and 0 <= sent < self.choices else None
        if isinstance(sent, int | float):
            value = float(sent)
        elif isinstance(sent, str) and len(sent) <= LONGEST_NUMBER:
            value = parse_number(sent)
        else:
            return None
        return value if value is not None and math.isfinite(value) and abs(value) < 1e15 else None

    def grade(self, response: int | float, lang: str) -> bool:
        """Right or wrong, as the self-study quiz judges it (a number typed in `lang`'s form of the unit)."""
        shown = _plain(response) if self.question.is_numeric else response
        return is_correct(self.question, shown, lang)

    def in_unit(self, value: float, lang: str) -> float:
        """A number typed in `lang`'s form of the unit, in the figure's own unit (1.2 typed as ¥ bn is 12 亿元)."""
        answer = self.question.answer
        assert isinstance(answer, NumericAnswer)
        # 1.2 / 0.1 is 11.999…: keep the digits typed, not the float's
        return float(f"{value / form(answer.unit, lang)[1]:.12g}")


def _plain(value: float) -> str:
    return f"{value:.15g}"


@dataclass(frozen=True)
class Tally:
    """The room at one moment: who is in, and what the current round's answers add up to (never who said what)."""

    joined: int
    round: int  # 0 before the first poll
    answered: int
    right: int  # graded as answers arrive; the projector shows it only after the reveal
    counts: tuple[int, ...] = ()  # a choice question: answers per choice
    values: tuple[float, ...] = ()  # a number question: the estimates, in the figure's unit, in arrival order
    revealed: bool = False


def poll_of(question: Question, round: int, languages: tuple[str, ...], lang: str, seconds: int) -> Poll:
    """The poll for `question`, its lazily drawn choices read here, on the caller's thread."""
    if not question.is_numeric:
        question.choices  # noqa: B018 -- a _Later question draws its choices and answer on first read
    return Poll(round, question, tuple(languages), lang, seconds)
