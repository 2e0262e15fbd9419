"""A slide in a small window, at its final step: what "show the slide" opens from a quiz answer."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.deck.markup import plain
from desktop.deck.model import Deck
from desktop.render.canvas import Look
from desktop.render.fonts import deck_family
from desktop.render.scene import build_scene
from desktop.render.theme import load_theme
from desktop.ui.stage import SlideView


class SlidePreview(QDialog):
    def __init__(self, deck: Deck, slide_id: str, lang: str, parent: QWidget | None = None, theme: str = "light"):
        super().__init__(parent)
        index = next((i for i, s in enumerate(deck.slides) if s.id == slide_id), 0)
        self.scene = build_scene(deck, index, Look(load_theme(theme)[0], lang, deck_family(deck)[0]))
        self.view = SlideView()
        self.view.show_scene(self.scene, self.scene.steps - 1, animate=False)
        QVBoxLayout(self).addWidget(self.view)
        self.setWindowTitle(plain(self.scene.text(deck.slides[index].title)))
        self.resize(960, 560)
