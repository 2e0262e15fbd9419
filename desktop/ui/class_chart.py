"""What the room answered, for the back row: a bar a choice, or where the room's estimates fell against the truth."""

from __future__ import annotations

import statistics
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from desktop.render.theme import Theme

LETTERS = "ABCD"
GOLDEN = 0.618033988749895  # spreads the dots of a strip plot evenly, the same way each time


def spread(count: int) -> list[float]:
    """Heights in (-0.35, 0.35) for `count` dots, so equal estimates stand apart (the golden-ratio sequence)."""
    return [((i * GOLDEN) % 1.0 - 0.5) * 0.7 for i in range(count)]


def shown_range(values: list[float], truth: float) -> tuple[float, float]:
    """The x range of a strip plot: the truth and the middle nine tenths of the estimates, with a margin.

    One estimate of 10^9 would squeeze everyone else into a pixel; it is drawn at the edge instead.
    """
    ordered = sorted(values)
    if len(ordered) >= 10:
        cut = len(ordered) // 20
        ordered = ordered[cut : len(ordered) - cut]
    low, high = min([truth, *ordered]), max([truth, *ordered])
    margin = (high - low) * 0.08 or abs(truth) * 0.1 or 1.0
    return low - margin, high + margin


class RoomChart(pg.PlotWidget):
    """A pyqtgraph plot in the deck's theme; `bars` and `dots` hold what is drawn, for tests and for the eye."""

    def __init__(self) -> None:
        super().__init__()
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.bars: pg.BarGraphItem | None = None
        self.dots: pg.ScatterPlotItem | None = None
        self.labels: list[pg.TextItem] = []

    def _start(self, theme: Theme, families: list[str], px: int) -> QFont:
        self.clear()
        self.bars, self.dots, self.labels = None, None, []
        self.setBackground(theme.background)
        font = QFont()
        font.setFamilies(families)
        font.setPixelSize(px)
        for side in ("left", "bottom"):
            axis = self.getAxis(side)
            axis.setPen(pg.mkPen(theme.grid))
            axis.setTextPen(pg.mkPen(theme.text))
            axis.setStyle(tickFont=font, tickTextOffset=max(4, px // 3))
        return font

    def _label(self, text: str, colour: str, font: QFont, x: float, y: float, anchor: tuple[float, float]) -> None:
        label = pg.TextItem(text, color=colour, anchor=anchor, fill=self.backgroundBrush())  # readable over a line
        label.setFont(font)
        label.setPos(x, y)
        self.addItem(label)
        self.labels.append(label)

    def show_counts(self, counts: tuple[int, ...], right: int, theme: Theme, families: list[str], px: int) -> None:
        """One bar a choice, A at the top: how many chose it and what share; the right one strong and marked ✓."""
        font = self._start(theme, families, px)
        rows = len(counts)
        ys = [rows - 1 - i for i in range(rows)]
        brushes = [QColor(theme.after if i == right else theme.before) for i in range(rows)]
        self.bars = pg.BarGraphItem(x0=0, y=ys, height=0.62, width=list(counts), brushes=brushes, pens=[None] * rows)
        self.addItem(self.bars)
        total, tallest = sum(counts), max(counts, default=0) or 1
        for i, count in enumerate(counts):
            share = f"{round(100 * count / total)}%" if total else "0%"
            mark = "  ✓" if i == right else ""
            self._label(f"{count}  ({share}){mark}", theme.text, font, count + tallest * 0.02, ys[i], (0, 0.5))
        left = self.getAxis("left")
        left.setTicks([[(ys[i], LETTERS[i]) for i in range(rows)]])
        self.getAxis("bottom").hide()
        self.setXRange(0, tallest * 1.45, padding=0)  # room for the counts at the bars' ends
        self.setYRange(-0.6, rows - 0.4, padding=0)

    def show_values(
        self,
        values: tuple[float, ...],
        truth: float,
        written: Callable[[float], str],
        median_word: str,
        theme: Theme,
        families: list[str],
        px: int,
    ) -> None:
        """Each estimate a dot, the truth a strong line, the room's median a dashed one; outliers at the edges."""
        font = self._start(theme, families, px)
        low, high = shown_range(list(values), truth)
        xs = [min(max(v, low), high) for v in values]
        self.dots = pg.ScatterPlotItem(
            x=xs, y=spread(len(values)), size=max(10, px * 0.6), brush=QColor(theme.before), pen=pg.mkPen(theme.text)
        )
        self.addItem(self.dots)
        truth_pen = pg.mkPen(theme.after, width=max(3, px // 6))
        self.addItem(pg.InfiniteLine(truth, angle=90, pen=truth_pen))
        self._label(f"✓ {written(truth)}", theme.after, font, truth, 0.62, (0.5, 1))
        if values:
            median = statistics.median(values)
            median_pen = pg.mkPen(theme.text, width=max(2, px // 10), style=Qt.PenStyle.DashLine)
            shown = min(max(median, low), high)
            self.addItem(pg.InfiniteLine(shown, angle=90, pen=median_pen))
            self._label(median_word.format(value=written(median)), theme.text, font, shown, -0.62, (0.5, 0))
        self.getAxis("left").hide()
        self.getAxis("bottom").show()
        self.setXRange(low, high, padding=0)
        self.setYRange(-1.1, 1.1, padding=0)
