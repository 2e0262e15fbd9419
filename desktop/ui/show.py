"""What is being presented — deck, slide, step, blanking, language, theme — as one observed object."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.deck.model import Deck
from desktop.render.ink import Ink
from desktop.render.scene import slide_steps


class Show(QObject):
    """The presenting state. Windows observe it and forward keys to it; they hold no navigation logic.

    `sigPosition(index, step, animate)` fires when the slide or step changes; `animate` is False
    when a move should land in its final state at once (going back, jumping, reduced motion).
    """

    sigPosition = Signal(int, int, bool)
    sigLook = Signal()
    sigBlank = Signal(str)
    sigDeck = Signal()
    sigInk = Signal()  # strokes, the pointer or the zoom changed: views repaint

    def __init__(self, deck: Deck, lang: str, theme: str, themes: tuple[str, ...], reduced_motion: bool = False):
        super().__init__()
        self.deck, self.lang, self.theme, self.themes = deck, lang, theme, themes
        self.reduced_motion = reduced_motion
        self.index, self.step, self.blank = 0, 0, ""
        self.ink = Ink()
        self.pointer: tuple[float, float] | None = None
        self.zoom: tuple[float, float, float, float] | None = None  # a part of the slide, magnified

    @property
    def count(self) -> int:
        return len(self.deck.slides)

    def steps(self, index: int | None = None) -> int:
        return slide_steps(self.deck.slides[self.index if index is None else index])

    def go(self, index: int, step: int = 0, animate: bool = False) -> None:
        index = max(0, min(index, self.count - 1))
        self.zoom = None
        step = max(0, min(step, self.steps(index) - 1))
        self.index, self.step = index, step
        self.sigPosition.emit(index, step, animate and not self.reduced_motion)

    def next(self) -> None:
        if self.step < self.steps() - 1:
            self.go(self.index, self.step + 1, animate=True)
        elif self.index < self.count - 1:
            self.go(self.index + 1, 0, animate=True)

    def back(self) -> None:
        if self.step > 0:
            self.go(self.index, self.step - 1)
        elif self.index > 0:
            self.go(self.index - 1, self.steps(self.index - 1) - 1)

    def first(self) -> None:
        self.go(0)

    def last(self) -> None:
        self.go(self.count - 1, self.steps(self.count - 1) - 1)

    def replay(self) -> None:
        """The current slide again from its first step, animated."""
        self.go(self.index, 0, animate=True)

    @property
    def place(self) -> tuple[str, int]:
        """(slide id, step): where ink belongs."""
        return self.deck.slides[self.index].id, self.step

    def set_pointer(self, point: tuple[float, float] | None) -> None:
        self.pointer = point
        self.sigInk.emit()

    def set_zoom(self, rect: tuple[float, float, float, float] | None) -> None:
        self.zoom = rect
        self.sigInk.emit()

    def set_blank(self, colour: str) -> None:
        """ "black", "white", or "" to show the slide again."""
        if colour != self.blank:
            self.blank = colour
            self.sigBlank.emit(colour)

    def set_lang(self, lang: str) -> None:
        if lang != self.lang and lang in self.deck.languages:
            self.lang = lang
            self.sigLook.emit()

    def toggle_lang(self) -> None:
        langs = self.deck.languages
        self.set_lang(langs[(langs.index(self.lang) + 1) % len(langs)] if self.lang in langs else langs[0])

    def set_theme(self, theme: str) -> None:
        if theme != self.theme and theme in self.themes:
            self.theme = theme
            self.sigLook.emit()

    def cycle_theme(self) -> None:
        self.set_theme(self.themes[(self.themes.index(self.theme) + 1) % len(self.themes)])

    def set_deck(self, deck: Deck, index: int = 0, step: int = 0) -> None:
        """Presents another deck from slide `index`."""
        self.deck = deck
        if self.lang not in deck.languages:
            self.lang = deck.languages[0]
        self.sigDeck.emit()
        self.go(index, step)

    def reload(self, deck: Deck) -> None:
        """A new version of the same deck: stay on the same slide (found by id) and step."""
        old = self.deck.slides[self.index].id
        ids = [s.id for s in deck.slides]
        self.set_deck(deck, ids.index(old) if old in ids else min(self.index, len(ids) - 1), self.step)
