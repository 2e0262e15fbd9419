"""A self-study session without a window: what comes next, answering, grading, undo, limits, the summary."""

from __future__ import annotations

import itertools
from datetime import UTC, timedelta

import pytest

from desktop.quiz import session as session_module
from desktop.quiz.model import NumericAnswer, Question, clashes
from desktop.quiz.schedule import review
from desktop.quiz.session import NEW_PER_DAY, TEST_SIZE, Session, Today, one_per_figure, start_counts
from tests.full_disk import rows
from tests.quiz.conftest import NOW


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now=NOW) -> None:
        self.now = now

    def __call__(self):
        return self.now


def right(question):
    return f"{question.answer.value:g}" if isinstance(question.answer, NumericAnswer) else question.answer


def wrong(question):
    return "99999" if question.is_numeric else (question.answer + 1) % len(question.choices)


def siblings_buried(queue: list[Question], candidates: list[Question]) -> bool:
    """No two queued questions ask the same figure or show what another asks, yet every figure of the candidates
    is asked or shown by one of them: Anki's burying, not a thinner session."""
    free = not any(clashes(a, b) for a, b in itertools.combinations(queue, 2))
    covered = set().union(*(q.asks | q.shows for q in queue))
    return free and all(q.asks <= covered for q in candidates)


def distinct(bank, n):
    """The first question of each of n figures: a session asks one question a figure."""
    by_id = {q.id: q for q in bank}
    return [by_id[qid] for qid in one_per_figure([q.id for q in bank], by_id)[:n]]


def session(bank, store, mode="due", clock=None, **kwargs):
    return Session(bank, store, mode, clock or Clock(), tz=UTC, **kwargs)


def test_start_counts_todays_reviews_and_new_questions_within_the_limit(answered, bank, store):
    assert start_counts(bank, store, NOW, UTC) == Today(0, NEW_PER_DAY, len(bank))
    due = one_per_figure(answered.due(NOW), {q.id: q for q in bank})
    assert 0 < len(due) < 20, "one question a figure: the template answered siblings"
    assert start_counts(bank, answered, NOW, UTC) == Today(len(due), NEW_PER_DAY, len(bank) - 20)


def test_due_today_counts_what_is_due_by_the_end_of_the_study_day(store, bank):
    store.record_answer(bank[0].id, True, "good", 5, "x", NOW)  # learning: due again in 10 minutes
    assert store.due(NOW) == [] and start_counts(bank, store, NOW, UTC).due == 1


def test_due_cards_come_first_then_new_ones_one_question_a_figure(answered, bank):
    sitting = session(bank, answered)
    asked = [sitting._by_id[qid].figure for qid in sitting._queue if sitting._by_id[qid].figure]
    assert len(asked) == len(set(asked)), "no two questions about one figure in a session"
    due = one_per_figure(answered.due(NOW), sitting._by_id)
    assert sitting.next().id == due[0]
    assert sitting._queue[: len(due)] == due
    assert set(sitting._queue[len(due) :]) <= {q.id for q in bank} - answered.seen()


def test_the_new_question_limit_holds_across_sessions_until_4_am(store, bank):
    clock = Clock()
    first = session(bank, store, clock=clock)
    assert first.position() == (0, NEW_PER_DAY)
    for _ in range(5):
        first.answer(right(first.next()), 5, clock.now)
        first.next()
    again = session(bank, store, clock=clock)  # the window reopened the same day
    assert sum(qid not in store.seen() for qid in again._queue) == NEW_PER_DAY - 5
    clock.now = NOW.replace(hour=3, minute=59) + timedelta(days=1)
    assert start_counts(bank, store, clock.now, UTC).new == NEW_PER_DAY - 5, "before 4 am it is still the same day"
    clock.now += timedelta(minutes=1)
    assert start_counts(bank, store, clock.now, UTC).new == NEW_PER_DAY


def test_the_review_limit_caps_due_questions(answered, bank, monkeypatch):
    monkeypatch.setattr(session_module, "REVIEWS_PER_DAY", 3)
    assert start_counts(bank, answered, NOW, UTC).due == 3
    sitting = session(bank, answered)
    assert sitting._queue[:3] == one_per_figure(answered.due(NOW), sitting._by_id)[:3]
    assert not set(sitting._queue[3:]) & answered.seen(), "then new questions only"


def test_an_answer_is_committed_as_good_whatever_its_speed_and_stays_until_next(store, bank):
    sitting = session(bank, store)
    question = sitting.next()
    assert sitting.next() is question, "next() without an answer asks the same question"
    feedback = sitting.answer(right(question), 1, NOW)
    assert feedback.correct and feedback.rating == "good" and feedback.question is question, "never easy by time"
    assert store.card(question.id) == feedback.card == review(None, question.id, "good", NOW)
    assert feedback.intervals["easy"] == review(None, question.id, "easy", NOW).due - NOW
    assert sitting.current is question, "the window still shows it, and its slide"
    assert sitting.next() is not question and sitting.position()[0] == 1
    with pytest.raises(RuntimeError):
        sitting.grade("good", NOW)


def test_a_right_answer_is_graded_hard_good_or_easy_a_wrong_one_is_again(store, bank):
    sitting = session(distinct(bank, 2), store)
    question = sitting.next()
    sitting.answer(right(question), 5, NOW)
    feedback = sitting.grade("easy", NOW + timedelta(seconds=2))
    assert feedback.rating == "easy" and store.card(question.id) == review(None, question.id, "easy", NOW)
    with pytest.raises(ValueError):
        sitting.grade("again", NOW)
    sitting.next()
    missed = sitting.current
    sitting.answer(wrong(missed), 5, NOW)
    with pytest.raises(ValueError):
        sitting.grade("good", NOW)


