"""Charts that cannot mislead: one scale per unit, one stage, every figure labelled, changes by their sign."""

from __future__ import annotations

import re

import numpy as np
import pytest

from desktop.deck import load_deck
from desktop.deck.figures import derivation, derived_value, format_value
from desktop.deck.model import ChartSpec, Pair, Text
from desktop.render.canvas import Look
from desktop.render.charts import build_chart, value_text
from desktop.render.charts.composition import palette
from desktop.render.scene import build_scene
from desktop.render.text import TextBox
from desktop.render.theme import load_theme
from tests.conftest import REPO
from tests.render.test_charts import DECK, FAMILY, THEME, box, chart_of, figure, mask, place, render, stage, style

__all__ = ["stage"]  # the fixture, shared with test_charts

DECKS = {name: load_deck(REPO / "content" / name).deck for name in ("douyin-exit-matrix", "brewline-coffee")}
CHART_SLIDES = [
    (name, index, lang)
    for name, deck in DECKS.items()
    for index, slide in enumerate(deck.slides)
    if slide.chart
    for lang in deck.languages
]


def pixels_of(name: str, index: int, lang: str, theme: str = "light", step: int = 2) -> np.ndarray:
    """The slide as export draws it, at `step`, as an (h, w, 3) RGB array."""
    scene = build_scene(DECKS[name], index, Look(load_theme(theme)[0], lang, FAMILY))
    scene.set_state(step, 1.0)
    image = scene.to_image()
    bits = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return bits[:, : image.width(), 2::-1].copy()


