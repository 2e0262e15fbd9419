"""Export on a failing disk, after a killed export, and with names too long for the file system: through the CLI."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtGui import QImage

from desktop.deck import load_deck
from desktop.render.files import TEMPORARY_EXTRA
from desktop.resources import bundled_deck
from tests.conftest import run_casebook
from tests.full_disk import run_with_file_limit

DECK = load_deck(bundled_deck()).deck


def one_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_png_that_fails_half_written_leaves_the_old_file_and_no_temporary(tmp_path):
    first, second = (f"{n:02d}-{DECK.slides[n - 1].id}.png" for n in (1, 2))
    old = tmp_path / second
    old.write_bytes(b"the previous export")
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    # The title slide's PNG is ~90 KB, the next one's ~160 KB: the second write fails part-way.
    result = run_with_file_limit(120_000, "export", "--out", str(tmp_path), "--slides", "1-2")
    assert result.returncode == 2
    assert one_line(result) == f"casebook: {old}: cannot write (File too large)"
    assert old.read_bytes() == b"the previous export", "the old file is never written over in place"
    assert not QImage(str(tmp_path / first)).isNull(), "what was written is whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first, second, "notes.txt"])


def test_a_pdf_on_a_full_disk_says_so_in_one_line_and_leaves_nothing(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_with_file_limit(20_000, "export", "--out", str(tmp_path), "--format", "pdf")
    assert result.returncode == 2, result.stderr  # it was 134: pikepdf aborted the whole process
    assert one_line(result) == f"casebook: {tmp_path / (DECK.id + '.pdf')}: cannot write (File too large)"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_an_export_removes_the_temporaries_a_killed_one_left_and_nothing_else(tmp_path):
    def left_by_a_kill(prefix: str, suffix: str = ".part") -> Path:
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=tmp_path)  # as export names them
        os.write(handle, b"half a file")
        os.close(handle)
        return Path(name)

    first, second = (f"{n:02d}-{DECK.slides[n - 1].id}.png" for n in (1, 2))
    stale = [left_by_a_kill(f".{first}."), left_by_a_kill(f".{second}."), left_by_a_kill(f".{second}.")]
    others = [
        left_by_a_kill(f".{DECK.id}.pdf."),  # a PDF's: not what this export writes
        left_by_a_kill(".notes.txt."),
        left_by_a_kill(f".{first}.", ".partial"),
    ]
    for name in ("notes.txt", f".{first}.part", f"{first}.abcdefgh.part"):
        others.append(tmp_path / name)
        others[-1].write_text("mine", encoding="utf-8")
    result = run_casebook("export", "--out", str(tmp_path), "--slides", "1-2")
    assert result.returncode == 0, result.stderr
    left = {p.name for p in tmp_path.iterdir()}
    assert not left & {p.name for p in stale}
    assert left == {first, second} | {p.name for p in others}


def test_a_pdf_export_removes_what_pikepdf_left_on_a_full_disk(tmp_path):
    handle, name = tempfile.mkstemp(prefix=f".pikepdf..{DECK.id}.pdf.abcd_123.part", dir=tmp_path)
    os.close(handle)
    result = run_casebook("export", "--out", str(tmp_path), "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == [f"{DECK.id}.pdf"]


LONG = "a-slide-id-" + "x" * 230 + "-end"  # 245 characters, valid: a file name NN-<id>.png would be too long


def long_ids_deck(folder: Path) -> Path:
    """The tiny deck with a 250-character deck id and two slides whose ids differ only at the end."""
    text = (folder / "part.yaml").read_text(encoding="utf-8")
    slide = text[text.index("  - id: ads-chart") :]
    text = text.replace(slide, slide.replace("ads-chart", LONG + "1") + slide.replace("ads-chart", LONG + "2"))
    (folder / "part.yaml").write_text(text, encoding="utf-8")
    deck = (folder / "deck.yaml").read_text(encoding="utf-8")
    (folder / "deck.yaml").write_text(deck.replace("id: tiny", "id: " + LONG), encoding="utf-8")
    return folder


def test_names_too_long_for_the_file_system_are_cut_short_keep_their_number_and_stay_apart(deck_dir, tmp_path):
    deck = long_ids_deck(deck_dir)
    out = tmp_path / "out"
    for args in ([], ["--steps"], ["--format", "pdf"], ["--handout", "--quiz"]):
        result = run_casebook("export", str(deck), "--out", str(out), *args)
        assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 + 6 + 3, names  # two slides, then three steps each, then three PDFs
    assert [n[:3] for n in names[:8]] == ["01-"] * 4 + ["02-"] * 4
    assert sum(n.endswith("-step2.png") for n in names) == 2
    assert sum(n.endswith(("-handout.pdf", "-quiz.pdf")) for n in names) == 2
    assert all(n.startswith(("01-a-slide-id-xxx", "02-a-slide-id-xxx", "a-slide-id-xxx")) for n in names)
    assert all(len(n.encode()) + TEMPORARY_EXTRA <= os.pathconf(out, "PC_NAME_MAX") for n in names)
    again = run_casebook("export", str(deck), "--out", str(out))
    assert again.returncode == 0 and sorted(p.name for p in out.iterdir()) == names, "the same names every time"
