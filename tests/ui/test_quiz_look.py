"""The self-study window in the deck's theme and font, with tiles that mark right and wrong, sized from the window."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.deck import load_deck
from desktop.quiz.generate import build_bank
from desktop.ui.quiz_style import deck_theme
from desktop.ui.quiz_window import QuizWindow
from tests.conftest import REPO

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
DOUYIN = load_deck(REPO / "content" / "douyin-exit-matrix").deck
BREWLINE = load_deck(REPO / "content" / "brewline-coffee").deck


def open_quiz(qtbot, store, deck, lang: str, size=(1280, 720)) -> QuizWindow:
    window = QuizWindow(deck, build_bank(deck), store, lang, now=lambda: NOW)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def first_choice_question(qtbot, window) -> None:
    """Starts a review and moves on (answering right) until a question with choices is on screen."""
    qtbot.keyClick(window, Qt.Key.Key_Return)
    while window.question.is_numeric:
        window.entry.setText(f"{window.question.answer.value:g}")
        qtbot.keyClick(window.entry, Qt.Key.Key_Return)
        qtbot.keyClick(window, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("deck", "lang", "family"), [(DOUYIN, "zh", "Noto Sans CJK SC"), (BREWLINE, "en", "Noto Sans")]
)
def test_the_window_reads_in_the_decks_font_and_sits_on_its_themes_background(qtbot, store, deck, lang, family):
    window = open_quiz(qtbot, store, deck, lang)
    for label in (window.start_title, window.counts):
        assert label.font().family() == family
    first_choice_question(qtbot, window)
    assert window.prompt.font().family() == family and window.choice_buttons[0].font().family() == family
    corner = window.grab().toImage().pixelColor(4, window.height() - 4)
    assert corner == QColor(deck_theme(deck).background)


def test_after_a_wrong_choice_the_tiles_mark_the_right_one_and_the_one_chosen(qtbot, store):
    window = open_quiz(qtbot, store, DOUYIN, "zh")
    first_choice_question(qtbot, window)
    question = window.question
    wrong = (question.answer + 1) % len(question.choices)
    qtbot.keyClick(window, str(wrong + 1))
    qtbot.keyClick(window, Qt.Key.Key_Return)
    marks = [tile.mark for tile in window.choice_buttons[: len(question.choices)]]
    assert marks[question.answer] == "✓" and marks[wrong] == "✗"
    assert sorted(marks).count("") == len(marks) - 2
    assert "✗" in window.choice_buttons[wrong].accessibleName()
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert all(tile.mark == "" for tile in window.choice_buttons), "the next question starts unmarked"


def test_type_grows_with_the_window_so_4k_reads_like_720p(qtbot, store):
    window = open_quiz(qtbot, store, BREWLINE, "en")
    first_choice_question(qtbot, window)
    small = window.prompt.font().pixelSize(), window.choice_buttons[0].font().pixelSize()
    window.resize(3840, 2160)
    tile = window.choice_buttons[0]
    qtbot.waitUntil(lambda: tile.height() > 2 * tile.font().pixelSize() and tile.font().pixelSize() >= 2.5 * small[1])
    assert window.prompt.font().pixelSize() >= 2.5 * small[0]


def test_the_window_fits_1280_by_720_in_either_language(qtbot, store):
    for deck, lang in ((DOUYIN, "zh"), (BREWLINE, "en")):
        window = open_quiz(qtbot, store, deck, lang)
        assert window.minimumSizeHint().width() <= 1280 and window.minimumSizeHint().height() <= 720
        assert window.size().width() == 1280


def test_f11_toggles_full_screen(qtbot, store):
    window = open_quiz(qtbot, store, BREWLINE, "en")
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_english_on_a_chinese_deck_has_narrow_apostrophes_and_chinese_stays_chinese(qtbot, store):
    """The CJK font draws ’ and “ as wide as an ideograph ("article’ s"); English takes them from Noto Sans."""
    from PySide6.QtGui import QFontMetricsF

    window = open_quiz(qtbot, store, DOUYIN, "en")
    first_choice_question(qtbot, window)
    font = window.prompt.font()
    metrics = QFontMetricsF(font)
    assert metrics.horizontalAdvance("’") < 0.4 * metrics.horizontalAdvance("文")
    assert "CJK" in font.families()[-1], "a Chinese sentence quoted in English still has its font"
    chinese = open_quiz(qtbot, store, DOUYIN, "zh")
    first_choice_question(qtbot, chinese)
    zh = QFontMetricsF(chinese.prompt.font())
    assert zh.horizontalAdvance("“") == pytest.approx(zh.horizontalAdvance("文")), "Chinese keeps its full-width quotes"
