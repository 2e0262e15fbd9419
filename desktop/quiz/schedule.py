"""Spaced repetition with FSRS (the algorithm Anki uses): a rating and a clock in, the next card state out."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from fsrs import Card, Rating, Scheduler, State

RATINGS = ("again", "hard", "good", "easy")
GRADES = RATINGS[1:]  # what a right answer offers; a wrong one is always again
DAY_STARTS_AT = 4  # o'clock, local time, as in Anki: a late night still counts as the day before

# No fuzzing: the same answers at the same times give the same due dates, in tests and on every machine.
_SCHEDULER = Scheduler(enable_fuzzing=False)
_RATING = dict(zip(RATINGS, (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy), strict=True))


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
    card, reps, lapses = _card(state, question_id, utc(now))
    lapsed = card.state == State.Review and rating == "again"
    card, _ = _SCHEDULER.review_card(card, _RATING[rating], review_datetime=utc(now))
    return CardState(question_id, card.due, card.to_json(), reps + 1, lapses + lapsed)


def preview(state: CardState | None, question_id: str, now: datetime) -> dict[str, timedelta]:
    """How long until the card is due again, for each rating a review at `now` could get (nothing is stored)."""
    now = utc(now)
    card = _card(state, question_id, now)[0]
    return {rating: _SCHEDULER.review_card(card, _RATING[rating], now)[0].due - now for rating in RATINGS}


def _card(state: CardState | None, question_id: str, now: datetime) -> tuple[Card, int, int]:
    """The fsrs card (read once), its reviews and its lapses; a new card for `state` None."""
    if state is None:
        # A card id from the question id: fsrs would read the wall clock (and sleep a millisecond) to make one.
        return Card(card_id=zlib.crc32(question_id.encode()), due=now), 0, 0
    return state.card, state.reps, state.lapses


def study_day(now: datetime, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The start and end of the study day holding `now`, in `tz` (the system's zone when None)."""
    local = now.astimezone(tz)
    start = local.replace(hour=DAY_STARTS_AT, minute=0, second=0, microsecond=0)
    if local < start:
        start -= timedelta(days=1)
    return start, start + timedelta(days=1)
