"""Export: slides to PNG files or a PDF, written whole or not at all, with no window needed."""

from __future__ import annotations

import re
import tempfile
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPainter

from desktop.deck.model import Deck
from desktop.quiz.model import Question
from desktop.render.canvas import HEIGHT, WIDTH, Look
from desktop.render.files import NAME_MAX, atomic, fitting_name, name_limit, remove_stale, write_whole
from desktop.render.ink import Ink, draw_strokes
from desktop.render.scene import build_scene, slide_steps

# Qt maps PNG "quality" to zlib's level: 80 writes a 1080p slide in ~60 ms at ~140 KB, the default ~105 ms at 120 KB.
PNG_QUALITY = 80
# Drawn images held at once, at most: the saver is the slower half, so two waiting keep it busy at 1080p and
# 4K draws while one is saved; an 8K image (100 MB) is saved before the next is drawn. Peak memory so
# depends on the size asked, never on the number of slides.
IMAGES_HELD = 3
IMAGE_BYTES_HELD = 80 * 2**20
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
    per_page: int | None = None  # the handout's slides a page (1, 2, 3 or 6); None: three
    quiz: bool = False
    questions: int | None = None  # the printed quiz's length; None: quiz_pick.DEFAULT_COUNT
    seed: int | None = None  # which questions the printed quiz asks; given, it is printed as a version letter
    ink: Ink | None = None  # the presenter's strokes, drawn over the slides when asked

    def indices(self) -> list[int]:
        return list(self.slides) or list(range(len(self.deck.slides)))

    def pdfs(self) -> list[str]:
        """The PDFs asked for: a handout, a printable quiz, or both; else (with format pdf) the slides."""
        kinds = [kind for kind, asked in (("handout", self.handout), ("quiz", self.quiz)) if asked]
        return kinds or (["slides"] if self.format == "pdf" else [])

    def states(self, index: int) -> list[int | None]:
        """The build steps that get a file of their own (with `steps`), or [None]: the final state only."""
        steps = slide_steps(self.deck.slides[index])
        return list(range(steps)) if self.steps and steps > 1 else [None]


def parse_slides(spec: str, count: int) -> tuple[int, ...]:
    """'1-3,7' -> (0, 1, 2, 6): slide numbers as the deck counts them, in order, each once."""
    chosen: list[int] = []
    for part in spec.split(","):
        match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if not match:
            raise ExportError(f"--slides: '{part.strip()}' is not a slide number or a range like 1-3")
        first, last = int(match[1]), int(match[2] or match[1])
        if first > last:
            raise ExportError(f"--slides: {first}-{last} is reversed (did you mean {last}-{first}?)")
        if not 1 <= first <= last <= count:
            raise ExportError(f"--slides: {part.strip()} is outside 1-{count}")
        chosen += [n - 1 for n in range(first, last + 1) if n - 1 not in chosen]
    return tuple(chosen)


def png_name(deck: Deck, index: int, step: int | None = None, limit: int = NAME_MAX) -> str:
    """NN-<slide-id>.png, NN the slide's number in the whole deck; with a step, -stepK (K from 1).

    A slide id too long for a file name is cut short (see fitting_name); the NN- prefix stays.
    """
    number = f"{index + 1:0{max(2, len(str(len(deck.slides))))}d}-"
    suffix = f"-step{step + 1}" if step is not None else ""
    return fitting_name(number + deck.slides[index].id, f"{suffix}.png", limit, keep=number)


def pdf_name(deck: Deck, kind: str, limit: int = NAME_MAX) -> str:
    """<deck-id>.pdf, <deck-id>-handout.pdf or <deck-id>-quiz.pdf."""
    return fitting_name(deck.id, f"{'' if kind == 'slides' else '-' + kind}.pdf", limit)


