"""Charts of a deck's figures: pyqtgraph items whose look at (step, t) is a pure function of the figures.

`build_chart(spec, figures, style)` gives a `Chart` to place with `setGeometry` in a `pg.GraphicsScene`;
`set_state(step, t)` draws the transition into `step` at progress `t` (three steps: before, after, change).
"""

from __future__ import annotations

from desktop.deck.model import ChartSpec, Figure
from desktop.render.charts.before_after import bar_heights, build_before_after
from desktop.render.charts.benchmark import benchmark_heights, build_benchmark
from desktop.render.charts.common import Chart, ChartStyle, change_text, value_text
from desktop.render.charts.composition import build_composition, segment_sizes
from desktop.render.motion import ease

_BUILDERS = {"before-after": build_before_after, "composition": build_composition, "benchmark": build_benchmark}


def build_chart(spec: ChartSpec, figures: dict[str, Figure], style: ChartStyle) -> Chart:
    """The chart for `spec`, showing its final step until `set_state` says otherwise."""
    missing = [ident for pair in spec.pairs for ident in (pair.first, pair.second) if ident not in figures]
    if missing:
        raise ValueError(f"chart cites unknown figures: {', '.join(missing)}")
    return _BUILDERS[spec.kind](spec, figures, style)


__all__ = [
    "Chart",
    "ChartStyle",
    "bar_heights",
    "benchmark_heights",
    "build_chart",
    "change_text",
    "ease",
    "segment_sizes",
    "value_text",
]
