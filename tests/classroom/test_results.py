"""The class results file: lectures that continue or start afresh, answers taken once, and what they add up to."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from desktop.classroom.results import SCHEMA_VERSION, QuestionResult, Results, ResultsError, results_file
from tests.classroom.conftest import NOW


@pytest.fixture
def results(tmp_path):
    opened, notice = Results.open(tmp_path / "deck" / "class.db", NOW)
    assert notice is None
    yield opened
    opened.close()


def test_the_file_lives_in_the_decks_data_folder_and_is_made_with_its_folders(tmp_path):
    path = results_file(tmp_path / "data", "douyin")
    assert path == tmp_path / "data" / "douyin" / "class.db"
    results, notice = Results.open(path, NOW)
    results.close()
    assert notice is None and path.exists()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    db.close()


def test_a_damaged_file_is_set_aside_and_a_fresh_one_works(tmp_path):
    path = tmp_path / "class.db"
    path.write_bytes(b"\x00garbage\xff" * 500)
    results, notice = Results.open(path, NOW)
    try:
        assert (
            str(notice)
            == "class.db was damaged; it was moved to class.db.damaged-20260302-090000 and a fresh one started"
        )
        assert (tmp_path / "class.db.damaged-20260302-090000").read_bytes() == b"\x00garbage\xff" * 500
        assert results.lecture(NOW).id == 1
    finally:
        results.close()


def test_a_file_from_a_newer_casebook_is_refused_in_one_line_and_left_untouched(tmp_path):
    path = tmp_path / "class.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.execute("CREATE TABLE future (x)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(ResultsError) as refused:
        Results.open(path, NOW)
    assert "newer Casebook" in str(refused.value) and "\n" not in str(refused.value)
    assert path.read_bytes() == before


def test_a_lecture_continues_within_six_hours_and_a_new_one_gets_a_fresh_pin(results):
    first = results.lecture(NOW)
    assert len(first.pin) == 4 and first.pin.isdigit()
    assert results.lecture(NOW + timedelta(hours=5, minutes=59)) == first
    pins = set()
    later = NOW
    for _ in range(20):
        later += timedelta(hours=7)
        lecture = results.lecture(later)
        assert lecture.id not in (first.id,) and lecture.started == later
        pins.add(lecture.pin)
    assert len(pins) > 5, "PINs are drawn, not counted"
    assert [lecture.id for lecture in results.lectures()] == list(range(21, 0, -1))


def test_students_rounds_and_answers_come_back_after_a_restart(tmp_path):
    path = tmp_path / "class.db"
    results, _ = Results.open(path, NOW)
    lecture = results.lecture(NOW).id
    results.join(lecture, "t1", "Ana", NOW)
    results.join(lecture, "t2", "Bo", NOW)
    results.pose(lecture, 1, "q1", 1, "recall", NOW)
    results.pose(lecture, 2, "q2", None, "numeric", NOW)
    assert results.answer(lecture, 2, "t1", 12.5, True, 3.0, NOW, lang="en")
    results.close()
    again, _ = Results.open(path, NOW)
    try:
        assert again.lecture(NOW + timedelta(hours=1)).id == lecture
        assert again.students(lecture) == {"t1": "Ana", "t2": "Bo"}
        assert again.last_round(lecture) == 2
        assert again.answers(lecture, 2) == {"t1": 12.5}
        assert again.graded(lecture, 2) == {"t1": (12.5, True, "en")}
        assert again.last_round(lecture + 1) == 0
    finally:
        again.close()


def test_a_student_answers_a_round_once(results):
    lecture = results.lecture(NOW).id
    results.pose(lecture, 1, "q1", 1, "recall", NOW)
    assert results.answer(lecture, 1, "t1", 2, True, 4.0, NOW)
    assert not results.answer(lecture, 1, "t1", 3, False, 5.0, NOW)
    assert results.answers(lecture, 1) == {"t1": 2.0}


def _lecture(results: Results, when, asked: list[tuple[str, int, int]]) -> int:
    """A lecture at `when` posing each (question, answers, right)."""
    lecture = results.lecture(when).id
    for round, (question, answered, right) in enumerate(asked, start=1):
        results.pose(lecture, round, question, 1, "recall", when)
        for n in range(answered):
            results.answer(lecture, round, f"t{n}", 0, n < right, 2.0 + n, when)
    return lecture


def test_the_summary_counts_each_question_in_the_order_first_posed(results):
    lecture = _lecture(results, NOW, [("q2", 4, 1), ("q1", 3, 3), ("q2", 2, 2), ("q3", 0, 0)])
    assert results.summary(lecture) == [
        QuestionResult("q2", 1, "recall", 2, 6, 3, 3.0),
        QuestionResult("q1", 1, "recall", 1, 3, 3, 3.0),
        QuestionResult("q3", 1, "recall", 1, 0, 0, None),
    ]
    assert results.csv(lecture) == (
        "question,section,kind,asked,answered,right,share right,median seconds\n"
        "q2,1,recall,2,6,3,0.500,3.0\n"
        "q1,1,recall,1,3,3,1.000,3.0\n"
        "q3,1,recall,1,0,0,,\n"
    )


def test_the_warm_up_is_what_the_class_missed_last_time_most_missed_first(results):
    # q5 was missed once but got right later; q6 was never answered; q4 is above the bar
    _lecture(results, NOW, [("q1", 10, 7), ("q2", 10, 2), ("q5", 10, 1), ("q6", 0, 0)])
    _lecture(results, NOW + timedelta(days=7), [("q3", 4, 2), ("q4", 10, 8), ("q5", 10, 9)])
    today = results.lecture(NOW + timedelta(days=14)).id
    assert results.warm_up(today) == ["q2", "q3", "q1"]
    assert results.warm_up(today, n=2) == ["q2", "q3"]
    assert results.warm_up(1) == [], "nothing before the first lecture"
