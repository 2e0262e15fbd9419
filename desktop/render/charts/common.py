"""What every chart shares: its style, the words on its labels, and the base item."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen, QTextOption
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsSimpleTextItem, QGraphicsTextItem

from desktop.deck.figures import format_period, format_value, half_up, number
from desktop.deck.model import EMPTY_TEXT, Figure
from desktop.deck.themes import contrast
from desktop.render.text import break_lines, quotes_for
from desktop.render.theme import Theme
from desktop.words import tr

# Font sizes in slide pixels at scale 1.0, read from the back of a lecture hall.
VALUE_PX = 40
CHANGE_PX = 44
LABEL_PX = 30
NAME_PX = 28

DERIVED = {"zh": "（推算）", "en": " (derived)"}


@dataclass(frozen=True)
class ChartStyle:
    """How a chart looks: colours, language of its labels, font family, and size relative to a 1920×1080 slide."""

    theme: Theme
    lang: str
    family: str
    scale: float = 1.0

    def px(self, size: float) -> float:
        return size * self.scale

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPixelSize(max(1, round(size * self.scale)))
        font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        return font


def magnitude(figure: Figure) -> float:
    """The number a bar draws: a range is drawn at its middle."""
    if isinstance(figure.value, tuple):
        return (figure.value[0] + figure.value[1]) / 2
    return float(figure.value)


def _places(figure: Figure) -> list[int]:
    values = figure.value if isinstance(figure.value, tuple) else (figure.value,)
    return [len(number(value).partition(".")[2]) for value in values]


def decimals(*figures: Figure) -> int:
    """Decimal places to show while a number moves between these figures (the most precise one's)."""
    return max((p for figure in figures for p in _places(figure)), default=0)


def period_names(befores: Sequence[Figure], afters: Sequence[Figure], lang: str) -> tuple[str, str]:
    """What names the before and after bars: the period the article gives each ('2019', 'Q3 2021'), else the
    words earlier/later; never a year the article does not give, and never one period for both."""
    before = {f.period for f in befores}
    after = {f.period for f in afters}
    known = [len(ps) == 1 and None not in ps for ps in (before, after)]
    if before == after:
        known = [False, False]
    return (
        format_period(next(iter(before)), lang) if known[0] else tr("slide-earlier", lang),
        format_period(next(iter(after)), lang) if known[1] else tr("slide-later", lang),
    )


def value_parts(figure: Figure, lang: str, value: float | None = None, places: int = 0) -> tuple[str, str]:
    """A bar's label as (number, note): the figure as stated, or `value` (mid-animation) in its unit and
    qualifier; the note says when the figure is derived rather than stated."""
    if value is not None and not isinstance(figure.value, tuple) and figure.qualifier != "rank":
        figure = figure.replace(value=half_up(value, places))
    note = DERIVED.get(lang, DERIVED["en"]) if figure.derived is not None else ""
    return format_value(figure, lang), note


def value_text(figure: Figure, lang: str, value: float | None = None, places: int = 0) -> str:
    """'25%（推算）', '25% (derived)', 'more than 25%': a bar's label as one string."""
    return "".join(value_parts(figure, lang, value, places))


def change_figure(before: Figure, after: Figure) -> Figure:
    """after − before as a figure, to the least precise one's decimals: a difference of percentages is in pp."""
    qualifier = "exact" if before.qualifier == after.qualifier == "exact" else "about"
    places = min(p for figure in (before, after) for p in _places(figure))
    return Figure(
        id=f"{after.id}-minus-{before.id}",
        value=half_up(magnitude(after) - magnitude(before), places),
        unit="pp" if after.unit == "%" else after.unit,
        period=None,
        measures=EMPTY_TEXT,
        role="change",
        qualifier=qualifier,
        source=None,
    )


def change_text(before: Figure, after: Figure, lang: str) -> str:
    """'+26 pp', '−32个百分点', '+8条': the change from `before` to `after`, signed."""
    if "rank" in (before.qualifier, after.qualifier):
        return ""
    return format_value(change_figure(before, after), lang, signed=True)


def change_colour(theme: Theme, before: Figure, after: Figure) -> str:
    """A change label's colour by its direction, which its printed sign also says (so colour is never alone)."""
    if not change_text(before, after, "en"):
        return theme.muted
    change = change_figure(before, after).value
    return theme.positive if change > 0 else theme.negative if change < 0 else theme.muted


def colour(hex_colour: str, alpha: float = 1.0) -> QColor:
    c = QColor(hex_colour)
    c.setAlphaF(alpha)
    return c


def contrast_text(theme: Theme, fill: str) -> str:
    """The theme's text or background colour, whichever has the higher WCAG contrast on `fill`."""
    return max((theme.text, theme.background), key=lambda c: contrast(c, fill))


class Label:
    """A text placed by an anchor, like pg.TextItem's ((0.5, 1) puts its bottom centre on the point).

    Plain Qt text items: they paint in C++, scale with the scene, and keep no connection to the scene that
    could outlive it (a rendered pg.TextItem does, and crashes the garbage collector when its scene goes).
    Given a `width`, the text wraps and is centred within it. A `note` ('（推算）') follows the text in a
    smaller, muted font, on the same baseline.
    """

    def __init__(
        self,
        parent,
        font: QFont,
        hex_colour: str,
        anchor: tuple[float, float],
        width: float | None = None,
        note: tuple[QFont, str] | None = None,
    ):
        self.anchor = anchor
        self.item: QGraphicsSimpleTextItem | QGraphicsTextItem
        if width is None:
            self.item = QGraphicsSimpleTextItem(parent)
            self.item.setBrush(colour(hex_colour))
        else:
            self.item = QGraphicsTextItem(parent)
            self.item.document().setDocumentMargin(0)
            option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
            option.setWrapMode(QTextOption.WrapMode.NoWrap)  # lines are broken by render.text.break_lines
            self.item.document().setDefaultTextOption(option)
            self.item.setDefaultTextColor(colour(hex_colour))
            self.item.setTextWidth(width)
        self.item.setFont(font)
        self.item.setZValue(10)
        self._note: QGraphicsSimpleTextItem | None = None
        self._rise = 0.0
        if note is not None:
            self._note = QGraphicsSimpleTextItem(self.item)
            self._note.setFont(note[0])
            self._note.setBrush(colour(note[1]))
            self._rise = QFontMetricsF(font).ascent() - QFontMetricsF(note[0]).ascent()
        self._text = self._note_text = ""
        self._at = (0.0, 0.0)

    def text(self) -> str:
        return self._text + self._note_text

    def set_text(self, text: str, note: str = "") -> None:
        if text == self._text and note == self._note_text:
            return
        self._text, self._note_text = text, note
        self.item.setFont(quotes_for(self.item.font(), text))
        if isinstance(self.item, QGraphicsSimpleTextItem):
            self.item.setText(text)
        else:
            self._set_plain(text)
        if self._note is not None:
            self._note.setText(note)
            self._note.setPos(self.item.boundingRect().width(), self._rise)
        self.place(*self._at)

    def set_width(self, width: float) -> None:
        if isinstance(self.item, QGraphicsTextItem):
            self.item.setTextWidth(width)
            self._set_plain(self._text)
            self.place(*self._at)

    def _set_plain(self, text: str) -> None:
        """A wrapped label's text, its lines broken by the slides' rules: Qt's own wrapping tears '（推算）'."""
        self.item.setPlainText(text)
        break_lines(self.item.document(), self.item.textWidth(), balance=True)

    def size(self) -> tuple[float, float]:
        rect = self.item.boundingRect()
        note = self._note.boundingRect().width() if self._note is not None and self._note_text else 0.0
        return rect.width() + note, rect.height()

    def place(self, x: float, y: float) -> None:
        self._at = (x, y)
        width, height = self.size()
        self.item.setPos(x - self.anchor[0] * width, y - self.anchor[1] * height)

    def show(self, visible: bool, opacity: float = 1.0) -> None:
        self.item.setVisible(visible and opacity > 0)
        self.item.setOpacity(opacity)

    def shown(self) -> bool:
        return self.item.isVisible() and self.item.opacity() > 0 and bool(self._text)


class Chart(pg.GraphicsWidget):
    """A chart item, in its own pixels (y down): bars in a ViewBox whose range is those pixels, labels over them.

    Subclasses lay their items out in `_layout(width, height)` and draw a state in `_apply(step, t)`; both
    only move and re-label existing items, so a frame is cheap.
    """

    steps = 3

    def __init__(self, style: ChartStyle) -> None:
        super().__init__()
        self.style = style
        self.setFlag(self.GraphicsItemFlag.ItemHasNoContents)
        self.view = pg.ViewBox(parent=self, enableMouse=False, enableMenu=False, defaultPadding=0, invertY=True)
        self.view.setMouseEnabled(False, False)
        self.view.disableAutoRange()
        self._state = (self.steps - 1, 1.0)
        self._values: list[float] = []
        self._size = (0.0, 0.0)
        self._labels: dict[str, list[Label]] = {}

    # -- public ---------------------------------------------------------------------------------------------
    def set_state(self, step: int, t: float) -> None:
        """Draws the transition into `step` at raw progress `t`; (step, 1.0) is that step's final look."""
        self._state = (min(self.steps - 1, max(0, int(step))), min(1.0, max(0.0, float(t))))
        if self._size[0] > 0 and self._size[1] > 0:
            self._apply(*self._state)
        else:
            self._values = self._compute(*self._state)

    def state(self) -> tuple[int, float]:
        return self._state

    def values(self) -> list[float]:
        """The bar heights or segment sizes drawn now, in figure units (order documented per kind)."""
        return list(self._values)

    def texts(self, group: str | None = None) -> list[str]:
        """The visible labels' words, of one group ('value', 'name', 'category', 'change', ...) or all."""
        groups = [group] if group else list(self._labels)
        return [label.text() for g in groups for label in self._labels.get(g, []) if label.shown()]

    # -- Qt ---------------------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        width, height = self.size().width(), self.size().height()
        self._size = (width, height)
        self.view.setGeometry(QRectF(0, 0, width, height))
        self.view.setRange(xRange=(0, width), yRange=(0, height), padding=0)
        self.view.updateMatrix()  # now, not at the next paint: export may render straight away
        if width > 0 and height > 0:
            self._layout(width, height)
            self._apply(*self._state)

    # -- for subclasses ---------------------------------------------------------------------------------------
    def _compute(self, step: int, t: float) -> list[float]:
        raise NotImplementedError

    def _layout(self, width: float, height: float) -> None:
        raise NotImplementedError

    def _apply(self, step: int, t: float) -> None:
        raise NotImplementedError

    def _label(
        self,
        group: str,
        size: float,
        hex_colour: str,
        anchor: tuple[float, float],
        bold: bool = False,
        width: float | None = None,
        note: bool = False,
    ) -> Label:
        note_style = (self.style.font(NAME_PX), self.style.theme.muted) if note else None
        label = Label(self, self.style.font(size, bold), hex_colour, anchor, width, note_style)
        self._labels.setdefault(group, []).append(label)
        return label

    def _line(self, hex_colour: str, width: float, alpha: float = 1.0, dashed: bool = False) -> QGraphicsLineItem:
        pen = QPen(colour(hex_colour, alpha))
        pen.setWidthF(self.style.px(width))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if dashed:
            pen.setDashPattern([4, 3])
        item = QGraphicsLineItem(self)
        item.setPen(pen)
        item.setZValue(5)
        return item

    def _bars(self, brush=None, pen=None, brushes=None) -> pg.BarGraphItem:
        item = pg.BarGraphItem(x0=[], y0=0, width=[], height=[], brush=brush, pen=pen, brushes=brushes)
        self.view.addItem(item, ignoreBounds=True)
        return item

    def _stage_baseline(self, height: float) -> float:
        """Where bars stand: one height above the chart's foot on every chart slide, so advancing from one
        chart to the next never moves the stage; below it, room for two lines of bar names and a category."""
        line = self._metrics(LABEL_PX).height()
        return height - (self.style.px(14) + 2 * line + self.style.px(8) + line)

    def _metrics(self, size: float, bold: bool = False) -> QFontMetricsF:
        return QFontMetricsF(self.style.font(size, bold))
