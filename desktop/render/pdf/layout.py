"""Print layout: text documents at print sizes, blocks that flow onto pages, headers and footers.

Lengths are in device units of the PDF writer: tenths of a point (`PT` units make a point).
A block may be cut only between lines of its text, so no line is ever split across pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from desktop.deck.markup import runs
from desktop.render.pdf.file import PT
from desktop.render.theme import Theme

_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter}


@dataclass(frozen=True)
class Ink:
    """The colours of a printed page."""

    paper: str
    text: str
    muted: str
    accent: str
    rule: str


def _luminance(colour: str) -> float:
    c = QColor(colour)
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()


def paper_ink(theme: Theme) -> Ink:
    """Dark on white for A4, whatever the slides' theme: a dark theme's light text would vanish on paper."""
    accent = theme.accent if _luminance(theme.accent) < 0.45 else "#a4161a"
    return Ink(paper="#ffffff", text="#1d2430", muted="#5b6472", accent=accent, rule="#c9ccd1")


def slide_ink(theme: Theme) -> Ink:
    """A page among the slides wears the slides' theme."""
    return Ink(theme.background, theme.text, theme.muted, theme.accent, theme.grid)


@dataclass(frozen=True)
class Paper:
    """A page and its type sizes, in points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    body: float  # running text
    small: float  # secondary text
    heading: float
    title: float
    header: float  # header and footer
    header_base: float  # baseline of the header, from the top
    footer_base: float  # baseline of the footer, from the bottom

    @property
    def content(self) -> QRectF:
        return QRectF(self.left * PT, self.top * PT, self.text_width, self.text_height)

    @property
    def text_width(self) -> float:
        return (self.width - self.left - self.right) * PT

    @property
    def text_height(self) -> float:
        return (self.height - self.top - self.bottom) * PT


A4 = Paper(595.28, 841.89, 56, 56, 70, 62, 10.5, 9, 15, 24, 8, 38, 32)
WIDE = Paper(960, 540, 60, 60, 66, 54, 13, 11, 21, 30, 10, 38, 26)


@dataclass(frozen=True)
class Run:
    """A piece of text in one style; sizes in points."""

    text: str
    size: float
    color: str
    bold: bool = False
    italic: bool = False


def marked(text: str, size: float, color: str, bold: bool = False) -> tuple[Run, ...]:
    """A Text's markup as runs: its `**bold**` and `*italic*` pieces styled, its line breaks kept in the paragraph."""
    return tuple(Run(r.text.replace("\n", "\u2028"), size, color, bold or r.bold, r.italic) for r in runs(text))


