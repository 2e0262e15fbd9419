"""Export: slides to PNG files or a PDF, written whole or not at all, with no window needed."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QPainter

from desktop.deck.model import Deck
from desktop.render.files import atomic
from desktop.render.ink import Ink, draw_strokes
from desktop.render.scene import HEIGHT, WIDTH, Look, build_scene

# Qt maps PNG "quality" to zlib's level: 80 writes a 1080p slide in ~60 ms at ~140 KB, the default ~105 ms at 120 KB.
PNG_QUALITY = 80
Progress = Callable[[int, int], None]


class ExportError(Exception):
    """A usage or file-system problem, said in one line (exit code 2)."""


@dataclass(frozen=True)
class Request:
    deck: Deck
    look: Look
    out: Path
    format: str = "png"
    size: tuple[int, int] = (1920, 1080)
    steps: bool = False
    slides: tuple[int, ...] = ()  # 0-based; empty means every slide
    handout: bool = False
    quiz: bool = False
    ink: Ink | None = None  # the presenter's strokes, drawn over the slides when asked

    def indices(self) -> list[int]:
        return list(self.slides) or list(range(len(self.deck.slides)))


def parse_slides(spec: str, count: int) -> tuple[int, ...]:
    """'1-3,7' -> (0, 1, 2, 6): slide numbers as the deck counts them, in order, each once."""
    chosen: list[int] = []
    for part in spec.split(","):
        match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if not match:
            raise ExportError(f"--slides: '{part.strip()}' is not a slide number or a range like 1-3")
        first, last = int(match[1]), int(match[2] or match[1])
        if not 1 <= first <= last <= count:
            raise ExportError(f"--slides: {part.strip()} is outside 1-{count}")
        chosen += [n - 1 for n in range(first, last + 1) if n - 1 not in chosen]
    return tuple(chosen)


def png_name(deck: Deck, index: int, step: int | None = None) -> str:
    """NN-<slide-id>.png, NN the slide's number in the whole deck; with a step, -stepK (K from 1)."""
    width = max(2, len(str(len(deck.slides))))
    suffix = f"-step{step + 1}" if step is not None else ""
    return f"{index + 1:0{width}d}-{deck.slides[index].id}{suffix}.png"


def pdf_name(request: Request) -> str:
    kind = "-handout" if request.handout else "-quiz" if request.quiz else ""
    return f"{request.deck.id}{kind}.pdf"


def check_folder(out: Path) -> None:
    """A folder that exists and takes new files, before any slide is drawn."""
    try:
        if not out.is_dir():
            raise ExportError(f"{out}: no such folder (create it first)")
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as error:
        raise ExportError(f"{out}: cannot write here ({error.strerror})") from error


def export(request: Request, progress: Progress | None = None) -> list[Path]:
    """Writes the files a request asks for and returns them; an error or a cancel leaves no partial file."""
    check_folder(request.out)
    try:
        if request.format == "pdf" or request.handout or request.quiz:
            return [_export_pdf(request, progress)]
        return _export_png(request, progress)
    except OSError as error:
        raise ExportError(f"{request.out}: {error.strerror or error}") from error


def _ink(image, strokes) -> None:
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(image.width() / WIDTH, image.height() / HEIGHT)
    draw_strokes(painter, strokes)
    painter.end()


def _save(image, path: Path) -> Path:
    with atomic(path) as temporary:
        if not image.save(str(temporary), "PNG", PNG_QUALITY):
            raise OSError(f"could not write {path.name}")
    return path


def _export_png(request: Request, progress: Progress | None) -> list[Path]:
    """Draws each slide here and compresses the previous one on a second thread (Qt lets go of the GIL)."""
    width, height = request.size
    indices = request.indices()
    saving = []
    with ThreadPoolExecutor(max_workers=1) as saver:
        try:
            for done, index in enumerate(indices, start=1):
                scene = build_scene(request.deck, index, request.look)
                states = range(scene.steps) if request.steps and scene.steps > 1 else [None]
                for step in states:
                    scene.set_state(scene.steps - 1 if step is None else step, 1.0)
                    image = scene.to_image(width, height)
                    if request.ink is not None:
                        _ink(image, request.ink.strokes(scene.slide.id, scene.state[0]))
                    saving.append(saver.submit(_save, image, request.out / png_name(request.deck, index, step)))
                for future in saving:
                    if future.done():
                        future.result()  # a failed write stops the export now, not at the end
                if progress:
                    progress(done, len(indices))
        except BaseException:
            for future in saving:
                future.cancel()  # not started: never written; the one being written finishes whole
            raise
    return [future.result() for future in saving]


def _export_pdf(request: Request, progress: Progress | None) -> Path:
    from desktop.render import pdf

    path = request.out / pdf_name(request)
    with atomic(path) as temporary:
        if request.quiz:
            pdf.write_quiz_pdf(request.deck, request.look, temporary, progress=progress)
        elif request.handout:
            pdf.write_handout_pdf(request.deck, request.look, request.indices(), temporary, progress, request.ink)
        else:
            pdf.write_slides_pdf(request.deck, request.look, request.indices(), temporary, progress, request.ink)
    return path
