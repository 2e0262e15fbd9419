"""Slides made of words: title, bullets, quote, discussion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from desktop.render.canvas import BODY, MARGIN, WIDTH
from desktop.render.text import TextBox

if TYPE_CHECKING:
    from desktop.render.scene import SlideScene

POINTS_BESIDE = 0.52  # of the body's width: what the points take when a picture stands beside them
GAP = 56
SPACING, MOST_SPACING = 0.6, 1.6  # between points, in lines of their size: at least, and at most when spread


def build_title(scene: SlideScene) -> None:
    theme, slide, deck = scene.look.theme, scene.slide, scene.deck
    inner = QRectF(160, 250, WIDTH - 320, 300)
    scene.box(scene.text(slide.title), inner, 104, 56, bold=True, align="center", valign="bottom")
    scene.rule(QRectF(WIDTH / 2 - 60, 580, 120, 8), theme.accent)
    scene.box(scene.text(slide.subtitle), QRectF(160, 620, WIDTH - 320, 150), 46, 28, theme.muted, align="center")
    if deck.source:
        source = QRectF(160, 860, WIDTH - 320, 60)
        scene.box(scene.text(deck.source.title), source, 28, 18, theme.muted, align="center")


def build_bullets(scene: SlideScene) -> None:
    bullets = [scene.text(b) for b in scene.slide.bullets]
    area = BODY.adjusted(0, 10, 0, 0)
    if scene.slide.image:  # bullets on the left, the picture on the right
        from desktop.render.kinds.image import add_picture

        words = area.width() * POINTS_BESIDE
        add_picture(scene, area.adjusted(words + GAP, 0, 0, 0), top=True)
        area.setWidth(words)
    spread(scene, bullets, area, 50, 24, "bullets")


def build_discussion(scene: SlideScene) -> None:
    questions = [scene.text(q) for q in scene.slide.questions]
    spread(scene, questions, BODY.adjusted(0, 10, 0, 0), 46, 22, "numbers")


def spread(scene: SlideScene, points: list[str], area: QRectF, max_px: int, min_px: int, listed: str) -> TextBox:
    """A list over the body's height: its points at the largest size that fits, the room left shared between them."""
    look = scene.look
    fitted = TextBox(points, area, look.family, look.theme.text, max_px, min_px, listed=listed, spacing=SPACING)
    gaps = len(points) - 1
    room = (area.height() - fitted.text_height() - 2) / gaps / fitted.px if gaps else 0.0  # 2: Qt rounds lines
    spacing = min(MOST_SPACING, SPACING + max(0.0, room))
    return scene.box(points, area, fitted.px, fitted.px, listed=listed, spacing=spacing, valign="center")


def build_quote(scene: SlideScene) -> None:
    theme, slide = scene.look.theme, scene.slide
    scene.box("“", QRectF(MARGIN, BODY.top(), 130, 170), 150, 90, theme.accent, bold=True)
    quote = QRectF(MARGIN + 150, BODY.top(), BODY.width() - 300, BODY.height() - 130)
    scene.box(scene.text(slide.quote), quote, 58, 30, valign="center")
    if slide.attribution:
        attribution = QRectF(MARGIN + 150, BODY.bottom() - 110, BODY.width() - 300, 90)
        scene.box("— " + scene.text(slide.attribution), attribution, 32, 20, theme.muted, align="right")
