"""Charts: their look at (step, t) follows from the figures alone, and reads right in both languages."""

from __future__ import annotations

import gc

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsView

from desktop.deck import load_deck
from desktop.deck.model import ChartSpec, Figure, Pair, Text
from desktop.render.charts import (
    Chart,
    ChartStyle,
    bar_heights,
    benchmark_heights,
    build_chart,
    change_text,
    ease,
    segment_sizes,
    value_text,
)
from desktop.render.theme import load_theme
from tests.conftest import REPO

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck
CHART_SLIDES = {s.id: s for s in DECK.slides if s.chart}
THEME = load_theme("light")[0]
FAMILY = "Noto Sans CJK SC"
AREA = QRectF(160, 140, 1600, 800)


def style(lang: str = "en") -> ChartStyle:
    return ChartStyle(THEME, lang, FAMILY)


def chart_of(slide_id: str, lang: str = "en") -> Chart:
    return build_chart(CHART_SLIDES[slide_id].chart, DECK.figures, style(lang))


@pytest.fixture
def stage(qtbot):
    """A slide-sized pyqtgraph scene with a view attached (never shown), as export uses."""
    scene = pg.GraphicsScene()
    scene.setSceneRect(0, 0, 1920, 1080)
    view = QGraphicsView(scene)
    yield scene
    view.setScene(None)
    scene.clear()


def place(scene: pg.GraphicsScene, chart: Chart) -> Chart:
    scene.addItem(chart)
    chart.setGeometry(AREA)
    return chart


def render(scene: pg.GraphicsScene, width: int = 1920, height: int = 1080) -> np.ndarray:
    """The scene on the light theme's background, as an (h, w, 3) array of RGB."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(THEME.background))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, width, height), scene.sceneRect())
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine() // 4, 4)
    return pixels[:, :width, 2::-1].copy()  # BGRA in memory -> RGB


def mask(pixels: np.ndarray, hex_colour: str) -> np.ndarray:
    c = QColor(hex_colour)
    return np.all(pixels == (c.red(), c.green(), c.blue()), axis=2)


def box(where: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the True pixels."""
    ys, xs = np.nonzero(where)
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


def pair_values(slide_id: str) -> list[tuple[float, float]]:
    return [(DECK.figures[p.first].value, DECK.figures[p.second].value) for p in CHART_SLIDES[slide_id].chart.pairs]


# -- pure functions --------------------------------------------------------------------------------------------


def test_ease_out_cubic_starts_fast_and_lands_on_one():
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == 0.875
    assert ease(-1) == 0 and ease(2) == 1
    samples = [ease(i / 20) for i in range(21)]
    assert samples == sorted(samples)


def test_before_after_bars_grow_then_move_from_before_to_after():
    pairs = [(25.0, 67.0), (50.0, 40.0)]
    assert bar_heights(pairs, 0, 0.0) == [0, 0, 0, 0]
    assert bar_heights(pairs, 0, 0.5) == [25 * 0.875, 0, 50 * 0.875, 0]
    assert bar_heights(pairs, 0, 1.0) == [25, 0, 50, 0]
    assert bar_heights(pairs, 1, 0.0) == [25, 25, 50, 50]
    assert bar_heights(pairs, 1, 0.5) == pytest.approx([25, 25 + 42 * 0.875, 50, 50 - 10 * 0.875])
    assert bar_heights(pairs, 1, 1.0) == [25, 67, 50, 40]
    assert bar_heights(pairs, 2, 0.0) == bar_heights(pairs, 2, 1.0) == [25, 67, 50, 40]


def test_benchmark_shows_theirs_then_grows_ours_from_zero():
    pairs = [(2.5, 6.8)]  # (theirs, ours)
    assert benchmark_heights(pairs, 0, 1.0) == [2.5, 0]
    assert benchmark_heights(pairs, 1, 0.0) == [2.5, 0]
    assert benchmark_heights(pairs, 1, 0.5) == pytest.approx([2.5, 6.8 * 0.875])
    assert benchmark_heights(pairs, 1, 1.0) == benchmark_heights(pairs, 2, 0.3) == [2.5, 6.8]


