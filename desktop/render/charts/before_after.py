"""Before-after: per pair a muted 'before' bar, then a strong 'after' bar that rises (or falls) from it."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.deck.figures import format_period, render
from desktop.deck.markup import plain
from desktop.deck.model import ChartSpec, Figure, Pair
from desktop.render.charts.common import BEFORE_AFTER_WORDS, ChartStyle
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
    """What names the two bars: the pair's own names, else the periods ('2019', '2023'), else before/after."""
    before, after = figures[pair.first], figures[pair.second]
    if pair.first_name is not None and pair.second_name is not None:
        return plain(render(pair.first_name, lang, figures)), plain(render(pair.second_name, lang, figures))
    if before.period and after.period and before.period != after.period:
        return format_period(before.period, lang), format_period(after.period, lang)
    return BEFORE_AFTER_WORDS.get(lang, BEFORE_AFTER_WORDS["en"])


def build_before_after(spec: ChartSpec, figures: dict[str, Figure], style: ChartStyle) -> PairedBarsChart:
    pairs = []
    for pair in spec.pairs:
        before, after = figures[pair.first], figures[pair.second]
        names = bar_names(pair, figures, style.lang)
        pairs.append(BarPair(plain(render(pair.label, style.lang, figures)), before, after, *names))
    return PairedBarsChart(pairs, bar_heights, style.theme.before, style.theme.after, style)
