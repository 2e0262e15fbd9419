"""Distractors: plausible, in range, rounded like the figure, never the answer."""

from __future__ import annotations

import random

import pytest

from desktop.deck.model import Figure, Text
from desktop.quiz.distractors import distractor_values, fits, round_like
from desktop.quiz.index import DeckIndex


def figure(value, unit="%", role="level", qualifier="exact") -> Figure:
    return Figure("f", value, unit, None, Text.of(zh="x", en="x"), role, qualifier, "s")


@pytest.mark.parametrize(
    ("fig", "value", "ok"),
    [
        (figure(52), 100, True),
        (figure(52), 101, False),
        (figure(52), 0, False),
        (figure(300, role="change"), 450, True),
        (figure(-83, role="change"), 120, False),
        (figure(42, "pp", "change"), 110, False),
        (figure(1, None, qualifier="rank"), 2.5, False),
        (figure(120, "分钟"), 500, True),
    ],
)
def test_a_value_fits_the_units_range(fig, value, ok):
    assert fits(fig, value) is ok


def test_rounding_is_half_up_to_the_figures_precision():
    assert [round_like(44.5, 0), round_like(66.75, 0), round_like(69.525, 1)] == [45, 67, 69.5]


def values(deck, ident, seed=0, shown=None):
    index = DeckIndex(deck)
    fig = deck.figures[ident]
    return fig, distractor_values(fig, index, random.Random(seed), shown=deck.figures.get(shown))


def test_neighbours_in_the_same_chart_come_first_the_same_measure_first_of_all(deck):
    fig, found = values(deck, "ad-share-2023")
    assert found[0] == 84 and sorted(found) == [18, 30, 84]


def test_a_fall_gets_falls_and_a_qualified_figure_keeps_its_kind(deck):
    fig, found = values(deck, "cross-border-data-change")
    assert all(-100 <= v < 0 for v in found) and fig.value not in found
    fig, found = values(deck, "monetisation-lead")
    assert all(isinstance(v, tuple) and 0 < v[0] < v[1] for v in found) and (3, 5) not in found


def test_the_end_a_prompt_already_gives_is_never_a_choice(deck):
    fig, found = values(deck, "consent-rate-after", shown="consent-rate-before")
    assert len(found) == 3 and 78 not in found and all(78 < v <= 100 for v in found)


def test_another_seed_picks_other_distractors_from_the_same_pool(deck):
    picks = {tuple(sorted(values(deck, "dm-open-rate", seed)[1])) for seed in range(6)}
    assert len(picks) > 1
