"""Benchmark: per pair the comparator's bar ('theirs'), then ours grows beside it and the gap is labelled."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.deck.figures import render
from desktop.deck.markup import plain
from desktop.deck.model import ChartSpec, Figure
from desktop.render.charts.common import ChartStyle
from desktop.render.charts.paired import BarPair, PairedBarsChart
from desktop.render.motion import ease

WORDS = {"zh": ("对比", "我们"), "en": ("Benchmark", "Ours")}


def benchmark_heights(pairs_values: Sequence[tuple[float, float]], step: int, t: float) -> list[float]:
    """(theirs, ours) per pair, flattened.

    Step 0 grows theirs from 0; step 1 grows ours from 0; step 2 holds (the gap label fades in).
    """
    e = ease(t)
    heights: list[float] = []
    for theirs, ours in pairs_values:
        if step <= 0:
            heights += [theirs * e, 0.0]
        elif step == 1:
            heights += [theirs, ours * e]
        else:
            heights += [theirs, ours]
    return heights


def build_benchmark(spec: ChartSpec, figures: dict[str, Figure], style: ChartStyle) -> PairedBarsChart:
    """Pairs hold (ours, theirs); the chart draws theirs first, on the left."""
    lang = style.lang
    default_theirs, default_ours = WORDS.get(lang, WORDS["en"])
    pairs = []
    for pair in spec.pairs:
        ours, theirs = figures[pair.first], figures[pair.second]
        ours_name = plain(render(pair.first_name, lang, figures)) if pair.first_name else default_ours
        theirs_name = plain(render(pair.second_name, lang, figures)) if pair.second_name else default_theirs
        pairs.append(BarPair(plain(render(pair.label, lang, figures)), theirs, ours, theirs_name, ours_name))
    return PairedBarsChart(pairs, benchmark_heights, style.theme.benchmark, style.theme.after, style)
