"""Start-up: `main.py` paints its first slide with only what that slide needs loaded."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

from tests.conftest import REPO

LATER = ("pyqtgraph", "numpy", "fsrs", "sqlite3", "desktop.quiz", "desktop.ui.class_quiz", "desktop.ui.console")
LATER += ("desktop.ui.overlays", "desktop.ui.overview", "desktop.ui.problems_panel")  # made on first use


def test_the_first_slide_is_painted_before_charts_the_quiz_the_console_or_the_overlays_are_loaded(tmp_path):
    env = os.environ | {"CASEBOOK_QUIT_AFTER_PAINT": "1", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(REPO / "main.py")],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert float(result.stdout.split()[0]) > 0, "the app says when its first slide is painted, and its CPU time"
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "desktop.ui.window" in loaded
    early = sorted(m for m in loaded if m.startswith(LATER))
    assert early == [], f"loaded before the first slide was painted: {early}"


def test_the_window_gets_its_icon_right_after_its_first_slide_is_painted(qtbot, tmp_path, monkeypatch):
    from argparse import Namespace

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    import desktop.ui.settings
    from desktop.deck import load_deck
    from desktop.resources import bundled_deck
    from desktop.ui.app import run

    settings = desktop.ui.settings.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    monkeypatch.setattr(desktop.ui.settings, "Settings", lambda: settings)
    monkeypatch.setenv("CASEBOOK_QUIT_AFTER_PAINT", "1")  # run() returns once the first slide is painted
    app = QApplication.instance()
    app.setWindowIcon(QIcon())
    args = Namespace(lang=None, theme=None, slide=None, presenter=False, duration=None, class_port=None)
    assert run(load_deck(bundled_deck()).deck, args) == 0
    windows = [w for w in app.topLevelWidgets() if w.isVisible()]
    try:
        qtbot.waitUntil(lambda: not app.windowIcon().isNull())
    finally:
        for window in windows:
            window.close()
        gc.unfreeze()  # run() froze what start-up made, as for a whole talk
