"""Start-up: `main.py` paints its first slide with only what that slide needs loaded."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

LATER = ("pyqtgraph", "numpy", "fsrs", "sqlite3", "desktop.quiz", "desktop.ui.class_quiz", "desktop.ui.console")


def test_the_first_slide_is_painted_before_charts_the_quiz_or_the_console_are_loaded(tmp_path):
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
