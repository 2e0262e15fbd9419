"""The choices of a question as tiles like the quick-check slides: key, letter, text, and after an answer a mark."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QAbstractButton, QGridLayout, QWidget

from desktop.render.theme import Theme
from desktop.ui.quiz_style import mix

LETTERS = "ABCD"
RIGHT, WRONG = "✓", "✗"  # a mark as well as a colour: right and wrong read without telling colours apart
_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft


class Tile(QAbstractButton):
    """One choice: its key and letter in the theme's muted colour, its text wrapped, a mark at its right."""

    def __init__(self, index: int, theme: Theme, numbered: bool = True) -> None:
        super().__init__()
        self.index, self.theme, self.mark = index, theme, ""
        self.key = f"{index + 1}  {LETTERS[index]}" if numbered else LETTERS[index]  # the projector has no keys 1-4
        self._fit: tuple[tuple, int] = ((), 0)  # (width, text, type size) and the height it needs
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the window
        font = QFont(self.font())
        font.setPixelSize(24)
        self.setFont(font)

    def set_mark(self, mark: str) -> None:
        self.mark = mark
        self.setAccessibleName(f"{self.text()} {mark}".strip())
        self.update()

    def _pad(self) -> float:
        return self.font().pixelSize() * 0.7

    def _key_width(self) -> float:
        return QFontMetrics(self.font()).horizontalAdvance(self.key[:-1] + "D ") + self._pad()

    def _text_rect(self, width: float, height: float) -> QRectF:
        pad, key = self._pad(), self._key_width()
        return QRectF(pad + key, pad, width - 2 * pad - key - 1.6 * self.font().pixelSize(), height - 2 * pad)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Asked many times a layout pass with the same width and text; wrapping the text each time made the
        # next question slow to lay out.
        key = (width, self.text(), self.font().key())
        if self._fit[0] != key:
            rect = self._text_rect(width, 10_000)
            metrics = QFontMetrics(self.font())
            used = metrics.boundingRect(rect.toRect(), _FLAGS, self.text()).height()
            self._fit = (key, round(max(used, 2 * metrics.height()) + 2 * self._pad()))
        return self._fit[1]

    def sizeHint(self) -> QSize:
        return QSize(400, self.heightForWidth(400))

    def paintEvent(self, event) -> None:
        t, size = self.theme, self.font().pixelSize()
        fill, edge, ink = t.surface, t.grid, t.text
        if self.mark == RIGHT:
            fill, edge = mix(t.positive, t.background, 0.18), t.positive
        elif self.mark == WRONG:
            fill, edge = mix(t.negative, t.background, 0.18), t.negative
        elif self.isChecked():
            fill, edge = mix(t.after, t.surface, 0.15), t.after
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = max(2.0, size / 8 if (self.mark or self.isChecked()) else size / 14)
        painter.setPen(QPen(QColor(edge), line))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(line, line, -line, -line), size / 3, size / 3)
        pad = self._pad()
        painter.setPen(QColor(t.muted))
        key = QRectF(pad, pad, self._key_width(), self.height() - 2 * pad)
        painter.drawText(key, Qt.AlignmentFlag.AlignVCenter, self.key)
        painter.setPen(QColor(ink))
        painter.drawText(self._text_rect(self.width(), self.height()), _FLAGS, self.text())
        if self.mark:
            bold = QFont(self.font())
            bold.setBold(True)
            bold.setPixelSize(round(size * 1.3))
            painter.setFont(bold)
            painter.setPen(QColor(t.positive if self.mark == RIGHT else t.negative))
            mark = QRectF(self.width() - pad - 1.6 * size, 0, 1.6 * size, self.height())
            painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, self.mark)
        painter.end()


class ChoiceTiles(QWidget):
    """Up to four tiles, two a row; `buttons` are the tiles, for code that checks or clicks them."""

    def __init__(self, theme: Theme, numbered: bool = True) -> None:
        super().__init__()
        self.buttons = [Tile(i, theme, numbered) for i in range(len(LETTERS))]
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, tile in enumerate(self.buttons):
            grid.addWidget(tile, i // 2, i % 2)

    def show_choices(self, texts: list[str]) -> None:
        """The question's choices, none chosen or marked; tiles beyond them hidden, and all of them for none."""
        if any(tile.isHidden() == (i < len(texts)) for i, tile in enumerate(self.buttons)):
            self.hide()  # tiles shown one by one in a visible window would each lay the page out again
        for i, tile in enumerate(self.buttons):
            tile.setVisible(i < len(texts))
            tile.setChecked(False)
            tile.setText(texts[i] if i < len(texts) else "")
            tile.set_mark("")
        self.setVisible(bool(texts))

    def mark(self, answer: int | None, chosen: int | None) -> None:
        """✓ on the right choice, ✗ on a wrong one chosen (`answer` None: a typed answer, no tile is right)."""
        for i, tile in enumerate(self.buttons):
            tile.set_mark(RIGHT if i == answer else WRONG if i == chosen else "")
