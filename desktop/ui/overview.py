"""The overview: every slide as a thumbnail in a grid; arrows and Enter, or a click, go there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidgetItem

from desktop.render.scene import SlideScene
from desktop.ui.overlays import ChoiceList

THUMB = QSize(384, 216)


class Overview(ChoiceList):
    """Thumbnails in a grid (a ChoiceList: Enter or a click chooses)."""

    def __init__(self) -> None:
        super().__init__()
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSpacing(14)
        self.setUniformItemSizes(True)
        self.setStyleSheet("QListWidget { background: #1b1f26; color: #e8e8e8; }")
        self._pending: list[int] = []
        self._scene_for: Callable[[int], SlideScene] | None = None
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._draw_next)

    def open(self, count: int, current: int, scene_for: Callable[[int], SlideScene]) -> None:
        """Lists `count` slides and draws their thumbnails a few at a time, so the grid opens at once."""
        self.clear()
        self._scene_for = scene_for
        blank = QPixmap(THUMB)
        blank.fill(Qt.GlobalColor.darkGray)
        for i in range(count):
            self.addItem(QListWidgetItem(QIcon(blank), str(i + 1)))
        self.setCurrentRow(current)
        self._pending = [current, *[i for i in range(count) if i != current]]
        self._timer.start()

    def _draw_next(self) -> None:
        if not self._pending or self._scene_for is None:
            self._timer.stop()
            return
        index = self._pending.pop(0)
        image = self._scene_for(index).to_image(THUMB.width(), THUMB.height())
        self.item(index).setIcon(QIcon(QPixmap.fromImage(image)))

    def drawn(self) -> bool:
        return not self._pending
