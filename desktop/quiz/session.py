"""One sitting of self-study, without Qt: which question comes next, answers, regrades and the summary."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo

from desktop.quiz.answers import is_correct
from desktop.quiz.model import Question
from desktop.quiz.model import one_per_figure as bury_siblings
from desktop.quiz.schedule import GRADES, CardState, preview, study_day
from desktop.quiz.store import Store

MODES = ("due", "section", "mistakes", "test", "cram")
PRACTICE = ("test", "cram")  # they never touch the schedule: their answers are not reviews and are not kept
NEW_PER_DAY = 20  # Anki's default limits, counted from the progress file so they hold across restarts
REVIEWS_PER_DAY = 200
TEST_SIZE = 10


@dataclass(frozen=True)
class Feedback:
    """What an answer (or a grade) changed: the verdict, the card state, the rating, and each grade's interval."""

    correct: bool
    question: Question
    card: CardState | None  # None in a practice mode
    rating: str
    intervals: dict[str, timedelta] = field(hash=False)  # rating -> time until due again; empty in practice


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


@dataclass(frozen=True)
class Today:
    """What a review session would ask today: due reviews and new questions within the day's limits."""

    due: int
    new: int
    unseen: int  # questions never answered, beyond today's limit too


def _today(bank: list[Question], store: Store, now: datetime, tz: tzinfo | None) -> tuple[list[str], list[str], int]:
    """(due by the end of the study day, one a figure, within the review limit; never answered; new still allowed)."""
    start, end = study_day(now, tz)
    new_done, reviews_done = store.answered_since(start)
    suspended = store.suspended()
    by_id = {q.id: q for q in bank if q.id not in suspended}
    due = one_per_figure([qid for qid in store.due(end) if qid in by_id], by_id)
    seen = store.seen()
    unseen = [qid for qid in by_id if qid not in seen]
    return due[: max(0, REVIEWS_PER_DAY - reviews_done)], unseen, max(0, NEW_PER_DAY - new_done)


def start_counts(bank: list[Question], store: Store, now: datetime, tz: tzinfo | None = None) -> Today:
    """Today's reviews and new questions over this bank, as the start screen shows them."""
    due, unseen, new_left = _today(bank, store, now, tz)
    return Today(len(due), min(len(unseen), new_left), len(unseen))


def one_per_figure(ids: list[str], by_id: dict[str, Question]) -> list[str]:
    """The ids in order, a question's siblings after it dropped: no figure asked twice, none shown before it is
    asked (Anki buries siblings; the bank says which figure a question asks and which it shows)."""
    return [question.id for question in bury_siblings([by_id[qid] for qid in ids])]


