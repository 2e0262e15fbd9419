"""Read-only looks into a progress store: reviews due in the days ahead and each question's answers."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from desktop.quiz.store import Store

DAYS = 14


@dataclass(frozen=True)
class Answer:
    """One answer to a question as the store keeps it; a regrade shows as the answer's later rating."""

    at: datetime
    correct: bool
    rating: str
    seconds: float
    response: str


def forecast(store: Store, today: date, tz: tzinfo, days: int = DAYS) -> list[tuple[date, int]]:
    """(day, reviews due that day) for `days` days from `today`; what is overdue counts on `today`."""
    counts = [0] * days
    for question_id in store.seen():
        due = store.card(question_id).due.astimezone(tz).date()
        offset = max(0, (due - today).days)
        if offset < days:
            counts[offset] += 1
    return [(today + timedelta(days=i), n) for i, n in enumerate(counts)]


def answers(store: Store) -> dict[str, list[Answer]]:
    """Every question's answers, oldest first, read through a read-only connection of its own."""
    # A connection opened read-only cannot change the file, whatever a caller does with it.
    db = sqlite3.connect(f"{store.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT a.question_id, a.answered_at, a.correct, COALESCE(("
            "  SELECT r.rating FROM answers r WHERE r.overrides = a.id ORDER BY r.id DESC LIMIT 1), a.rating),"
            " a.seconds, a.response FROM answers a WHERE a.overrides IS NULL ORDER BY a.id"
        ).fetchall()
    except sqlite3.Error:  # a file that cannot be read now: no history shown, the quiz goes on
        rows = []
    finally:
        db.close()
    found: dict[str, list[Answer]] = {}
    for qid, at, correct, rating, seconds, response in rows:
        found.setdefault(qid, []).append(Answer(datetime.fromisoformat(at), bool(correct), rating, seconds, response))
    return found
