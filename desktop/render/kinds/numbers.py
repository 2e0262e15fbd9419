"""A big-number slide: one to four figures that count up as the slide appears, in columns on the body's grid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from desktop.deck.figures import format_period, format_value
from desktop.deck.model import Figure
from desktop.deck.units import MAGNITUDES, form
from desktop.render.canvas import BODY
from desktop.render.motion import ease
from desktop.render.text import TextBox, common_size

if TYPE_CHECKING:
    from desktop.render.scene import SlideScene

GAP = 64
NUMBER_PX = {1: 260, 2: 210, 3: 160, 4: 124}  # the most a number takes; its column's width limits it first
MIN_NUMBER_PX = 96  # half as large again as the largest title (64 px): the numbers are what the slide says
LABEL_PX, PERIOD_PX, CAPTION_PX = 40, 30, 30
RULE = 6  # the short bar between a number and what it measures


def number_text(figure: Figure, lang: str) -> str:
    """A figure as a big number, on one line: in English "more than" becomes a "+" ('120+ min', '¥20 bn+', '40%+')."""
    text = format_value(figure, lang, signed=figure.role == "change")
    if lang != "zh" and figure.qualifier == "more-than" and not isinstance(figure.value, tuple) and figure.value > 0:
        plain = format_value(figure, lang, qualifier=False)
        unit = form(figure.unit, lang)[0].partition("{}")[2]
        # A unit word follows its "+" ('120+ min'); a sign or a magnitude precedes it ('40%+', '¥20 bn+').
        after_number = unit.startswith(" ") and unit.strip() not in MAGNITUDES
        text = plain[: len(plain) - len(unit)] + "+" + unit if after_number else plain + "+"
    return text.replace(" ", "\u00a0")  # the number and its unit are one thing: never two lines


class CountUp:
    """A figure's value label that counts from zero to the figure as t goes 0 → 1 (step 0 only)."""

    def __init__(self, box: TextBox, figure: Figure, scene: SlideScene) -> None:
        self.box, self.figure, self.lang = box, figure, scene.look.lang

    def text_at(self, t: float) -> str:
        figure = self.figure
        if isinstance(figure.value, tuple) or figure.qualifier == "rank" or t >= 1:
            return number_text(figure, self.lang)
        decimals = len(f"{abs(figure.value):g}".partition(".")[2])
        value = round(figure.value * ease(t), decimals)
        return number_text(figure.replace(value=value), self.lang)

    def set_state(self, step: int, t: float) -> None:
        self.box.set_text(self.text_at(t if step == 0 else 1.0))


def label_text(scene: SlideScene, figure: Figure) -> str:
    """What the figure measures, as a heading of its column: 'Open rate…', not 'open rate…'."""
    text = scene.text(figure.measures)
    return text[:1].upper() + text[1:]


def build_big_number(scene: SlideScene) -> None:
    look, slide = scene.look, scene.slide
    theme, family = look.theme, look.family
    figures = [scene.figures[i] for i in slide.figures]
    count = len(figures)
    width = (BODY.width() - GAP * (count - 1)) / count
    area = BODY.adjusted(0, 0, 0, -(CAPTION_PX * 3 if slide.caption else 0))
    numbers = [number_text(f, look.lang) for f in figures]
    px = common_size(
        numbers, QRectF(0, 0, width, NUMBER_PX[count] * 1.3), family, NUMBER_PX[count], MIN_NUMBER_PX, True
    )
    labels = [label_text(scene, f) for f in figures]
    label_px = common_size(labels, QRectF(0, 0, width, area.height() / 2), family, LABEL_PX, 24)
    number_h = TextBox(numbers[0], QRectF(0, 0, width, area.height()), family, theme.text, px, px, bold=True)
    label_h = max(
        TextBox(t, QRectF(0, 0, width, area.height()), family, theme.text, label_px, label_px).text_height()
        for t in labels
    )
    period_h = PERIOD_PX * 1.4 if any(f.period for f in figures) else 0
    rule_top = number_h.text_height() + 20
    label_top = rule_top + RULE + 28
    block = label_top + label_h + (12 + period_h if period_h else 0)
    top = area.top() + max(0.0, (area.height() - block) * 0.4)  # a little above the middle, where the eye lands
    for i, figure in enumerate(figures):
        x = BODY.left() + i * (width + GAP)
        color = theme.benchmark if figure.role == "benchmark" else theme.after
        value = scene.box(numbers[i], QRectF(x, top, width, rule_top), px, px, color, bold=True)
        scene.parts.append(CountUp(value, figure, scene))
        scene.rule(QRectF(x, top + rule_top, 96, RULE), theme.grid)
        scene.box(labels[i], QRectF(x, top + label_top, width, label_h), label_px, label_px)
        if figure.period:
            period = QRectF(x, top + label_top + label_h + 12, width, period_h)
            scene.box(format_period(figure.period, look.lang), period, PERIOD_PX, 20, theme.muted)
    if slide.caption:
        caption = QRectF(BODY.left(), BODY.bottom() - CAPTION_PX * 2.4, BODY.width(), CAPTION_PX * 2.4)
        scene.box(scene.text(slide.caption), caption, CAPTION_PX, 20, theme.muted, valign="bottom")
