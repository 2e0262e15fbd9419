"""One sitting of self-study, without Qt: which question comes next, answers, regrades and the summary."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from desktop.quiz.answers import is_correct
from desktop.quiz.model import Question
from desktop.quiz.schedule import CardState, rating_for
from desktop.quiz.store import Store

MODES = ("due", "section", "mistakes", "test")
NEW_PER_SESSION = 20
TEST_SIZE = 10


@dataclass(frozen=True)
class Feedback:
    """What an answer (or a regrade) changed: the verdict, the new card state and the rating it was given."""

    correct: bool
    question: Question
    card: CardState
    rating: str


@dataclass(frozen=True)
class Attempt:
    question: Question
    correct: bool
    seconds: float
    rating: str


@dataclass(frozen=True)
class Summary:
    """A session in numbers; the score counts each question's first attempt."""

    right: int
    total: int
    by_section: dict[int | None, tuple[int, int]] = field(hash=False)  # section number -> (right, asked)
    slowest: tuple[Question, ...]  # up to three, slowest first
    slowest_seconds: tuple[float, ...]
    missed: tuple[Question, ...]
    started_at: datetime
    finished_at: datetime | None


def start_counts(bank: list[Question], store: Store, now: datetime) -> tuple[int, int]:
    """(questions due at `now`, questions never answered), over this bank."""
    ids = {q.id for q in bank}
    return len(ids & set(store.due(now))), len(ids - store.seen())


class Session:
    """The queue of one sitting, in one of MODES; outside a test, an 'again' comes back at the end of the queue."""

    # due: due cards, then new ones. section: one numbered section's due, new, then the rest by due date.
    # mistakes: last answer wrong, the latest first. test: TEST_SIZE questions drawn by the seed, no repeats;
    # the window shows the clock, the session keeps started_at and finished_at.

    def __init__(
        self,
        bank: list[Question],
        store: Store,
        mode: str,
        now_fn: Callable[[], datetime],
        section: int | None = None,
        seed: int = 0,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode: expected one of {', '.join(MODES)}, got {mode!r}")
        if mode == "section" and section is None:
            raise ValueError("mode 'section' needs a section number")
        self.mode, self.section, self.store, self.now_fn = mode, section, store, now_fn
        self.started_at: datetime = now_fn()
        self.finished_at: datetime | None = None
        questions = [q for q in bank if section is None or q.section == section]
        self._by_id = {q.id: q for q in questions}
        self._queue: list[str] = self._order(questions, random.Random(seed))
        self._attempts: list[Attempt] = []
        self._answered: Feedback | None = None  # the current question's feedback, until next()
        self._done = 0

    def _order(self, questions: list[Question], rng: random.Random) -> list[str]:
        ids = [q.id for q in questions]
        if self.mode == "test":
            return rng.sample(ids, min(TEST_SIZE, len(ids)))
        if self.mode == "mistakes":
            return [qid for qid in self.store.mistakes() if qid in self._by_id]
        due = [qid for qid in self.store.due(self.started_at) if qid in self._by_id]
        seen = self.store.seen()
        new = [qid for qid in ids if qid not in seen]
        if self.mode == "due":  # like Anki: a day's review brings in a few new questions, mixed
            return due + rng.sample(new, min(NEW_PER_SESSION, len(new)))
        rest = sorted((qid for qid in ids if qid in seen and qid not in due), key=lambda q: self.store.card(q).due)
        return due + new + rest

    @property
    def current(self) -> Question | None:
        """The question being asked, or just answered (until `next`)."""
        return self._by_id[self._queue[0]] if self._queue else None

    def next(self) -> Question | None:
        """Moves past an answered question and returns the one to ask, or None when the session is over."""
        if self._answered is not None:
            feedback, self._answered = self._answered, None
            self._queue.pop(0)
            self._done += 1
            if feedback.rating == "again" and self.mode != "test":
                self._queue.append(feedback.question.id)
        if not self._queue and self.finished_at is None:
            self.finished_at = self.now_fn()
        return self.current

    def position(self) -> tuple[int, int]:
        """(questions finished, questions in the whole session so far): the window shows 'n of total'."""
        return self._done, self._done + len(self._queue)

    def answer(self, response: int | str, seconds: float, now: datetime, lang: str | None = None) -> Feedback:
        """Judges the response, commits it with the new card state, and says what changed."""
        question = self.current
        if question is None or self._answered is not None:
            raise RuntimeError("no question is waiting for an answer")
        correct = is_correct(question, response, lang=lang)
        rating = rating_for(correct, seconds)
        card = self.store.record_answer(question.id, correct, rating, seconds, str(response), now)
        self._attempts.append(Attempt(question, correct, seconds, rating))
        self._answered = Feedback(correct, question, card, rating)
        if self.mode == "test" and len(self._queue) == 1:
            self.finished_at = now
        return self._answered

    def regrade(self, rating: str, now: datetime) -> Feedback:
        """The student's own rating replaces the one the answer got; the verdict stays as judged."""
        if self._answered is None:
            raise RuntimeError("nothing to regrade: answer a question first")
        card = self.store.regrade(self._answered.question.id, rating, now)
        last = self._attempts[-1]
        self._attempts[-1] = Attempt(last.question, last.correct, last.seconds, rating)
        self._answered = Feedback(self._answered.correct, self._answered.question, card, rating)
        return self._answered

    def summary(self) -> Summary:
        """The score by section, the slowest questions and the missed ones; ends the session's clock if running."""
        if self.finished_at is None:
            self.finished_at = self.now_fn()
        first: dict[str, Attempt] = {}
        for attempt in self._attempts:
            first.setdefault(attempt.question.id, attempt)
        by_section: dict[int | None, tuple[int, int]] = {}
        for attempt in first.values():
            right, asked = by_section.get(attempt.question.section, (0, 0))
            by_section[attempt.question.section] = (right + attempt.correct, asked + 1)
        longest: dict[str, Attempt] = {}  # each question once, by its slowest attempt
        for attempt in self._attempts:
            kept = longest.get(attempt.question.id)
            if kept is None or attempt.seconds > kept.seconds:
                longest[attempt.question.id] = attempt
        slowest = sorted(longest.values(), key=lambda a: a.seconds, reverse=True)[:3]
        return Summary(
            right=sum(a.correct for a in first.values()),
            total=len(first),
            by_section=by_section,
            slowest=tuple(a.question for a in slowest),
            slowest_seconds=tuple(a.seconds for a in slowest),
            missed=tuple(a.question for a in first.values() if not a.correct),
            started_at=self.started_at,
            finished_at=self.finished_at,
        )