class Session:
    """The queue of one sitting, in one of MODES; outside a test, an 'again' comes back at the end of the queue."""

    # due: due cards, then new ones, within the day's limits. section: one numbered section's due, new, then the
    # rest by due date. mistakes: last answer wrong, the latest first. test: TEST_SIZE questions drawn by the seed,
    # no repeats; the window shows the clock. cram: every question, shuffled. In every mode one question a figure.

    def __init__(
        self,
        bank: list[Question],
        store: Store,
        mode: str,
        now_fn: Callable[[], datetime],
        section: int | None = None,
        seed: int = 0,
        tz: tzinfo | None = None,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode: expected one of {', '.join(MODES)}, got {mode!r}")
        if mode == "section" and section is None:
            raise ValueError("mode 'section' needs a section number")
        self.mode, self.section, self.store, self.now_fn = mode, section, store, now_fn
        self.started_at: datetime = now_fn()
        self.finished_at: datetime | None = None
        self._suspended = store.suspended()
        questions = [q for q in bank if (section is None or q.section == section) and q.id not in self._suspended]
        self._by_id = {q.id: q for q in questions}
        self._rng = random.Random(seed)
        self._queue: list[str] = one_per_figure(self._order(questions, bank, tz), self._by_id)
        if mode == "test":
            self._queue = self._queue[:TEST_SIZE]
        self._showing: Question | None = None  # the front of the queue, its choices shuffled for this showing
        self._order_shown: tuple[int, ...] = ()  # the bank's index of each choice shown
        self._attempts: list[Attempt] = []
        self._repeated: list[bool] = []  # for each answer moved past: whether it came back at the end
        self._answered: Feedback | None = None  # the current question's feedback, until next()

    def _order(self, questions: list[Question], bank: list[Question], tz: tzinfo | None) -> list[str]:
        ids = [q.id for q in questions]
        if self.mode in PRACTICE:
            return self._rng.sample(ids, len(ids))
        if self.mode == "mistakes":
            return [qid for qid in self.store.mistakes() if qid in self._by_id]
        if self.mode == "due":  # like Anki: a day's review brings in a few new questions, mixed
            due, unseen, new_left = _today(bank, self.store, self.started_at, tz)
            mixed = one_per_figure(due + self._rng.sample(unseen, len(unseen)), self._by_id)
            return due + mixed[len(due) :][:new_left]
        due = [qid for qid in self.store.due(self.started_at) if qid in self._by_id]
        seen = self.store.seen()
        new = [qid for qid in ids if qid not in seen]
        rest = sorted((qid for qid in ids if qid in seen and qid not in due), key=lambda q: self.store.card(q).due)
        return due + new + rest

    @property
    def current(self) -> Question | None:
        """The question being asked, or just answered (until `next`), its choices in this showing's order."""
        if self._showing is None and self._queue:
            question = self._by_id[self._queue[0]]
            order = tuple(self._rng.sample(range(len(question.choices)), len(question.choices)))
            if not question.is_numeric:
                choices = tuple(question.choices[i] for i in order)
                question = replace(question, choices=choices, answer=order.index(question.answer))
            self._showing, self._order_shown = question, order
        return self._showing

    def next(self) -> Question | None:
        """Moves past an answered question and returns the one to ask, or None when the session is over."""
        if self._answered is not None:
            feedback, self._answered = self._answered, None
            self._queue.pop(0)
            repeat = feedback.rating == "again" and self.mode != "test" and feedback.question.id not in self._suspended
            if repeat:
                self._queue.append(feedback.question.id)
            self._repeated.append(repeat)
            self._showing = None
        if not self._queue and self.finished_at is None:
            self.finished_at = self.now_fn()
        return self.current

    def position(self) -> tuple[int, int]:
        """(questions finished, questions in the whole session so far): the window shows 'n of total'."""
        done = len(self._repeated)
        return done, done + len(self._queue)

    def answer(self, response: int | str, seconds: float, now: datetime, lang: str | None = None) -> Feedback:
        """Judges the response and, outside practice, commits it as again (wrong) or good (right)."""
        question = self.current
        if question is None or self._answered is not None:
            raise RuntimeError("no question is waiting for an answer")
        correct = is_correct(question, response, lang=lang)
        rating = "good" if correct else "again"
        kept = response if question.is_numeric else self._order_shown[response]  # as the bank orders the choices
        if self.mode in PRACTICE:
            card, intervals = None, {}
        else:
            before = self.store.card(question.id)
            card = self.store.record_answer(question.id, correct, rating, seconds, str(kept), now)
            intervals = preview(before, question.id, now)
        self._attempts.append(Attempt(question, correct, seconds, rating))
        self._answered = Feedback(correct, question, card, rating, intervals)
        if self.mode == "test" and len(self._queue) == 1:
            self.finished_at = now
        return self._answered

    def grade(self, rating: str, now: datetime) -> Feedback:
        """The student's grade of a right answer (hard, good or easy) replaces good; a wrong one stays again."""
        answered = self._answered
        if answered is None:
            raise RuntimeError("nothing to grade: answer a question first")
        if not answered.correct or rating not in GRADES:
            raise ValueError(f"a {'right' if answered.correct else 'wrong'} answer cannot be graded {rating!r}")
        card = answered.card
        if rating != answered.rating and self.mode not in PRACTICE:
            card = self.store.regrade(answered.question.id, rating, now)
        last = self._attempts[-1]
        self._attempts[-1] = Attempt(last.question, last.correct, last.seconds, rating)
        self._answered = replace(answered, card=card, rating=rating)
        return self._answered

    def undo(self) -> Question | None:
        """Takes back this session's last answer: its card is as before it, and it is asked again; None if none."""
        if not self._attempts:
            return None
        question = self._attempts.pop().question
        if self._answered is None:  # already moved past: put it back in front
            if self._repeated.pop():
                del self._queue[len(self._queue) - 1 - self._queue[::-1].index(question.id)]
            self._queue.insert(0, question.id)
        self._answered, self._showing, self.finished_at = None, None, None
        if self.mode not in PRACTICE:
            self.store.undo(question.id)
        return self.current

    def suspend(self, now: datetime) -> None:
        """Suspends the current question: it leaves this session and is never asked until unsuspended."""
        question = self.current
        if question is None:
            return
        self.store.suspend(question.id, True, now)
        self._suspended.add(question.id)
        self._queue = [qid for qid in self._queue if qid != question.id]
        if self._answered is not None:
            self._queue.insert(0, question.id)  # shown with its feedback until next(), which moves past it
        else:
            self._showing = None

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
