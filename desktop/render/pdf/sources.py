"""The "Sources" appendix: every figure a PDF shows, with the article sentence it comes from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.deck.figures import derivation, format_period, format_value, render, slide_figures
from desktop.deck.model import Deck, Figure
from desktop.render.pdf.layout import PT, Block, Doc, Ink, Paper, Run, columns_block, doc_block, marked
from desktop.words import tr, tr_in


@dataclass(frozen=True)
class SourceRow:
    """One figure as the appendix lists it."""

    figure: str  # the figure's id
    value: str  # as charted: '超12亿元', '+35%', '¥12 bn'
    measures: str  # what it measures, in the language asked
    period: str  # '2023Q2' / 'Q2 2023'; '' when the figure has none
    sentence: str  # the article's sentence, verbatim ('' for a derived figure the article does not state)
    slides: tuple[int, ...]  # 1-based numbers, in the whole deck, of the slides that show it
    arithmetic: str = ""  # a derived figure: '25% = 37% − 12个百分点', our arithmetic
    inputs: tuple[str, ...] = ()  # a derived figure: the article sentences of the figures it is computed from
    caveat: str = ""  # the deck's own warning about the figure, if any

    @property
    def derived(self) -> bool:
        return bool(self.arithmetic)


def sources(deck: Deck, indices: list[int], lang: str) -> list[SourceRow]:
    """Each figure shown on the slides `indices` once, in order of first appearance."""
    return figure_rows(deck, _shown(deck, indices), indices, lang)


def figure_rows(deck: Deck, ids: Iterable[str], slides: Iterable[int], lang: str) -> list[SourceRow]:
    """Rows for the figures `ids`; each lists which of the slides `slides` (indices) show it."""
    slides = list(slides)
    shown = {i: set(slide_figures(deck.slides[i], deck.tables)) for i in slides}
    rows = []
    for ident in dict.fromkeys(ids):
        figure = deck.figures.get(ident)
        if figure is None:
            continue
        numbers = tuple(sorted(i + 1 for i in slides if ident in shown[i]))
        rows.append(_row(deck, figure, numbers, lang))
    return rows


def _shown(deck: Deck, indices: Iterable[int]) -> list[str]:
    return [ident for i in indices for ident in slide_figures(deck.slides[i], deck.tables)]


def _row(deck: Deck, figure: Figure, slides: tuple[int, ...], lang: str) -> SourceRow:
    figures = deck.figures
    arithmetic, inputs = "", ()
    if figure.derived is not None:
        arithmetic = derivation(figure, figures, lang)
        inputs = tuple(dict.fromkeys(s for s in _input_sentences(figure, figures) if s != figure.source))
    return SourceRow(
        figure=figure.id,
        value=format_value(figure, lang, signed=figure.role == "change"),
        measures=render(figure.measures, lang, figures),
        period=format_period(figure.period, lang) if figure.period else "",
        sentence=figure.source or "",
        slides=slides,
        arithmetic=arithmetic,
        inputs=inputs,
        caveat=render(figure.caveat, lang, figures) if figure.caveat else "",
    )


def _input_sentences(figure: Figure, figures: dict[str, Figure], depth: int = 0) -> list[str]:
    """The sentences a derived figure rests on, following derived inputs down to stated ones."""
    found = []
    for _, ident in figure.derived.terms if figure.derived and depth < 8 else ():
        term = figures.get(ident)
        if term is None:
            continue
        if term.source:
            found.append(term.source)
        found += _input_sentences(term, figures, depth + 1)
    return found


def slide_list(numbers: tuple[int, ...], lang: str) -> str:
    """'幻灯片 3、12' / 'Slides 3, 12'."""
    if not numbers:
        return ""
    if lang == "zh":
        return "幻灯片 " + "、".join(map(str, numbers))
    return ("Slide " if len(numbers) == 1 else "Slides ") + ", ".join(map(str, numbers))


def quote(sentence: str) -> str:
    return f"“{sentence}”"


def source_blocks(deck: Deck, rows: list[SourceRow], lang: str, paper: Paper, ink: Ink, family: str) -> list[Block]:
    """The appendix: a heading, what it lists, then one row per figure (value left, provenance right)."""
    label = tr("sources-sources", lang)
    width = paper.text_width
    head = Doc(family, width)
    head.para(Run(label, paper.heading, ink.text, bold=True), after=paper.body * 0.6)
    intro = tr_in("sources-intro", lang, deck.source_language)
    head.para(Run(intro, paper.small, ink.muted), after=paper.small * 0.4)
    if deck.source is not None:
        head.para(*marked(tr("sources-article", lang) + render(deck.source.title, lang, {}), paper.small, ink.muted))
    if not rows:
        head.para(Run(tr("sources-none", lang), paper.body, ink.text), before=paper.body)
    blocks = [doc_block(head, new_page=True, keep_with_next=bool(rows), label=label, bookmark=label)]
    value_w = width * 0.2
    for row in rows:
        left = Doc(family, value_w)
        left.para(Run(row.value, paper.body * 1.15, ink.accent, bold=True), line=115)
        if row.slides:
            left.para(Run(slide_list(row.slides, lang), paper.small * 0.9, ink.muted), before=2)
        right = Doc(family, width - value_w - 12 * PT)
        what = row.measures + (f" · {row.period}" if row.period else "")
        right.para(*marked(what, paper.body, ink.text, bold=True), line=125)
        if row.sentence:
            right.para(Run(quote(row.sentence), paper.small, ink.text), before=2)
        if row.derived:
            right.para(Run(tr("sources-derived", lang) + row.arithmetic, paper.small, ink.accent), before=2)
            if row.inputs:
                text = tr("sources-inputs", lang) + " ".join(quote(s) for s in row.inputs)
                right.para(Run(text, paper.small, ink.muted), before=2)
        if row.caveat:
            right.para(*marked(tr("sources-caveat", lang) + row.caveat, paper.small, ink.muted), before=2)
        blocks.append(columns_block(left, right, 12 * PT, rule=ink.rule, pad=paper.small * 0.7 * PT, label=label))
    return blocks
