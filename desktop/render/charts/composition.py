"""Composition: one 100% bar whose parts morph from the before shares to the after shares.

`values()` lists the main bar's segments in the chart's pair order, in figure units; the earlier bar that
stays above it from step 1 on, labelled too, is not counted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QPen

from desktop.deck.figures import render
from desktop.deck.markup import plain
from desktop.deck.model import ChartSpec, Figure
from desktop.render.charts.common import (
    CHANGE_PX,
    LABEL_PX,
    VALUE_PX,
    Chart,
    ChartStyle,
    Label,
    change_colour,
    change_text,
    colour,
    contrast_text,
    decimals,
    magnitude,
    period_names,
    value_text,
)
from desktop.render.motion import ease
from desktop.render.theme import Theme


def segment_sizes(before: Sequence[float], after: Sequence[float], step: int, t: float) -> list[float]:
    """The main bar's segments: step 0 sweeps the before bar in, step 1 morphs it into the after bar, step 2 holds."""
    e = ease(t)
    if step <= 0:
        return [b * e for b in before]
    if step == 1:
        return [b * (1 - e) + a * e for b, a in zip(before, after, strict=True)]
    return list(after)


def palette(theme: Theme, count: int) -> list[str]:
    """Distinct segment colours from the theme; the accent stays free for the change labels."""
    colours = [theme.after, theme.benchmark, theme.positive, theme.before, theme.muted, theme.negative]
    return [colours[i % len(colours)] for i in range(count)]


def spread(centres: Sequence[float], widths: Sequence[float], low: float, high: float, gap: float) -> list[float]:
    """Centres moved apart as little as needed so labels of these widths neither overlap nor leave [low, high]."""
    order = sorted(range(len(centres)), key=lambda i: centres[i])
    xs = [centres[i] for i in order]
    ws = [widths[i] for i in order]
    for k in range(len(xs)):
        xs[k] = max(xs[k], low + ws[k] / 2)
        if k:
            xs[k] = max(xs[k], xs[k - 1] + (ws[k - 1] + ws[k]) / 2 + gap)
    for k in reversed(range(len(xs))):
        xs[k] = min(xs[k], high - ws[k] / 2)
        if k + 1 < len(xs):
            xs[k] = min(xs[k], xs[k + 1] - (ws[k] + ws[k + 1]) / 2 - gap)
    placed = [0.0] * len(xs)
    for k, i in enumerate(order):
        placed[i] = xs[k]
    return placed


