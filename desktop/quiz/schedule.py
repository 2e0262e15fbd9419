"""Spaced repetition with FSRS (the algorithm Anki uses): a rating and a clock in, the next card state out."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime

from fsrs import Card, Rating, Scheduler, State

RATINGS = ("again", "hard", "good", "easy")
SLOW_SECONDS = 25.0  # a right answer that took longer than this was hard
QUICK_SECONDS = 6.0  # … and one quicker than this was easy

# No fuzzing: the same answers at the same times give the same due dates, in tests and on every machine.
_SCHEDULER = Scheduler(enable_fuzzing=False)
_RATING = dict(zip(RATINGS, (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy), strict=True))


def rating_for(correct: bool, seconds: float) -> str:
    """Wrong is 'again'; right and slow is 'hard'; right and quick is 'easy'; else 'good'."""
    if not correct:
        return "again"
    if seconds > SLOW_SECONDS:
        return "hard"
    return "easy" if seconds < QUICK_SECONDS else "good"


@dataclass(frozen=True)
class CardState:
    """What the scheduler knows about the student's memory of one question."""

    question_id: str
    due: datetime
    card_json: str
    reps: int = 0
    lapses: int = 0

    @property
    def card(self) -> Card:
        return Card.from_json(self.card_json)

    @property
    def state(self) -> str:
        """'learning', 'review' or 'relearning'."""
        return self.card.state.name.lower()


def utc(now: datetime) -> datetime:
    """An aware datetime in UTC (fsrs insists); a naive one is a programming error."""
    if now.tzinfo is None:
        raise ValueError("a naive datetime: pass an aware UTC time")
    return now.astimezone(UTC)


def review(state: CardState | None, question_id: str, rating: str, now: datetime) -> CardState:
    """The card after one review at `now`; `state` None is a new card."""
    now = utc(now)
    if state is None:
        # A card id from the question id: fsrs would read the wall clock (and sleep a millisecond) to make one.
        card, reps, lapses = Card(card_id=zlib.crc32(question_id.encode()), due=now), 0, 0
    else:
        card, reps, lapses = state.card, state.reps, state.lapses
    lapsed = card.state == State.Review and rating == "again"
    card, _ = _SCHEDULER.review_card(card, _RATING[rating], review_datetime=now)
    return CardState(question_id, card.due, card.to_json(), reps + 1, lapses + lapsed)