def test_composition_segments_morph_and_always_fill_the_bar():
    before, after = [84, 12, 4], [52, 18, 30]
    assert segment_sizes(before, after, 0, 0.0) == [0, 0, 0]
    assert segment_sizes(before, after, 0, 1.0) == before
    assert segment_sizes(before, after, 1, 0.0) == before
    assert segment_sizes(before, after, 1, 0.5) == pytest.approx([84 - 32 * 0.875, 12 + 6 * 0.875, 4 + 26 * 0.875])
    assert sum(segment_sizes(before, after, 1, 0.37)) == pytest.approx(100)
    assert segment_sizes(before, after, 1, 1.0) == segment_sizes(before, after, 2, 0.0) == after


# -- the bundled deck's charts ---------------------------------------------------------------------------------


def expected_values(slide_id: str, step: int) -> list[float]:
    """What the chart should draw at (step, 1.0), straight from the deck's figures."""
    kind = CHART_SLIDES[slide_id].chart.kind
    pairs = pair_values(slide_id)
    if kind == "composition":
        return [b for b, _ in pairs] if step == 0 else [a for _, a in pairs]
    if kind == "benchmark":
        pairs = [(theirs, ours) for ours, theirs in pairs]
    return [v for first, second in pairs for v in (first, 0 if step == 0 else second)]


@pytest.mark.parametrize("slide_id", sorted(CHART_SLIDES))
def test_each_step_at_rest_draws_the_decks_figures(stage, slide_id):
    chart = place(stage, chart_of(slide_id))
    assert chart.steps == 3
    for step in range(3):
        chart.set_state(step, 1.0)
        assert chart.values() == expected_values(slide_id, step), step


def test_a_state_set_before_the_chart_is_placed_holds_once_it_is(stage):
    chart = chart_of("p5-consent")
    chart.set_state(0, 1.0)
    assert chart.values() == [78, 0]
    place(stage, chart)
    assert chart.values() == [78, 0] and chart.texts("value") == ["78%"]


def test_revenue_mix_labels_each_parts_change_in_points(stage):
    en = place(stage, chart_of("p3-revenue-mix", "en"))
    en.set_state(2, 1.0)
    assert en.texts("change") == ["−32 pp", "+6 pp", "+26 pp"]
    zh = place(stage, chart_of("p3-revenue-mix", "zh"))
    zh.set_state(2, 1.0)
    assert zh.texts("change") == ["−32个百分点", "+6个百分点", "+26个百分点"]


@pytest.mark.parametrize(
    ("slide_id", "en", "zh"),
    [
        ("p1-creator-ads", ["+42 pp"], ["+42个百分点"]),
        ("p4-doubao-accuracy", ["+18 pp"], ["+18个百分点"]),
        ("p6-benchmarks", ["+4.3 pp", "+9 pp"], ["+4.3个百分点", "+9个百分点"]),
        ("p8-us-share", ["+12 pp"], ["+12个百分点"]),
    ],
)
def test_the_change_appears_only_in_the_last_step(stage, slide_id, en, zh):
    for lang, words in (("en", en), ("zh", zh)):
        chart = place(stage, chart_of(slide_id, lang))
        for step in (0, 1):
            chart.set_state(step, 1.0)
            assert chart.texts("change") == []
        chart.set_state(2, 0.0)
        assert chart.texts("change") == []  # fades in from nothing
        chart.set_state(2, 1.0)
        assert chart.texts("change") == words


def test_a_derived_figure_says_so_on_its_label(stage):
    for lang, label in (("zh", "25%（推算）"), ("en", "25% (derived)")):
        chart = place(stage, chart_of("p8-us-share", lang))
        chart.set_state(0, 1.0)
        assert chart.texts("value") == [label]
        chart.set_state(2, 1.0)
        assert chart.texts("value") == [label, "37%"]
    assert DECK.figures["facebook-us-share"].derived is not None


def test_bars_are_named_by_period_or_by_who(stage):
    chart = place(stage, chart_of("p1-creator-ads", "en"))
    assert chart.texts("name") == ["2020", "2023"]
    chart = place(stage, chart_of("p5-consent", "zh"))  # no periods in the deck
    assert chart.texts("name") == ["之前", "之后"]
    chart = place(stage, chart_of("p6-benchmarks", "en"))
    assert chart.texts("name") == ["Industry average", "Douyin", "Meituan, same period", "Douyin"]
    assert chart.texts("category") == ["Live-shopping conversion", "Local-services redemption"]