class CompositionChart(Chart):
    """Parts of a whole as one bar; each part's label sits inside its segment, or beside it on a leader line.

    From step 1 the earlier bar stands above the one that morphs, with its own figures, so the final step,
    which export and handouts show, keeps both years readable.
    """

    def __init__(
        self, names: Sequence[str], befores: Sequence[Figure], afters: Sequence[Figure], total: float, style: ChartStyle
    ) -> None:
        super().__init__(style)
        theme, lang = style.theme, style.lang
        self._names = list(names)
        self._befores, self._afters = list(befores), list(afters)
        self._before_values = [magnitude(f) for f in befores]
        self._after_values = [magnitude(f) for f in afters]
        self._places = [decimals(b, a) for b, a in zip(befores, afters, strict=True)]
        self._total = max(total, sum(self._before_values), sum(self._after_values))
        self._colours = palette(theme, len(names))
        self._periods = period_names(befores, afters, lang)
        n = len(names)
        separator = QPen(colour(theme.background))
        separator.setWidthF(style.px(3))
        self._track = self._bars(colour(theme.grid, 0.35))
        self._earlier = self._bars(brushes=[colour(c) for c in self._colours], pen=separator)
        self._main = self._bars(brushes=[colour(c) for c in self._colours], pen=separator)
        self._leaders = [self._line(theme.muted, 2) for _ in range(n)]
        self._earlier_leaders = [self._line(theme.muted, 2) for _ in range(n)]
        self._inside_names = [self._label("name", LABEL_PX, contrast_text(theme, c), (0.5, 1)) for c in self._colours]
        self._inside_values = [
            self._label("value", VALUE_PX, contrast_text(theme, c), (0.5, 0), bold=True) for c in self._colours
        ]
        self._outside = [self._label("outside", LABEL_PX, theme.text, (0.5, 0)) for _ in range(n)]
        self._earlier_values = [self._earlier_label(befores[i], c) for i, c in enumerate(self._colours)]
        self._changes = [
            self._label("change", CHANGE_PX, change_colour(theme, b, a), (0.5, 0), bold=True)
            for b, a in zip(befores, afters, strict=True)
        ]
        self._period_main = self._label("period", LABEL_PX, theme.text, (1, 0.5), bold=True)
        self._period_earlier = self._label("period", LABEL_PX, theme.text, (1, 0.5))
        self._period_earlier.set_text(self._periods[0])
        for name, label in zip(self._names, self._inside_names, strict=True):
            label.set_text(name)
        for i, label in enumerate(self._changes):
            label.set_text(change_text(befores[i], afters[i], lang))
        self._name_m = self._metrics(LABEL_PX)
        self._value_m = self._metrics(VALUE_PX, bold=True)
        self._x0 = self._x1 = self._per_unit = 0.0
        self._main_y = self._main_h = self._earlier_y = self._earlier_h = 0.0
        self._two_lines_fit = True
        self._earlier_fits = [True] * n
        self._values = self._compute(*self._state)

    def _earlier_label(self, figure: Figure, fill: str) -> tuple[Label, Label]:
        """An earlier figure's label inside its segment and its twin above the bar, for a segment too thin."""
        inside = self._label("earlier", LABEL_PX, contrast_text(self.style.theme, fill), (0.5, 0.5), bold=True)
        beside = self._label("earlier", LABEL_PX, self.style.theme.text, (0.5, 1), bold=True)
        for label in (inside, beside):
            label.set_text(value_text(figure, self.style.lang))
        return inside, beside

    def _compute(self, step: int, t: float) -> list[float]:
        return segment_sizes(self._before_values, self._after_values, step, t)

    def _layout(self, width: float, height: float) -> None:
        px = self.style.px
        period_w = max(self._metrics(LABEL_PX, bold=True).horizontalAdvance(p) for p in self._periods)
        self._x0 = period_w + px(28)
        self._x1 = width - px(4)
        self._per_unit = (self._x1 - self._x0) / self._total
        # The bar that morphs stands on the stage's baseline, like every chart's bars; the earlier bar above it,
        # with a row above that for its labels too wide for their segment; below, the changes.
        self._main_h = px(180)
        self._two_lines_fit = self._name_m.height() + self._value_m.height() <= self._main_h - px(8)
        self._main_y = self._stage_baseline(height) - self._main_h
        self._earlier_h = px(84)
        self._earlier_y = self._main_y - px(20) - self._earlier_h
        self._track.setOpts(x0=[self._x0], width=[self._x1 - self._x0], y0=self._main_y, height=self._main_h)
        self._main.setOpts(y0=self._main_y, height=self._main_h)
        starts, widths = self._segments(self._before_values)
        self._earlier.setOpts(x0=starts, width=widths, y0=self._earlier_y, height=self._earlier_h)
        self._period_main.place(self._x0 - px(24), self._main_y + self._main_h / 2)
        self._period_earlier.place(self._x0 - px(24), self._earlier_y + self._earlier_h / 2)
        fits = [self._fits(label.text(), w) for (label, _), w in zip(self._earlier_values, widths, strict=True)]
        centres = [s + w / 2 for s, w in zip(starts, widths, strict=True)]
        beside = [i for i, fit in enumerate(fits) if not fit]
        row_y = self._earlier_y - px(40)
        xs = spread(
            [centres[i] for i in beside], [self._earlier_values[i][1].size()[0] for i in beside], 0, self._x1, px(24)
        )
        for i, x in zip(beside, xs, strict=True):
            self._earlier_values[i][1].place(x, row_y)
            self._earlier_leaders[i].setLine(centres[i], self._earlier_y - px(4), x, row_y + px(4))
        for i, centre in enumerate(centres):
            self._earlier_values[i][0].place(centre, self._earlier_y + self._earlier_h / 2)
        self._earlier_fits = fits

    def _fits(self, text: str, width: float) -> bool:
        return self._metrics(LABEL_PX, bold=True).horizontalAdvance(text) <= width - self.style.px(16)

    def _segments(self, sizes: Sequence[float]) -> tuple[list[float], list[float]]:
        starts, widths, x = [], [], self._x0
        for size in sizes:
            starts.append(x)
            widths.append(max(0.0, size) * self._per_unit)
            x += widths[-1]
        return starts, widths

    def _apply(self, step: int, t: float) -> None:
        px, lang = self.style.px, self.style.lang
        sizes = self._values = self._compute(step, t)
        starts, widths = self._segments(sizes)
        self._main.setOpts(x0=starts, width=widths)
        e = ease(t)
        self._period_main.set_text(self._periods[0 if step == 0 else 1])
        self._period_main.show(bool(sizes), e if step == 0 else 1.0)
        earlier = e if step == 1 else 1.0
        self._earlier.setVisible(step >= 1)
        self._earlier.setOpacity(earlier)
        self._period_earlier.show(bool(sizes) and step >= 1, earlier)
        for i, fits in enumerate(self._earlier_fits):
            inside, beside = self._earlier_values[i]
            inside.show(step >= 1 and fits, earlier)
            beside.show(step >= 1 and not fits, earlier)
            self._earlier_leaders[i].setVisible(step >= 1 and not fits)
            self._earlier_leaders[i].setOpacity(earlier)
        opacity = e if step == 0 else 1.0
        mid = self._main_y + self._main_h / 2
        outside, centres, out_widths = [], [], []
        for i, size in enumerate(sizes):
            figure, target = (
                (self._befores[i], self._before_values[i]) if step == 0 else (self._afters[i], self._after_values[i])
            )
            value = value_text(figure, lang, None if size == target else size, self._places[i])
            centre, room = starts[i] + widths[i] / 2, widths[i] - px(24)
            value_fits = self._value_m.horizontalAdvance(value) <= room
            name_fits = value_fits and self._name_m.horizontalAdvance(self._names[i]) <= room and self._two_lines_fit
            self._inside_names[i].show(name_fits, opacity)
            self._inside_values[i].show(value_fits, opacity)
            if value_fits:
                self._inside_values[i].set_text(value)
                self._inside_values[i].place(centre, mid if name_fits else mid - self._value_m.height() / 2)
                self._inside_names[i].place(centre, mid)
            words = "" if name_fits else (self._names[i] if value_fits else f"{self._names[i]} {value}")
            self._outside[i].set_text(words)
            self._outside[i].show(bool(words), opacity)
            self._leaders[i].setVisible(bool(words))
            if words:
                outside.append(i)
                centres.append(centre)
                out_widths.append(self._outside[i].size()[0])
        # Labels too wide for their segment go below the bar on a leader; the changes below those.
        bottom = self._main_y + self._main_h
        row_y = bottom + px(40)
        for i, x in zip(outside, spread(centres, out_widths, 0, self._x1, px(24)), strict=True):
            self._outside[i].place(x, row_y)
            self._leaders[i].setOpacity(opacity)
            self._leaders[i].setLine(starts[i] + widths[i] / 2, bottom + px(4), x, row_y - px(4))
        change_y = row_y + self._name_m.height() + px(12) if outside else bottom + px(20)
        centres = [s + w / 2 for s, w in zip(starts, widths, strict=True)]
        change_widths = [label.size()[0] for label in self._changes]
        for label, x in zip(self._changes, spread(centres, change_widths, self._x0, self._x1, px(24)), strict=True):
            label.show(step >= 2, e)
            label.place(x, change_y)


def build_composition(spec: ChartSpec, figures: dict[str, Figure], style: ChartStyle) -> CompositionChart:
    names = [plain(render(pair.label, style.lang, figures)) for pair in spec.pairs]
    befores = [figures[pair.first] for pair in spec.pairs]
    afters = [figures[pair.second] for pair in spec.pairs]
    return CompositionChart(names, befores, afters, spec.total if spec.total is not None else 100.0, style)
