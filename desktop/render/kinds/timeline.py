"""A timeline slide: dated events along a line, revealed left to right as the slide appears."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsItemGroup

from desktop.deck.figures import format_period
from desktop.render.canvas import BODY
from desktop.render.motion import reveal

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


def build_timeline(scene: SlideScene) -> None:
    theme = scene.look.theme
    events = scene.slide.events
    slot = BODY.width() / len(events)
    line_y = BODY.top() + 170
    scene.rule(QRectF(BODY.left(), line_y - 3, BODY.width(), 6), theme.grid)
    groups = []
    for i, event in enumerate(events):
        x = BODY.left() + i * slot
        items = [
            scene.addEllipse(
                x + slot / 2 - DOT / 2,
                line_y - DOT / 2,
                DOT,
                DOT,
                QPen(QColor(theme.background), 6),
                QBrush(QColor(theme.accent)),
            ),
            scene.box(
                format_period(event.period, scene.look.lang),
                QRectF(x + 12, BODY.top() + 40, slot - 24, 90),
                44,
                26,
                bold=True,
                align="center",
                valign="bottom",
            ),
        ]
        label_top = line_y + 50
        figure = scene.figures.get(event.figure or "")
        if figure:
            value = QRectF(x + 12, label_top, slot - 24, 80)
            items.append(scene.box(scene.figure_text(figure), value, 56, 30, theme.after, bold=True, align="center"))
            label_top += 90
        label = QRectF(x + 16, label_top, slot - 32, BODY.bottom() - label_top)
        items.append(scene.box(scene.text(event.label), label, 34, 20, align="center"))
        group = QGraphicsItemGroup()
        scene.addItem(group)
        for item in items:
            group.addToGroup(item)
        groups.append(group)
    scene.parts.append(Reveal(groups))
