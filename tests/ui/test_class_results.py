"""After the lecture: Quiz → Class results, its CSV, and next lecture's warm-up from the class's misses."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.classroom.results import Results, results_file
from desktop.ui.class_results import ClassResultsDialog, missed_most
from tests.conftest import REPO, open_window

DOUYIN = REPO / "content" / "douyin-exit-matrix"
LAST_WEEK = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def lecture_of(bank, shares: list[float], when: datetime) -> list[str]:
    """A past lecture in the user's results file: one question a share, ten students answering each."""
    path = results_file(Path(os.environ["CASEBOOK_DATA_DIR"]), "douyin-exit-matrix")
    results, _ = Results.open(path, when)
    lecture = results.lecture(when).id
    questions = [q for q in bank if not q.is_numeric][: len(shares)]
    for round, (question, share) in enumerate(zip(questions, shares, strict=True), start=1):
        results.pose(lecture, round, question.id, question.section, question.kind, when)
        for student in range(10):
            right = student < share * 10
            seconds = 4.0 + student + 3 * round  # each question slower than the one before
            results.answer(lecture, round, f"t{student}", 0, right, seconds, when + timedelta(seconds=round))
    results.close()
    return [q.id for q in questions]


@pytest.fixture
def window(qtbot, tmp_path):
    return open_window(qtbot, tmp_path, DOUYIN, lang="en", start=3)


def test_the_warm_up_poses_last_times_misses_worst_first_and_enter_moves_on(qtbot, window):
    controls = window.class_controls
    ids = lecture_of(controls.bank(), [0.9, 0.3, 0.6, 0.1], LAST_WEEK)
    controls.warm_up()
    room, overlay = controls.room, controls.overlay
    assert room.question.id == ids[3], "the question the room missed most comes first"
    assert overlay.heading.text() == "Warm-up 1 of 3: last time’s misses"
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert room.revealed
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert room.question.id == ids[1] and not room.revealed
    assert overlay.heading.text().startswith("Warm-up 2 of 3")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert room.question is None and not overlay.isVisible()
    assert window.presenting.index == 3, "the talk stays where it was"


def test_with_nothing_missed_the_warm_up_says_so(qtbot, window):
    lecture_of(window.class_controls.bank(), [1.0, 0.9], LAST_WEEK)
    window.class_controls.warm_up()
    assert window.class_controls.room.question is None
    assert window.badge.text() == "No question was missed by the class last time."


def test_class_results_list_each_question_the_weakest_sections_and_write_a_csv(qtbot, window, tmp_path, monkeypatch):
    controls = window.class_controls
    ids = lecture_of(controls.bank(), [0.9, 0.3, 0.6], LAST_WEEK)
    bank = {q.id: q for q in controls.bank()}
    path = results_file(Path(os.environ["CASEBOOK_DATA_DIR"]), "douyin-exit-matrix")
    dialog = ClassResultsDialog(path, controls.bank(), window.presenting.deck, "en", window)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 3
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 6)] for r in range(3)}
    assert rows[bank[ids[1]].prompt.get("en")][1:4] == ["10", "3", "30%"]
    assert table.item(0, 0).text() == bank[ids[1]].prompt.get("en"), "the most missed first"
    missed, slowest = dialog.missed.text().splitlines()
    assert missed.startswith("The room missed most: Pillar ")
    assert slowest.startswith("Slowest: “") and slowest.index("(18 s)") < slowest.index("(14 s)")
    out = tmp_path / "class.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.export_csv()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("question,section,kind,asked,answered,right,share right")
    assert lines[2].startswith(f"{ids[1]},") and ",10,3,0.300," in lines[2]


def test_without_a_class_quiz_yet_the_results_say_so(qtbot, window):
    path = results_file(Path(os.environ["CASEBOOK_DATA_DIR"]), "douyin-exit-matrix")
    dialog = ClassResultsDialog(path, window.class_controls.bank(), window.presenting.deck, "en", window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert dialog.missed.text() == "No class quiz has been run with this deck yet."


def test_missed_most_ranks_sections_by_the_share_the_room_got_right():
    from desktop.classroom.results import QuestionResult

    rows = [
        QuestionResult("a", 1, "recall", 1, 10, 9, 3.0),
        QuestionResult("b", 2, "recall", 1, 10, 2, 3.0),
        QuestionResult("c", 2, "recall", 1, 10, 6, 3.0),
        QuestionResult("d", None, "recall", 1, 10, 0, 3.0),
        QuestionResult("e", 3, "recall", 1, 0, 0, None),
    ]
    assert missed_most(rows) == [(2, 0.4), (1, 0.9)]
