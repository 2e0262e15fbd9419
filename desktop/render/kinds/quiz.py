"""A quiz slide ("quick check"): a question about one figure, then, one step later, its answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from desktop.quiz.generate import slide_question
from desktop.quiz.index import DeckIndex
from desktop.render.canvas import BODY
from desktop.render.motion import ease
from desktop.render.text import TextBox, common_size

if TYPE_CHECKING:
    from desktop.render.scene import SlideScene

LETTERS = "ABCD"
GAP = 28


class Reveal:
    """Step 0 asks; step 1 fills the right answer in the strong colour and fades the explanation in."""

    def __init__(self, cards: list[QGraphicsRectItem], right: TextBox, answer: int, explanation: TextBox, colours):
        self.cards, self.right, self.answer, self.explanation, self.colours = cards, right, answer, explanation, colours

    def set_state(self, step: int, t: float) -> None:
        shown = ease(t) if step >= 1 else 0.0
        surface, strong = QColor(self.colours.surface), QColor(self.colours.after)
        for i, card in enumerate(self.cards):
            mix = shown if i == self.answer else 0.0
            colour = QColor.fromRgbF(
                *(a + (b - a) * mix for a, b in zip(surface.getRgbF()[:3], strong.getRgbF()[:3], strict=True))
            )
            card.setBrush(QBrush(colour))
            card.setOpacity(1.0 - 0.5 * shown if i != self.answer else 1.0)
        self.right.set_color(self.colours.background if shown > 0.5 else self.colours.text)
        self.explanation.setOpacity(shown)


def build_quiz(scene: SlideScene) -> None:
    theme = scene.look.theme
    question = slide_question(scene.figures[scene.slide.figures[0]], DeckIndex.of(scene.deck))
    lang = scene.look.lang
    scene.box(question.prompt.get(lang), QRectF(BODY.left(), BODY.top(), BODY.width(), 150), 48, 28, bold=True)
    width, height = (BODY.width() - GAP) / 2, 120
    texts = [f"{LETTERS[i]}   {choice.get(lang)}" for i, choice in enumerate(question.choices)]
    px = common_size(texts, QRectF(0, 0, width - 48, height - 24), scene.look.family, 40, 22)
    cards = []
    for i, text in enumerate(texts):
        x = BODY.left() + (i % 2) * (width + GAP)
        y = BODY.top() + 180 + (i // 2) * (height + GAP)
        cards.append(
            scene.addRect(QRectF(x, y, width, height), QPen(QColor(theme.grid), 2), QBrush(QColor(theme.surface)))
        )
        words = scene.box(text, QRectF(x + 24, y + 12, width - 48, height - 24), px, px, valign="center")
        words.setZValue(1)
        if i == question.answer:
            right = words
    top = BODY.top() + 180 + 2 * (height + GAP) + 10
    explanation = scene.box(
        question.explanation.get(lang), QRectF(BODY.left(), top, BODY.width(), BODY.bottom() - top), 26, 16, theme.muted
    )
    scene.parts.append(Reveal(cards, right, question.answer, explanation, theme))