@pytest.mark.parametrize("kind", ["before-after", "benchmark", "composition"])
def test_a_label_citing_a_figure_shows_the_figure_not_its_placeholder(stage, kind):
    pair = CHART_SLIDES["p3-revenue-mix"].chart.pairs[0]
    cited = Text.of(zh="广告 {ad-share-2023}", en="Ads {ad-share-2023}")
    names = {"first_name": cited, "second_name": cited} if kind == "benchmark" else {}
    spec = ChartSpec(kind, (pair.replace(label=cited, **names),))
    chart = place(stage, build_chart(spec, DECK.figures, style("en")))
    chart.set_state(2, 1.0)
    shown = chart.texts()
    assert any("Ads 52%" in text for text in shown) and not any("{" in text for text in shown), shown


def test_a_moving_bar_shows_its_moving_number_in_the_figures_unit(stage):
    chart = place(stage, chart_of("p1-creator-ads", "zh"))
    chart.set_state(1, 0.5)  # 25 + 42 × 0.875 = 61.75
    assert chart.texts("value") == ["25%（推算）", "62%"]
    chart = place(stage, chart_of("p4-doubao-accuracy", "en"))
    chart.set_state(1, 0.5)  # 75 + 17.7 × 0.875 = 90.49: in motion, the decimal the 92.7% lands on
    assert chart.texts("value") == ["75% (derived)", "90.5%"]


# -- figures the bundled deck does not have ------------------------------------------------------------------


def figure(ident: str, value: float, unit: str | None = "%", qualifier: str = "exact", period: str | None = None):
    return Figure(ident, value, unit, period, Text.of(zh="x", en="x"), "level", qualifier, "source")


def test_a_qualified_figure_is_never_labelled_as_exact(stage):
    figures = {"a": figure("a", 20, qualifier="more-than"), "b": figure("b", 30, qualifier="about")}
    spec = ChartSpec("before-after", (Pair(Text.of(zh="份额", en="Share"), "a", "b"),))
    for lang, words in (("en", ["more than 20%", "about 30%"]), ("zh", ["超20%", "约30%"])):
        chart = place(stage, build_chart(spec, figures, style(lang)))
        chart.set_state(2, 1.0)
        assert chart.texts("value") == words
        chart.set_state(1, 0.5)
        assert chart.texts("value")[1].startswith("about " if lang == "en" else "约")
    assert change_text(figures["a"], figures["b"], "en") == "about +10 pp"


def test_counts_change_in_their_own_unit():
    before, after = figure("a", 12, unit="条"), figure("b", 20, unit="条")
    assert change_text(before, after, "zh") == "+8条"
    assert change_text(after, before, "en") == "−8"
    assert value_text(before.replace(derived=None), "zh") == "12条"


def test_a_chart_without_pairs_draws_nothing_and_does_not_fail(stage):
    for kind in ("before-after", "composition", "benchmark"):
        chart = place(stage, build_chart(ChartSpec(kind, ()), {}, style()))
        chart.set_state(1, 0.5)
        assert chart.values() == [] and chart.texts() == []


def test_a_chart_citing_an_unknown_figure_says_which():
    spec = ChartSpec("benchmark", (Pair(Text.of(en="x"), "ours", "nobody"),))
    with pytest.raises(ValueError, match="nobody"):
        build_chart(spec, {"ours": figure("ours", 1)}, style())


# -- pixels -------------------------------------------------------------------------------------------------------


def test_before_after_bars_are_drawn_in_their_colours_and_proportions(stage):
    chart = place(stage, chart_of("p5-consent"))  # 78% -> 94%
    chart.set_state(0, 1.0)
    pixels = render(stage)
    assert mask(pixels, THEME.before).sum() > 10_000
    assert mask(pixels, THEME.after).sum() == 0  # the after bar waits for step 1
    chart.set_state(2, 1.0)
    pixels = render(stage)
    assert mask(pixels, THEME.background)[int(AREA.top()) + 4, int(AREA.left()) + 4]  # no chart background
    before, after = box(mask(pixels, THEME.before)), box(mask(pixels, THEME.after))
    inside = QRectF(AREA).adjusted(-1, -1, 1, 1)
    for left, top, right, bottom in (before, after):
        assert inside.contains(left, top) and inside.contains(right, bottom)
    assert before[2] < after[0]  # before on the left
    assert abs(before[3] - after[3]) <= 1  # one baseline
    ratio = (after[3] - after[1] + 1) / (before[3] - before[1] + 1)
    assert ratio == pytest.approx(94 / 78, rel=0.02)
    rise = box(mask(pixels, THEME.positive))  # the change label, above the bars, in the colour of a rise
    assert rise[3] < min(before[1], after[1])


