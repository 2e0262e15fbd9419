"""A timeline slide: dated events along a line, revealed left to right as the slide appears."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsItemGroup

from desktop.deck.figures import format_period
from desktop.render.canvas import BODY
from desktop.render.motion import reveal
from desktop.render.text import TextBox

if TYPE_CHECKING:
    from desktop.render.scene import SlideScene

DOT = 30


class Reveal:
    """Shows the groups one after another over step 0's t."""

    def __init__(self, groups: list[QGraphicsItem]) -> None:
        self.groups = groups

    def set_state(self, step: int, t: float) -> None:
        for i, group in enumerate(self.groups):
            group.setOpacity(reveal(t if step == 0 else 1.0, i, len(self.groups)))


class Sizes(NamedTuple):
    """Type sizes of a timeline's rows: few events get large type, many share the width."""

    period: int
    value: int
    label: int


FEW = Sizes(80, 150, 48)  # two events, a then and a now: each has half the slide
MANY = Sizes(48, 72, 38)


def build_timeline(scene: SlideScene) -> None:
    theme, family = scene.look.theme, scene.look.family
    events = scene.slide.events
    sizes = FEW if len(events) <= 2 else MANY
    slot = BODY.width() / len(events)
    figures = [scene.figures.get(event.figure or "") for event in events]
    labels = [scene.text(event.label) for event in events]
    period_h = sizes.period * 1.4
    value_h = sizes.value * 1.3 if any(figures) else 0
    label_h = max(
        TextBox(text, QRectF(0, 0, slot - 32, BODY.height()), family, theme.text, sizes.label, 20).text_height()
        for text in labels
    )
    line_y = period_h + 30 + DOT / 2  # from the block's top
    block = line_y + DOT / 2 + 30 + value_h + label_h
    top = BODY.top() + max(0.0, (BODY.height() - block) * 0.45)  # a little above the middle, where the eye lands
    line_y += top
    scene.rule(QRectF(BODY.left(), line_y - 3, BODY.width(), 6), theme.grid)
    groups = []
    for i, event in enumerate(events):
        x = BODY.left() + i * slot
        dot = scene.addEllipse(
            x + slot / 2 - DOT / 2,
            line_y - DOT / 2,
            DOT,
            DOT,
            QPen(QColor(theme.background), 6),
            QBrush(QColor(theme.accent)),
        )
        period = QRectF(x + 12, top, slot - 24, period_h)
        items = [
            dot,
            scene.box(
                format_period(event.period, scene.look.lang), period, sizes.period, 26, bold=True, align="center"
            ),
        ]
        below = line_y + DOT / 2 + 30
        if figures[i]:
            value = QRectF(x + 12, below, slot - 24, value_h)
            text = scene.figure_text(figures[i])
            items.append(scene.box(text, value, sizes.value, 30, theme.after, bold=True, align="center"))
            below += value_h  # an event without a figure has its words right below the line
        label = QRectF(x + 16, below, slot - 32, label_h)
        items.append(scene.box(labels[i], label, sizes.label, 20, align="center"))
        group = QGraphicsItemGroup()
        scene.addItem(group)
        for item in items:
            group.addToGroup(item)
        groups.append(group)
    scene.parts.append(Reveal(groups))
