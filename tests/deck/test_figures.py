"""Figures formatted per language: units, qualifiers and signs come from data."""

from __future__ import annotations

import pytest

from desktop.deck.figures import format_period, format_value, number, render
from desktop.deck.model import Figure, Text


def figure(value, unit="%", qualifier="exact", role="level") -> Figure:
    return Figure("f", value, unit, "2023", Text.of(zh="x", en="x"), role, qualifier, "s")


@pytest.mark.parametrize(
    ("fig", "zh", "en"),
    [
        (figure(67), "67%", "67%"),
        (figure(42, "pp", role="change"), "42个百分点", "42 pp"),
        (figure(12, "亿元", "more-than"), "超12亿元", "more than ¥1.2 bn"),
        (figure(-62, qualifier="about", role="change"), "约62%", "about 62%"),
        (figure((3, 5), "×", "range"), "3-5倍", "3–5×"),
        (figure(1, None, "rank"), "TOP1", "No. 1"),
        (figure(3, None, "rank"), "TOP3", "top 3"),
        (figure(120, "分钟", "more-than"), "超120分钟", "more than 120 min"),
        (figure(92.7), "92.7%", "92.7%"),
        (figure(-3, "亿元"), "−3亿元", "−¥0.3 bn"),  # a loss: no word in the prose says which way
    ],
)
def test_a_figure_reads_as_the_article_states_it(fig, zh, en):
    assert (format_value(fig, "zh"), format_value(fig, "en")) == (zh, en)


def test_a_change_on_a_chart_carries_its_sign():
    assert format_value(figure(-83, role="change"), "en", signed=True) == "−83%"
    assert format_value(figure(42, "pp", role="change"), "zh", signed=True) == "+42个百分点"


def test_numbers_lose_float_noise():
    assert [number(v) for v in (67.0, 92.7 - 18, -0.0, 0.1 + 0.2)] == ["67", "74.7", "0", "0.3"]


def test_placeholders_fill_in_each_language():
    figures = {"gtv": figure(200, "亿元", "more-than"), "drop": figure(-62, qualifier="about", role="change")}
    text = Text.of(zh="GTV{gtv},时长约降{drop:value}", en="GTV {gtv}; time down {drop}")
    assert render(text, "zh", figures) == "GTV超200亿元,时长约降62%"
    assert render(text, "en", figures) == "GTV more than ¥20 bn; time down about 62%"


@pytest.mark.parametrize(
    ("period", "zh", "en"),
    [("2021Q3", "2021Q3", "Q3 2021"), ("2020→2023", "2020→2023", "2020 → 2023"), ("2019", "2019", "2019")],
)
def test_periods_read_naturally_in_each_language(period, zh, en):
    assert (format_period(period, "zh"), format_period(period, "en")) == (zh, en)


def test_a_qualified_rise_carries_no_plus_sign():
    rise = figure(40, qualifier="more-than", role="change")
    assert (format_value(rise, "zh", signed=True), format_value(rise, "en", signed=True)) == ("超40%", "more than 40%")
    fall = figure(-62, qualifier="about", role="change")
    assert format_value(fall, "zh", signed=True) == "约−62%"


def test_a_more_than_fall_keeps_its_minus_sign():
    fall = figure(-40, qualifier="more-than", role="change")
    assert (format_value(fall, "zh", signed=True), format_value(fall, "en", signed=True)) == (
        "超−40%",
        "more than −40%",
    )
    assert format_value(fall, "en", signed=True, qualifier=False) == "−40%"
