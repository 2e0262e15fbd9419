"""Text that always fits its box: the largest size that fits between limits, broken into lines by breaks.py.

Each paragraph is a Text's markup: its `**bold**` and `*italic*` runs and line breaks are drawn as such.
Qt measures the text on one unbroken line; the lines are chosen here (Chinese kinsoku, numbers kept with
their units, no orphans, balanced titles) and set as line separators, so Qt never wraps on its own.
"""

from __future__ import annotations

import html
import math
import re

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem

from desktop.deck.markup import Run, runs
from desktop.render.breaks import best, greedy, opportunities, span

_LISTS = {"bullets": QTextListFormat.Style.ListDisc, "numbers": QTextListFormat.Style.ListDecimal}
# A curly quote or apostrophe with no Chinese beside it ("Douyin’s “exit”") is set proportional.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_LATIN_QUOTE = re.compile(f"(?<![{_CJK}])([‘’“”])(?![{_CJK}])")
LINE_HEIGHT = 118  # per cent of the font's line
ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}


class TextBox(QGraphicsItem):
    """Paragraphs drawn inside `rect` at the largest pixel size in [min_px, max_px] that fits.

    When even `min_px` does not fit, the size keeps shrinking (`overflow` is then True): text is
    never clipped. `listed` ("bullets" or "numbers") makes the paragraphs a list with a hanging
    indent; `valign` places the block in the box.
    """

    def __init__(
        self,
        paragraphs: list[str] | str,
        rect: QRectF,
        family: str,
        color: str,
        max_px: int,
        min_px: int,
        *,
        bold: bool = False,
        align: str = "left",
        valign: str = "top",
        listed: str = "",
        spacing: float = 0.35,
        parent: QGraphicsItem | None = None,
    ) -> None:
        super().__init__(parent)
        self.paragraphs = [paragraphs] if isinstance(paragraphs, str) else list(paragraphs)
        self.rect = QRectF(rect)
        self.family, self.color, self.bold = family, QColor(color), bold
        self.align, self.valign, self.listed, self.spacing = ALIGN[align], valign, listed, spacing
        self.px, self.overflow = self._fit(max_px, min_px)
        self.document = self._layout(self.px)

    @property
    def text(self) -> str:
        """What a reader sees: the paragraphs without their markers."""
        return "\n".join("".join(run.text for run in runs(paragraph)) for paragraph in self.paragraphs)

    def text_height(self) -> float:
        return self.document.size().height()

    def hug(self) -> TextBox:
        """Shrinks the box to the height its text takes, so what follows can sit right below."""
        self.prepareGeometryChange()
        self.rect.setHeight(self.text_height())
        return self

    def set_color(self, color: str) -> None:
        """Redraws the same text, at the same size, in another colour."""
        if QColor(color) != self.color:
            self.color = QColor(color)
            self.document = self._layout(self.px)
            self.update()

    def set_text(self, paragraphs: list[str] | str) -> None:
        """New text at the size already fitted (for a counting number: no refit each frame)."""
        paragraphs = [paragraphs] if isinstance(paragraphs, str) else list(paragraphs)
        if paragraphs != self.paragraphs:
            self.paragraphs = paragraphs
            self.document = self._layout(self.px)
            self.update()

    def _layout(self, px: int) -> QTextDocument:
        """The text at `px` pixels, in the lines that read best."""
        doc = self._document(px)
        self._break(doc, px, final=True)
        return doc

    def _document(self, px: int) -> QTextDocument:
        """The text at `px` pixels, each paragraph on one line but where it says to break."""
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setIndentWidth(px * 1.5)
        font = QFont(self.family)
        font.setPixelSize(px)
        font.setBold(self.bold)
        doc.setDefaultFont(font)
        option = QTextOption(self.align)
        option.setWrapMode(QTextOption.WrapMode.NoWrap)  # lines are broken by `_break`
        doc.setDefaultTextOption(option)
        doc.setTextWidth(self.rect.width())
        char = QTextCharFormat()
        char.setForeground(self.color)
        cursor = QTextCursor(doc)
        items = None
        for i, paragraph in enumerate(self.paragraphs):
            block = QTextBlockFormat()
            block.setAlignment(self.align)
            block.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            if i < len(self.paragraphs) - 1:
                block.setBottomMargin(px * self.spacing)
            if i:
                cursor.insertBlock(block, char)
                if items is not None:
                    items.add(cursor.block())
            else:
                cursor.setBlockFormat(block)
                cursor.setBlockCharFormat(char)
                items = cursor.createList(_LISTS[self.listed]) if self.listed else None
            for run in runs(paragraph):
                # A line separator breaks the line inside the paragraph: a bullet stays one item.
                style = styled(char, run)
                for i, piece in enumerate(_LATIN_QUOTE.split(run.text.replace("\n", "\u2028"))):
                    if piece:
                        cursor.insertText(piece, proportional(style) if i % 2 else style)
        return doc

    def _break(self, doc: QTextDocument, px: int, final: bool) -> float:
        """Ends each line too long for the box where breaks.py says; the height the new lines add (inf: too wide).

        `final` chooses the best breaks and sets them; else only the fewest lines are counted (as many).
        """
        width = self.rect.width() - (px * 1.5 if self.listed else 0)
        headline = not self.listed and len(self.paragraphs) == 1  # a title, quote, caption or label: balanced
        return break_lines(doc, width, headline, final)

    def _fits(self, px: int) -> bool:
        doc = self._document(px)
        added = self._break(doc, px, final=False)  # the best breaks take as many lines as the fewest
        # Half a pixel of slack: a box made as tall as `text_height()` measured must hold that text (the estimate
        # here, before the final breaks, can be a few hundredths of a pixel taller).
        return doc.size().height() + added <= self.rect.height() + 0.5

    def _fit(self, max_px: int, min_px: int) -> tuple[int, bool]:
        """Binary search on whole pixels: the largest size that fits."""
        if self._fits(max_px):  # most text fits at its largest size: one layout instead of a search
            return max_px, False
        low, high = min_px, max_px - 1
        if not self._fits(low):
            low, high = max(6, min_px // 3), min_px - 1
            while low < high:
                mid = (low + high + 1) // 2
                low, high = (mid, high) if self._fits(mid) else (low, mid - 1)
            return low, True
        while low < high:
            mid = (low + high + 1) // 2
            low, high = (mid, high) if self._fits(mid) else (low, mid - 1)
        return low, False

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        free = self.rect.height() - self.text_height()
        dy = {"top": 0, "center": free / 2, "bottom": free}[self.valign]
        painter.save()
        painter.translate(self.rect.left(), self.rect.top() + max(0.0, dy))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(context.palette.ColorRole.Text, self.color)
        self.document.documentLayout().draw(painter, context)
        painter.restore()


def break_lines(doc: QTextDocument, width: float, balance: bool, final: bool = True) -> float:
    """Ends each line of `doc` (laid out without wrapping) too long for `width` where breaks.py says; the height
    the new lines add (inf: a word or a quantity wider than `width`).

    `final` chooses the best breaks and sets them as line separators; else only the fewest lines are counted.
    `balance` evens out the lines of a one-line paragraph (a title, quote, caption or label).
    """
    cuts, added = [], 0.0
    block = doc.begin()
    doc.size()  # lays the document out
    while block.isValid():
        layout, text = block.layout(), block.text()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            if line.naturalTextWidth() <= width:
                continue
            start = line.textStart()
            piece = text[start : start + line.textLength()].rstrip("\u2028")
            left = line.cursorToX(start)[0]
            x = [line.cursorToX(start + i)[0] - left for i in range(len(piece) + 1)]
            if final:
                breaks = best(piece, x, width, balance=balance and layout.lineCount() == 1)
            else:
                breaks = greedy(x, piece, opportunities(piece), width)
            cuts += [(block.position() + start + i, piece[i - 1].isspace()) for i in breaks]
            added += len(breaks) * line.height() * LINE_HEIGHT / 100
            if any(
                span(x, piece, a, b) > width + 0.5 for a, b in zip([0, *breaks], [*breaks, len(piece)], strict=True)
            ):
                added = math.inf  # a word or a quantity wider than the box
        block = block.next()
    if final:
        cursor = QTextCursor(doc)
        for at, space in reversed(cuts):
            cursor.setPosition(at)
            if space:  # the space the line ends on becomes the break
                cursor.setPosition(at - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText("\u2028")
    return added


def styled(char: QTextCharFormat, run: Run) -> QTextCharFormat:
    """`char` with the run's emphasis; a bold run in bold text stays bold (Qt fakes italic for CJK fonts)."""
    if not (run.bold or run.italic):
        return char
    char = QTextCharFormat(char)
    if run.bold:
        char.setFontWeight(QFont.Weight.Bold)
    char.setFontItalic(run.italic)
    return char


def proportional(char: QTextCharFormat) -> QTextCharFormat:
    """`char` with proportional punctuation: a CJK font's quotes are as wide as a Chinese character, not a Latin one."""
    char = QTextCharFormat(char)
    char.setFontFeatures({QFont.Tag("pwid"): 1})
    return char


def quotes_for(font: QFont, text: str) -> QFont:
    """`font` for a one-run label: proportional quotes when `text` has no Chinese in it."""
    font = QFont(font)
    font.setFeature(QFont.Tag("pwid"), 0 if re.search(f"[{_CJK}]", text) else 1)
    return font


def to_html(text: str) -> str:
    """A Text's markup as HTML, for Qt's rich-text widgets: <b>, <i> and <br> around escaped words."""
    parts = []
    for run in runs(text):
        words = html.escape(run.text).replace("\n", "<br>")
        words = f"<i>{words}</i>" if run.italic else words
        parts.append(f"<b>{words}</b>" if run.bold else words)
    return "".join(parts)


def common_size(texts: list[str], rect: QRectF, family: str, max_px: int, min_px: int, bold: bool = False) -> int:
    """The largest size at which every one of `texts` fits a box like `rect` (so a row reads evenly)."""
    return min(TextBox(text, rect, family, "#000000", max_px, min_px, bold=bold).px for text in texts)
