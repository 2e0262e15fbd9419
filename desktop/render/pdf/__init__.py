"""PDF export: slides (16:9), a handout (A4, three slides a page beside their notes) and a printable quiz (A4).

Slides are their scenes drawn onto a QPdfWriter page, so text and charts stay vector and the PDF
looks like the screen. Every PDF ends with the "Sources" appendix: each figure it shows, with the
article sentence it comes from. The text layer is repaired after writing (see pdf/file), and the
same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from desktop.deck.figures import render
from desktop.deck.markup import plain
from desktop.deck.model import Deck
from desktop.deck.sections import numbered
from desktop.quiz.model import Question
from desktop.render.canvas import Look
from desktop.render.fonts import prose_family
from desktop.render.ink import Ink as Strokes
from desktop.render.ink import draw_strokes
from desktop.render.pdf.file import Canvas, Meta, a4_page, document_id, finish, fixed_date, slide_page
from desktop.render.pdf.handout import DEFAULT_PER_PAGE, PER_PAGE, slide_cell
from desktop.render.pdf.layout import (
    A4,
    PT,
    WIDE,
    Frame,
    Page,
    bookmarks,
    flow,
    paint_page,
    paper_ink,
    slide_ink,
)
from desktop.render.pdf.quiz import QuizLayout, groups, question_figures, version
from desktop.render.pdf.sources import SourceRow, figure_rows, source_blocks, sources
from desktop.render.scene import build_scene
from desktop.words import tr

__all__ = [
    "DEFAULT_PER_PAGE",
    "PER_PAGE",
    "Progress",
    "SourceRow",
    "sources",
    "write_handout_pdf",
    "write_quiz_pdf",
    "write_slides_pdf",
]

Progress = Callable[[int, int], None]  # called (done, total) after each page; it may raise to cancel


def write_slides_pdf(
    deck: Deck,
    look: Look,
    indices: list[int],
    path: Path,
    progress: Progress | None = None,
    strokes: Strokes | None = None,
) -> None:
    """One 16:9 page per slide in `indices` order, each at its final step, then the Sources appendix."""
    lang, title = look.lang, plain(render(deck.title, look.lang, {}))
    frame = Frame(WIDE, slide_ink(look.theme), prose_family(look.family, look.lang), title, tr("sources-sources", lang))
    rows = sources(deck, indices, lang)
    appendix = flow(source_blocks(deck, rows, lang, WIDE, frame.ink, frame.family), WIDE.text_height)
    total = len(indices) + len(appendix)
    meta = _meta(deck, look, "slides", indices)
    canvas = Canvas(slide_page(), meta, look.family)
    try:
        target = QRectF(0, 0, WIDE.width * PT, WIDE.height * PT)
        for index in indices:
            canvas.next_page()
            _draw_slide(canvas.painter, deck, index, look, target, strokes)
            _tell(progress, canvas.pages, total)
        _paint(canvas, frame, appendix, total, progress)
    finally:
        canvas.close()
    outline = [(_slide_title(deck, i, lang), n) for n, i in enumerate(indices)]
    finish(canvas, path, meta, look.family, outline + bookmarks(appendix, len(indices)))


def write_handout_pdf(
    deck: Deck,
    look: Look,
    indices: list[int],
    path: Path,
    progress: Progress | None = None,
    strokes: Strokes | None = None,
    per_page: int = DEFAULT_PER_PAGE,
) -> None:
    """A4 portrait: `per_page` slides a page (final step), each with its notes and lines for the reader's; then the
    Sources."""
    lang = look.lang
    ink = paper_ink(look.theme)
    frame = Frame(
        A4, ink, prose_family(look.family, look.lang), plain(render(deck.title, lang, {})), tr("pdf-handout", lang)
    )

    def draw(painter: QPainter, index: int, target: QRectF) -> None:
        _draw_slide(painter, deck, index, look, target, strokes, footer=False)

    blocks = [
        slide_cell(deck, i, look, ink, per_page, (_section_label(deck, i, lang), _slide_title(deck, i, lang)), draw)
        for i in indices
    ]
    rows = sources(deck, indices, lang)
    blocks += source_blocks(deck, rows, lang, A4, ink, frame.family)
    pages = flow(blocks, A4.text_height)
    meta = _meta(deck, look, "handout", indices, per_page=per_page)
    _write_pages(frame, pages, meta, path, progress, look.family)


def write_quiz_pdf(
    deck: Deck,
    look: Look,
    path: Path,
    questions: list[Question],
    seed: int | None = None,
    progress: Progress | None = None,
) -> None:
    """A printable quiz of `questions`: title page, questions by section, answer key, then the Sources.

    A `seed` given is one of several versions: its letter is printed on the cover and the key.
    """
    lang = look.lang
    ink = paper_ink(look.theme)
    grouped = groups(deck, questions, lang)
    layout = QuizLayout(deck, lang, A4, ink, prose_family(look.family, look.lang), version(seed))
    blocks = layout.title_page(grouped) + layout.questions(grouped) + layout.answer_key(grouped)
    rows = figure_rows(deck, question_figures(deck, questions), range(len(deck.slides)), lang)
    blocks += source_blocks(deck, rows, lang, A4, ink, prose_family(look.family, look.lang))
    pages = flow(blocks, A4.text_height)
    frame = Frame(
        A4, ink, prose_family(look.family, look.lang), plain(render(deck.title, lang, {})), tr("print-quiz", lang)
    )
    meta = _meta(deck, look, "quiz", [], seed)
    _write_pages(frame, pages, meta, path, progress, look.family)


def _meta(deck: Deck, look: Look, kind: str, indices: list[int], seed: int | None = None, per_page: int = 1) -> Meta:
    name = tr("print-quiz" if kind == "quiz" else f"pdf-{kind}", look.lang)
    title = f"{plain(render(deck.title, look.lang, {}))} — {name}"
    ident = document_id(deck, kind if per_page == 1 else f"{kind}-{per_page}", look.lang, look.theme.id, indices, seed)
    return Meta(title, look.lang, ident, fixed_date(deck))


def _write_pages(
    frame: Frame, pages: Sequence[Page], meta: Meta, path: Path, progress: Progress | None, family: str
) -> None:
    """An A4 document of laid-out pages; `family`, the deck's, is the one whose text layer is repaired."""
    canvas = Canvas(a4_page(), meta, family)
    try:
        _paint(canvas, frame, pages, len(pages), progress)
    finally:
        canvas.close()
    finish(canvas, path, meta, family, bookmarks(pages, 0))


