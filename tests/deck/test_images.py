"""Pictures in a deck: an image slide and a picture beside bullets; a missing or bad picture is FILE:LINE:COL."""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path

import pytest

from tests.conftest import run_casebook, write
from tests.deck.test_bad_input import LINE, line_of, validate
from tests.decks import png_bytes

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><rect width="40" height="30"/></svg>'
SLIDES = """\
  - id: map
    kind: image
    title: {zh: 门店分布, en: Where the stores are}
    image: pictures/map.png
    caption: {zh: 二〇二三年, en: By 2023}
    alt: {zh: 城市地图，标出每家门店, en: A map of the city with every store marked}
    notes: {zh: 讲解。, en: Say this.}
  - id: front
    kind: bullets
    title: {zh: 门店外观, en: The shop front}
    bullets: [{zh: 临街, en: On the street}]
    image: pictures/front.svg
    alt: {zh: 门店照片, en: A photo of the shop}
    notes: {zh: 讲解。, en: Say this.}
"""


def jpeg_header(width: int, height: int) -> bytes:
    """The first bytes of a baseline JPEG, as far as its size: enough for validate, not for drawing."""
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    frame = b"\xff\xc0\x00\x11\x08" + struct.pack(">HH", height, width) + b"\x03" + b"\x01\x22\x00" * 3
    return b"\xff\xd8" + app0 + frame


@pytest.fixture
def picture_deck(deck_dir: Path) -> Path:
    """The tiny deck with an image slide and a bullets slide with a picture."""
    part = (deck_dir / "part.yaml").read_text(encoding="utf-8")
    write(deck_dir / "part.yaml", part + SLIDES)
    (deck_dir / "pictures").mkdir()
    write(deck_dir / "pictures" / "map.png", png_bytes(1200, 800))
    write(deck_dir / "pictures" / "front.svg", SVG)
    return deck_dir


def only_error(deck: Path, capsys, needle: str) -> re.Match:
    """The one problem validate prints, checked to stand at the `image:` value that `needle` finds."""
    code, problems = validate(deck, capsys)
    assert code == 1 and len(problems) == 1, [p.group(0) for p in problems]
    text = (deck / "part.yaml").read_text(encoding="utf-8")
    at = text.index(needle)
    column = at - text.rfind("\n", 0, at)
    problem = problems[0]
    assert (problem["file"], int(problem["line"]), int(problem["col"])) == (
        str(deck / "part.yaml"),
        line_of(text, needle),
        column,
    )
    return problem


def test_pictures_in_png_jpeg_and_svg_validate(picture_deck, capsys):
    write(picture_deck / "pictures" / "map.png", jpeg_header(1600, 900))  # the content decides, not the name
    assert validate(picture_deck, capsys) == (0, [])


def test_a_missing_picture_is_its_line_with_a_near_name(picture_deck, capsys):
    (picture_deck / "pictures" / "map.png").rename(picture_deck / "pictures" / "maps.png")
    problem = only_error(picture_deck, capsys, "pictures/map.png")
    assert problem["message"] == "image: 'pictures/map.png' not found in tiny/; did you mean 'pictures/maps.png'?"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a" + bytes(40), "image: 'pictures/map.png' is a GIF, not a PNG, JPEG or SVG picture; save it as PNG"),
        (b"just words\n", "image: 'pictures/map.png' is not a PNG, JPEG or SVG picture (its content says so"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image: 'pictures/map.png' is a damaged JPEG"),
        (png_bytes(9000, 2), "image: 'pictures/map.png' is 9000×2 pixels; at most 8000×8000 is shown"),
        (SVG.replace(b"</svg>", b"</g>"), "image: 'pictures/map.png' is a damaged SVG (line 1, column"),
        (
            SVG.replace(b"<rect", b'<image href="/etc/hosts.png"/><rect'),
            "image: 'pictures/map.png' shows another file ('/etc/hosts.png'); embed that picture in the SVG instead",
        ),
    ],
)
def test_a_picture_is_checked_by_its_content(picture_deck, capsys, content, message):
    write(picture_deck / "pictures" / "map.png", content)
    assert only_error(picture_deck, capsys, "pictures/map.png")["message"].startswith(message)


def test_a_picture_too_big_to_read_is_refused_before_it_is_read(picture_deck, capsys):
    with (picture_deck / "pictures" / "map.png").open("r+b") as file:
        file.truncate(21 * 2**20)  # sparse: no 21 MB written
    message = only_error(picture_deck, capsys, "pictures/map.png")["message"]
    assert message == "image: 'pictures/map.png' is 21.0 MB; at most 20 MB (make it smaller)"


def test_a_picture_outside_the_deck_folder_or_looping_is_refused(picture_deck, capsys, tmp_path):
    write(tmp_path / "elsewhere.png", png_bytes(1200, 800))
    text = (picture_deck / "part.yaml").read_text(encoding="utf-8")
    write(picture_deck / "part.yaml", text.replace("pictures/map.png", "../elsewhere.png"))
    message = only_error(picture_deck, capsys, "../elsewhere.png")["message"]
    assert message == "image: '../elsewhere.png' is outside the deck folder; keep deck files inside it"
    write(picture_deck / "part.yaml", text)
    (picture_deck / "pictures" / "map.png").unlink()
    os.symlink("map.png", picture_deck / "pictures" / "map.png")
    assert "loop" in only_error(picture_deck, capsys, "pictures/map.png")["message"]


def test_a_tiny_picture_and_a_missing_alt_are_warnings(picture_deck, capsys):
    write(picture_deck / "pictures" / "map.png", png_bytes(120, 80))
    text = (picture_deck / "part.yaml").read_text(encoding="utf-8")
    write(picture_deck / "part.yaml", text.replace("    alt: {zh: 门店照片, en: A photo of the shop}\n", ""))
    code, problems = validate(picture_deck, capsys)
    assert code == 0
    messages = [p["message"] for p in problems]
    assert messages == [
        "warning: image: 'pictures/map.png' is only 120×80 pixels: it will look blurry on a projector"
        " (give 800 or more)",
        "warning: slide 'front': say what the picture shows in 'alt' (for readers who cannot see it)",
    ]


def test_an_image_slide_needs_its_picture_and_only_bullets_take_one_besides(picture_deck, capsys):
    text = (picture_deck / "part.yaml").read_text(encoding="utf-8")
    write(picture_deck / "part.yaml", text.replace("    image: pictures/map.png\n", ""))
    code, problems = validate(picture_deck, capsys)
    assert code == 1 and [p["message"] for p in problems] == ["image slide: missing key 'image'"]
    write(picture_deck / "part.yaml", text.replace("kind: bullets", "kind: discussion"))
    code, problems = validate(picture_deck, capsys)
    assert code == 1 and any("discussion slide: unknown key 'image'" in p["message"] for p in problems)
    write(picture_deck / "part.yaml", text.replace("    image: pictures/front.svg\n", ""))
    problem = only_error(picture_deck, capsys, "{zh: 门店照片")
    assert problem["message"] == "alt: says what a picture shows, but this slide has no 'image'"


def test_the_command_line_says_it_in_one_line_exit_1(picture_deck):
    (picture_deck / "pictures" / "map.png").unlink()
    result = run_casebook("validate", str(picture_deck))
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    problem = LINE.match(result.stdout.splitlines()[0])
    assert problem and problem["message"].startswith("image: 'pictures/map.png' not found in tiny/")
