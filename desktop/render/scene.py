"""A slide is a scene of 1920×1080 units: the window, thumbnails and exports are views of it."""

from __future__ import annotations

from functools import cache
from typing import Protocol

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from desktop.deck.figures import derivation, format_value, render, slide_figures
from desktop.deck.model import Deck, Figure, Slide, Text
from desktop.deck.sections import numbered, zh_numeral
from desktop.render.canvas import HEIGHT, MARGIN, WIDTH, Look
from desktop.render.kinds import BUILDERS
from desktop.render.text import TextBox
from desktop.words import tr


class Animated(Protocol):
    def set_state(self, step: int, t: float) -> None: ...


def slide_steps(slide: Slide) -> int:
    """Build steps: a chart opens on "before", animates to "after", then shows the change; a quiz asks, then tells."""
    return 3 if slide.chart else 2 if slide.kind == "quiz" else 1


def build_scene(deck: Deck, index: int, look: Look) -> SlideScene:
    """The scene of slide `index`. Only chart slides need pyqtgraph, so only they import it."""
    if deck.slides[index].chart:
        return _chart_scene()(deck, index, look)
    return PlainSlideScene(deck, index, look)


class SlideScene:
    """One slide, drawn once; `set_state(step, t)` moves its animated parts.

    The Qt scene class comes from the concrete class: QGraphicsScene for most slides, pyqtgraph's
    for charts (kinds/chart.py). A class that inherits two Qt scene classes breaks in PySide: an
    item's itemChange cannot hand such a scene back to Qt, so pyqtgraph's ViewBox and its bars
    would be drawn but never join the scene (and Qt warns "item's scene (0x0) is different").
    """

    def __init__(self, deck: Deck, index: int, look: Look) -> None:
        super().__init__()
        self.setSceneRect(0, 0, WIDTH, HEIGHT)
        self.deck, self.index, self.look = deck, index, look
        self.slide = deck.slides[index]
        self.figures = deck.figures
        self.steps = slide_steps(self.slide)
        self.parts: list[Animated] = []
        self.setBackgroundBrush(QColor(look.theme.background))
        if self.slide.kind != "title":
            self._header()
        BUILDERS[self.slide.kind](self)
        self._footer()
        self.state = (self.steps - 1, 1.0)
        self.set_state(*self.state)

    def text(self, text: Text | None) -> str:
        """A deck text in the current language, figures filled in."""
        return render(text, self.look.lang, self.figures) if text else ""

    def figure_text(self, figure: Figure) -> str:
        """A figure as a slide shows it on its own: a change carries its sign (+35%, −83%)."""
        return format_value(figure, self.look.lang, signed=figure.role == "change")

    def box(self, paragraphs, rect: QRectF, max_px: int, min_px: int, color: str | None = None, **kw) -> TextBox:
        item = TextBox(paragraphs, rect, self.look.family, color or self.look.theme.text, max_px, min_px, **kw)
        self.addItem(item)
        return item

    def rule(self, rect: QRectF, color: str) -> None:
        self.addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(QColor(color)))

    def set_state(self, step: int, t: float) -> None:
        self.state = (step, t)
        for part in self.parts:
            part.set_state(step, t)

    def _header(self) -> None:
        section = self.deck.section_of(self.slide.id)
        lang, theme = self.look.lang, self.look.theme
        label = self.text(section.title) if section else ""
        if section and section.number:
            label = f"{numbered(self.deck.section_word.get(lang), section.number, lang)} · {label}"
        self.box(label, QRectF(MARGIN, 44, WIDTH - 2 * MARGIN, 44), 28, 20, theme.muted)
        self.rule(QRectF(MARGIN, 96, 72, 6), theme.accent)
        self.box(self.text(self.slide.title), QRectF(MARGIN, 112, WIDTH - 2 * MARGIN, 136), 64, 36, bold=True)

    def _footer(self) -> None:
        """The slide number, the source line and the progress bar; `footer` keeps the texts (a handout prints them)."""
        theme = self.look.theme
        count = len(self.deck.slides)
        number_px, source_px = max(26, theme.min_text), max(22, theme.min_text)
        number = self.box(
            f"{self.index + 1} / {count}",
            QRectF(WIDTH - MARGIN - 200, 1040 - number_px * 2, 200, number_px * 2),
            number_px,
            18,
            theme.muted,
            align="right",
        )
        self.footer = [number]
        source = self.source_line()
        if source:
            height = max(64.0, source_px * 2.7)  # room for two lines: a long source line wraps, not shrinks
            where = QRectF(MARGIN, 1050 - height, WIDTH - 2 * MARGIN - 240, height)
            self.footer.append(self.box(source, where, source_px, 15, theme.muted, valign="center"))
        # The track is a tint, the bar the mark: the accent shows on both (desktop.deck.themes.PAIRS).
        self.rule(QRectF(0, HEIGHT - 8, WIDTH, 8), theme.surface)
        self.rule(QRectF(0, HEIGHT - 8, WIDTH * (self.index + 1) / count, 8), theme.accent)

    def source_line(self) -> str:
        """Where the figures on this slide come from, and the arithmetic of any derived one."""
        ids = slide_figures(self.slide, self.deck.tables)
        shown = [self.figures[i] for i in ids if i in self.figures]
        if not shown or self.deck.source is None:
            return ""
        lang = self.look.lang
        section = self.deck.section_of(self.slide.id)
        where = self.text(self.deck.source.title)
        if section and section.number:
            where += f" · {zh_numeral(section.number)}" if lang == "zh" else f", part {section.number}"
        derived = [derivation(f, self.figures, lang) for f in shown if f.derived]
        line = tr("slide-source", lang) + where
        between = "；" if lang == "zh" else "; "
        return line + ("  ·  " + tr("slide-derived", lang) + between.join(derived) if derived else "")

    def to_image(self, width: int = WIDTH, height: int = HEIGHT, form=QImage.Format.Format_RGB32) -> QImage:
        """The slide as it is now, drawn at `width`×`height` pixels (sharp, not scaled up), opaque: no alpha."""
        image = QImage(width, height, form)
        image.fill(QColor(self.look.theme.background))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.render(painter, QRectF(0, 0, width, height), self.sceneRect())
        painter.end()
        return image


class PlainSlideScene(SlideScene, QGraphicsScene):
    """A slide without a chart: a plain QGraphicsScene."""


@cache
def _chart_scene() -> type[SlideScene]:
    """The scene class of chart slides, made on first use: pyqtgraph, its base, costs half a second to import."""
    import pyqtgraph as pg

    class ChartSlideScene(SlideScene, pg.GraphicsScene):
        """A slide scene of pyqtgraph's own scene class: its bars and view boxes draw wrongly in any other."""

    return ChartSlideScene
