"""The join card on the projector: a QR code, the address and the PIN, large enough to read from the back row."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from desktop.render.fonts import text_families
from desktop.render.theme import Theme
from desktop.ui.class_room import ClassRoom
from desktop.words import tr

QUIET = 4  # modules of white around a QR code, as the standard asks, or phones fail to read it


def qr_modules(text: str) -> list[list[bool]]:
    """The dark modules of `text`'s QR code, row by row (medium error correction: a projector blurs)."""
    import segno

    return [[bool(cell) for cell in row] for row in segno.make(text, error="m", micro=False).matrix]


def draw_qr(painter: QPainter, modules: list[list[bool]], rect: QRectF) -> None:
    """Black on white whatever the theme (readers want dark on light), with its quiet zone, in a square of `rect`."""
    side = min(rect.width(), rect.height())
    cells = len(modules) + 2 * QUIET
    cell = side / cells
    left, top = rect.center().x() - side / 2, rect.center().y() - side / 2
    painter.fillRect(QRectF(left, top, side, side), QColor("white"))
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    QRectF(left + (x + QUIET) * cell, top + (y + QUIET) * cell, cell, cell), QColor("black")
                )


class JoinCard(QWidget):
    """Over the slide while it is up; J shows it again for latecomers, any other key puts it away."""

    def __init__(self, parent: QWidget, room: ClassRoom) -> None:
        super().__init__(parent)
        self.room = room
        self.theme: Theme | None = None
        self.family, self.lang = "", ""
        self._modules: tuple[str, list[list[bool]]] = ("", [])
        room.sigCounted.connect(self.update)  # the count of phones joined
        parent.installEventFilter(self)
        self.hide()

    def open(self, theme: Theme, family: str, lang: str) -> None:
        self.theme, self.family, self.lang = theme, family, lang
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, event) -> None:
        if self.theme is None or not self.room.phones:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint(painter, QRectF(self.rect()), self.theme, self.family, self.lang)
        painter.end()

    def paint(self, painter: QPainter, rect: QRectF, theme: Theme, family: str, lang: str) -> None:
        room = self.room
        address = room.address()
        if self._modules[0] != address:
            self._modules = (address, qr_modules(address))
        painter.fillRect(rect, QColor(theme.background))
        h = rect.height()
        margin = h * 0.06
        side = min(h - 2 * margin, rect.width() * 0.45)
        draw_qr(painter, self._modules[1], QRectF(rect.left() + margin, rect.top() + (h - side) / 2, side, side))
        text = QRectF(
            rect.left() + 2 * margin + side, rect.top() + margin, rect.width() - 3 * margin - side, h - 2 * margin
        )
        lines = (
            (tr("class-join", lang), h / 26, theme.muted, False),
            (address, h / 16, theme.text, True),
            (f"PIN {room.server.pin}", h / 7, theme.accent, True),
            (tr("class-joined", lang, n=room.tally.joined if room.tally else 0), h / 20, theme.text, False),
        )
        y = text.top()
        for words, px, colour, bold in lines:
            font = QFont()
            font.setFamilies(text_families(family, lang))
            font.setPixelSize(round(px))
            font.setBold(bold)
            painter.setFont(font)
            painter.setPen(QColor(colour))
            box = QRectF(text.left(), y, text.width(), h)
            flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            used = painter.boundingRect(box, flags, words)
            painter.drawText(box, flags, words)
            y += used.height() + h * 0.035