class Doc:
    """A QTextDocument built paragraph by paragraph, `width` units wide, wrapping CJK and long words."""

    def __init__(self, family: str, width: float) -> None:
        self.family = family
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.doc.setUndoRedoEnabled(False)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.doc.setDefaultTextOption(option)
        font = QFont(family)
        font.setPixelSize(10 * PT)
        self.doc.setDefaultFont(font)
        self.doc.setTextWidth(width)
        self.cursor = QTextCursor(self.doc)
        self.empty = True

    def para(
        self,
        *runs: Run,
        before: float = 0,
        after: float = 0,
        align: str = "left",
        line: int = 135,
        indent: float = 0,
        tabs: Sequence[float] = (),
    ) -> Doc:
        """One paragraph of `runs`; `before`/`after` in points, `line` the line height in percent."""
        block = QTextBlockFormat()
        block.setAlignment(_ALIGN[align])
        block.setLineHeight(line, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setTopMargin(before * PT)
        block.setBottomMargin(after * PT)
        block.setLeftMargin(indent * PT)
        if tabs:
            block.setTabPositions([QTextOption.Tab(x, QTextOption.TabType.LeftTab) for x in tabs])
        if self.empty:
            self.cursor.setBlockFormat(block)
            self.empty = False
        else:
            self.cursor.insertBlock(block)
        for run in runs:
            self.cursor.insertText(run.text, self.char(run))
        return self

    def char(self, run: Run) -> QTextCharFormat:
        fmt = QTextCharFormat()
        font = QFont(self.family)
        font.setPixelSize(round(run.size * PT))
        font.setBold(run.bold)
        font.setItalic(run.italic)
        fmt.setFont(font)
        fmt.setForeground(QColor(run.color))
        return fmt

    @property
    def height(self) -> float:
        return self.doc.size().height()

    def breaks(self) -> tuple[float, ...]:
        """Where the document may be cut: the top of every line but the first."""
        tops = []
        block = self.doc.begin()
        while block.isValid():
            layout = block.layout()
            y = layout.position().y()
            tops += [y + layout.lineAt(i).y() for i in range(layout.lineCount())]
            block = block.next()
        return tuple(t for t in tops[1:] if t > 0)

    def draw(self, painter: QPainter, clip: QRectF) -> None:
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        self.doc.documentLayout().draw(painter, context)


def text_width(text: str, size: float, family: str, bold: bool = False) -> float:
    font = QFont(family)
    font.setPixelSize(round(size * PT))
    font.setBold(bold)
    return QFontMetricsF(font).horizontalAdvance(text)


@dataclass
class Block:
    """Something placed on pages: `paint(painter, clip)` draws it with (0, 0) its top left.

    `breaks` are the heights at which it may be cut between pages; `fill` makes it take the rest of the
    page (ruled lines for notes), and it is left out when less than its `height` remains.
    """

    height: float
    paint: Callable[[QPainter, QRectF], None]
    breaks: tuple[float, ...] = ()
    before: float = 0
    keep_with_next: bool = False
    new_page: bool = False
    fill: bool = False
    label: str = ""
    bookmark: str = ""
    bare: bool = False  # a title page: no header or footer


def doc_block(doc: Doc, **kw) -> Block:
    return Block(doc.height, doc.draw, doc.breaks(), **kw)


def columns_block(left: Doc, right: Doc, gap: float, rule: str = "", pad: float = 0, **kw) -> Block:
    """Two documents side by side (a number and its text), below an optional hairline `rule` and `pad`
    units of space; cut only between the right one's lines."""
    x = left.doc.textWidth() + gap

    def paint(painter: QPainter, clip: QRectF) -> None:
        if rule and clip.top() <= 0:
            painter.setPen(QPen(QColor(rule), 0.5 * PT))
            painter.drawLine(QPointF(0, 0), QPointF(x + right.doc.textWidth(), 0))
        painter.translate(0, pad)
        inner = clip.translated(0, -pad)
        left.draw(painter, inner)
        _shifted(painter, x, lambda: right.draw(painter, inner))

    breaks = tuple(pad + b for b in right.breaks() if b >= left.height)
    return Block(pad + max(left.height, right.height), paint, breaks, **kw)


def _shifted(painter: QPainter, x: float, draw: Callable[[], None]) -> None:
    painter.save()
    painter.translate(x, 0)
    draw()
    painter.restore()


@dataclass
class Placed:
    block: Block
    y: float  # top of the slice on the page, from the top of the text area
    start: float  # the slice of the block shown: [start, end)
    end: float


@dataclass
class Page:
    placed: list[Placed] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.placed[0].block.label if self.placed else ""

    @property
    def bare(self) -> bool:
        return bool(self.placed) and self.placed[0].block.bare


def flow(blocks: Sequence[Block], height: float) -> list[Page]:
    """Places blocks top to bottom, page after page, cutting a block only at one of its breaks."""
    pages, y = [Page()], 0.0

    def new_page() -> None:
        nonlocal y
        pages.append(Page())
        y = 0.0

    for i, block in enumerate(blocks):
        if block.new_page and pages[-1].placed:
            new_page()
        gap = block.before * PT if y else 0.0
        if block.fill:
            if y and height - y - gap >= block.height:
                pages[-1].placed.append(Placed(block, y + gap, 0, height - y - gap))
                y = height
            continue
        need = block.height
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.keep_with_next and following is not None:
            need += following.before * PT + (following.breaks[0] if following.breaks else following.height)
        if y and y + gap + need > height and (need <= height or not block.breaks):
            new_page()
            gap = 0.0
        start = 0.0
        while True:
            room = height - y - gap
            if block.height - start <= room:
                pages[-1].placed.append(Placed(block, y + gap, start, block.height))
                y += gap + block.height - start
                break
            cut = max((b for b in block.breaks if start < b <= start + room), default=None)
            if cut is None and y:
                new_page()
                gap = 0.0
                continue
            cut = cut if cut is not None else start + room  # a single line taller than a page
            pages[-1].placed.append(Placed(block, y + gap, start, cut))
            start = cut
            new_page()
            gap = 0.0
    return [page for page in pages if page.placed]


def bookmarks(pages: Sequence[Page], first: int) -> list[tuple[str, int]]:
    """(title, page index) of each bookmarked block, where it starts; page indices count from `first`."""
    marks = []
    for n, page in enumerate(pages):
        marks += [(p.block.bookmark, first + n) for p in page.placed if p.block.bookmark and p.start == 0]
    return marks


@dataclass(frozen=True)
class Frame:
    """What surrounds the text on every page: the deck title, the part's name, the page number."""

    paper: Paper
    ink: Ink
    family: str
    title: str
    part: str


def paint_page(painter: QPainter, frame: Frame, page: Page, number: int, total: int) -> None:
    paper, ink = frame.paper, frame.ink
    width, height = paper.width * PT, paper.height * PT
    if QColor(ink.paper) != QColor("#ffffff"):
        painter.fillRect(QRectF(0, 0, width, height), QColor(ink.paper))
    if not page.bare:
        _frame(painter, frame, page.label or frame.part, f"{number} / {total}")
    area = paper.content
    for placed in page.placed:
        painter.save()
        painter.translate(area.left(), area.top() + placed.y - placed.start)
        clip = QRectF(-area.left(), placed.start, width, placed.end - placed.start)
        if placed.start > 0 or placed.end < placed.block.height:
            painter.setClipRect(clip)
        placed.block.paint(painter, clip)
        painter.restore()


def _frame(painter: QPainter, frame: Frame, label: str, number: str) -> None:
    paper, ink = frame.paper, frame.ink
    left, right = paper.left * PT, (paper.width - paper.right) * PT
    font = QFont(frame.family)
    font.setPixelSize(round(paper.header * PT))
    metrics = QFontMetricsF(font)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(ink.muted))
    top = paper.header_base * PT
    bottom = (paper.height - paper.footer_base) * PT
    span = right - left
    label_w = min(metrics.horizontalAdvance(label), span * 0.45)
    title = metrics.elidedText(frame.title, Qt.TextElideMode.ElideRight, span - label_w - 4 * paper.header * PT)
    painter.drawText(QPointF(left, top), title)
    label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w)
    painter.drawText(QPointF(right - metrics.horizontalAdvance(label), top), label)
    painter.drawText(QPointF(right - metrics.horizontalAdvance(number), bottom), number)
    painter.drawText(QPointF(left, bottom), metrics.elidedText(frame.part, Qt.TextElideMode.ElideRight, span * 0.6))
    painter.setPen(QPen(QColor(ink.rule), 0.6 * PT))
    rule = top + metrics.descent() + 0.4 * paper.header * PT
    painter.drawLine(QPointF(left, rule), QPointF(right, rule))
    rule = bottom - metrics.ascent() - 0.4 * paper.header * PT
    painter.drawLine(QPointF(left, rule), QPointF(right, rule))
    painter.restore()
