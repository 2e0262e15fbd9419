"""A big-number slide: one to four figures that count up as the slide appears."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from desktop.deck.figures import format_period
from desktop.deck.model import Figure
from desktop.render.canvas import BODY
from desktop.render.motion import ease
from desktop.render.text import TextBox, common_size

if TYPE_CHECKING:
    from desktop.render.scene import SlideScene

GAP = 48


class CountUp:
    """A figure's value label that counts from zero to the figure as t goes 0 → 1 (step 0 only)."""

    def __init__(self, box: TextBox, figure: Figure, scene: SlideScene) -> None:
        self.box, self.figure, self.scene = box, figure, scene

    def text_at(self, t: float) -> str:
        figure = self.figure
        if isinstance(figure.value, tuple) or figure.qualifier == "rank" or t >= 1:
            return self.scene.figure_text(figure)
        decimals = len(f"{abs(figure.value):g}".partition(".")[2])
        value = round(figure.value * ease(t), decimals)
        return self.scene.figure_text(figure.replace(value=value))

    def set_state(self, step: int, t: float) -> None:
        self.box.set_text(self.text_at(t if step == 0 else 1.0))


def build_big_number(scene: SlideScene) -> None:
    theme = scene.look.theme
    figures = [scene.figures[i] for i in scene.slide.figures]
    caption_h = 90 if scene.slide.caption else 0
    width = (BODY.width() - GAP * (len(figures) - 1)) / len(figures)
    value_h = 230 if len(figures) <= 2 else 180
    top = BODY.top() + 40
    finals = [scene.figure_text(f) for f in figures]
    px = common_size(finals, QRectF(0, 0, width, value_h), scene.look.family, 170, 48, bold=True)
    label_top = top + value_h + 40
    label_h = BODY.bottom() - caption_h - label_top - 60
    for i, figure in enumerate(figures):
        x = BODY.left() + i * (width + GAP)
        color = theme.benchmark if figure.role == "benchmark" else theme.after
        value = scene.box(finals[i], QRectF(x, top, width, value_h), px, px, color, bold=True, align="center")
        scene.parts.append(CountUp(value, figure, scene))
        scene.rule(QRectF(x + width / 2 - 40, top + value_h + 16, 80, 5), theme.grid)
        label = scene.box(
            scene.text(figure.measures), QRectF(x, label_top, width, label_h), 38, 22, align="center"
        ).hug()
        if figure.period:
            period = QRectF(x, label_top + label.text_height() + 8, width, 50)
            scene.box(format_period(figure.period, scene.look.lang), period, 30, 20, theme.muted, align="center")
    if scene.slide.caption:
        caption = QRectF(BODY.left(), BODY.bottom() - caption_h, BODY.width(), caption_h)
        scene.box(scene.text(scene.slide.caption), caption, 30, 18, theme.muted, align="center", valign="bottom")
