"""Before-after: per pair a muted 'before' bar, then a strong 'after' bar that rises (or falls) from it."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.deck.figures import render
from desktop.deck.markup import plain
from desktop.deck.model import ChartSpec, Figure, Pair
from desktop.render.charts.common import ChartStyle, period_names
from desktop.render.charts.paired import BarPair, PairedBarsChart
from desktop.render.motion import ease


def bar_heights(pairs_values: Sequence[tuple[float, float]], step: int, t: float) -> list[float]:
    """(before, after) per pair, flattened.

    Step 0 grows the before bars from 0; step 1 starts the after bars at the before height and moves them to
    their own; step 2 holds the after state (the change label fades in).
    """
    e = ease(t)
    heights: list[float] = []
    for before, after in pairs_values:
        if step <= 0:
            heights += [before * e, 0.0]
        elif step == 1:
            heights += [before, before * (1 - e) + after * e]
        else:
            heights += [before, after]
    return heights


def bar_names(pair: Pair, figures: dict[str, Figure], lang: str) -> tuple[str, str]:
    """What names the two bars: the pair's own names, else their periods or the words earlier/later."""
    if pair.first_name is not None and pair.second_name is not None:
        return plain(render(pair.first_name, lang, figures)), plain(render(pair.second_name, lang, figures))
    return period_names([figures[pair.first]], [figures[pair.second]], lang)


def build_before_after(spec: ChartSpec, figures: dict[str, Figure], style: ChartStyle) -> PairedBarsChart:
    pairs = []
    for pair in spec.pairs:
        before, after = figures[pair.first], figures[pair.second]
        names = bar_names(pair, figures, style.lang)
        pairs.append(BarPair(plain(render(pair.label, style.lang, figures)), before, after, *names))
    return PairedBarsChart(pairs, bar_heights, style.theme.before, style.theme.after, style)
