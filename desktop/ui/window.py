"""The deck window: for now, the list of slides, and the current slide's title and speaker notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QSplitter, QVBoxLayout, QWidget

from desktop.deck.figures import render
from desktop.deck.model import Deck


class DeckWindow(QMainWindow):
    def __init__(self, deck: Deck, lang: str) -> None:
        super().__init__()
        self.deck, self.lang = deck, lang
        self._figures = deck.figures
        self.setWindowTitle(f"{render(deck.title, lang, self._figures)} — Casebook")
        self.resize(1280, 720)

        self.slide_list = QListWidget()
        for number, slide in enumerate(deck.slides, start=1):
            self.slide_list.addItem(f"{number:>2}  {render(slide.title, lang, self._figures) or slide.id}")
        self.heading = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.heading.setFont(QFont(self.font().family(), 28))
        self.detail = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.notes = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.notes.setFont(QFont(self.font().family(), 13))
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.addStretch()
        column.addWidget(self.heading)
        column.addWidget(self.detail)
        column.addSpacing(24)
        column.addWidget(self.notes)
        column.addStretch()
        splitter = QSplitter()
        splitter.addWidget(self.slide_list)
        splitter.addWidget(pane)
        splitter.setSizes([360, 920])
        self.setCentralWidget(splitter)

        self.slide_list.currentRowChanged.connect(self._show)
        QShortcut(QKeySequence.StandardKey.Quit, self, self.close)
        self.go_to(0)

    @property
    def current(self) -> int:
        return self.slide_list.currentRow()

    def go_to(self, index: int) -> None:
        self.slide_list.setCurrentRow(max(0, min(index, self.slide_list.count() - 1)))

    def _show(self, index: int) -> None:
        slide = self.deck.slides[index]
        section = self.deck.section_of(slide.id)
        self.heading.setText(render(slide.title, self.lang, self._figures))
        where = render(section.title, self.lang, self._figures) if section else ""
        self.detail.setText(f"{where} · {index + 1}/{len(self.deck.slides)}")
        self.notes.setText(render(slide.notes, self.lang, self._figures))
