"""PNG export holds a few images at a time: its peak memory does not grow with the number of slides."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.deck import load_deck
from desktop.resources import bundled_deck
from tests.conftest import REPO

DECK = load_deck(bundled_deck()).deck
CHARTS = [i + 1 for i, slide in enumerate(DECK.slides) if slide.chart]


def peak_mb(out: Path, *args: str) -> float:
    """The peak resident memory of one `main.py export` process, in MB."""
    out.mkdir()
    command = [sys.executable, str(REPO / "main.py"), "export", "--out", str(out), *args]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)  # this child's own usage, not every child's so far
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0
    return usage.ru_maxrss / 1024


def test_exporting_many_slides_takes_no_more_memory_than_a_few(tmp_path):
    # A 1080p image is 6-8 MB: when every one waited for the saver, 30 slides took ~100 MB more than 3.
    few = peak_mb(tmp_path / "few", "--slides", f"1,{CHARTS[0]},{CHARTS[-1]}")
    many = peak_mb(tmp_path / "many", "--slides", f"1-30,{CHARTS[-1]}")
    assert len(list((tmp_path / "many").iterdir())) == 31
    assert many < few + 40, f"31 slides peaked at {many:.0f} MB, 3 slides at {few:.0f} MB"