def prepare_folder(out: Path) -> None:
    """A folder that exists (made, with its parents, if missing) and takes new files, before any slide is drawn."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"{out}: cannot create this folder ({error.strerror})") from error
    try:
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as error:
        raise ExportError(f"{out}: cannot write here ({error.strerror})") from error


def export(request: Request, progress: Progress | None = None) -> list[Path]:
    """Writes the files a request asks for and returns them; an error or a cancel leaves no partial file."""
    if request.format == "png" and request.pdfs():
        raise ExportError("--handout and --quiz write PDF files: use them with --format pdf, or without --format")
    if request.per_page is not None and not request.handout:
        raise ExportError("--per-page lays out the handout: use it with --handout")
    if not request.quiz and (request.questions or request.seed is not None):
        raise ExportError("--questions and --seed choose the printed quiz's questions: use them with --quiz")
    chosen = quiz_questions(request) if request.quiz else []
    prepare_folder(request.out)
    try:
        limit = name_limit(request.out)
        if request.pdfs():
            names = {kind: pdf_name(request.deck, kind, limit) for kind in request.pdfs()}
            remove_stale(request.out, names.values())
            return [_export_pdf(request, kind, request.out / name, progress, chosen) for kind, name in names.items()]
        names = {
            (index, step): png_name(request.deck, index, step, limit)
            for index in request.indices()
            for step in request.states(index)
        }
        remove_stale(request.out, names.values())
        return _export_png(request, {key: request.out / name for key, name in names.items()}, progress)
    except OSError as error:
        raise ExportError(f"{request.out}: {error.strerror or error}") from error


def _draw(request: Request, scene, step: int | None) -> QImage:
    """The scene at `step` (None: its final state) at the asked size, with the presenter's ink if asked."""
    scene.set_state(scene.steps - 1 if step is None else step, 1.0)
    # Three bytes a pixel, not RGB32's four: an 8K slide takes 100 MB, not 133 (pixels differ by at most 1 in 255).
    image = scene.to_image(*request.size, QImage.Format.Format_RGB888)
    if request.ink is not None:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(image.width() / WIDTH, image.height() / HEIGHT)
        draw_strokes(painter, request.ink.strokes(scene.slide.id, scene.state[0]))
        painter.end()
    return image


def _save(held: list[QImage], path: Path) -> Path:
    """Compresses the image in `held` and writes it whole; it takes the only reference, so the image is
    freed as soon as it is compressed, before the next one may be drawn."""
    image = held.pop()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG", PNG_QUALITY):
        raise ExportError(f"{path}: could not encode the PNG")
    del image
    try:
        return write_whole(path, data.data())
    except OSError as error:
        raise ExportError(f"{path}: cannot write ({error.strerror or error})") from error


def _export_png(request: Request, paths: dict[tuple[int, int | None], Path], progress: Progress | None) -> list[Path]:
    """Draws each slide here and compresses the ones before on a second thread (Qt lets go of the GIL)."""
    width, height = request.size
    # Images not yet saved while the next is drawn: those and the one being drawn are the images held.
    waiting = max(0, min(IMAGES_HELD, IMAGE_BYTES_HELD // (width * height * 3)) - 1)
    indices = request.indices()
    written: list[Path] = []
    saving: deque[Future] = deque()
    with ThreadPoolExecutor(max_workers=1) as saver:
        try:
            for done, index in enumerate(indices, start=1):
                scene = build_scene(request.deck, index, request.look)
                for step in request.states(index):
                    # A saved image is counted now: a failed write stops the export here, not at the end.
                    while saving and (len(saving) > waiting or saving[0].done()):
                        written.append(saving.popleft().result())
                    saving.append(saver.submit(_save, [_draw(request, scene, step)], paths[index, step]))
                if progress:
                    progress(done, len(indices))
            while saving:
                written.append(saving.popleft().result())
        except BaseException:
            for future in saving:
                future.cancel()  # not started: never written; the one being written finishes whole
            raise
    return written


def quiz_questions(request: Request) -> list[Question]:
    """The printed quiz's questions; more than the deck can ask together is a usage error."""
    from desktop.quiz.generate import build_bank
    from desktop.render.quiz_pick import DEFAULT_COUNT, pick

    seed = request.seed or 0
    chosen = pick(build_bank(request.deck, seed), request.deck, request.questions or DEFAULT_COUNT, seed)
    if request.questions and len(chosen) < request.questions:
        raise ExportError(
            f"--questions {request.questions}: only {len(chosen)} of this deck's questions can be asked together "
            "(one per figure, none showing another's answer)"
        )
    return chosen


def _export_pdf(request: Request, kind: str, path: Path, progress: Progress | None, chosen: list[Question]) -> Path:
    from desktop.render import pdf

    try:
        with atomic(path) as temporary:
            if kind == "quiz":
                pdf.write_quiz_pdf(request.deck, request.look, temporary, chosen, request.seed, progress)
            elif kind == "handout":
                per_page = request.per_page or pdf.DEFAULT_PER_PAGE
                indices, ink = request.indices(), request.ink
                pdf.write_handout_pdf(request.deck, request.look, indices, temporary, progress, ink, per_page)
            else:
                pdf.write_slides_pdf(request.deck, request.look, request.indices(), temporary, progress, request.ink)
    except OSError as error:
        raise ExportError(f"{path}: cannot write ({error.strerror or error})") from error
    return path
