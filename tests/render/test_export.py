"""Export to PNG: names, sizes, steps, ranges; whole files or none; identical twice; no display needed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.deck import load_deck
from desktop.render.canvas import Look
from desktop.render.export import ExportError, Request, export, parse_slides, png_name
from desktop.render.fonts import deck_family
from desktop.render.theme import load_theme
from tests.conftest import REPO

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck
CHART = next(i for i, s in enumerate(DECK.slides) if s.chart)


@pytest.fixture(scope="module")
def look(qapp) -> Look:
    return Look(load_theme("light")[0], "zh", deck_family(DECK)[0], reduced_motion=True)


def colours(path, step: int = 16) -> int:
    image = QImage(str(path))
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_slide_ranges_keep_the_decks_numbers():
    assert parse_slides("1-3,7", 44) == (0, 1, 2, 6)
    assert parse_slides("7, 2-3, 3", 44) == (6, 1, 2)
    for bad, message in [
        ("0", "outside 1-44"),
        ("45", "outside"),
        ("a-b", "not a slide number"),
        ("3-1", r"3-1 is reversed \(did you mean 1-3\?\)"),
    ]:
        with pytest.raises(ExportError, match=message):
            parse_slides(bad, 44)


def test_png_files_by_number_and_id_at_the_asked_size(tmp_path, look):
    written = export(Request(DECK, look, tmp_path, slides=(0, CHART), size=(1280, 720)))
    assert [p.name for p in written] == [png_name(DECK, 0), png_name(DECK, CHART)]
    assert written[1].name == f"{CHART + 1:02d}-{DECK.slides[CHART].id}.png"
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1280, 720)
        assert colours(path) > 5, "not blank"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)


def test_steps_write_one_file_a_build_step_and_charts_end_on_their_final_state(tmp_path, look):
    written = export(Request(DECK, look, tmp_path, slides=(0, CHART), steps=True, size=(960, 540)))
    stem = f"{CHART + 1:02d}-{DECK.slides[CHART].id}"
    assert [p.name for p in written] == [
        png_name(DECK, 0),
        f"{stem}-step1.png",
        f"{stem}-step2.png",
        f"{stem}-step3.png",
    ]
    step1, step3 = QImage(str(written[1])), QImage(str(written[3]))
    assert step1 != step3, "the before state differs from the final one"
    plain = tmp_path / "plain"
    plain.mkdir()
    final = export(Request(DECK, look, plain, slides=(CHART,), size=(960, 540)))[0]
    assert QImage(str(final)) == step3


def test_4k_is_rendered_at_4k_not_scaled_up(tmp_path, look):
    (big,) = export(Request(DECK, look, tmp_path, slides=(0,), size=(3840, 2160)))
    image = QImage(str(big))
    assert (image.width(), image.height()) == (3840, 2160)
    edges = sum(
        abs(image.pixelColor(x, 1000).lightness() - image.pixelColor(x + 1, 1000).lightness()) > 100
        for x in range(0, 3839)
    )
    assert edges > 20, "sharp glyph edges along a line through the title"


def test_exporting_twice_gives_identical_files(tmp_path, look):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (a,) = export(Request(DECK, look, first, slides=(CHART,)))
    (b,) = export(Request(DECK, look, second, slides=(CHART,)))
    assert a.read_bytes() == b.read_bytes()


def test_a_cancel_leaves_whole_files_only(tmp_path, look):
    keep = tmp_path / "notes.txt"
    keep.write_text("mine", encoding="utf-8")

    def cancel(done: int, total: int) -> None:
        if done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export(Request(DECK, look, tmp_path, slides=(0, 1, 2)), cancel)
    assert keep.read_text(encoding="utf-8") == "mine"
    assert {p.name for p in tmp_path.iterdir()} <= {"notes.txt", png_name(DECK, 0), png_name(DECK, 1)}
    assert all(not QImage(str(p)).isNull() for p in tmp_path.glob("*.png")), "every file left is a whole image"


def run_export(*args: str, env: dict | None = None, user: str | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, str(REPO / "main.py"), "export", *args]
    if user:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd=REPO)


def test_export_needs_no_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run_export("--out", str(tmp_path), "--slides", "2", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(f"1 file written to {tmp_path}")
    assert [p.name for p in tmp_path.iterdir()] == [png_name(DECK, 1)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--size", "100x99999"], "is not a size like 1920x1080"),
        (["--slides", "99"], "--slides: 99 is outside 1-"),
        (["--out", "/dev/null/folder"], "/dev/null/folder: cannot create this folder (Not a directory)"),
    ],
)
def test_bad_requests_get_one_line_and_exit_code_2(tmp_path, args, message):
    result = run_export("--out", str(tmp_path), *args)
    assert result.returncode == 2
    assert message in result.stderr.strip().splitlines()[-1]
    assert "Traceback" not in result.stderr


def _nobody_can_run_the_app() -> bool:
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return False
    probe = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, str(REPO / "main.py"), "-h"]
    return subprocess.run(probe, capture_output=True, timeout=60, cwd=REPO).returncode == 0


@pytest.mark.skipif(not _nobody_can_run_the_app(), reason="needs root, and an app another user can run")
def test_an_unwritable_folder_is_refused_and_left_alone():
    # pytest's own tmp_path lies in a folder only root may enter: this one the other user can read.
    outer = Path(tempfile.mkdtemp())
    try:
        folder = outer / "locked"
        folder.mkdir()
        (folder / "keep.txt").write_text("mine", encoding="utf-8")
        os.chmod(outer, 0o755)
        os.chmod(folder, 0o555)
        result = run_export("--out", str(folder), "--slides", "1", user="65534")
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip() == f"casebook: {folder}: cannot write here (Permission denied)"
        assert [p.name for p in folder.iterdir()] == ["keep.txt"]
    finally:
        shutil.rmtree(outer)


def test_the_presenters_ink_is_drawn_only_when_asked(tmp_path, look):
    from desktop.render.ink import Ink, Stroke

    ink = Ink()
    ink.add(DECK.slides[0].id, 0, Stroke("pen", "#0033cc", [(100.0, 1000.0), (1800.0, 1000.0)]))
    plain, inked = tmp_path / "plain", tmp_path / "inked"
    plain.mkdir()
    inked.mkdir()
    (without,) = export(Request(DECK, look, plain, slides=(0,), size=(960, 540)))
    (with_ink,) = export(Request(DECK, look, inked, slides=(0,), size=(960, 540), ink=ink))
    # the stroke crosses the slide at y = 1000 of 1080: pixel row 500 of 540; the pen is blue (red 0)
    assert QImage(str(with_ink)).pixelColor(480, 500).red() < 100 < QImage(str(without)).pixelColor(480, 500).red()


def test_the_presenters_ink_reaches_the_pdf_when_asked(tmp_path, look):
    import subprocess

    from desktop.render.ink import Ink, Stroke

    ink = Ink()
    ink.add(DECK.slides[0].id, 0, Stroke("pen", "#0033cc", [(100.0, 1000.0), (1800.0, 1000.0)]))
    (pdf,) = export(Request(DECK, look, tmp_path, format="pdf", slides=(0,), ink=ink))
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    page = QImage(str(next(tmp_path.glob("page*.png"))))
    y = round(page.height() * 1000 / 1080)
    assert page.pixelColor(page.width() // 2, y).red() < 100, "the blue stroke is on the page"
