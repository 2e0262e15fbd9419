"""PDF export: slides (16:9), a handout (A4, each slide above its notes) and a printable quiz (A4).

Slides are their scenes drawn onto a QPdfWriter page, so text and charts stay vector and the PDF
looks like the screen. Every PDF ends with the "Sources" appendix: each figure it shows, with the
article sentence it comes from. The text layer is repaired after writing (see pdf/file), and the
same input always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from desktop.deck.figures import render
from desktop.deck.markup import plain
from desktop.deck.model import Deck
from desktop.deck.sections import numbered
from desktop.quiz.model import Question
from desktop.render.canvas import Look
from desktop.render.ink import Ink as Strokes
from desktop.render.ink import draw_strokes
from desktop.render.pdf.file import Canvas, Meta, a4_page, document_id, finish, fixed_date, slide_page
from desktop.render.pdf.layout import (
    A4,
    PT,
    WIDE,
    Block,
    Doc,
    Frame,
    Ink,
    Page,
    Run,
    bookmarks,
    doc_block,
    flow,
    marked,
    paint_page,
    paper_ink,
    slide_ink,
)
from desktop.render.pdf.quiz import QuizLayout, groups, question_figures, version
from desktop.render.pdf.sources import SourceRow, figure_rows, source_blocks, sources
from desktop.render.scene import build_scene
from desktop.words import tr

__all__ = ["Progress", "SourceRow", "sources", "write_handout_pdf", "write_quiz_pdf", "write_slides_pdf"]

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
    frame = Frame(WIDE, slide_ink(look.theme), look.family, title, tr("sources-sources", lang))
    rows = sources(deck, indices, lang)
    appendix = flow(source_blocks(deck, rows, lang, WIDE, frame.ink, look.family), WIDE.text_height)
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
) -> None:
    """A4 portrait: each slide (final step) above its speaker notes, one slide a page; then the Sources."""
    lang = look.lang
    ink = paper_ink(look.theme)
    frame = Frame(A4, ink, look.family, plain(render(deck.title, lang, {})), tr("pdf-handout", lang))
    blocks: list[Block] = []
    width = A4.text_width
    for index in indices:
        slide = deck.slides[index]
        height = width * 9 / 16

        def paint(painter: QPainter, clip: QRectF, index: int = index, height: float = height) -> None:
            _draw_slide(painter, deck, index, look, QRectF(0, 0, width, height), strokes)
            painter.setPen(QPen(QColor(ink.rule), 0.7 * PT))
            painter.drawRect(QRectF(0, 0, width, height))

        label = _section_label(deck, index, lang)
        blocks.append(Block(height, paint, new_page=True, label=label, bookmark=_slide_title(deck, index, lang)))
        notes = render(slide.notes, lang, deck.figures).strip()
        if notes:
            doc = Doc(look.family, width)
            doc.para(Run(tr("pdf-notes", lang), A4.small, ink.muted, bold=True), after=4)
            doc.para(*marked(notes, A4.body, ink.text), line=150, after=A4.body * 0.5)
            blocks.append(doc_block(doc, before=16, label=label))
        blocks.append(_ruled(tr("pdf-yours", lang), ink, look.family, label))
    rows = sources(deck, indices, lang)
    blocks += source_blocks(deck, rows, lang, A4, ink, look.family)
    pages = flow(blocks, A4.text_height)
    meta = _meta(deck, look, "handout", indices)
    _write_pages(frame, pages, meta, path, progress)


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
    layout = QuizLayout(deck, lang, A4, ink, look.family, version(seed))
    blocks = layout.title_page(grouped) + layout.questions(grouped) + layout.answer_key(grouped)
    rows = figure_rows(deck, question_figures(deck, questions), range(len(deck.slides)), lang)
    blocks += source_blocks(deck, rows, lang, A4, ink, look.family)
    pages = flow(blocks, A4.text_height)
    frame = Frame(A4, ink, look.family, plain(render(deck.title, lang, {})), tr("print-quiz", lang))
    meta = _meta(deck, look, "quiz", [], seed)
    _write_pages(frame, pages, meta, path, progress)


def _meta(deck: Deck, look: Look, kind: str, indices: list[int], seed: int | None = None) -> Meta:
    name = tr("print-quiz" if kind == "quiz" else f"pdf-{kind}", look.lang)
    title = f"{plain(render(deck.title, look.lang, {}))} — {name}"
    ident = document_id(deck, kind, look.lang, look.theme.id, indices, seed)
    return Meta(title, look.lang, ident, fixed_date(deck))


def _write_pages(frame: Frame, pages: Sequence[Page], meta: Meta, path: Path, progress: Progress | None) -> None:
    """An A4 document of laid-out pages."""
    canvas = Canvas(a4_page(), meta, frame.family)
    try:
        _paint(canvas, frame, pages, len(pages), progress)
    finally:
        canvas.close()
    finish(canvas, path, meta, frame.family, bookmarks(pages, 0))


def _paint(canvas: Canvas, frame: Frame, pages: Sequence[Page], total: int, progress: Progress | None) -> None:
    for page in pages:
        canvas.next_page()
        paint_page(canvas.painter, frame, page, canvas.pages, total)
        _tell(progress, canvas.pages, total)


def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _draw_slide(
    painter: QPainter, deck: Deck, index: int, look: Look, target: QRectF, strokes: Strokes | None = None
) -> None:
    """The slide at its final step, drawn as vectors into `target`, with the presenter's ink if asked."""
    scene = build_scene(deck, index, look)
    scene.set_state(scene.steps - 1, 1.0)
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


def _ruled(title: str, ink: Ink, family: str, label: str) -> Block:
    """Ruled lines for the reader's own notes, filling what is left of the page (left out if under 2.5 cm)."""
    gap = 24 * PT

    def paint(painter: QPainter, clip: QRectF) -> None:
        font_doc = Doc(family, A4.text_width)
        font_doc.para(Run(title, A4.small, ink.muted, bold=True))
        font_doc.draw(painter, QRectF(0, 0, A4.text_width, font_doc.height))
        painter.setPen(QPen(QColor(ink.rule), 0.5 * PT))
        y = font_doc.height + gap
        while y <= clip.bottom():
            painter.drawLine(QPointF(0, y), QPointF(A4.text_width, y))
            y += gap

    return Block(72 * PT, paint, before=18, fill=True, label=label)
