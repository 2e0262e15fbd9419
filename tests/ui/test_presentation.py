"""Presenting by keyboard: the slide and step each key leads to, overlays, blanking, language, theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.deck import load_deck
from desktop.render.scene import slide_steps
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow
from tests.conftest import REPO

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck
FIRST_CHART = next(i for i, s in enumerate(DECK.slides) if s.chart)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings):
    window = PresentationWindow(DECK, settings, "zh", "light", reduced_motion=True)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    window.start(0)
    return window


def press(qtbot, window, *keys, text: str = "") -> None:
    for key in keys:
        qtbot.keyClick(window, key)


def position(window) -> tuple[int, int]:
    return window.presenting.index, window.presenting.step


@pytest.mark.parametrize("key", [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown])
def test_next_keys_move_forward(qtbot, window, key):
    press(qtbot, window, key)
    assert position(window) == (1, 0)


@pytest.mark.parametrize("key", [Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace])
def test_back_keys_move_back(qtbot, window, key):
    window.presenting.go(5)
    press(qtbot, window, key)
    assert position(window) == (4, 0)


def test_a_chart_slide_takes_three_presses_before_it_leaves(qtbot, window):
    window.presenting.go(FIRST_CHART)
    assert slide_steps(DECK.slides[FIRST_CHART]) == 3
    seen = []
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_Right)
        seen.append(position(window))
    assert seen == [(FIRST_CHART, 1), (FIRST_CHART, 2), (FIRST_CHART + 1, 0)]


def test_back_from_a_slide_start_lands_on_the_previous_slides_last_step(qtbot, window):
    window.presenting.go(FIRST_CHART + 1)
    press(qtbot, window, Qt.Key.Key_Left)
    assert position(window) == (FIRST_CHART, 2)
    press(qtbot, window, Qt.Key.Key_Left)
    assert position(window) == (FIRST_CHART, 1)


def test_home_end_and_a_typed_number(qtbot, window):
    press(qtbot, window, Qt.Key.Key_End)
    assert window.presenting.index == len(DECK.slides) - 1
    press(qtbot, window, Qt.Key.Key_Home)
    assert position(window) == (0, 0)
    qtbot.keyClicks(window, "12")
    assert window.badge.isVisible() and "12" in window.badge.text()
    press(qtbot, window, Qt.Key.Key_Return)
    assert position(window) == (11, 0)
    assert not window.badge.isVisible()


def test_black_and_white_screens_return_on_any_key(qtbot, window):
    press(qtbot, window, Qt.Key.Key_B)
    assert window.cover.isVisible() and window.cover.colour.name() == "#000000"
    press(qtbot, window, Qt.Key.Key_Right)
    assert not window.cover.isVisible()
    assert position(window) == (0, 0), "the key that un-blanks does not also advance"
    press(qtbot, window, Qt.Key.Key_Comma)
    assert window.cover.colour.name() == "#ffffff"


def test_overview_by_tab_then_arrows_and_enter(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.pages.currentWidget() is window.overview
    qtbot.waitUntil(window.overview.drawn)
    press(qtbot, window.overview, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.view
    assert position(window) == (2, 0)


def test_go_to_list(qtbot, window):
    press(qtbot, window, Qt.Key.Key_G)
    assert window.go_to_list.isVisible()
    assert window.go_to_list.list.count() == len(DECK.slides)
    press(qtbot, window.go_to_list.list, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert position(window) == (2, 0)
    assert not window.go_to_list.isVisible()


def test_escape_closes_the_topmost_thing_first(qtbot, window):
    window.toggle_fullscreen()
    press(qtbot, window, Qt.Key.Key_O)
    window.do("go-to")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.go_to_list.isVisible() and window.pages.currentWidget() is window.overview
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.view and window.isFullScreen()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.isFullScreen()


def test_help_lists_every_key_and_closes_on_any_key(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Question)
    text = window.help.label.text()
    for shown in ("PgDn", "Home", "Tab", "B .", "W ,", "F5", "Esc"):
        assert shown in text
    press(qtbot, window, Qt.Key.Key_A)
    assert not window.help.isVisible()


def test_language_and_theme_switch_live(qtbot, window):
    window.presenting.go(FIRST_CHART)
    title = DECK.slides[FIRST_CHART].title
    texts = lambda: {item.text for item in window.scene().items() if hasattr(item, "text")}  # noqa: E731
    assert title.get("zh") in texts()
    press(qtbot, window, Qt.Key.Key_L)
    assert title.get("en") in texts()
    assert window.presenting.lang == "en"
    assert window.menuBar().actions()[0].text() == "&File"
    before = window.scene().backgroundBrush().color().name()
    press(qtbot, window, Qt.Key.Key_T)
    assert window.presenting.theme == "dark"
    assert window.scene().backgroundBrush().color().name() != before
    assert window.scene().look.theme.id == "dark"


def test_mouse_click_and_wheel_drive_the_show(qtbot, window):
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton)
    assert position(window) == (1, 0)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.RightButton)
    assert position(window) == (0, 0)


def test_settings_come_back(qtbot, window, settings):
    press(qtbot, window, Qt.Key.Key_L, Qt.Key.Key_T, Qt.Key.Key_End)
    window.close()
    assert settings.get("lang") == "en" and settings.get("theme") == "dark"
    assert settings.last_slide(DECK.folder) == len(DECK.slides) - 1
    assert DECK.folder in settings.recent()


def test_the_command_line_wins_over_what_was_remembered(settings):
    from argparse import Namespace

    from desktop.ui.app import start_look

    themes = ("light", "dark", "projector")
    settings.set("lang", "en")
    settings.set("theme", "dark")
    assert start_look(Namespace(lang=None, theme=None), settings, DECK, themes) == ("en", "dark")
    assert start_look(Namespace(lang="zh", theme="projector"), settings, DECK, themes) == ("zh", "projector")
    settings.set("theme", "neon")
    assert start_look(Namespace(lang=None, theme=None), settings, DECK, themes) == ("en", DECK.theme)


def test_a_recent_deck_resumes_at_its_last_slide(qtbot, window, settings):
    guide = REPO / "content" / "authoring-guide"
    settings.set_last_slide(guide, 4)
    assert window.open_deck(guide, resume=True)
    assert (window.presenting.deck.id, window.presenting.index) == ("authoring-guide", 4)
    assert settings.recent()[0] == guide
    window.open_deck(DECK.folder, resume=True)
    assert window.presenting.deck.id == "douyin-exit-matrix"
    assert settings.last_slide(guide) == 4


def test_reduced_motion_shows_final_states_at_once(qtbot, window):
    window.presenting.go(FIRST_CHART)
    window.presenting.next()
    assert window.view.animation.state() != window.view.animation.State.Running
    assert window.scene().chart.state() == (1, 1.0)


def test_next_animates_a_chart_to_its_after_figures(qtbot, window):
    window.presenting.reduced_motion = False
    window.presenting.go(FIRST_CHART)
    chart = window.scene().chart
    before = chart.values()
    window.presenting.next()
    assert window.view.animation.state() == window.view.animation.State.Running
    qtbot.waitUntil(lambda: chart.state() == (1, 1.0), timeout=3000)
    pair = DECK.slides[FIRST_CHART].chart.pairs[0]
    assert chart.values()[:2] == [DECK.figures[pair.first].value, DECK.figures[pair.second].value]
    assert before != chart.values()
