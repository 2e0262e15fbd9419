"""What lies over the slide: blank screens, the key help, the go-to list, the slide-number badge."""

from __future__ import annotations

from itertools import zip_longest

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.ui.keys import BINDINGS, Binding, in_use
from desktop.words import tr


class Cover(QWidget):
    """A plain black or white screen over everything (B and W)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.colour = QColor("black")
        self.hide()

    def cover(self, colour: str) -> None:
        if colour:
            self.colour = QColor(colour)
            self.setGeometry(self.parentWidget().rect())
            self.show()
            self.raise_()
            self.update()
        else:
            self.hide()

    def paintEvent(self, event) -> None:
        QPainter(self).fillRect(self.rect(), self.colour)


class Panel(QFrame):
    """A centred, rounded, opaque dark panel; its size follows the window so it reads on a projector."""

    def __init__(self, parent: QWidget, share: tuple[float, float]) -> None:
        super().__init__(parent)
        self.share = share
        self.setStyleSheet(
            "Panel { background: #14181e; border-radius: 18px; }"  # opaque: the slide never shows through the keys
            "QLabel { color: #f2f2f2; } QListWidget { background: transparent; color: #f2f2f2; border: none; }"
            "QListWidget::item:selected { background: #c8102e; color: white; }"
        )
        self.hide()

    def place(self, size: QSize | None = None) -> None:
        """Centred in the window: `size`, or its share of the window."""
        outer = self.parentWidget().rect()
        size = size or QSize(int(outer.width() * self.share[0]), int(outer.height() * self.share[1]))
        width, height = size.width(), size.height()
        self.setGeometry((outer.width() - width) // 2, (outer.height() - height) // 2, width, height)

    def font_px(self) -> int:
        return max(14, self.parentWidget().height() // 40)


class HelpOverlay(Panel):
    """Every key of a key table (presenting, or the console's) that the deck uses, in the current language."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, (0.9, 0.86))
        self.label = QLabel(textFormat=Qt.TextFormat.RichText)
        QVBoxLayout(self).addWidget(self.label)
        self.layout().setContentsMargins(28, 20, 28, 28)

    def open(self, lang: str, languages: tuple[str, ...], bindings: tuple[Binding, ...] = BINDINGS) -> None:
        keys = [
            f"<td style='padding:3px 20px 3px 0; color:#ffb3b3'><b>{b.shown}</b></td>"
            f"<td style='padding:3px 28px 3px 0'>{b.zh if lang == 'zh' else b.en}</td>"
            for b in in_use(bindings, languages)
        ]
        half = (len(keys) + 1) // 2  # two columns: every key fits a 16:9 screen in type read from the back row
        rows = "".join(f"<tr>{left}{right}</tr>" for left, right in zip_longest(keys[:half], keys[half:], fillvalue=""))
        self.place()
        self.label.setText(
            f"<h2>{tr('help-title', lang)}</h2><table>{rows}</table>"
            f"<p style='color:#aaaaaa'>{tr('help-close', lang)}</p>"
        )
        room = self.contentsRect().marginsRemoved(self.layout().contentsMargins()).size()
        font = QFont(self.font())
        for px in range(self.font_px(), 9, -1):  # the largest type at which every key fits: none cut off
            font.setPixelSize(px)
            self.label.setFont(font)
            if self.label.sizeHint().boundedTo(room) == self.label.sizeHint():
                break
        self.place(self.label.sizeHint().grownBy(self.layout().contentsMargins()))  # no empty dark around the keys
        self.show()
        self.raise_()


class ChoiceList(QListWidget):
    """A list where Enter or a click chooses a row, and the Enter goes no further."""

    sigChosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.itemClicked.connect(lambda item: self.sigChosen.emit(self.row(item)))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.sigChosen.emit(self.currentRow())
        else:
            super().keyPressEvent(event)


class GoToList(Panel):
    """The slides by number and title; Enter or a click goes there."""

    sigChosen = Signal(int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, (0.6, 0.84))
        self.title = QLabel()
        self.list = ChoiceList()
        self.list.sigChosen.connect(self.sigChosen)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.list)

    def open(self, titles: list[str], current: int, lang: str) -> None:
        self.place()
        font = QFont(self.font())
        font.setPixelSize(self.font_px())
        self.list.setFont(font)
        self.title.setFont(font)
        self.title.setText(f"<b>{tr('go-to', lang)}</b>")
        self.list.clear()
        self.list.addItems([f"{i + 1:>2}   {title}" for i, title in enumerate(titles)])
        self.list.setCurrentRow(current)
        self.show()
        self.raise_()
        self.list.setFocus()


class Badge(QLabel):
    """A small notice in a corner: the slide number being typed, or 'Reloaded'."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setStyleSheet("background: rgba(20, 24, 30, 220); color: white; border-radius: 10px; padding: 10px 18px;")
        self.hide()

    def say(self, text: str) -> None:
        if not text:
            self.hide()
            return
        font = QFont(self.font())
        font.setPixelSize(max(14, self.parentWidget().height() // 30))
        self.setFont(font)
        self.setText(text)
        self.adjustSize()
        outer = self.parentWidget().rect()
        self.move(outer.width() - self.width() - 24, outer.height() - self.height() - 24)
        self.show()
        self.raise_()
