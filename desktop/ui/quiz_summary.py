"""The end of a quiz session: score by section, the slowest and the missed, and practice by day."""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.deck.markup import plain
from desktop.deck.model import Deck
from desktop.deck.sections import in_sentence
from desktop.words import tr


class SummaryView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.text = QLabel(wordWrap=True)
        self.text.setStyleSheet("font-size: 18px;")
        self.chart = pg.PlotWidget(background="w")
        self.chart.setMouseEnabled(False, False)
        self.chart.hideButtons()
        self.chart.setMinimumHeight(220)
        column = QVBoxLayout(self)
        column.addWidget(self.text)
        column.addWidget(self.chart)

    def show_summary(self, summary, history, deck: Deck, lang: str) -> None:
        titles = {s.number: plain(s.title.get(lang)) for s in deck.sections if s.number}
        rows = "".join(
            f"<tr><td>{number or '—'}. {html.escape(titles.get(number, ''))}</td><td>&nbsp;{right} / {total}</td></tr>"
            for number, (right, total) in sorted(summary.by_section.items(), key=lambda kv: kv[0] or 0)
        )
        noun = in_sentence(deck.section_word.get(lang))

        def listing(questions) -> str:
            return "".join(f"<li>{html.escape(q.prompt.get(lang))}</li>" for q in questions) or "<li>—</li>"

        self.text.setText(
            f"<h2>{tr('summary', lang)}</h2><p><b>{tr('score', lang, right=summary.right, total=summary.total)}</b></p>"
            f"<h3>{tr('by-section', lang, noun=noun)}</h3><table>{rows}</table>"
            f"<h3>{tr('slowest', lang)}</h3><ol>{listing(summary.slowest)}</ol>"
            f"<h3>{tr('missed', lang)}</h3><ol>{listing(summary.missed)}</ol>"
            f"<p>{tr('days', lang)} · {tr('back-to-start', lang)}</p>"
        )
        self.chart.clear()
        days = list(range(len(history)))
        answered = [row[1] for row in history]
        right = [row[2] for row in history]
        self.chart.addItem(pg.BarGraphItem(x=[d - 0.18 for d in days], height=answered, width=0.34, brush="#a9b4c2"))
        self.chart.addItem(pg.BarGraphItem(x=[d + 0.18 for d in days], height=right, width=0.34, brush="#1f4e79"))
        self.chart.getAxis("bottom").setTicks([[(d, str(row[0])[5:]) for d, row in zip(days, history, strict=True)]])
