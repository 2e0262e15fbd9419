"""Ink on slides: pen and highlighter strokes that belong to a slide and a step, and how they are drawn."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

COLOURS = ("#d00000", "#0033cc", "#007a1f", "#e07000", "#7b1fa2", "#000000", "#ffffff", "#ffd600", "#00838f")
WIDTH = {"pen": 6.0, "highlighter": 28.0}
ALPHA = {"pen": 1.0, "highlighter": 0.35}


@dataclass
class Stroke:
    kind: str  # "pen" | "highlighter"
    colour: str
    points: list[tuple[float, float]] = field(default_factory=list)  # scene units (1920×1080)


class Ink:
    """Strokes by (slide id, step): kept when you come back, saved with the deck's user data."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.by_place: dict[tuple[str, int], list[Stroke]] = {}
        if path is not None and path.is_file():
            for item in json.loads(path.read_text(encoding="utf-8")):
                strokes = [Stroke(s["kind"], s["colour"], [tuple(p) for p in s["points"]]) for s in item["strokes"]]
                self.by_place[(item["slide"], item["step"])] = strokes

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
        items = [
            {"slide": slide, "step": step, "strokes": [s.__dict__ for s in strokes]}
            for (slide, step), strokes in sorted(self.by_place.items())
            if strokes
        ]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".part")
        temporary.write_text(json.dumps(items), encoding="utf-8")
        temporary.replace(self.path)


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
