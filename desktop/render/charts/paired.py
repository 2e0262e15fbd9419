"""Two bars per pair, side by side: the drawing that before-after and benchmark charts share.

The left bar is the reference (before, theirs), the right bar the subject (after, ours); `values()` lists
them in that order, pair by pair, in figure units.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.deck.figures import format_value
from desktop.deck.model import Figure
from desktop.render.charts.common import (
    CHANGE_PX,
    LABEL_PX,
    NAME_PX,
    VALUE_PX,
    Chart,
    ChartStyle,
    change_colour,
    change_text,
    colour,
    contrast_text,
    decimals,
    magnitude,
    value_parts,
)
from desktop.render.motion import ease

Heights = Callable[[Sequence[tuple[float, float]], int, float], list[float]]


@dataclass(frozen=True)
class BarPair:
    """One group of two bars, with its words already in the chart's language."""

    label: str
    left: Figure
    right: Figure
    left_name: str
    right_name: str


def unit_of(pair: BarPair) -> tuple[str | None, str | None]:
    return pair.left.unit, pair.right.unit


def pair_scales(pairs: Sequence[BarPair]) -> list[float]:
    """Per pair, the value that fills the bar area: the largest of its unit, so bars of one unit compare
    truthfully across pairs (6.8% stands lower than 41%), and a pair in another unit gets a panel of its own."""
    tops: dict[tuple, float] = {}
    for pair in pairs:
        unit = unit_of(pair)
        tops[unit] = max(tops.get(unit, 1e-9), abs(magnitude(pair.left)), abs(magnitude(pair.right)))
    return [tops[unit_of(pair)] for pair in pairs]


def panels(pairs: Sequence[BarPair]) -> list[range]:
    """Neighbouring pairs of one unit, drawn as one panel on one baseline; another unit starts a new panel."""
    runs: list[range] = []
    for i, pair in enumerate(pairs):
        if runs and unit_of(pairs[runs[-1].start]) == unit_of(pair):
            runs[-1] = range(runs[-1].start, i + 1)
        else:
            runs.append(range(i, i + 1))
    return runs