def test_composition_segments_are_distinct_colours_in_proportion(stage):
    chart = place(stage, chart_of("p3-revenue-mix"))
    chart.set_state(2, 1.0)
    pixels = render(stage)
    row = box(mask(pixels, THEME.after))[3] - 4  # a line through the 2023 bar, the lowest (2019 stands above it)
    widths = [int(mask(pixels[row : row + 1], c).sum()) for c in (THEME.after, THEME.benchmark, THEME.positive)]
    assert [w / sum(widths) for w in widths] == pytest.approx([0.52, 0.18, 0.30], abs=0.01)


def bar_heights_by_pair(pixels: np.ndarray, hex_colour: str, pairs: int) -> list[int]:
    """Height in pixels of the bar of `hex_colour` in each pair's column of the chart area."""
    where = mask(pixels, hex_colour)
    width = AREA.width() / pairs
    heights = []
    for i in range(pairs):
        left = int(AREA.left() + i * width)
        rows = np.nonzero(where[:, left : int(left + width)].any(axis=1))[0]
        heights.append(int(rows.max() - rows.min() + 1) if rows.size else 0)
    return heights


def test_bars_of_one_unit_share_one_scale_across_pairs(stage):
    """6.8% beside 41% must stand lower, never at the same height (each pair was once drawn to its own scale)."""
    figures = {
        "a0": figure("a0", 10),
        "a1": figure("a1", 20),
        "b0": figure("b0", 60),
        "b1": figure("b1", 80),
        "m0": figure("m0", 300, unit="分钟"),
        "m1": figure("m1", 600, unit="分钟"),
    }
    label = Text.of(zh="x", en="x")
    pairs = (Pair(label, "a0", "a1"), Pair(label, "b0", "b1"), Pair(label, "m0", "m1"))
    chart = place(stage, build_chart(ChartSpec("before-after", pairs), figures, style()))
    chart.set_state(2, 1.0)
    pixels = render(stage)
    before, after = bar_heights_by_pair(pixels, THEME.before, 3), bar_heights_by_pair(pixels, THEME.after, 3)
    tallest = after[1]  # 80%, the largest of its unit, fills the bars' height
    assert [before[0], after[0], before[1]] == pytest.approx([tallest / 8, tallest / 4, tallest * 3 / 4], abs=2)
    assert after[2] == pytest.approx(tallest, abs=2)  # minutes are drawn to their own scale, in a panel of their own
    assert before[2] == pytest.approx(tallest / 2, abs=2)


def test_benchmark_hides_ours_until_step_one(stage):
    chart = place(stage, chart_of("p6-benchmarks"))
    chart.set_state(0, 1.0)
    pixels = render(stage)
    assert mask(pixels, THEME.benchmark).sum() > 5_000 and mask(pixels, THEME.after).sum() == 0
    chart.set_state(1, 1.0)
    assert mask(render(stage), THEME.after).sum() > 5_000


def test_every_chart_renders_its_final_step_to_png(stage, tmp_path):
    for slide_id in sorted(CHART_SLIDES):
        for lang in ("zh", "en"):
            chart = place(stage, chart_of(slide_id, lang))
            chart.set_state(2, 1.0)
            pixels = render(stage)
            assert (pixels != pixels[0, 0]).any(axis=2).sum() > 20_000, (slide_id, lang)
            image = QImage(pixels.data, 1920, 1080, 1920 * 3, QImage.Format.Format_RGB888)
            assert image.save(str(tmp_path / f"{slide_id}-{lang}.png"))
            stage.removeItem(chart)


def test_the_mouse_cannot_pan_or_zoom_a_chart(stage):
    chart = place(stage, chart_of("p5-consent"))
    assert chart.view.state["mouseEnabled"] == [False, False]
    assert chart.view.menu is None or not chart.view.menuEnabled()


def test_dropping_rendered_scenes_leaves_nothing_to_crash_the_collector(qtbot):
    for _ in range(20):
        scene = pg.GraphicsScene()
        scene.view = QGraphicsView(scene)  # a cycle, as slide scenes keep their view
        place(scene, chart_of("p6-benchmarks"))
        render(scene, 480, 270)
    gc.collect()
