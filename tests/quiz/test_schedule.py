"""Scheduling: study days, each grade's interval, due dates exactly as FSRS says, with a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop.quiz.schedule import RATINGS, preview, review, study_day
from tests.quiz.conftest import NOW


def test_a_study_day_starts_at_4_am_local_time_as_in_anki():
    beijing = timezone(timedelta(hours=8))
    late = datetime(2026, 3, 2, 19, 30, tzinfo=UTC)  # 03:30 on 3 March in Beijing: still the 2nd's study day
    start, end = study_day(late, beijing)
    assert (start, end) == (datetime(2026, 3, 2, 4, tzinfo=beijing), datetime(2026, 3, 3, 4, tzinfo=beijing))
    assert study_day(late + timedelta(hours=1), beijing)[0] == end


def test_preview_gives_each_grades_interval_without_changing_the_card():
    first = review(None, "q", "good", NOW)
    intervals = preview(first, "q", first.due)
    assert list(intervals) == list(RATINGS)
    assert intervals["again"] < intervals["hard"] <= intervals["good"] < intervals["easy"]
    assert intervals["good"] == review(first, "q", "good", first.due).due - first.due


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