class PairedBarsChart(Chart):
    """Grouped bars: step 0 shows the left bars, step 1 brings in the right ones, step 2 labels the change."""

    def __init__(
        self, pairs: Sequence[BarPair], heights: Heights, left_colour: str, right_colour: str, style: ChartStyle
    ) -> None:
        super().__init__(style)
        theme = style.theme
        self._pairs = tuple(pairs)
        self._heights = heights
        self._finals = [(magnitude(p.left), magnitude(p.right)) for p in self._pairs]
        self._places = [decimals(p.left, p.right) for p in self._pairs]
        self._tops = pair_scales(self._pairs)
        n = len(self._pairs)
        self._left_bars = self._bars(colour(left_colour))
        self._right_bars = self._bars(colour(right_colour))
        # Panels of different units are separate charts: a baseline each, a line between them, and (when there
        # is more than one) a scale cue each: an axis from 0 to the value its full height stands for.
        self._panels = panels(self._pairs)
        self._baselines = [self._line(theme.muted, 2) for _ in self._panels]
        self._separators = [self._line(theme.grid, 2) for _ in self._panels[1:]]
        cued = self._panels if len(self._panels) > 1 else []
        self._axes = [self._line(theme.muted, 2) for _ in cued]
        self._scale_tops = [self._label("scale", NAME_PX, theme.muted, (1, 0.5)) for _ in cued]
        self._scale_zeros = [self._label("scale", NAME_PX, theme.muted, (1, 0.5)) for _ in cued]
        for panel, top, zero in zip(cued, self._scale_tops, self._scale_zeros, strict=True):
            left = self._pairs[panel.start].left
            top.set_text(format_value(left.replace(value=self._tops[panel.start], qualifier="exact"), style.lang))
            zero.set_text("0")
        self._gutter = max((label.size()[0] for label in self._scale_tops), default=0.0)
        # The left bar's level, dashed across to the right bar and (in a colour that shows on it) through it.
        self._ref_lines = [self._line(theme.muted, 3, dashed=True) for _ in range(n)]
        self._ref_marks = [self._line(contrast_text(theme, right_colour), 3, alpha=0.8, dashed=True) for _ in range(n)]
        self._value_labels = [
            self._label("value", VALUE_PX, theme.text, (0.5, 1), bold=True, note=True) for _ in range(2 * n)
        ]
        self._name_labels = [self._label("name", LABEL_PX, theme.muted, (0.5, 0), width=1) for _ in range(2 * n)]
        self._category_labels = [self._label("category", LABEL_PX, theme.text, (0.5, 0), width=1) for _ in range(n)]
        self._change_labels = [
            self._label("change", CHANGE_PX, change_colour(theme, p.left, p.right), (0.5, 1), bold=True)
            for p in self._pairs
        ]
        for i, pair in enumerate(self._pairs):
            self._name_labels[2 * i].set_text(pair.left_name)
            self._name_labels[2 * i + 1].set_text(pair.right_name)
            self._category_labels[i].set_text(pair.label)
            self._change_labels[i].set_text(change_text(pair.left, pair.right, style.lang))
        self._value_h = self._metrics(VALUE_PX, bold=True).height()
        self._baseline, self._bar_w, self._area = 0.0, 0.0, 1.0
        self._lefts: list[float] = []
        self._rights: list[float] = []
        self._values = self._compute(*self._state)

    def _compute(self, step: int, t: float) -> list[float]:
        return self._heights(self._finals, step, t)

    def _layout(self, width: float, height: float) -> None:
        px = self.style.px
        n = len(self._pairs)
        gutter = self._gutter + px(24) if self._axes else 0.0  # room for each panel's scale cue, on its left
        group_w = (width - gutter * len(self._panels)) / max(1, n)
        bar_w = min(group_w * 0.3, px(300))
        gap = bar_w * 0.16
        reach = bar_w + gap / 2 + bar_w * 0.3
        centres, panel_starts, x = [0.0] * n, [], 0.0
        for panel in self._panels:
            panel_starts.append(x)
            x += gutter
            for i in panel:
                centres[i] = x + group_w / 2
                x += group_w
        for label in self._category_labels:
            label.set_width(group_w * 0.9)
        for label in self._name_labels:  # a long name wraps rather than run into its neighbour's
            label.set_width(bar_w + gap * 0.8)
        name_h = max((label.size()[1] for label in self._name_labels), default=0.0)
        change_h = self._metrics(CHANGE_PX, bold=True).height()
        self._baseline = baseline = self._stage_baseline(height)
        self._area = max(1.0, baseline - (self._value_h + px(10) + change_h + px(12)))
        self._bar_w = bar_w
        self._lefts = [c - gap / 2 - bar_w for c in centres]
        self._rights = [c + gap / 2 for c in centres]
        self._left_bars.setOpts(x0=self._lefts, width=bar_w, y0=baseline, height=[0.0] * n)
        self._right_bars.setOpts(x0=self._rights, width=bar_w, y0=baseline, height=[0.0] * n)
        for k, panel in enumerate(self._panels):
            left = centres[panel.start] - reach
            self._baselines[k].setLine(left, baseline, centres[panel[-1]] + reach, baseline)
            if self._axes:
                self._axes[k].setLine(left, baseline, left, baseline - self._area)
                self._scale_tops[k].place(left - px(10), baseline - self._area)
                self._scale_zeros[k].place(left - px(10), baseline - px(12))
        for i, c in enumerate(centres):
            self._name_labels[2 * i].place(self._lefts[i] + bar_w / 2, baseline + px(14))
            self._name_labels[2 * i + 1].place(self._rights[i] + bar_w / 2, baseline + px(14))
            self._category_labels[i].place(c, baseline + px(14) + name_h + px(8))
        for x, line in zip(panel_starts[1:], self._separators, strict=True):
            line.setLine(x, baseline - self._area - px(40), x, height)

    def _apply(self, step: int, t: float) -> None:
        px = self.style.px
        values = self._values = self._compute(step, t)
        baseline, bar_w = self._baseline, self._bar_w
        drawn = [max(0.0, v) * self._area / self._tops[i // 2] for i, v in enumerate(values)]
        self._left_bars.setOpts(y0=[baseline - h for h in drawn[0::2]], height=drawn[0::2])
        self._right_bars.setOpts(y0=[baseline - h for h in drawn[1::2]], height=drawn[1::2])
        self._right_bars.setVisible(step >= 1)
        e = ease(t)
        for i, pair in enumerate(self._pairs):
            for side, figure, x in ((0, pair.left, self._lefts[i]), (1, pair.right, self._rights[i])):
                k = 2 * i + side
                shown = side == 0 or step >= 1
                entering = step == side  # the left bars enter in step 0, the right ones in step 1
                label = self._value_labels[k]
                label.show(shown, e if entering else 1.0)
                self._name_labels[k].show(shown, e if entering and side == 1 else 1.0)
                if shown:
                    exact = values[k] == self._finals[i][side]
                    label.set_text(*value_parts(figure, self.style.lang, None if exact else values[k], self._places[i]))
                    label.place(x + bar_w / 2, baseline - drawn[k] - px(10))
            left_h, right_h = drawn[2 * i], drawn[2 * i + 1]
            change, line, mark = self._change_labels[i], self._ref_lines[i], self._ref_marks[i]
            change.show(step >= 2, e)
            line.setVisible(step >= 2)
            mark.setVisible(step >= 2 and right_h > left_h)
            if step >= 2:
                centre = (self._lefts[i] + self._rights[i] + bar_w) / 2
                change.place(centre, baseline - max(left_h, right_h) - self._value_h - px(18))
                level, right = baseline - left_h, self._rights[i]
                line.setOpacity(e)
                line.setLine(self._lefts[i], level, right if right_h > left_h else right - px(6), level)
                mark.setOpacity(e)
                mark.setLine(right, level, right + bar_w, level)
