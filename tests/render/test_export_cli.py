"""`main.py export` at its edges: the folder, the choices, progress on a terminal, help for every option."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

from pypdf import PdfReader

from desktop.deck import load_deck
from desktop.resources import bundled_deck
from tests.conftest import REPO, run_casebook

DECK = load_deck(bundled_deck()).deck


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_a_missing_folder_is_made_with_its_parents(tmp_path):
    out = tmp_path / "exports" / "2026" / "slides"
    result = run_casebook("export", "--out", str(out), "--slides", "2")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == [f"02-{DECK.slides[1].id}.png"]


def test_out_naming_a_file_says_so(tmp_path):
    file = tmp_path / "deck.png"
    file.write_text("mine", encoding="utf-8")
    assert one_line_error(run_casebook("export", "--out", str(file))) == f"casebook: {file} is a file, not a folder"
    inside = one_line_error(run_casebook("export", "--out", str(file / "slides")))
    assert inside == f"casebook: {file / 'slides'}: cannot create this folder (Not a directory)"
    assert file.read_text(encoding="utf-8") == "mine"


def test_a_reversed_range_is_named(tmp_path):
    result = run_casebook("export", "--out", str(tmp_path), "--slides", "3-1")
    assert one_line_error(result) == "casebook: --slides: 3-1 is reversed (did you mean 1-3?)"
    assert not list(tmp_path.iterdir())


def test_handout_and_quiz_together_write_both(tmp_path):
    result = run_casebook("export", "--out", str(tmp_path), "--handout", "--quiz")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{DECK.id}-handout.pdf", f"{DECK.id}-quiz.pdf"]
    assert result.stdout.strip().endswith(f"2 files written to {tmp_path}")


def test_png_with_handout_or_quiz_is_refused(tmp_path):
    for kind in ("--handout", "--quiz"):
        line = one_line_error(run_casebook("export", "--out", str(tmp_path), "--format", "png", kind))
        assert "--handout and --quiz write PDF files" in line
    assert not list(tmp_path.iterdir())


def export_on_a_terminal(*args: str) -> tuple[int, str, str]:
    """(exit code, what reached the terminal, stdout): standard error is a terminal, standard output a pipe."""
    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, str(REPO / "main.py"), "export", *args], stdout=subprocess.PIPE, stderr=child, cwd=REPO
    )
    os.close(child)
    terminal = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # EIO: the process has ended and closed the terminal
            break
        if not chunk:
            break
        terminal += chunk
    os.close(main)
    stdout = process.stdout.read().decode()
    process.stdout.close()
    return process.wait(timeout=120), terminal.decode(), stdout


def test_progress_on_a_terminal_is_one_line_rewritten_then_wiped(tmp_path):
    code, terminal, stdout = export_on_a_terminal("--out", str(tmp_path), "--slides", "1-3")
    assert code == 0
    assert terminal == "\r1/3 slides\x1b[K\r2/3 slides\x1b[K\r3/3 slides\x1b[K\r\x1b[K"
    assert stdout == f"3 files written to {tmp_path}\n"
    code, terminal, _ = export_on_a_terminal("--out", str(tmp_path / "pdf"), "--format", "pdf", "--slides", "1")
    assert code == 0 and "\r1/" in terminal and " pages\x1b[K" in terminal


def test_quiet_prints_nothing_and_a_pipe_gets_no_progress(tmp_path):
    code, terminal, stdout = export_on_a_terminal("--out", str(tmp_path), "--slides", "1-3", "--quiet")
    assert (code, terminal, stdout) == (0, "", "")
    piped = run_casebook("export", "--out", str(tmp_path), "--slides", "1-3")
    assert piped.returncode == 0 and piped.stderr == ""
    assert piped.stdout == f"3 files written to {tmp_path}\n"


def test_help_describes_every_export_option():
    text = run_casebook("export", "--help").stdout
    options = ("--out", "--format", "--size", "--steps", "--slides", "--lang", "--theme")
    for option in (*options, "--handout", "--per-page", "--quiz", "--ink", "--quiet"):
        entry = re.search(rf"^ +{option}\b(.*?)(?=^ +-|\Z)", text, re.M | re.S)
        assert entry, option
        assert len(entry[1].split()) >= 4, f"{option} has no help: {entry[0]!r}"  # a metavar, then words
    assert "png" in text and "pdf" in text and "made if missing" in text


def test_per_page_lays_out_the_handout_and_a_bad_value_is_named(tmp_path):
    result = run_casebook("export", "--out", str(tmp_path), "--handout", "--per-page", "6", "--slides", "1-7")
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(tmp_path / f"{DECK.id}-handout.pdf").pages) == 2 + 1, "seven slides six a page, the Sources"
    for bad in ("4", "x"):
        result = run_casebook("export", "--out", str(tmp_path / "bad"), "--handout", "--per-page", bad)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "--per-page" in result.stderr and "1, 2, 3, 6" in result.stderr or "invalid int" in result.stderr
    alone = run_casebook("export", "--out", str(tmp_path / "bad"), "--per-page", "2")
    assert alone.returncode == 2 and "--per-page lays out the handout: use it with --handout" in alone.stderr
    assert not (tmp_path / "bad").exists()
