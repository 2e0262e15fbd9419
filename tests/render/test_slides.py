"""Every slide of the bundled deck renders, in each language and theme, with text that fits."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from desktop.deck import load_deck
from desktop.deck.figures import format_value
from desktop.render.canvas import HEIGHT, WIDTH, Look
from desktop.render.fonts import INSTALL_HINT, deck_family, pick_family
from desktop.render.kinds.numbers import number_text
from desktop.render.scene import SlideScene, build_scene
from desktop.render.text import TextBox
from desktop.render.theme import load_theme, theme_ids
from tests.conftest import REPO

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck


def look(family: str, lang: str = "zh", theme: str = "light") -> Look:
    return Look(load_theme(theme)[0], lang, family)


def boxes(scene: SlideScene) -> list[TextBox]:
    return [item for item in scene.items() if isinstance(item, TextBox) and item.isVisible()]


def test_the_deck_gets_a_cjk_font_that_covers_it(qapp):
    family, warning = deck_family(DECK)
    assert warning is None
    assert pick_family("抖音广告收入占比", [family]) == family


def test_without_a_cjk_font_one_line_says_how_to_install_one(qapp):
    assert pick_family("抖音", ["DejaVu Sans", "No Such Font"]) is None
    assert "fonts-noto-cjk" in INSTALL_HINT and "\n" not in INSTALL_HINT


def test_three_themes_ship_as_data():
    assert theme_ids()[:3] == ("light", "dark", "projector")
    for theme_id in theme_ids():
        theme, problems = load_theme(theme_id)
        assert problems == [] and theme.id == theme_id


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_slide_fits_its_text_without_overlap(family, lang):
    for index, slide in enumerate(DECK.slides):
        scene = build_scene(DECK, index, look(family, lang))
        items = boxes(scene)
        assert items, slide.id
        for box in items:
            assert not box.overflow, (slide.id, box.text, box.px)
            assert box.text_height() <= box.rect.height() + 0.5, (slide.id, box.text)
            assert QRectF(0, 0, WIDTH, HEIGHT).contains(box.mapRectToScene(box.rect)), (slide.id, box.text)
        for a, b in itertools.combinations(items, 2):
            ra, rb = a.mapRectToScene(a.rect), b.mapRectToScene(b.rect)
            assert not ra.intersects(rb), (slide.id, a.text, b.text)


def test_long_text_shrinks_then_wraps(qapp, family):
    rect = QRectF(0, 0, 600, 200)
    short = TextBox("抖音", rect, family, "#000000", 60, 20)
    long = TextBox("抖音广告收入占比从2019年的84%降至2023年的52%" * 3, rect, family, "#000000", 60, 20)
    assert short.px == 60
    assert 20 <= long.px < 60 and long.text_height() > 2 * long.px, "shrunk, and wrapped onto more lines"
    assert long.text_height() <= rect.height()


def test_a_number_too_wide_for_its_box_shrinks_but_never_breaks(qapp, family):
    rect = QRectF(0, 0, 396, 180)  # a quarter of a big-number slide: room for two lines at 48 px
    box = TextBox("1000000000000", rect, family, "#000000", 170, 48, bold=True)
    box.document.size()  # lays the document out
    lines = box.document.firstBlock().layout().lineCount()
    assert lines == 1 and box.document.idealWidth() <= rect.width() + 0.5, "13 digits read as one number"


def test_a_slide_shows_where_its_figures_come_from(family):
    chart = next(
        i for i, s in enumerate(DECK.slides) if s.chart and any(DECK.figures[p.second].derived for p in s.chart.pairs)
    )
    line = build_scene(DECK, chart, look(family, "en")).source_line()
    assert line.startswith("Source: ") and "Our arithmetic: " in line and " = " in line


def test_big_numbers_count_up_to_the_figure(family):
    index = next(i for i, s in enumerate(DECK.slides) if s.kind == "big-number")
    scene = build_scene(DECK, index, look(family))
    figure = DECK.figures[DECK.slides[index].figures[0]]
    count_up = scene.parts[0]
    final = format_value(figure, "zh", signed=figure.role == "change")
    assert count_up.text_at(1.0) == number_text(figure, "zh") == final
    assert count_up.text_at(0.0) != count_up.text_at(1.0)


def test_a_slide_renders_sharp_at_4k(family):
    scene = build_scene(DECK, 0, look(family, theme="projector"))
    image = scene.to_image(3840, 2160)
    assert (image.width(), image.height()) == (3840, 2160)
    assert image.pixelColor(10, 10) == QColor("#ffffff")
    title_band = [(x, y) for x in range(0, 3840, 8) for y in range(500, 1100, 10)]
    dark = sum(image.pixelColor(x, y).lightness() < 80 for x, y in title_band)
    assert dark > 200, "the title is drawn, in black, across the middle of the slide"


def test_every_item_of_a_chart_slide_belongs_to_its_scene(family):
    """pyqtgraph's view box and bars join the slide's scene (not drawn from outside it, as they were when the
    scene class inherited two Qt scene classes), so Qt never sends them events "from a different scene"."""
    from PySide6.QtWidgets import QGraphicsItem

    charts = [i for i, s in enumerate(DECK.slides) if s.chart]
    for index in charts:
        scene = build_scene(DECK, index, look(family))
        chart = scene.chart
        stack: list[QGraphicsItem] = [chart]
        while stack:
            item = stack.pop()
            assert item.scene() is scene, f"slide {index + 1}: {type(item).__name__} is outside the scene"
            stack.extend(item.childItems())
        assert chart.view in scene.items()
