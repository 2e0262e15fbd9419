"""The presenter's ink in a damaged file or on a full disk: said in the window, nothing of it lost."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.deck import load_deck
from desktop.render.ink import Ink
from desktop.ui.console import ConsoleWindow
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow
from tests.conftest import REPO
from tests.full_disk import file_size_limit
from tests.ui.test_console import drag

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck
FIRST = DECK.slides[0].id
GOOD = {"slide": FIRST, "step": 0, "strokes": [{"kind": "pen", "colour": "#d00000", "points": [[1, 2], [3, 4]]}]}


@pytest.fixture
def ink_path(tmp_path):
    path = tmp_path / "user-data" / DECK.id / "ink.json"
    path.parent.mkdir(parents=True)
    return path


def present(qtbot, tmp_path) -> PresentationWindow:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(DECK, settings, "en", "light", reduced_motion=True)
    qtbot.addWidget(window)
    window.show()
    window.start(0)
    return window


@pytest.mark.parametrize(
    "text",
    [
        "",
        json.dumps([GOOD])[:-9],  # cut short
        json.dumps([{"slide": FIRST, "strokes": GOOD["strokes"]}]),  # no step
        json.dumps([{**GOOD, "strokes": [{**GOOD["strokes"][0], "kind": "laser"}]}]),  # a kind this app does not draw
        json.dumps([{**GOOD, "step": "0"}]),
        json.dumps([{**GOOD, "strokes": [{**GOOD["strokes"][0], "points": [[1, None]]}]}]),
        json.dumps({"slide": FIRST}),
    ],
    ids=["empty", "truncated", "missing-key", "unknown-kind", "step-as-text", "null-point", "not-a-list"],
)
def test_present_sets_a_damaged_ink_file_aside_says_so_and_starts_empty(qtbot, tmp_path, ink_path, text):
    ink_path.write_text(text, encoding="utf-8")
    window = present(qtbot, tmp_path)
    (aside,) = ink_path.parent.glob("ink.damaged-*.json")
    assert aside.read_text(encoding="utf-8") == text, "kept as it was"
    qtbot.waitUntil(window.badge.isVisible)
    assert window.badge.text() == f"The saved ink could not be read: it was moved to {aside} and the ink starts empty."
    assert window.presenting.ink.by_place == {}
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert not window.badge.isVisible(), "the first key of the talk takes the notice away"


def test_sound_ink_comes_back(qtbot, tmp_path, ink_path):
    ink_path.write_text(json.dumps([GOOD]), encoding="utf-8")
    window = present(qtbot, tmp_path)
    assert window.presenting.ink.strokes(FIRST, 0)[0].points == [(1.0, 2.0), (3.0, 4.0)]
    assert not window.badge.isVisible()


def test_ink_the_disk_cannot_take_is_said_on_the_console_kept_and_saved_with_the_next_stroke(qtbot, tmp_path, ink_path):
    ink_path.write_text(json.dumps([GOOD]), encoding="utf-8")
    window = present(qtbot, tmp_path)
    console = ConsoleWindow(window, "en", duration=2700)
    qtbot.addWidget(console)
    window.console = console
    console.show()
    qtbot.keyClick(console, Qt.Key.Key_D)
    with file_size_limit(16):
        drag(qtbot, console.current, [(300, 300), (600, 300)])
    assert console.statusBar().currentMessage().startswith("Ink not saved (File too large).")
    assert json.loads(ink_path.read_text(encoding="utf-8")) == [GOOD], "the saved ink is whole"
    assert sorted(p.name for p in ink_path.parent.iterdir()) == ["ink.json"], "no half-written file is left"
    drag(qtbot, console.current, [(300, 600), (600, 600)])
    assert console.statusBar().currentMessage() == ""
    saved, _ = Ink.open(ink_path)
    assert len(saved.strokes(FIRST, 0)) == 3, "the stroke the disk refused, then the next one"


def test_another_deck_opened_in_the_window_brings_its_own_ink(qtbot, tmp_path, ink_path):
    guide = load_deck(REPO / "content" / "authoring-guide").deck
    guide_ink = tmp_path / "user-data" / guide.id / "ink.json"
    guide_ink.parent.mkdir(parents=True)
    guide_ink.write_text(json.dumps([{**GOOD, "slide": guide.slides[0].id}]), encoding="utf-8")
    ink_path.write_text(json.dumps([GOOD]), encoding="utf-8")
    window = present(qtbot, tmp_path)
    assert window.presenting.ink.path == ink_path
    assert window.open_deck(guide.folder)
    assert window.presenting.ink.path == guide_ink
    assert list(window.presenting.ink.by_place) == [(guide.slides[0].id, 0)]
    assert json.loads(ink_path.read_text(encoding="utf-8")) == [GOOD], "the first deck's strokes stay its own"