def test_a_wrong_answer_comes_back_at_the_end_until_it_is_right(store, bank):
    sitting = session(distinct(bank, 3), store)
    first = sitting.next()
    assert not sitting.answer(wrong(first), 8, NOW).correct
    sitting.next()
    assert sitting._queue[-1] == first.id and sitting.position() == (1, 4), "the repeat counts as one more"
    for _ in range(2):
        sitting.answer(right(sitting.current), 8, NOW)
        sitting.next()
    assert sitting.current.id == first.id
    sitting.answer(right(sitting.current), 8, NOW)
    assert sitting.next() is None and sitting.finished_at == NOW


def test_choices_are_shuffled_at_each_showing_and_the_answer_follows(store, bank):
    question = next(q for q in bank if len(q.choices) == 4)
    sitting = session([question], store, "cram")
    orders = set()
    for _ in range(8):
        shown = sitting.next()
        orders.add(shown.choices)
        assert shown.choices[shown.answer] == question.choices[question.answer]
        assert sitting.answer(wrong(shown), 3, NOW).rating == "again"  # cram asks a miss again
    assert len(orders) > 1 and shown.id == question.id
    due = session([question], store)
    shown = due.next()
    due.answer(shown.answer, 3, NOW)
    assert rows(store.path, "SELECT response FROM answers") == [(str(question.answer),)], "kept as the bank orders"


def test_undo_restores_the_card_and_asks_the_question_again(store, bank):
    sitting = session(distinct(bank, 3), store)
    first = sitting.next()
    sitting.answer(right(first), 5, NOW)
    sitting.grade("easy", NOW)
    sitting.next()
    second = sitting.current
    sitting.answer(wrong(second), 5, NOW + timedelta(seconds=5))
    sitting.next()
    assert sitting.undo().id == second.id and store.card(second.id) is None and sitting.position() == (1, 3)
    assert sitting.undo().id == first.id and store.card(first.id) is None and sitting.position() == (0, 3)
    assert rows(store.path, "SELECT COUNT(*) FROM answers") == [(0,)]
    assert sitting.undo() is None


def test_a_suspended_question_leaves_the_session_and_every_later_one(store, bank):
    sitting = session(bank, store, "cram")
    question = sitting.next()
    sitting.suspend(NOW)
    assert sitting.next().id != question.id and question.id not in sitting._queue
    assert question.id in store.suspended()
    for mode in ("due", "cram", "test"):
        assert question.id not in session(bank, store, mode)._queue


def test_a_test_is_ten_questions_timed_and_leaves_the_schedule_alone(store, bank):
    clock = Clock()
    sitting = session(bank, store, "test", clock, seed=4)
    assert sitting.position() == (0, TEST_SIZE) and sitting.started_at == NOW
    asked = []
    for i in range(TEST_SIZE):
        question = sitting.next()
        asked.append(question.id)
        at = NOW + timedelta(seconds=30 * (i + 1))
        sitting.answer(wrong(question) if i < 3 else right(question), 4 + i, at)
    assert sitting.next() is None and len(set(asked)) == TEST_SIZE, "no repeats in a test"
    summary = sitting.summary()
    assert (summary.right, summary.total) == (7, 10)
    assert summary.finished_at == NOW + timedelta(seconds=300) and summary.started_at == NOW
    assert [q.id for q in summary.missed] == asked[:3]
    assert [q.id for q in summary.slowest] == asked[:-4:-1] and summary.slowest_seconds == (13, 12, 11)
    assert store.seen() == set() and store.history() == [], "a test answer is not a review"
    assert session(bank, store, "test", clock, seed=5)._queue != asked


def test_cram_asks_every_figure_once_and_leaves_the_schedule_alone(store, bank):
    sitting = session(bank, store, "cram")
    assert siblings_buried([sitting._by_id[i] for i in sitting._queue], bank)
    question = sitting.next()
    sitting.answer(right(question), 4, NOW)
    assert store.seen() == set() and store.history() == []


def test_a_section_session_asks_only_that_section(answered, bank):
    sitting = session(bank, answered, "section", section=5)
    assert {sitting._by_id[i].section for i in sitting._queue} == {5}
    assert siblings_buried([sitting._by_id[i] for i in sitting._queue], [q for q in bank if q.section == 5])
    with pytest.raises(ValueError):
        session(bank, answered, "section")


def test_a_mistakes_session_is_the_questions_last_answered_wrong(answered, bank):
    sitting = session(bank, answered, "mistakes")
    assert sitting._queue == one_per_figure(answered.mistakes(), sitting._by_id) and len(sitting._queue) == 6


def test_the_summary_counts_first_attempts_and_ends_the_clock(store, bank):
    clock = Clock()
    sitting = session(bank, store, clock=clock)
    q = sitting.next()
    sitting.answer(wrong(q), 40, NOW)
    sitting.next()
    clock.now = NOW + timedelta(minutes=5)
    summary = sitting.summary()
    assert (summary.right, summary.total) == (0, 1) and summary.finished_at == clock.now
    assert summary.by_section == {q.section: (0, 1)} and summary.missed == (q,)
