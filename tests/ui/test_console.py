"""The presenter console: in step with the audience, its own language, timers on a fake clock, screens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.deck import load_deck
from desktop.ui.console import ConsoleWindow, choose_screens
from desktop.ui.settings import Settings
from desktop.ui.talk_clock import TalkClock, clock_text, parse_duration
from desktop.ui.window import PresentationWindow
from tests.conftest import REPO

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck
CHART = next(i for i, s in enumerate(DECK.slides) if s.chart)


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def test_durations_and_clock_text():
    assert [parse_duration(t) for t in ("45m", "1h30m", "90s", "45")] == [2700, 5400, 90, 2700]
    with pytest.raises(ValueError, match="not a length"):
        parse_duration("soon")
    assert (clock_text(130), clock_text(3725)) == ("2:10", "1:02:05")


def test_the_clock_really_pauses_and_turns_amber_then_red():
    fake = FakeClock()
    clock = TalkClock(fake, duration=45 * 60)
    clock.start()
    fake.seconds += 600
    clock.pause()
    fake.seconds += 300  # paused: not counted
    assert clock.elapsed() == 600 and not clock.running
    clock.start()
    fake.seconds += 45 * 60 - 600 - 500
    assert clock.urgency() == "amber"
    fake.seconds += 400
    assert clock.urgency() == "red" and clock.left() == 100
    clock.reset()
    assert clock.elapsed() == 0 and clock.urgency() == ""


def test_time_per_slide_is_recorded():
    fake = FakeClock()
    clock = TalkClock(fake)
    clock.start()
    clock.on_slide(0)
    fake.seconds += 130
    clock.on_slide(1)
    fake.seconds += 20
    clock.on_slide(0)
    assert clock.per_slide == {0: 130, 1: 20}


@pytest.mark.parametrize(
    ("screens", "primary", "swapped", "expected"),
    [(1, 0, False, (0, 0)), (2, 0, False, (1, 0)), (2, 1, False, (0, 1)), (2, 0, True, (0, 1))],
)
def test_the_audience_goes_to_the_other_screen(screens, primary, swapped, expected):
    assert choose_screens(screens, primary, swapped) == expected


@pytest.fixture
def pair(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(DECK, settings, "zh", "light", reduced_motion=True)
    qtbot.addWidget(window)
    window.show()
    window.start(0)
    console = ConsoleWindow(window, "en", duration=2700, now=FakeClock())
    qtbot.addWidget(console)
    window.console = console
    console.show()
    return window, console


def shown(console) -> tuple[int, int]:
    scene = console.current.scene()
    return scene.index, scene.state[0]


def test_keys_in_the_console_move_both_windows(qtbot, pair):
    window, console = pair
    window.presenting.go(CHART)
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert (window.presenting.index, window.presenting.step) == (CHART, 1)
    qtbot.waitUntil(lambda: shown(console) == (CHART, 1))
    assert console.next.scene().index == CHART and console.next.scene().state == (2, 1.0), "next: the change"
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: shown(console) == (CHART + 1, 0))
    after = (CHART + 1, 1) if window.presenting.steps(CHART + 1) > 1 else (CHART + 2, 0)
    assert (console.next.scene().index, console.next.scene().state[0]) == after


def test_the_audience_is_painted_before_the_console_follows(qtbot, pair):
    window, console = pair
    order = []
    window.view.sigPainted.connect(lambda: order.append("audience"))
    console.current.sigPainted.connect(lambda: order.append(f"console {shown(console)[0]}"))
    window.presenting.go(5)
    qtbot.waitUntil(lambda: "console 5" in order)
    assert order.index("audience") < order.index("console 5")


def test_a_click_in_the_consoles_slide_list_jumps_there(qtbot, pair):
    window, console = pair
    assert console.slides.count() == len(DECK.slides)
    assert console.slides.item(CHART).text().startswith(f"{CHART + 1}  "), "numbered as the slides are"
    item = console.slides.item(CHART)
    console.slides.scrollToItem(item)
    qtbot.mouseClick(
        console.slides.viewport(), Qt.MouseButton.LeftButton, pos=console.slides.visualItemRect(item).center()
    )
    assert window.presenting.index == CHART
    qtbot.waitUntil(lambda: shown(console)[0] == CHART)
    assert console.slides.currentRow() == CHART
    assert console.up_next.text() == "Next: the next step of this slide"
    window.presenting.last()
    qtbot.waitUntil(lambda: console.up_next.text() == "This is the last slide")
    assert console.next.isHidden()


def test_the_console_speaks_its_own_language(qtbot, pair):
    window, console = pair
    assert window.scene().look.lang == "zh" and console.current.scene().look.lang == "en"
    assert DECK.slides[0].notes.get("en")[:30] in console.notes.toPlainText()
    qtbot.keyClick(console, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    notes = console.notes.toPlainText()
    assert console.both and all(DECK.slides[0].notes.get(lang)[:10] in notes for lang in ("zh", "en"))
    qtbot.keyClick(console, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    assert console.lang == "zh" and not console.both and window.presenting.lang == "zh"
    assert DECK.slides[0].notes.get("en")[:20] not in console.notes.toPlainText()


def test_black_blanks_only_the_audience_and_the_console_says_so(qtbot, pair):
    window, console = pair
    qtbot.keyClick(console, Qt.Key.Key_B)
    assert window.cover.isVisible()
    assert console.blank_label.text() == "The audience sees a black screen"
    assert console.current.isVisible()


def test_pause_and_a_reset_that_asks_first(qtbot, pair, monkeypatch):
    window, console = pair
    qtbot.keyClick(console, Qt.Key.Key_P)
    assert not console.clock.running and "paused" in console.timer_label.text()
    console.clock.now.seconds += 60
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    assert not console.reset_timer()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    assert console.reset_timer() and console.clock.elapsed() == 0


def test_rehearsal_times_come_back_next_time(qtbot, pair):
    window, console = pair
    console.clock.now.seconds += 130
    window.presenting.go(1)
    console.close()
    console.clock.now.seconds += 60
    console.close()  # the window closing closes it again: nothing more is charged
    assert window.settings.rehearsal(DECK.folder)[0] == 130
    window.presenting.go(2)
    QCoreApplication.sendPostedEvents(console)
    assert console.current.scene().index == 0, "a closed console no longer follows"
    window.console = None
    window.toggle_console()
    window.presenting.go(0)
    qtbot.waitUntil(lambda: "上次：2:10" in window.console.status.text())  # it opens in the audience's language
    window.console.close()


def drag(qtbot, still, points, during=lambda: None) -> None:
    """A mouse drag over the console's slide, through points in scene units; `during` runs before the release."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    spots = [still.mapFromScene(QPointF(*p)).toPoint() for p in points]
    qtbot.mousePress(still, Qt.MouseButton.LeftButton, pos=spots[0])
    for spot in spots[1:]:
        move = QMouseEvent(
            QMouseEvent.Type.MouseMove,
            spot,
            still.mapToGlobal(spot),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(still, move)
    during()
    qtbot.mouseRelease(still, Qt.MouseButton.LeftButton, pos=spots[-1])


def test_a_pen_stroke_on_the_console_shows_on_the_audience_and_stays_with_its_slide(qtbot, pair):
    window, console = pair
    window.presenting.go(3)
    qtbot.keyClick(console, Qt.Key.Key_D)
    qtbot.keyClick(console, "2")  # a colour, not slide 2
    assert window.presenting.index == 3
    drag(qtbot, console.current, [(400, 400), (800, 420), (1200, 500)])
    strokes = window.presenting.ink.strokes(DECK.slides[3].id, 0)
    assert len(strokes) == 1 and strokes[0].colour == "#0033cc" and len(strokes[0].points) >= 2
    audience = window.view.grab().toImage()
    spot = window.view.mapFromScene(800, 420)
    assert audience.pixelColor(spot).blue() > 150, "the stroke is drawn on the audience window"
    window.presenting.go(4)
    assert window.presenting.ink.strokes(*window.presenting.place) == []
    window.presenting.go(3)
    qtbot.keyClick(console, Qt.Key.Key_U)
    assert window.presenting.ink.strokes(DECK.slides[3].id, 0) == []


def test_ink_is_saved_with_the_users_data(qtbot, pair, tmp_path):
    window, console = pair
    qtbot.keyClick(console, Qt.Key.Key_I)
    drag(qtbot, console.current, [(300, 300), (600, 300)])
    from desktop.render.ink import Ink

    saved, _ = Ink.open(window.presenting.ink.path)
    assert saved.strokes(DECK.slides[0].id, 0)[0].kind == "highlighter"
    assert str(tmp_path) in str(window.presenting.ink.path), "in the test's data folder, not the user's"


def test_zoom_magnifies_for_the_audience_and_escape_returns(qtbot, pair):
    window, console = pair
    bands = []
    whole = window.view.transform().m11()
    qtbot.keyClick(console, Qt.Key.Key_Z)
    drag(qtbot, console.current, [(100, 100), (580, 370)], during=lambda: bands.append(console.current.band))
    assert bands and bands[-1][2] > 400, "the rectangle shows on the console while it is dragged"
    assert console.current.band is None
    assert window.presenting.zoom is not None
    assert window.view.transform().m11() > 3 * whole, "a quarter of the slide fills the audience window"
    qtbot.keyClick(console, Qt.Key.Key_Escape)
    assert window.presenting.zoom is None
    qtbot.keyClick(console, Qt.Key.Key_Escape)
    assert console.tool == ""
    window.presenting.set_zoom((0, 0, 960, 540))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.presenting.zoom is None, "Esc in the audience window also closes the zoom first"


def test_the_pointer_follows_the_mouse_on_the_console(qtbot, pair):
    window, console = pair
    qtbot.keyClick(console, Qt.Key.Key_K)
    drag(qtbot, console.current, [(960, 540), (1000, 560)])
    assert window.presenting.pointer is not None
    x, y = window.presenting.pointer
    assert abs(x - 1000) < 10 and abs(y - 560) < 10
    qtbot.keyClick(console, Qt.Key.Key_K)
    assert window.presenting.pointer is None


def k(console, kind, ms: int, repeat: bool = False) -> None:
    """The K key going down or up at `ms` on the keyboard's clock (held keys also send repeats)."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    event = QKeyEvent(kind, Qt.Key.Key_K, Qt.KeyboardModifier.NoModifier, "k", repeat)
    event.setTimestamp(ms)
    QApplication.sendEvent(console, event)


def test_holding_k_shows_the_pointer_only_while_it_is_held(qtbot, pair):
    window, console = pair
    press, release = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
    k(console, press, 1000)
    k(console, release, 1030, repeat=True)  # what X sends while a key is held
    k(console, press, 1030, repeat=True)
    assert console.tool == "pointer"
    drag(qtbot, console.current, [(500, 300), (700, 400)])
    assert window.presenting.pointer is not None and abs(window.presenting.pointer[0] - 700) < 10
    k(console, release, 1900)
    assert console.tool == "" and window.presenting.pointer is None, "let go: the dot goes"


def test_a_tap_on_k_leaves_the_pointer_on_until_the_next_tap(qtbot, pair):
    window, console = pair
    press, release = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
    k(console, press, 1000)
    k(console, release, 1080)
    assert console.tool == "pointer"
    k(console, press, 5000)
    k(console, release, 5080)
    assert console.tool == ""


def test_holding_the_mouse_on_the_console_is_the_pointer_and_a_click_moves_on(qtbot, pair):
    window, console = pair
    still = console.current
    spot = still.mapFromScene(QPointF(900, 500)).toPoint()
    qtbot.mousePress(still, Qt.MouseButton.LeftButton, pos=spot)
    qtbot.waitUntil(lambda: window.presenting.pointer is not None)  # held still: the dot comes
    x, y = window.presenting.pointer
    assert abs(x - 900) < 10 and abs(y - 500) < 10
    qtbot.mouseRelease(still, Qt.MouseButton.LeftButton, pos=spot)
    assert window.presenting.pointer is None and window.presenting.index == 0, "a hold is not a click"
    drag(qtbot, still, [(900, 500), (1100, 600)])
    assert window.presenting.index == 0, "nor is a drag"
    qtbot.mouseClick(still, Qt.MouseButton.LeftButton, pos=spot)
    assert window.presenting.index == 1
    qtbot.mouseClick(still, Qt.MouseButton.RightButton, pos=spot)
    assert window.presenting.index == 0


def test_question_mark_in_the_console_lists_the_consoles_keys_there_not_on_the_audience(qtbot, pair):
    window, console = pair
    qtbot.keyClick(console, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert console.help.isVisible() and not window.help.isVisible()
    text = console.help.label.text()
    assert "Pointer: while held" in text and "Ctrl+0" in text and "Shift+L" in text
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert not console.help.isVisible() and window.presenting.index == 0, "a key closes the help and does no more"


def test_console_keys_need_their_modifier_and_others_reach_the_audience(qtbot, pair):
    window, console = pair
    qtbot.keyClick(console, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert console.tool == "", "Ctrl+Z undoes; it does not pick the zoom"
    qtbot.keyClick(console, Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    assert console.notes_px == 22, "+ is Shift+= on most keyboards"
    qtbot.keyClick(console, Qt.Key.Key_L)
    assert window.presenting.lang == "en" and console.lang == "en", "plain L switches the audience's language"


def test_a_video_call_keeps_the_audience_in_an_ordinary_window(qtbot, pair):
    window, console = pair
    window.toggle_fullscreen()
    window._toggle_call()
    assert window.call_mode and not window.isFullScreen()
    window.place_windows()
    assert not window.isFullScreen(), "never full screen while shared in a call"
