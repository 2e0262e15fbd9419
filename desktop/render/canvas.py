"""The slide's canvas: its fixed logical size and grid, and the Look it is drawn in; every slide kind draws on it."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from desktop.deck.model import Record
from desktop.render.theme import Theme

WIDTH, HEIGHT = 1920, 1080
MARGIN = 96
BODY = QRectF(MARGIN, 262, WIDTH - 2 * MARGIN, 700)


class Look(Record):
    """How slides are drawn: theme, language and the font family that covers the deck."""

    theme: Theme
    lang: str
    family: str
    reduced_motion: bool = False
