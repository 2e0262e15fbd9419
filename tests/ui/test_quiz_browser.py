"""The bank's browser, opened from the start screen: search, a question's answers so far, and its slide."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.words import tr
from tests.ui.test_quiz_look import BREWLINE, first_choice_question, open_quiz


def open_browser(qtbot, window):
    qtbot.mouseClick(window.browse_button, Qt.MouseButton.LeftButton)
    browser = window.browser
    qtbot.waitExposed(browser)
    return browser


def test_the_browser_filters_by_search_text(qtbot, store):
    window = open_quiz(qtbot, store, BREWLINE, "en")
    assert "Ctrl+B" in window.browse_button.text(), "the button shows its key"
    browser = open_browser(qtbot, window)
    everything = browser.shown()
    assert len(everything) == len(window.bank)
    qtbot.keyClicks(browser.search, "REVENUE 2019")
    found = browser.shown()
    assert 0 < len(found) < len(everything)
    assert all("revenue" in q.prompt.get("en").lower() + q.explanation.get("en").lower() for q in found)
    browser.search.clear()
    assert len(browser.shown()) == len(everything)


def test_a_question_shows_its_answers_so_far_and_its_slide(qtbot, store):
    window = open_quiz(qtbot, store, BREWLINE, "en")
    first_choice_question(qtbot, window)
    question = window.question
    qtbot.keyClick(window, str(question.answer + 1))
    qtbot.keyClick(window, Qt.Key.Key_Return)
    rating = tr(window.feedback.rating, "en")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    browser = open_browser(qtbot, window)
    qtbot.keyClicks(browser.search, question.id)
    assert [q.id for q in browser.shown()] == [question.id]  # the window shows the question with its choices shuffled
    browser.list.setCurrentRow(next(i for i in range(browser.list.count()) if not browser.list.item(i).isHidden()))
    details = browser.details.text()
    assert f"✓ · {rating}" in details
    assert question.choices[question.answer].get("en") in details, "the answer given, as its text"
    assert browser.preview.scene.slide.id == question.slide
    assert browser.preview.isVisible()
