"""Scheduling: ratings from right/wrong and time, due dates exactly as FSRS says, with a fixed clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desktop.quiz.schedule import RATINGS, rating_for, review
from tests.quiz.conftest import NOW


@pytest.mark.parametrize(
    ("correct", "seconds", "rating"),
    [(False, 3, "again"), (False, 60, "again"), (True, 30, "hard"), (True, 3, "easy"), (True, 12, "good")],
)
def test_a_rating_comes_from_the_verdict_and_the_time(correct, seconds, rating):
    assert rating_for(correct, seconds) == rating
    assert rating in RATINGS


@pytest.mark.parametrize(("rating", "due"), [("again", timedelta(minutes=1)), ("good", timedelta(minutes=10))])
def test_a_new_card_moves_through_the_default_learning_steps(rating, due):
    state = review(None, "recall:ad-share-2023", rating, NOW)
    assert state.due - NOW == due
    assert (state.state, state.reps, state.lapses) == ("learning", 1, 0)


def test_easy_on_a_new_card_graduates_it_to_review_for_days():
    state = review(None, "q", "easy", NOW)
    assert state.state == "review" and state.due - NOW >= timedelta(days=1)


def test_good_after_good_graduates_and_again_in_review_is_a_lapse():
    first = review(None, "q", "good", NOW)
    second = review(first, "q", "good", first.due)
    assert second.state == "review" and second.due - first.due >= timedelta(days=1)
    lapsed = review(second, "q", "again", second.due)
    assert (lapsed.state, lapsed.lapses, lapsed.reps) == ("relearning", 1, 3)
    assert lapsed.due - second.due == timedelta(minutes=10)


def test_the_same_answers_at_the_same_times_give_the_same_card():
    def run():
        state = None
        for i, rating in enumerate(["good", "hard", "good", "easy", "again"]):
            state = review(state, "q", rating, NOW + timedelta(days=i))
        return state

    assert run() == run()


def test_the_clock_must_be_aware_and_is_read_in_utc():
    with pytest.raises(ValueError):
        review(None, "q", "good", datetime(2026, 3, 2, 9, 0))
    beijing = NOW.astimezone(timezone(timedelta(hours=8)))
    assert review(None, "q", "good", beijing) == review(None, "q", "good", NOW)