def bars(where: np.ndarray) -> list[tuple[int, int]]:
    """(x, height) of each bar of one colour, left to right (a dashed level drawn over its top hides no row)."""
    columns = np.nonzero(where.any(axis=0))[0]
    runs = np.split(columns, np.nonzero(np.diff(columns) > 1)[0] + 1) if columns.size else []
    found = []
    for run in runs:
        if run.size < 20:  # a bar is wide; a stray label pixel is not
            continue
        rows = np.nonzero(where[:, run].any(axis=1))[0]
        found.append((int(run[run.size // 2]), int(rows.max() - rows.min() + 1)))
    return found


# -- one scale where the unit is one -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "index", "lang"), CHART_SLIDES)
def test_bars_of_one_unit_stand_in_proportion_to_their_values(qapp, name, index, lang):
    deck, theme = DECKS[name], THEME
    chart = deck.slides[index].chart
    pixels = pixels_of(name, index, lang)
    if chart.kind == "composition":  # one bar: the 2023 segments' widths, on a line through it
        row = box(mask(pixels, theme.after))[3] - 4
        widths = [int(mask(pixels[row : row + 1], c).sum()) for c in palette(theme, len(chart.pairs))]
        values = [deck.figures[pair.second].value for pair in chart.pairs]
        assert [w / sum(widths) for w in widths] == pytest.approx([v / sum(values) for v in values], abs=0.01)
        return
    left_colour = theme.benchmark if chart.kind == "benchmark" else theme.before
    lefts, rights = bars(mask(pixels, left_colour)), bars(mask(pixels, theme.after))
    assert len(lefts) == len(rights) == len(chart.pairs), deck.slides[index].id
    drawn: dict[str | None, list[tuple[float, int]]] = {}
    for pair, (_, left_h), (_, right_h) in zip(chart.pairs, lefts, rights, strict=True):
        first, second = deck.figures[pair.first], deck.figures[pair.second]
        left, right = (second, first) if chart.kind == "benchmark" else (first, second)
        drawn.setdefault(left.unit, []).extend([(left.value, left_h), (right.value, right_h)])
    for unit, heights in drawn.items():
        value, height = max(heights)
        for v, h in heights:  # 6.8% is 6.8/41 of the 41% bar's height, on every panel of the unit
            assert h == pytest.approx(height * v / value, abs=3), (deck.slides[index].id, unit, v)


def test_panels_of_other_units_are_separate_charts_with_their_own_scale(stage):
    figures = {
        "a0": figure("a0", 40),
        "a1": figure("a1", 80),
        "m0": figure("m0", 300, unit="分钟"),
        "m1": figure("m1", 600, unit="分钟"),
    }
    label = Text.of(zh="时长", en="Time")
    spec = ChartSpec("before-after", (Pair(label, "a0", "a1"), Pair(label, "m0", "m1")))
    for lang, cues in (("zh", ["80%", "600分钟", "0", "0"]), ("en", ["80%", "600 min", "0", "0"])):
        chart = place(stage, build_chart(spec, figures, style(lang)))
        chart.set_state(2, 1.0)
        assert chart.texts("scale") == cues  # each panel says what its full height stands for, from 0
        pixels = render(stage)
        baseline_row = box(mask(pixels, THEME.after))[3] + 1
        runs = bars(mask(pixels[baseline_row - 1 : baseline_row + 2], THEME.muted))
        assert len(runs) == 2, "a baseline for each panel, with a gap between them"
        stage.removeItem(chart)


def test_one_unit_needs_no_scale_cue(stage):
    chart = place(stage, chart_of("p6-benchmarks"))
    assert chart.texts("scale") == []


# -- a stable stage ------------------------------------------------------------------------------------------------


def test_the_bars_stand_on_one_line_on_every_chart_slide(qapp):
    """Advancing from chart to chart never moves the stage: with or without a caption or two-line names."""
    feet = {}
    for name, index, lang in CHART_SLIDES:
        for step in (1, 2):
            feet[(DECKS[name].slides[index].id, lang, step)] = box(
                mask(pixels_of(name, index, lang, step=step), THEME.after)
            )[3]
    assert len(set(feet.values())) == 1, feet


# -- the final state keeps every figure ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "index", "lang"), CHART_SLIDES)
def test_at_the_last_step_every_figure_of_the_chart_is_a_visible_label(stage, name, index, lang):
    deck = DECKS[name]
    chart = place(stage, build_chart(deck.slides[index].chart, deck.figures, style(lang)))
    chart.set_state(chart.steps - 1, 1.0)
    shown = chart.texts()
    for pair in deck.slides[index].chart.pairs:
        for ident in (pair.first, pair.second):
            words = value_text(deck.figures[ident], lang)
            assert any(text == words or text.endswith(" " + words) for text in shown), (ident, words, shown)


def test_the_earlier_bar_of_a_composition_stays_visible_in_the_dark(qapp):
    index = next(i for i, s in enumerate(DECKS["douyin-exit-matrix"].slides) if s.id == "p3-revenue-mix")
    dark = load_theme("dark")[0]
    pixels = pixels_of("douyin-exit-matrix", index, "zh", "dark")
    rows = np.nonzero(mask(pixels, dark.after).any(axis=1))[0]
    bands = np.split(rows, np.nonzero(np.diff(rows) > 1)[0] + 1)
    assert len(bands) == 2 and all(band.size > 40 for band in bands), "2019 and 2023, both in full colour"


# -- change by sign ----------------------------------------------------------------------------------------------------


def test_a_fall_and_a_rise_are_told_apart_by_colour_as_well_as_sign(stage):
    chart = place(stage, chart_of("p3-revenue-mix"))
    chart.set_state(2, 1.0)
    assert chart.texts("change") == ["−32 pp", "+6 pp", "+26 pp"]
    pixels = render(stage)
    below = box(mask(pixels, THEME.after))[3] + 2  # under the bars, where the changes are
    fall, rise = box(mask(pixels[below:], THEME.negative)), box(mask(pixels[below:], THEME.positive))
    assert fall[2] < rise[0], "−32 under advertising on the left, in the colour of a fall; the rises to its right"
    assert not mask(pixels, THEME.accent).any(), "no change in the alarm colour"


def test_no_change_is_neutral(stage):
    figures = {"a": figure("a", 40), "b": figure("b", 40)}
    chart = place(stage, build_chart(ChartSpec("before-after", (Pair(Text.of(en="x"), "a", "b"),)), figures, style()))
    chart.set_state(2, 1.0)
    pixels = render(stage)
    assert not (mask(pixels, THEME.positive).any() or mask(pixels, THEME.negative).any())


# -- no false precision ----------------------------------------------------------------------------------------------


def test_a_derived_figure_keeps_the_precision_of_its_least_precise_input(stage):
    figures = DECK.figures
    assert figures["third-party-accuracy"].value == 75  # 92.7% − 18 pp: the article's 18 is whole
    assert derived_value([(1, figure("x", 6.8)), (-1, figure("y", 2.5))]) == 4.3
    for lang, words in (("en", ["75% (derived)", "92.7%"]), ("zh", ["75%（推算）", "92.7%"])):
        chart = place(stage, chart_of("p4-doubao-accuracy", lang))
        chart.set_state(2, 1.0)
        assert chart.texts("value") == words
        assert chart.texts("change") == [format_value(figures["doubao-accuracy-change"], lang, signed=True)]
    assert derivation(figures["third-party-accuracy"], figures, "en") == "75% ≈ 92.7% − 18 pp"


def test_a_multiple_shows_the_articles_words_not_a_reading(qapp):
    uplift = DECK.figures["shelf-conversion-uplift"]  # "提升3.2倍": 3.2 times, or 4.2? The article does not say
    assert format_value(uplift, "zh", signed=True) == "3.2倍" and format_value(uplift, "en", signed=True) == "3.2×"
    index = next(i for i, s in enumerate(DECK.slides) if s.id == "p3-interest-commerce")
    for lang in ("zh", "en"):
        scene = build_scene(DECK, index, Look(THEME, lang, FAMILY))
        texts = [item.text for item in scene.items() if isinstance(item, TextBox)]
        assert any(format_value(uplift, lang) in text for text in texts) and not any("+3.2" in t for t in texts)


# -- before and after, named truthfully ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slide_id", "zh", "en"),
    [
        ("p1-creator-ads", ["2020", "2023"], ["2020", "2023"]),
        ("p4-doubao-accuracy", ["之前", "2023"], ["Earlier", "2023"]),  # "early" third-party: no year given
        ("p5-consent", ["之前", "之后"], ["Earlier", "Later"]),
    ],
)
def test_bars_say_the_articles_periods_or_earlier_and_later(stage, slide_id, zh, en):
    for lang, names in (("zh", zh), ("en", en)):
        chart = place(stage, chart_of(slide_id, lang))
        assert chart.texts("name") == names


def test_no_chart_names_a_year_its_figures_do_not_give(stage):
    for name, index, lang in CHART_SLIDES:
        deck = DECKS[name]
        chart = place(stage, build_chart(deck.slides[index].chart, deck.figures, style(lang)))
        periods = " ".join(
            deck.figures[i].period or "" for p in deck.slides[index].chart.pairs for i in (p.first, p.second)
        )
        for text in chart.texts("name") + chart.texts("period"):
            for year in re.findall(r"\d{4}", text):
                assert year in periods, (deck.slides[index].id, text)
        stage.removeItem(chart)


def test_one_period_for_both_bars_names_neither(qapp):
    figures = {"a": figure("a", 40, period="2023"), "b": figure("b", 50, period="2023")}
    spec = ChartSpec("before-after", (Pair(Text.of(en="x"), "a", "b"),))
    assert build_chart(spec, figures, style()).texts("name") == ["Earlier", "Later"]
