"""The handout's slides: each a cell of the A4 page holding the slide, its label, its source line, its notes and
ruled lines for the reader's own, never cut between pages.

One or two a page: the slide above its notes. Three or six: the slide on the left, the rest beside it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from desktop.deck.figures import render
from desktop.deck.model import Deck
from desktop.render.canvas import Look
from desktop.render.fonts import prose_family
from desktop.render.pdf.layout import A4, PT, Block, Doc, Ink, Run, marked
from desktop.render.scene import build_scene

PER_PAGE = (1, 2, 3, 6)
DEFAULT_PER_PAGE = 3
SMALLEST = 8.0  # pt: nothing of a slide's own is printed smaller (its label, source line, notes)
_GAP = 12 * PT  # between the slide and what is beside or below it
_LINE = 22 * PT  # the pitch of the ruled lines
# Of the text width, how wide the slide is drawn: above its notes, or beside them (then as tall as the cell allows).
_SLIDE_SHARE = {1: 1.0, 2: 0.7, 3: 0.5, 6: 0.34}

DrawSlide = Callable[[QPainter, int, QRectF], None]


def cell_height(per_page: int) -> float:
    """The height each slide's cell is given, so that `per_page` of them fill the page's text area."""
    return math.floor(A4.text_height / per_page)


def slide_cell(
    deck: Deck, index: int, look: Look, ink: Ink, per_page: int, titles: tuple[str, str], draw: DrawSlide
) -> Block:
    """One slide's cell: the slide (its footer printed beside it, large enough to read) and its notes, whole;
    `titles` are its label ('Slide 12 · Pillar 3 · …') and its bookmark."""
    label, bookmark = titles
    width, height = A4.text_width, cell_height(per_page)
    beside = per_page >= 3
    slide_w = width * _SLIDE_SHARE[per_page]
    slide_h = slide_w * 9 / 16
    if beside:  # as large as the cell allows, and no wider than its share
        slide_h = min(slide_h, height - _GAP)
        slide_w = slide_h * 16 / 9
    text_x = slide_w + _GAP if beside else 0.0
    text_w = width - text_x
    top = 0.0 if beside else slide_h + _GAP
    source = build_scene(deck, index, look).source_line()
    notes = render(deck.slides[index].notes, look.lang, deck.figures).strip()
    room = height - top - _GAP
    for size in (9.5, 9.0, 8.5, SMALLEST):  # the notes as large as fits, never below the smallest
        doc = _words(prose_family(look.family, look.lang), text_w, ink, label, source, notes, size)
        if doc.height <= room:
            break
    used = top + doc.height
    cell_h = max(height, used + _GAP)  # notes too long even at the smallest size: the cell grows, the notes stay

    def paint(painter: QPainter, clip: QRectF) -> None:
        frame = QRectF(0, 0, slide_w, slide_h)
        draw(painter, index, frame)
        painter.setPen(QPen(QColor(ink.rule), 0.7 * PT))
        painter.drawRect(frame)
        painter.save()
        painter.translate(text_x, top)
        doc.draw(painter, QRectF(0, 0, text_w, doc.height))
        painter.restore()
        painter.setPen(QPen(QColor(ink.rule), 0.5 * PT))
        y = used + _LINE
        while y <= cell_h - _GAP / 2:
            painter.drawLine(QPointF(text_x, y), QPointF(width, y))
            y += _LINE
        painter.setPen(QPen(QColor(ink.muted), 0.6 * PT))
        painter.drawLine(QPointF(0, cell_h - _GAP / 3), QPointF(width, cell_h - _GAP / 3))

    return Block(cell_h, paint, bookmark=bookmark)


def _words(family: str, width: float, ink: Ink, label: str, source: str, notes: str, size: float) -> Doc:
    """The slide's label and source line (its footer, printed at a size to read) and its notes."""
    doc = Doc(family, width)
    doc.para(Run(label, size, ink.text, bold=True), line=120, after=2)
    if source:
        doc.para(Run(source, SMALLEST, ink.muted), line=120, after=size * 0.4)
    if notes:
        doc.para(*marked(notes, size, ink.text), line=125)
    return doc
