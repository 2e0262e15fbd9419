"""Pictures as the audience and the reader see them: exported PNGs show them, PDFs keep an SVG vector and carry
the alt text, and a picture Qt cannot decode is a framed placeholder with its name."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from tests.conftest import run_casebook, write
from tests.deck.test_images import jpeg_header
from tests.decks import png_bytes

RED, BLUE, GREEN = (200, 16, 46), (31, 78, 121), (27, 127, 59)
SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200">
<rect width="300" height="200" fill="rgb{GREEN}"/><circle cx="150" cy="100" r="60" fill="white"/></svg>
"""
DECK = """\
id: pictures
title: {en: Pictures}
languages: [en]
sections: [part.yaml]
"""
PART = """\
id: part
title: {en: Part}
slides:
  - id: map
    kind: image
    title: {en: Where the stores are}
    image: pictures/map.png
    caption: {en: By 2023}
    alt: {en: A map with every store marked}
    notes: {en: Say this.}
  - id: front
    kind: bullets
    title: {en: The shop front}
    bullets: [{en: On the street}, {en: Seats for twenty}]
    image: pictures/front.jpg
    alt: {en: A photo of the shop front}
    notes: {en: Say this.}
  - id: diagram
    kind: image
    title: {en: How an order flows}
    image: pictures/flow.svg
    alt: {en: A green diagram with a white circle}
    notes: {en: Say this.}
  - id: broken
    kind: image
    title: {en: A picture that cannot be drawn}
    image: pictures/broken.jpg
    alt: {en: A picture of nothing}
    notes: {en: Say this.}
"""


def write_picture_deck(folder: Path) -> Path:
    """A deck of a PNG, a JPEG beside bullets, an SVG and a JPEG Qt cannot decode (Qt writes the JPEG)."""
    (folder / "pictures").mkdir(parents=True)
    write(folder / "deck.yaml", DECK)
    write(folder / "part.yaml", PART)
    write(folder / "pictures" / "map.png", png_bytes(1200, 800, RED))
    photo = QImage(1600, 1200, QImage.Format.Format_RGB32)
    photo.fill(QColor(*BLUE))
    assert photo.save(str(folder / "pictures" / "front.jpg"), "JPEG", 90)
    write(folder / "pictures" / "flow.svg", SVG)
    write(folder / "pictures" / "broken.jpg", jpeg_header(1600, 900))  # a size, then nothing to decode
    return folder


@pytest.fixture
def deck(qapp, tmp_path: Path) -> Path:
    return write_picture_deck(tmp_path / "pictures-deck")


def near(image: QImage, x: int, y: int, rgb: tuple[int, int, int]) -> bool:
    colour = image.pixelColor(x, y)
    return all(abs(a - b) <= 8 for a, b in zip((colour.red(), colour.green(), colour.blue()), rgb, strict=True))


def test_exported_slides_show_the_picture_and_the_bullets_beside_it(deck, tmp_path):
    out = tmp_path / "png"
    result = run_casebook("export", str(deck), "--out", str(out))
    assert result.returncode == 0, result.stderr
    shown = {p.name: QImage(str(p)) for p in out.iterdir()}
    assert sorted(shown) == ["01-map.png", "02-front.png", "03-diagram.png", "04-broken.png"]
    map_slide = shown["01-map.png"]
    assert near(map_slide, 960, 560, RED), "the picture fills the middle of the slide"
    assert near(map_slide, 300, 560, (251, 250, 247)), "its proportions kept: the theme's background beside it"
    front = shown["02-front.png"]
    assert near(front, 1440, 500, BLUE), "the picture stands on the right"
    assert not near(front, 400, 500, BLUE), "the bullets keep the left"
    assert near(shown["03-diagram.png"], 960, 360, GREEN) and near(shown["03-diagram.png"], 960, 560, (255,) * 3)


def test_a_picture_qt_cannot_decode_is_a_placeholder_with_its_name(deck, tmp_path):
    out = tmp_path / "pdf"
    result = run_casebook("export", str(deck), "--out", str(out), "--format", "pdf")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    text = " ".join(PdfReader(out / "pictures.pdf").pages[3].extract_text().split())
    assert "pictures/broken.jpg" in text and "This picture cannot be shown" in text


def test_an_svg_stays_vector_in_the_pdf_and_every_picture_says_what_it_shows(deck, tmp_path):
    out = tmp_path / "pdf"
    assert run_casebook("export", str(deck), "--out", str(out), "--format", "pdf").returncode == 0
    assert run_casebook("export", str(deck), "--out", str(out), "--handout").returncode == 0
    pages = PdfReader(out / "pictures.pdf").pages

    def images(page) -> list[str]:
        objects = page["/Resources"].get("/XObject", {})
        return [name for name, ref in objects.items() if ref.get_object()["/Subtype"] == "/Image"]

    assert [len(images(page)) for page in pages[:3]] == [1, 1, 0], "the photo and the PNG as images, the SVG as paths"
    alts = ["A map with every store marked", "A photo of the shop front", "A green diagram with a white circle"]
    for page, alt in zip(pages, alts, strict=False):
        assert alt in " ".join(page.extract_text().split()), alt
    handout = " ".join(" ".join(p.extract_text() for p in PdfReader(out / "pictures-handout.pdf").pages).split())
    assert all(alt in handout for alt in alts)
