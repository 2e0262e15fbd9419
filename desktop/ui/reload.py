"""Live reload: watch a deck's folder and files, and load the deck again when they settle."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desktop.deck import DeckNotFound, Loaded, load_deck
from desktop.deck.model import Deck, Mark, Problem

SETTLE_MS = 150


def picture_files(deck: Deck) -> list[Path]:
    """The picture files the deck's slides show: watched too, as a changed picture is a changed slide."""
    return sorted({deck.folder / slide.image.name for slide in deck.slides if slide.image})


class DeckWatcher(QObject):
    """Emits `sigLoaded` with each new reading of the deck after its files change.

    Editors often save by writing a new file and renaming it over the old one; the watcher then
    loses the path, so the folder is watched too and every file is added again after each change.
    """

    sigLoaded = Signal(object)

    def __init__(self, folder: Path, pictures: Iterable[Path] = ()) -> None:
        super().__init__()
        self.folder = folder
        self.pictures = list(pictures)
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.watcher.fileChanged.connect(self.timer.start)
        self.watcher.directoryChanged.connect(self.timer.start)
        self.timer.timeout.connect(self.reload)
        self._watch()

    def _watch(self) -> None:
        folders = [self.folder, *(f for f in [self.folder / "themes"] if f.is_dir())]  # the deck's own themes
        paths = [str(f) for f in folders] + [str(p) for f in folders for p in sorted(f.iterdir()) if p.is_file()]
        paths += [str(p) for picture in self.pictures for p in (picture.parent, picture) if p.exists()]
        missing = [p for p in dict.fromkeys(paths) if p not in self.watcher.files() + self.watcher.directories()]
        if missing:
            self.watcher.addPaths(missing)

    def reload(self) -> None:
        self._watch()
        try:
            loaded = load_deck(self.folder)
        except DeckNotFound as error:  # deck.yaml deleted or renamed mid-edit: a problem like any other
            loaded = Loaded(None, [Problem(Mark(self.folder / "deck.yaml", 1, 1), str(error))])
        if loaded.deck is not None:
            self.pictures = picture_files(loaded.deck)
            self._watch()
        self.sigLoaded.emit(loaded)
