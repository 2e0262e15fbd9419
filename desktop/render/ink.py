"""Ink on slides: pen and highlighter strokes that belong to a slide and a step, and how they are drawn."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from desktop.deck.model import Record

if TYPE_CHECKING:
    from desktop.set_aside import SetAside

COLOURS = ("#d00000", "#0033cc", "#007a1f", "#e07000", "#7b1fa2", "#000000", "#ffffff", "#ffd600", "#00838f")
WIDTH = {"pen": 6.0, "highlighter": 28.0}
ALPHA = {"pen": 1.0, "highlighter": 0.35}


class Stroke(Record):  # not a dataclass: made without exec at start-up (see desktop.deck.model)
    kind: str  # "pen" | "highlighter"
    colour: str
    points: list[tuple[float, float]]  # scene units (1920×1080); the pen adds to it as it moves


def ink_file(folder: Path, deck_id: str) -> Path:
    """Where a deck's ink is kept: beside its quiz progress, in the user's data folder."""
    return folder / deck_id / "ink.json"


class Ink:
    """Strokes by (slide id, step): kept when you come back, saved with the deck's user data (`Ink.open`)."""

    def __init__(self) -> None:
        self.path: Path | None = None  # where `save` writes: set by `open`
        self.by_place: dict[tuple[str, int], list[Stroke]] = {}

    @classmethod
    def open(cls, path: Path) -> tuple[Ink, SetAside | None]:
        """The ink saved at `path`; a file that cannot be read is moved aside (kept, dated) and the ink starts empty."""
        ink = cls()
        ink.path = path
        if not path.is_file():
            return ink, None
        import json  # here and in `save`: a talk without ink starts without json (4 ms)

        try:
            ink.by_place = _places(json.loads(path.read_bytes()))
        except (ValueError, TypeError, KeyError):
            from datetime import UTC, datetime

            from desktop.set_aside import SetAside, aside_name

            aside = aside_name(lambda tag: path.with_name(f"{path.stem}.damaged-{tag}{path.suffix}"), datetime.now(UTC))
            path.replace(aside)
            return ink, SetAside(path, aside)
        return ink, None

    def strokes(self, slide: str, step: int) -> list[Stroke]:
        return self.by_place.get((slide, step), [])

    def add(self, slide: str, step: int, stroke: Stroke) -> None:
        self.by_place.setdefault((slide, step), []).append(stroke)

    def undo(self, slide: str, step: int) -> None:
        if self.strokes(slide, step):
            self.by_place[(slide, step)].pop()

    def erase_near(self, slide: str, step: int, point: tuple[float, float], radius: float = 24.0) -> None:
        """Removes every stroke that passes within `radius` of the point."""
        x, y = point
        kept = [
            s
            for s in self.strokes(slide, step)
            if all((px - x) ** 2 + (py - y) ** 2 > radius**2 for px, py in s.points)
        ]
        self.by_place[(slide, step)] = kept

    def clear(self, slide: str, step: int) -> None:
        self.by_place.pop((slide, step), None)

    def save(self) -> None:
        """Writes the strokes beside the user's quiz progress (not into the deck, which is the author's)."""
        if self.path is None:
            return
        import json

        from desktop.render.files import write_whole  # with hashlib: 6 ms a start-up need not pay

        items = [
            {"slide": slide, "step": step, "strokes": [s.__dict__ for s in strokes]}
            for (slide, step), strokes in sorted(self.by_place.items())
            if strokes
        ]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(self.path, json.dumps(items).encode())  # on the disk before the name points at it
        if os.name == "posix":  # and so is the rename (a folder cannot be opened to sync it on Windows)
            folder = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


def _places(data) -> dict[tuple[str, int], list[Stroke]]:
    """Strokes by place from a saved file's JSON; ValueError, TypeError or KeyError for anything else."""
    places = {}
    for item in data:
        slide, step = item["slide"], item["step"]
        if not isinstance(slide, str) or type(step) is not int:
            raise TypeError(f"a place is a slide id and a step, not {slide!r}, {step!r}")
        places[(slide, step)] = [_stroke(stroke) for stroke in item["strokes"]]
    return places


def _stroke(data) -> Stroke:
    kind, colour = data["kind"], data["colour"]
    if kind not in WIDTH or not isinstance(colour, str) or not QColor.isValidColorName(colour):
        raise ValueError(f"not a stroke: {kind!r} in {colour!r}")
    points = [(float(x), float(y)) for x, y in data["points"]]
    if not all(math.isfinite(x) and math.isfinite(y) for x, y in points):
        raise ValueError("a point off the slide")
    return Stroke(kind, colour, points)


def draw_strokes(painter: QPainter, strokes: list[Stroke]) -> None:
    """Draws strokes in scene units: the painter is already in the scene's coordinates."""
    for stroke in strokes:
        if not stroke.points:
            continue
        colour = QColor(stroke.colour)
        colour.setAlphaF(ALPHA[stroke.kind])
        pen = QPen(
            colour, WIDTH[stroke.kind], Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        )
        path = QPainterPath(QPointF(*stroke.points[0]))
        for point in stroke.points[1:]:
            path.lineTo(QPointF(*point))
        if len(stroke.points) == 1:
            path.lineTo(QPointF(stroke.points[0][0] + 0.1, stroke.points[0][1]))
        painter.setPen(pen)
        painter.drawPath(path)
