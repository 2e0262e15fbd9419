"""The overview: every slide as a thumbnail in a grid; arrows and Enter, or a click, go there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListView, QListWidgetItem

from desktop.render.canvas import Look
from desktop.render.scene import build_scene
from desktop.ui.overlays import ChoiceList
from desktop.ui.show import Show
from desktop.ui.stage import SceneCache

THUMB = QSize(384, 216)
# Thumbnails kept drawn: those nearest the slides in view (a screen shows a few dozen); farther ones go
# back to blank and are drawn again when scrolled to, so a deck of any size costs the same.
KEEP = 144  # × 384×216×4 bytes ≈ 48 MB


def thumbnail(cache: SceneCache, show: Show, look: Look, index: int, size: QSize) -> QImage:
    """A slide as the overview shows it: at its last step, but a quick check at its question (the room sees it)."""
    if show.deck.slides[index].kind != "quiz":
        return cache.picture(show, look, index, size)
    scene = build_scene(show.deck, index, look)  # its own scene: the one on screen keeps its step
    scene.set_state(0, 0.0)
    return scene.to_image(size.width(), size.height())


class Overview(ChoiceList):
    """Thumbnails in a grid (a ChoiceList: Enter or a click chooses), drawn around where the grid is looked at."""

    def __init__(self) -> None:
        super().__init__()
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSpacing(14)
        self.setUniformItemSizes(True)
        self.setStyleSheet("QListWidget { background: #1b1f26; color: #e8e8e8; }")
        blank = QPixmap(THUMB)
        blank.fill(Qt.GlobalColor.darkGray)
        self._blank = QIcon(blank)  # one picture shared by every row not drawn
        self._drawn: set[int] = set()
        self._picture_for: Callable[[int, QSize], QImage] | None = None
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._draw_next)
        self.verticalScrollBar().valueChanged.connect(lambda _: self._timer.start())
        self.currentRowChanged.connect(lambda _: self._timer.start())

    def open(self, count: int, current: int, picture_for: Callable[[int, QSize], QImage]) -> None:
        """Lists `count` slides and draws their thumbnails one at a time, so the grid opens at once."""
        self._timer.stop()
        self._picture_for = None
        self.clear()
        self._drawn.clear()
        for i in range(count):
            self.addItem(QListWidgetItem(self._blank, str(i + 1)))
        self.setCurrentRow(current)
        self._picture_for = picture_for
        self._timer.start()

    def _anchor(self) -> int:
        """The row the thumbnails are drawn around: the current one if in view, else the one in the middle."""
        current = self.currentRow()
        if current >= 0 and self.viewport().rect().intersects(self.visualItemRect(self.item(current))):
            return current
        middle = self.indexAt(self.viewport().rect().center())
        return middle.row() if middle.isValid() else max(current, 0)

    def _wanted(self) -> list[int]:
        """The KEEP rows nearest the anchor, nearest first."""
        anchor, count = self._anchor(), self.count()
        first = max(0, min(anchor - KEEP // 2, count - KEEP))
        return sorted(range(first, min(count, first + KEEP)), key=lambda row: abs(row - anchor))

    def _draw_next(self) -> None:
        wanted = self._wanted() if self._picture_for is not None else []
        row = next((row for row in wanted if row not in self._drawn), None)
        if row is None:
            self._timer.stop()
            return
        for far in self._drawn - set(wanted):
            self.item(far).setIcon(self._blank)
        self._drawn &= set(wanted)
        self.item(row).setIcon(QIcon(QPixmap.fromImage(self._picture_for(row, THUMB))))
        self._drawn.add(row)

    def drawn(self) -> bool:
        """Every thumbnail in view is drawn (those around it may still be coming)."""
        view = self.viewport().rect()
        in_view = [row for row in self._wanted() if view.intersects(self.visualItemRect(self.item(row)))]
        return self._picture_for is not None and self._drawn.issuperset(in_view)

    def thumbnails(self) -> set[int]:
        """The rows whose thumbnail is drawn (the others show a blank)."""
        return set(self._drawn)
