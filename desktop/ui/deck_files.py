"""The presentation window's deck: opened from a file, a recent folder or a drop, reloaded when its files change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from desktop.deck import DeckNotFound, Loaded, load_deck
from desktop.deck.model import Deck
from desktop.render.ink import Ink, ink_file
from desktop.resources import data_dir
from desktop.ui.reload import DeckWatcher, picture_files
from desktop.words import tr


class DeckFiles:
    """Opening and reloading decks, for PresentationWindow: bad decks show their problems, the talk goes on."""

    def open_deck(self, path: Path, resume: bool = False) -> bool:
        from PySide6.QtWidgets import QMessageBox

        try:
            loaded = load_deck(path)
        except DeckNotFound as error:
            QMessageBox.warning(self, tr("open-failed", self.presenting.lang), str(error))
            return False
        if not loaded.ok:
            self.problems.show_problems(tr("problems", self.presenting.lang), loaded.problems)
            return False
        self.settings.set_last_slide(self.presenting.deck.folder, self.presenting.index)
        self._hide("problems")
        self._watch(loaded.deck)
        self._open_ink(loaded.deck)
        self.presenting.set_deck(loaded.deck, self.settings.last_slide(loaded.deck.folder) if resume else 0)
        self.build_menus()
        return True

    def _open_ink(self, deck: Deck) -> None:
        """The deck's own saved strokes; a damaged file is set aside and said until the next key."""
        show = self.presenting
        show.ink, set_aside = Ink.open(ink_file(data_dir(), deck.id))
        if set_aside:  # once the window has its size
            QTimer.singleShot(0, self, lambda: self.badge.say(tr("ink-set-aside", show.lang, aside=set_aside.aside)))

    def _watch(self, deck: Deck) -> None:
        self.settings.add_recent(deck.folder)
        self.watcher = DeckWatcher(deck.folder, picture_files(deck))
        self.watcher.sigLoaded.connect(self._reloaded)

    def _reloaded(self, loaded: Loaded) -> None:
        if loaded.ok:
            self._hide("problems")
            self.presenting.reload(loaded.deck)
            self.badge.say(tr("reloaded", self.presenting.lang))
            QTimer.singleShot(1500, self.badge, lambda: self.badge.say(""))  # dies with the window
        else:
            self.problems.show_problems(tr("problems", self.presenting.lang), loaded.problems)

    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.open_deck(Path(event.mimeData().urls()[0].toLocalFile()))

    def _choose_deck(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self, tr("choose-deck", self.presenting.lang), "", "deck.yaml (deck.yaml)"
        )
        if name:
            self.open_deck(Path(name))
