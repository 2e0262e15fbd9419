"""A section's mastery on the start screen: a bar drawn in the deck's theme with its percentage on it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from desktop.render.theme import Theme
from desktop.ui.quiz_style import mix

TYPE_PX = 15  # at design size; the window's look scales it


class MasteryBar(QWidget):
    """Drawn, not a styled QProgressBar: eight of those took a tenth of the quiz window's first paint."""

    def __init__(self, theme: Theme, share: float, text: str) -> None:
        super().__init__()
        self.theme, self.share, self._text = theme, share, text
        font = QFont(self.font())
        font.setPixelSize(TYPE_PX)
        self.setFont(font)
        self.setAccessibleName(text)

    def text(self) -> str:
        return self._text

    def sizeHint(self) -> QSize:
        return QSize(200, round(QFontMetrics(self.font()).height() * 1.4))

    def paintEvent(self, event) -> None:
        t = self.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = self.height() / 6
        painter.setPen(QPen(QColor(t.grid), 1))
        painter.setBrush(QColor(t.surface))
        painter.drawRoundedRect(box, radius, radius)
        if self.share > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(mix(t.positive, t.surface, 0.55)))
            chunk = QRectF(box.left() + 1, box.top() + 1, (box.width() - 2) * self.share, box.height() - 2)
            painter.drawRoundedRect(chunk, radius, radius)
        painter.setPen(QColor(t.text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()
