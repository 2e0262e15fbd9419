"""A self-study session without a window: what comes next, answering, regrading, the summary."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.quiz.model import NumericAnswer
from desktop.quiz.session import NEW_PER_SESSION, TEST_SIZE, Session, start_counts
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


def test_start_counts_due_and_new_over_the_bank(answered, bank, store):
    assert start_counts(bank, store, NOW) == (0, len(bank))
    assert start_counts(bank, answered, NOW) == (20, len(bank) - 20)


def test_due_cards_come_first_then_new_ones(answered, bank):
    session = Session(bank, answered, "due", Clock())
    due = answered.due(NOW)
    assert session.next().id == due[0]
    new = {q.id for q in bank} - answered.seen()
    assert session.position() == (0, len(due) + min(NEW_PER_SESSION, len(new)))
    order = session._queue
    assert order[: len(due)] == due and set(order[len(due) :]) <= new


def test_an_answer_is_committed_and_the_question_stays_until_next(store, bank):
    session = Session(bank, store, "due", Clock())
    question = session.next()
    assert session.next() is question, "next() without an answer asks the same question"
    feedback = session.answer(right(question), 3, NOW)
    assert feedback.correct and feedback.rating == "easy" and feedback.question is question
    assert store.card(question.id) == feedback.card
    assert session.current is question, "the window still shows it, and its slide"
    assert session.next() is not question and session.position()[0] == 1
    with pytest.raises(RuntimeError):
        session.regrade("good", NOW)


def test_a_wrong_answer_comes_back_at_the_end_until_it_is_right(store, bank):
    session = Session(bank[:3], store, "due", Clock())
    first = session.next()
    assert not session.answer(wrong(first), 8, NOW).correct
    session.next()
    assert session._queue[-1] == first.id and session.position() == (1, 4), "the repeat counts as one more"
    for _ in range(2):
        session.answer(right(session.current), 8, NOW)
        session.next()
    assert session.current is first
    session.answer(right(first), 8, NOW)
    assert session.next() is None and session.finished_at == NOW


def test_a_regrade_replaces_the_rating_and_decides_whether_it_comes_back(store, bank):
    session = Session(bank[:2], store, "due", Clock())
    question = session.next()
    session.answer(wrong(question), 5, NOW)
    feedback = session.regrade("good", NOW + timedelta(seconds=2))
    assert feedback.rating == "good" and not feedback.correct
    assert store.card(question.id) == feedback.card and feedback.card.due - NOW == timedelta(minutes=10)
    session.next()
    assert question.id not in session._queue
    assert store.mistakes() == [question.id], "the verdict stays as judged"


def test_a_test_is_ten_questions_timed_from_start_to_last_answer(store, bank):
    clock = Clock()
    session = Session(bank, store, "test", clock, seed=4)
    assert session.position() == (0, TEST_SIZE) and session.started_at == NOW
    asked = []
    for i in range(TEST_SIZE):
        question = session.next()
        asked.append(question.id)
        at = NOW + timedelta(seconds=30 * (i + 1))
        session.answer(wrong(question) if i < 3 else right(question), 4 + i, at)
    assert session.next() is None and len(set(asked)) == TEST_SIZE, "no repeats in a test"
    summary = session.summary()
    assert (summary.right, summary.total) == (7, 10)
    assert summary.finished_at == NOW + timedelta(seconds=300) and summary.started_at == NOW
    assert [q.id for q in summary.missed] == asked[:3]
    assert [q.id for q in summary.slowest] == asked[:-4:-1] and summary.slowest_seconds == (13, 12, 11)
    assert sum(total for _, total in summary.by_section.values()) == 10
    assert [q.id for q in Session(bank, store, "test", clock, seed=4)._by_id.values()] != asked


def test_a_section_session_asks_only_that_section(answered, bank):
    session = Session(bank, answered, "section", Clock(), section=5)
    assert {session._by_id[i].section for i in session._queue} == {5}
    assert len(session._queue) == len([q for q in bank if q.section == 5])
    with pytest.raises(ValueError):
        Session(bank, answered, "section", Clock())


def test_a_mistakes_session_is_the_questions_last_answered_wrong(answered, bank):
    session = Session(bank, answered, "mistakes", Clock())
    assert session._queue == answered.mistakes() and len(session._queue) == 7


def test_the_summary_counts_first_attempts_and_ends_the_clock(store, bank):
    clock = Clock()
    session = Session(bank, store, "due", clock)
    q = session.next()
    session.answer(wrong(q), 40, NOW)
    session.next()
    clock.now = NOW + timedelta(minutes=5)
    summary = session.summary()
    assert (summary.right, summary.total) == (0, 1) and summary.finished_at == clock.now
    assert summary.by_section == {q.section: (0, 1)} and summary.missed == (q,)
