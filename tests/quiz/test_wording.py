"""Question wording: periods, noun phrases and blanks read naturally in both languages."""

from __future__ import annotations

import pytest

from desktop.deck.model import Figure, Text
from desktop.quiz.wording import blank, lower_first, noun_phrase, period_text, value_text


def figure(value, unit="%", role="level", qualifier="exact") -> Figure:
    return Figure("f", value, unit, "2023", Text.of(zh="x", en="x"), role, qualifier, "s")


@pytest.mark.parametrize(
    ("period", "zh", "en"),
    [("2019", "2019年", "2019"), ("2023Q2", "2023年Q2", "Q2 2023"), ("2020→2023", "2020年至2023年", "2020–2023")],
)
def test_a_period_names_a_year_or_quarter_a_span_both_ends(period, zh, en):
    assert (period_text(period, "zh"), period_text(period, "en")) == (zh, en)


@pytest.mark.parametrize(
    ("measure", "phrase"),
    [
        ("open rate of in-app direct messages", "the open rate of in-app direct messages"),
        ("advertising's share of Douyin's revenue", "advertising's share of Douyin's revenue"),
        ("live-stream tipping's share of revenue", "live-stream tipping's share of revenue"),
        ("gross transaction value (GTV)", "the gross transaction value (GTV)"),
        ("posts per creator per month", "posts per creator per month"),
        ("TikTok's market share", "TikTok's market share"),
    ],
)
def test_an_english_measure_becomes_a_noun_phrase(measure, phrase):
    assert noun_phrase(measure) == phrase


def test_only_common_words_lose_their_capital():
    assert [lower_first(t) for t in ("Matrix phase", "US market share", "New Creator plan")] == [
        "matrix phase",
        "US market share",
        "New Creator plan",
    ]


@pytest.mark.parametrize(
    ("fig", "zh", "en"),
    [
        (figure(12, "亿元", qualifier="more-than"), "超___亿元", "more than ¥___ bn"),
        (figure(-62, role="change", qualifier="about"), "下降约___%", "down about ___%"),
        (figure(92.7), "___%", "___%"),
        (figure(1, None, qualifier="rank"), "TOP___", "top ___"),
        (figure(18, "条"), "___条", "___"),
    ],
)
def test_a_blank_keeps_the_unit_and_qualifier(fig, zh, en):
    assert (blank(fig, "zh"), blank(fig, "en")) == (zh, en)


def test_a_fall_says_so_in_words():
    fall = figure(-83, role="change")
    assert (value_text(fall, "zh"), value_text(fall, "en")) == ("下降83%", "down 83%")
