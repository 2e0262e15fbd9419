"""The end of a quiz session: score by section, the missed with their answers and slides, the slowest, and
the reviews coming in the next two weeks."""

from __future__ import annotations

import html
import math
from datetime import datetime

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.deck.figures import render
from desktop.deck.markup import plain
from desktop.deck.model import Deck
from desktop.deck.sections import in_sentence
from desktop.quiz.answers import answer_text
from desktop.quiz.forecast import DAYS, forecast
from desktop.quiz.store import Store
from desktop.render.theme import Theme
from desktop.ui.slide_preview import SlidePreview
from desktop.words import tr


def whole_number_axis(chart: pg.PlotWidget, top: int) -> None:
    """The left axis from 0 to at least `top`, ticked at whole numbers only: there is no half a review."""
    step = max(1, math.ceil(top / 5))
    high = max(step, math.ceil(top / step) * step)
    chart.setYRange(0, high, padding=0.05)
    chart.getAxis("left").setTicks([[(v, str(v)) for v in range(0, high + 1, step)], []])


def bar_chart(theme: Theme) -> pg.PlotWidget:
    chart = pg.PlotWidget(background=theme.background)
    chart.setMouseEnabled(False, False)
    chart.hideButtons()
    for side in ("left", "bottom"):
        chart.getAxis(side).setPen(theme.muted)
        chart.getAxis(side).setTextPen(theme.text)
    legend = chart.addLegend(offset=(-10, 10), labelTextColor=theme.text)
    legend.setBrush(theme.surface)
    return chart


class SummaryView(QScrollArea):
    """Scrolls when the session had more to say than the window holds; a slide's name opens the slide."""

    previewed = Signal(object)

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.theme = theme
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.text = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.text.linkActivated.connect(self.show_slide)
        self.forecast_title = QLabel()
        self.days_title = QLabel()
        self.charts = QVBoxLayout()  # beside the lists, so a wide window shows the forecast without scrolling
        page = QWidget()
        row = QHBoxLayout(page)
        row.addWidget(self.text, stretch=3, alignment=Qt.AlignmentFlag.AlignTop)
        row.addLayout(self.charts, stretch=2)
        self.setWidget(page)
        self.forecast_chart: pg.PlotWidget | None = None  # made with the first summary: a plot costs 80 ms
        self.deck: Deck | None = None
        self.lang = ""

    def show_summary(self, summary, store: Store, deck: Deck, lang: str, now: datetime) -> None:
        self.deck, self.lang = deck, lang
        if self.forecast_chart is None:
            self.forecast_chart, self.days_chart = bar_chart(self.theme), bar_chart(self.theme)
            for widget in (self.forecast_title, self.forecast_chart, self.days_title, self.days_chart):
                self.charts.addWidget(widget)
            self.charts.addStretch()
        titles = {s.number: plain(s.title.get(lang)) for s in deck.sections if s.number}
        rows = "".join(
            f"<tr><td>{number or '—'}. {html.escape(titles.get(number, ''))}</td><td>&nbsp;{right} / {total}</td></tr>"
            for number, (right, total) in sorted(summary.by_section.items(), key=lambda kv: kv[0] or 0)
        )
        noun = in_sentence(deck.section_word.get(lang))
        slides = {s.id: plain(render(s.title, lang, deck.figures)) for s in deck.slides}
        link = f"color: {self.theme.after};"
        missed = "".join(
            f"<li>{html.escape(q.prompt.get(lang))}<br>→ <b>{html.escape(answer_text(q, lang))}</b>"
            f" · <a href='{html.escape(q.slide)}' style='{link}'>{html.escape(slides.get(q.slide, q.slide))}</a></li>"
            for q in summary.missed
        )
        slowest = "".join(
            f"<li>{html.escape(q.prompt.get(lang))} — <b>{tr('seconds', lang, s=f'{seconds:.1f}')}</b></li>"
            for q, seconds in zip(summary.slowest, summary.slowest_seconds, strict=True)
        )
        self.text.setText(
            f"<h2>{tr('summary', lang)}</h2><p><b>{tr('score', lang, right=summary.right, total=summary.total)}</b>"
            f" · {tr('back-to-start', lang)}</p>"
            f"<h3>{tr('missed', lang)}</h3><ol>{missed or '<li>—</li>'}</ol>"
            f"<h3>{tr('slowest', lang)}</h3><ol>{slowest or '<li>—</li>'}</ol>"
            f"<h3>{tr('by-section', lang, noun=noun)}</h3><table>{rows}</table>"
        )
        local = now.astimezone()
        self._forecast(forecast(store, local.date(), local.tzinfo), lang)
        self._days(store.history(local.tzinfo)[-DAYS:], lang)
        tick = QFont(self.font())
        tick.setPixelSize(max(11, round(self.font().pixelSize() * 0.7)))
        for chart in (self.forecast_chart, self.days_chart):
            chart.setFixedHeight(13 * self.font().pixelSize())  # in proportion to the type, as the window scales it
            for side in ("left", "bottom"):
                chart.getAxis(side).setStyle(tickFont=tick)

    def _forecast(self, days, lang: str) -> None:
        self.forecast_title.setText(f"<h3>{tr('forecast', lang)}</h3>")
        chart = self.forecast_chart
        chart.clear()
        heights = [n for _, n in days]
        self.forecast_bars = pg.BarGraphItem(
            x=list(range(len(days))),
            height=heights,
            width=0.6,
            brush=self.theme.after,
            pen=pg.mkPen(None),
            name=tr("forecast-legend", lang),
        )
        chart.addItem(self.forecast_bars)
        ticks = [(i, tr("today", lang) if i == 0 else f"{day:%m-%d}") for i, (day, _) in enumerate(days) if i % 2 == 0]
        chart.getAxis("bottom").setTicks([ticks, []])
        whole_number_axis(chart, max(heights, default=0))

    def _days(self, history, lang: str) -> None:
        self.days_title.setText(f"<h3>{tr('days', lang)}</h3>")
        chart = self.days_chart
        chart.clear()
        days = list(range(len(history)))
        answered, right = [row[1] for row in history], [row[2] for row in history]
        for shift, heights, colour, key in (
            (-0.18, answered, self.theme.before, "answered"),
            (0.18, right, self.theme.after, "answered-right"),
        ):
            bars = pg.BarGraphItem(
                x=[d + shift for d in days],
                height=heights,
                width=0.34,
                brush=colour,
                pen=pg.mkPen(None),
                name=tr(key, lang),
            )
            chart.addItem(bars)
        chart.getAxis("bottom").setTicks([[(d, f"{row[0]:%m-%d}") for d, row in zip(days, history, strict=True)], []])
        chart.setXRange(-0.5, max(len(days), DAYS // 2) - 0.5)  # one day of practice is not a wall of colour
        whole_number_axis(chart, max(answered, default=0))

    def show_slide(self, slide_id: str) -> None:
        """Opens a missed question's slide, at its final step."""
        preview = SlidePreview(self.deck, slide_id, self.lang, self)
        preview.show()
        self.previewed.emit(preview)
