"""The self-study windows in the deck's theme and font, sized from the window: a stylesheet and font sizes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from desktop.deck.model import Deck
from desktop.render.canvas import HEIGHT as SLIDE_HEIGHT
from desktop.render.fonts import deck_family, text_families
from desktop.render.theme import Theme, load_theme

# Sizes are designed for 1280×720 and grow with the window, so 4K reads as 720p does, only sharper.
DESIGN_WIDTH, DESIGN_HEIGHT = 1280, 720
BODY_PX = 20
MARGIN_PX = 20  # around the window's content, as the slides keep a margin
_BASE = "quizBasePx"  # a widget property: the pixel size its own font was made with, at design size


def deck_theme(deck: Deck) -> Theme:
    """The deck's theme, or the built-in light one when the deck's does not read."""
    return load_theme(deck.theme, deck.folder)[0] or load_theme("light")[0]


def mix(colour: str, over: str, amount: float) -> str:
    """`colour` laid over `over` at `amount` opacity, as #rrggbb."""
    a, b = QColor(colour), QColor(over)
    return QColor.fromRgbF(
        *(y + (x - y) * amount for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3], strict=True))
    ).name()


def window_scale(width: int, height: int) -> float:
    """How much larger than at design size the window's type is drawn."""
    return max(0.75, min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT))


def stylesheet(theme: Theme, families: list[str], scale: float) -> str:
    """Colours from the theme, the deck's font, padding and the sizes of type not set per widget, at `scale`."""

    def px(n: float) -> str:
        return f"{round(n * scale)}px"

    t = theme
    return f"""
QWidget {{ font-family: {", ".join(f'"{f}"' for f in families)}; font-size: {px(BODY_PX)}; }}
QMainWindow, QDialog, QScrollArea, QScrollArea > QWidget > QWidget {{ background: {t.background}; }}
QLabel {{ color: {t.text}; }}
#setAside {{ background: #fff4ce; color: #3d3000; padding: 8px 12px; }}
#unsavedBar, #unsavedBar * {{ background: #f8d7d5; color: #5c0f0a; }}
QPushButton {{
    background: {t.surface}; color: {t.text}; border: {px(2)} solid {t.grid}; border-radius: {px(8)};
    padding: {px(8)} {px(12)}; min-height: {px(36)}; font-size: {px(18)};
}}
QPushButton:focus, QPushButton:default {{ border-color: {t.after}; }}
QPushButton:hover {{ background: {mix(t.after, t.surface, 0.12)}; }}
QLineEdit, QComboBox, QListWidget {{
    background: {t.surface}; color: {t.text}; border: {px(2)} solid {t.grid}; border-radius: {px(6)};
    padding: {px(6)} {px(10)}; font-size: {px(22)};
}}
QComboBox {{ max-width: {px(320)}; font-size: {px(18)}; }}
QLineEdit:focus {{ border-color: {t.after}; }}
QListWidget::item {{ padding: {px(6)}; }}
QListWidget::item:selected {{ background: {mix(t.after, t.surface, 0.25)}; color: {t.text}; }}
"""


class QuizLook(QObject):
    """Dresses a window in the deck's look and keeps its type in proportion as it is resized; F11: full screen."""

    def __init__(self, theme: Theme, family: str, lang: str) -> None:
        super().__init__()
        self.theme, self.family, self.lang = theme, family, lang
        self.scale = 0.0
        self.sizes: set[int] = set()  # the type sizes the stylesheet scales
        self.window: QWidget | None = None

    @classmethod
    def for_deck(cls, deck: Deck, lang: str) -> QuizLook:
        return cls(deck_theme(deck), deck_family(deck)[0], lang)

    def dress(self, window: QWidget, later: tuple[int, ...] = ()) -> None:
        """Applies the look to `window` at every resize that changes the size of its type; `later`: the sizes of
        type in widgets the window makes afterwards, so that taking them in needs no new stylesheet."""
        self.window, self.sizes = window, set(later)
        self.setParent(window)
        window.installEventFilter(self)  # styled at its first resize, which Qt sends as it is first shown

    def toggle_full_screen(self) -> None:
        window = self.window
        window.showNormal() if window.isFullScreen() else window.showFullScreen()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window:
            return False
        # A key the focused widget leaves unused comes up to the window: no shortcut, which waits for activation.
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
            return True
        if event.type() == QEvent.Type.Resize:
            scale = window_scale(event.size().width(), event.size().height())
            if abs(scale - self.scale) > 0.04:  # a stylesheet polishes every widget again: not at each pixel
                self.rescale(scale)
        return False

    def take_in(self) -> None:
        """Sizes the type of widgets made since the window was dressed; a new stylesheet only for a size not in it."""
        if self.scale and not self._marked() <= self.sizes:
            self.rescale(self.scale)

    def _marked(self) -> set[int]:
        """Marks each widget whose font was sized on purpose with its size at design size; returns those sizes."""
        sizes = set()
        for widget in self.window.findChildren(QWidget):
            if widget.property(_BASE) is None and widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                widget.setProperty(_BASE, widget.font().pixelSize() if widget.font().pixelSize() > 0 else BODY_PX)
            if widget.property(_BASE) is not None:
                sizes.add(widget.property(_BASE))
        return sizes

    def px(self, size: int, scale: float) -> int:
        """Type of `size` at design size, drawn at `scale`: never under the theme's smallest (a projector's)."""
        return round(max(size * scale, self.theme.min_text * scale * DESIGN_HEIGHT / SLIDE_HEIGHT))

    def rescale(self, scale: float) -> None:
        """Type at `scale`: widgets whose font was sized on purpose keep their proportions, the rest are body."""
        self.scale = scale
        self.sizes |= self._marked()
        # In the stylesheet, not by setFont: under a stylesheet Qt stops handing a parent's font to its children.
        own = "".join(f'*[{_BASE}="{n}"] {{ font-size: {self.px(n, scale)}px; }}\n' for n in sorted(self.sizes))
        families = text_families(self.family, self.lang)
        self.window.setStyleSheet(stylesheet(self.theme, families, scale) + own)
        margin = round(MARGIN_PX * scale)
        self.window.setContentsMargins(margin, margin, margin, margin)
