"""A deck in one language offers no language anywhere in the window; a deck in [fr, en] cycles its own two."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox

from desktop.deck import load_deck
from desktop.ui.console import ConsoleWindow
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow
from tests.conftest import REPO
from tests.test_languages import english_deck

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def present(qtbot, tmp_path):
    """Opens a window on the English deck, or on one in `languages`, shown in its first language."""
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))

    def open_deck(*languages: str) -> PresentationWindow:
        folder = english_deck(tmp_path / "-".join(languages or ("en",)), languages=languages or ("en",))
        deck = load_deck(folder).deck
        window = PresentationWindow(deck, settings, deck.languages[0], "light", reduced_motion=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.start(0)
        return window

    return open_deck


def open_console(qtbot, window: PresentationWindow, lang: str) -> ConsoleWindow:
    console = ConsoleWindow(window, lang)
    qtbot.addWidget(console)
    window.console = console
    console.show()
    return console


def language_menu(window: PresentationWindow):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    return next(a.menu() for a in view.actions() if a.text() == "&Language")


def test_the_key_help_of_a_one_language_deck_lists_no_language_key(qtbot, present, tmp_path):
    english = present()
    qtbot.keyClick(english, Qt.Key.Key_Question)
    shown = english.help.label.text()
    assert "Next theme" in shown and "Switch language" not in shown and "<b>L</b>" not in shown
    english.grab().save(str(tmp_path / "help-en.png"))
    console = open_console(qtbot, english, "en")
    qtbot.keyClick(console, Qt.Key.Key_H)
    shown = console.help.label.text()
    assert "Pointer" in shown and "Shift+L" not in shown and "language" not in shown
    both = present("fr", "en")
    qtbot.keyClick(both, Qt.Key.Key_Question)
    assert "<b>L</b>" in both.help.label.text() and "Switch language" in both.help.label.text()
    qtbot.keyClick(open_console(qtbot, both, "fr"), Qt.Key.Key_H)
    assert "Shift+L" in both.console.help.label.text()


def test_l_on_a_one_language_deck_switches_nothing_and_says_why_in_the_corner(qtbot, present):
    english = present()
    title, scene = english.windowTitle(), english.scene()
    qtbot.keyClick(english, Qt.Key.Key_L)
    assert english.presenting.lang == "en" and english.windowTitle() == title == "Brewline Coffee — Casebook"
    assert english.scene() is scene, "the slide is not built again in another language"
    assert english.badge.isVisible() and english.badge.text() == "This deck is in English only"
    qtbot.keyClick(english, Qt.Key.Key_Right)
    assert not english.badge.isVisible(), "the hint goes with the next key, as other hints do"


def test_shift_l_in_the_console_of_a_one_language_deck_never_shows_a_side_by_side_column(qtbot, present):
    english = present()
    console = open_console(qtbot, english, "en")
    notes = console.notes.toPlainText()
    for _ in range(3):
        qtbot.keyClick(console, Qt.Key.Key_L, SHIFT)
        assert console.lang == "en" and not console.both
        assert console.notes.toPlainText() == notes


def test_the_console_of_another_deck_speaks_a_language_that_deck_has(qtbot, present):
    both = present("fr", "en")
    console = open_console(qtbot, both, "fr")
    qtbot.keyClick(console, Qt.Key.Key_L, SHIFT)
    qtbot.keyClick(console, Qt.Key.Key_L, SHIFT)
    assert console.both, "fr, en, then side by side"
    assert both.open_deck(english_deck(both.presenting.deck.folder.parent / "only-en"))
    qtbot.waitUntil(lambda: console.current.scene().look.lang == "en")
    assert console.lang == "en" and not console.both
    assert console.slides.item(0).text() == "1  The chain runs its own stores now"


def test_the_quiz_window_offers_no_language_the_deck_lacks(qtbot, present):
    english = present()
    english.open_quiz()
    quiz = english._quiz_window
    qtbot.addWidget(quiz)
    assert quiz.lang == "en" and quiz.windowTitle() == "Brewline Coffee — Self-study quiz"
    offered = [box.itemText(i) for box in quiz.findChildren(QComboBox) for i in range(box.count())]
    assert not any("Chinese" in text or "中文" in text or "(zh)" in text for text in offered), offered
    qtbot.keyClick(quiz, Qt.Key.Key_L)
    assert quiz.lang == "en"


def test_a_french_and_english_deck_cycles_its_two_languages_in_english_app_words(qtbot, present):
    both = present("fr", "en")
    assert both.windowTitle() == "Brewline Coffee (fr) — Casebook"
    assert [a.text() for a in both.menuBar().actions()][:2] == ["&File", "&View"], "app words fall back to English"
    assert [a.text() for a in language_menu(both).actions() if a.isChecked()] == ["French (fr)"]
    seen = []
    for _ in range(3):
        qtbot.keyClick(both, Qt.Key.Key_L)
        seen.append((both.presenting.lang, both.windowTitle(), both.scene().look.lang))
    assert seen == [
        ("en", "Brewline Coffee — Casebook", "en"),
        ("fr", "Brewline Coffee (fr) — Casebook", "fr"),
        ("en", "Brewline Coffee — Casebook", "en"),
    ]
    assert [a.text() for a in language_menu(both).actions() if a.isChecked()] == ["English (en)"]
    console = open_console(qtbot, both, "fr")
    steps = []
    for _ in range(3):
        qtbot.keyClick(console, Qt.Key.Key_L, SHIFT)
        steps.append((console.lang, console.both))
    assert steps == [("en", False), ("en", True), ("fr", False)]
    assert both.presenting.lang == "en", "Shift+L changes the console only"


def test_the_bundled_deck_still_lists_and_switches_its_two_languages(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(
        load_deck(REPO / "content" / "douyin-exit-matrix").deck, settings, "zh", "light", reduced_motion=True
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClick(window, Qt.Key.Key_Question)
    assert "切换语言" in window.help.label.text()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert window.presenting.lang == "en"
