"""The session summary: it scrolls, names each missed question's answer and slide, the slowest with their times,
and charts the next 14 days of reviews on a whole-number axis with a legend."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from desktop.quiz.answers import answer_text
from tests.ui.test_quiz_look import DOUYIN, first_choice_question, open_quiz

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def answer_wrong_then_end(qtbot, window):
    """Answers one choice question wrongly by keyboard, then Esc: the summary."""
    first_choice_question(qtbot, window)
    question = window.question
    qtbot.keyClick(window, str((question.answer + 1) % len(question.choices) + 1))
    qtbot.keyClick(window, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    return question


def test_the_summary_lists_a_missed_question_with_its_answer_and_its_slide(qtbot, store):
    window = open_quiz(qtbot, store, DOUYIN, "en")
    missed = answer_wrong_then_end(qtbot, window)
    summary = window.summary_page
    assert window.pages.currentWidget() is summary and isinstance(summary, QScrollArea)
    text = summary.text.text()
    missed_part = text.split("Missed", 1)[1].split("Slowest", 1)[0]
    assert answer_text(missed, "en") in missed_part
    slide = next(s for s in DOUYIN.slides if s.id == missed.slide)
    assert f"href='{missed.slide}'" in missed_part and slide.title.get("en")[:12] in missed_part
    assert " s</b>" in text.split("Slowest", 1)[1], "the slowest show their times"
    with qtbot.waitSignal(window.previewed, timeout=3000) as shown:
        summary.text.linkActivated.emit(missed.slide)
    assert shown.args[0].scene.slide.id == missed.slide


def test_the_forecast_has_14_bars_whole_number_ticks_and_a_legend(qtbot, store):
    window = open_quiz(qtbot, store, DOUYIN, "zh")
    answer_wrong_then_end(qtbot, window)
    summary = window.summary_page
    heights = list(summary.forecast_bars.opts["height"])
    assert len(heights) == 14
    assert sum(heights) == len(store.seen()), "every question answered comes back within two weeks"
    ticks = summary.forecast_chart.getAxis("left")._tickLevels[0]
    assert ticks and all(float(value).is_integer() and label == str(int(value)) for value, label in ticks)
    legend = summary.forecast_chart.getPlotItem().legend
    assert [label.text for _, label in legend.items] == ["到期题数"]
