"""A table slide: header row, striped rows, one text size for every cell."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from desktop.render.canvas import BODY
from desktop.render.text import common_size

if TYPE_CHECKING:
    from desktop.render.scene import SlideScene

PAD = 22
HEADER = 84


def build_table(scene: SlideScene) -> None:
    table = scene.deck.tables[scene.slide.table]
    theme = scene.look.theme
    widths = [0.26, 0.37, 0.37] if len(table.columns) == 3 else [1 / len(table.columns)] * len(table.columns)
    xs = [BODY.left() + BODY.width() * sum(widths[:i]) for i in range(len(widths))]
    row_h = min(150.0, (BODY.height() - HEADER) / max(1, len(table.rows)))
    rows = [table.columns, *table.rows]

    def cell(row: int, col: int) -> QRectF:
        top = BODY.top() + (0 if row == 0 else HEADER + (row - 1) * row_h)
        height = HEADER if row == 0 else row_h
        return QRectF(xs[col] + PAD, top + PAD / 2, BODY.width() * widths[col] - 2 * PAD, height - PAD)

    # Fit every cell alone, then draw them all at the smallest size found, so the table reads evenly.
    cells = [[scene.text(text) for text in row] for row in rows]
    last = len(widths) - 1  # as wide as any but the first (which is narrower in a 3-column table)
    size = min(common_size(row, cell(r, last), scene.look.family, 38, 20, bold=r == 0) for r, row in enumerate(cells))
    size = min(size, common_size([row[0] for row in cells], cell(1, 0), scene.look.family, 38, 20, bold=True))
    scene.rule(QRectF(BODY.left(), BODY.top(), BODY.width(), HEADER), theme.surface)
    for r in range(2, len(rows), 2):
        scene.rule(QRectF(BODY.left(), cell(r, 0).top() - PAD / 2, BODY.width(), row_h), theme.surface)
    scene.rule(QRectF(BODY.left(), BODY.top() + HEADER - 3, BODY.width(), 3), theme.grid)
    # A stripe only tints (desktop.deck.themes.PAIRS): a rule between rows keeps them apart on a washed-out projector.
    for r in range(2, len(rows)):
        scene.rule(QRectF(BODY.left(), cell(r, 0).top() - PAD / 2 - 1, BODY.width(), 2), theme.grid)
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            color = theme.text
            if table.compare and c > 0:
                color = (theme.muted, theme.after)[c - 1]
            scene.box(text, cell(r, c), size, size, color, bold=r == 0 or c == 0, valign="center")