def _paint(canvas: Canvas, frame: Frame, pages: Sequence[Page], total: int, progress: Progress | None) -> None:
    for page in pages:
        canvas.next_page()
        paint_page(canvas.painter, frame, page, canvas.pages, total)
        _tell(progress, canvas.pages, total)


def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _draw_slide(
    painter: QPainter,
    deck: Deck,
    index: int,
    look: Look,
    target: QRectF,
    strokes: Strokes | None = None,
    footer: bool = True,
) -> None:
    """The slide at its final step, drawn as vectors into `target`, with the presenter's ink if asked; without
    its footer's texts when the page prints them itself."""
    scene = build_scene(deck, index, look)
    scene.set_state(scene.steps - 1, 1.0)
    for item in () if footer else scene.footer:
        item.setVisible(False)
    painter.save()
    scene.render(painter, target, scene.sceneRect())
    if strokes is not None:
        painter.translate(target.topLeft())
        painter.scale(target.width() / scene.width(), target.height() / scene.height())
        draw_strokes(painter, strokes.strokes(deck.slides[index].id, scene.steps - 1))
    painter.restore()


def _slide_title(deck: Deck, index: int, lang: str) -> str:
    return f"{index + 1}. {plain(render(deck.slides[index].title, lang, deck.figures))}"


def _section_label(deck: Deck, index: int, lang: str) -> str:
    """'幻灯片 12 · 支柱三 · 商业变现体系升级' / 'Slide 12 · Pillar 3 · Monetisation'."""
    section = deck.section_of(deck.slides[index].id)
    parts = [f"{tr('pdf-slides', lang)} {index + 1}" if lang == "zh" else f"Slide {index + 1}"]
    if section is not None:
        name = plain(render(section.title, lang, {}))
        if section.number:
            name = f"{numbered(deck.section_word.get(lang), section.number, lang)} · {name}"
        parts.append(name)
    return " · ".join(parts)
