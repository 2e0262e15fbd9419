"""Where the two windows go: one screen, and two real QScreens (Qt's offscreen platform can have several)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QSettings

from desktop.deck import load_deck
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow
from tests.conftest import REPO

# A laptop (primary) and, to its right, a projector.
SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1440, "height": 900, "logicalDpi": 96, "dpr": 1},
        {"name": "projector", "x": 1440, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1},
    ]
}

# Runs in its own process: a QApplication's screens are fixed when it starts.
PRESENT = """
import json
from PySide6.QtCore import QSettings
from desktop.deck import load_deck
from desktop.resources import bundled_deck
from desktop.ui.app import qapp
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow

app = qapp()
settings = Settings(QSettings("settings.ini", QSettings.Format.IniFormat))
window = PresentationWindow(load_deck(bundled_deck()).deck, settings, "zh", "light")
window.show()
window.start(0)
window.toggle_console()
for press in ("", "swap", "swap"):
    if press:
        window.do(press)
    app.processEvents()
    print(json.dumps({name: [w.screen().name(), w.isFullScreen()] for name, w in
                      (("audience", window), ("console", window.console))}))
"""


def test_with_two_screens_the_audience_fills_the_projector_and_x_swaps(tmp_path):
    (tmp_path / "screens.json").write_text(json.dumps(SCREENS))
    env = os.environ | {
        "QT_QPA_PLATFORM": f"offscreen:configfile={tmp_path / 'screens.json'}",
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        [sys.executable, "-c", PRESENT], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    placed = [json.loads(line) for line in done.stdout.splitlines()]
    projector = {"audience": ["projector", True], "console": ["laptop", False]}
    swapped = {"audience": ["laptop", True], "console": ["projector", False]}
    assert placed == [projector, swapped, projector]


def test_with_one_screen_both_are_ordinary_windows(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(load_deck(REPO / "content" / "douyin-exit-matrix").deck, settings, "zh", "light")
    qtbot.addWidget(window)
    window.show()
    window.start(0)
    window.toggle_console()
    qtbot.addWidget(window.console)
    assert window.console.isVisible()
    assert not window.isFullScreen() and not window.console.isFullScreen()
    window.do("swap")
    assert not window.isFullScreen(), "nothing to swap with one screen"
