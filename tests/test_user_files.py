"""The student's progress and the presenter's ink on a full disk or in a damaged file, from the command line."""

from __future__ import annotations

import os
import sqlite3

import pytest

from tests.conftest import run_casebook
from tests.full_disk import run_with_file_limit


def test_quiz_on_a_full_disk_says_so_in_one_line_and_leaves_nothing_behind(tmp_path):
    data = tmp_path / "data"
    result = run_with_file_limit(0, "quiz", "--data-dir", str(data))
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"casebook: cannot keep progress in {data / 'douyin-exit-matrix'}: ")
    assert not data.exists(), "no progress file, journal or folder is left"


def test_quiz_leaves_another_programs_sqlite_file_untouched(tmp_path):
    progress = tmp_path / "douyin-exit-matrix" / "progress.db"
    progress.parent.mkdir()
    with sqlite3.connect(progress) as db:
        db.execute("CREATE TABLE answers (student TEXT, essay TEXT)")
        db.execute("INSERT INTO answers VALUES ('Ming', 'an essay')")
    db.close()
    before = progress.read_bytes()
    result = run_casebook("quiz", "--data-dir", str(tmp_path))
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        f"casebook: {progress} is not a Casebook progress file (it holds the tables answers);"
        " it was left untouched: move it elsewhere to start afresh"
    ]
    assert progress.read_bytes() == before
    assert os.listdir(progress.parent) == ["progress.db"]


@pytest.mark.parametrize("text", ["", '[{"slide": "ads-chart", "step": 0, "strokes": [{"kind": "pen"'])
def test_export_with_ink_sets_a_damaged_ink_file_aside_and_exports(deck_dir, tmp_path, text):
    ink = tmp_path / "user-data" / "tiny" / "ink.json"
    ink.parent.mkdir(parents=True)
    ink.write_text(text, encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = run_casebook("export", str(deck_dir), "--out", str(tmp_path / "out"), "--ink", "--size", "640x360")
    assert result.returncode == 0, result.stderr
    (aside,) = ink.parent.glob("ink.damaged-*.json")
    assert aside.read_text(encoding="utf-8") == text and not ink.exists()
    assert f"casebook: ink.json was damaged; it was moved to {aside.name} and a fresh one started" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "01-ads-chart.png").is_file()
