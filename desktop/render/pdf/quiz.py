"""The printable quiz: a title page, questions grouped by section, an answer key, then the sources."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.deck.figures import render, slide_figures
from desktop.deck.model import Deck
from desktop.deck.sections import in_sentence, zh_which
from desktop.quiz.generate import section_name
from desktop.quiz.model import Question
from desktop.render.pdf.layout import PT, Block, Doc, Ink, Paper, Run, columns_block, doc_block, marked, text_width
from desktop.words import tr

LETTERS = "ABCDEFGH"
_FILL = ("：", ": ")  # the fill line of a numeric prompt: '填空：超___亿元', 'Type the number: ___%'
BLANK = "\u2002" + "_" * 22 + "\u2002"  # room for a handwritten number and its working


@dataclass(frozen=True)
class Group:
    """The questions of one section, numbered from `first`."""

    title: str
    questions: tuple[Question, ...]
    first: int


def version(seed: int | None) -> str:
    """A seed chosen on the command line as the version a class sees: 0 is A, 1 is B; none chosen, no version."""
    if seed is None:
        return ""
    return chr(ord("A") + seed) if 0 <= seed < 26 else str(seed)


def groups(deck: Deck, bank: list[Question], lang: str) -> list[Group]:
    """Questions by numbered section (questions without one after them), in the order of their slides in each.

    "Which section is this figure from?" would be answered by its own heading, so those questions
    come last, in a group of their own.
    """
    sections = {s.number: s for s in deck.sections if s.number}
    place = {s.id: n for n, s in enumerate(deck.slides)}
    bank = sorted(bank, key=lambda q: place.get(q.slide, len(place)))  # stable: the bank's order on one slide
    by_section = [q for q in bank if q.kind != "section"]
    keys = sorted({q.section for q in by_section}, key=lambda n: (n not in sections, n or 0))
    parts = [
        (
            section_name(sections[key], lang) if key in sections else tr("print-other", lang),
            [q for q in by_section if q.section == key],
        )
        for key in keys
    ]
    noun = deck.section_word.get(lang)
    which = tr("print-which", lang, noun=in_sentence(noun), which=zh_which(noun))
    parts.append((which, [q for q in bank if q.kind == "section"]))
    out, first = [], 1
    for title, questions in parts:
        if questions:
            out.append(Group(title, tuple(questions), first))
            first += len(questions)
    return out


def question_figures(deck: Deck, bank: list[Question]) -> list[str]:
    """The figures the questions use: each question's own, and for comparisons all those on its slide."""
    index = {s.id: s for s in deck.slides}
    ids = []
    for q in bank:
        if q.figure:
            ids.append(q.figure)
        if q.kind not in ("recall", "numeric", "section") and q.slide in index:
            ids += slide_figures(index[q.slide], deck.tables)
    order = {ident: n for n, ident in enumerate(f for s in deck.slides for f in slide_figures(s, deck.tables))}
    return sorted(dict.fromkeys(ids), key=lambda i: order.get(i, len(order)))


class QuizLayout:
    def __init__(self, deck: Deck, lang: str, paper: Paper, ink: Ink, family: str, version: str = "") -> None:
        self.deck, self.lang, self.paper, self.ink, self.family = deck, lang, paper, ink, family
        self.version = tr("print-version", lang, v=version) if version else ""
        self.gutter = text_width("000.", paper.body, family, bold=True) + 4 * PT
        self.numbers = {s.id: n + 1 for n, s in enumerate(deck.slides)}

    def doc(self, width: float | None = None) -> Doc:
        return Doc(self.family, self.paper.text_width if width is None else width)

    def run(self, text: str, size: float | None = None, color: str | None = None, bold: bool = False) -> Run:
        return Run(text, size or self.paper.body, color or self.ink.text, bold)

    def title_page(self, groups: list[Group]) -> list[Block]:
        p, lang, ink = self.paper, self.lang, self.ink
        total = sum(len(g.questions) for g in groups)
        doc = self.doc()
        name = " · ".join(filter(None, (tr("print-quiz", lang), self.version)))
        doc.para(self.run(name, p.heading, ink.accent, bold=True), before=110, after=6)
        doc.para(*marked(render(self.deck.title, lang, {}), p.title, ink.text, bold=True), line=120, after=8)
        if self.deck.subtitle:
            doc.para(*marked(render(self.deck.subtitle, lang, {}), p.heading * 0.85, ink.muted), after=26)
        noun = in_sentence(self.deck.section_word.get(lang))
        doc.para(self.run(tr("print-count", lang, n=total, noun=noun), bold=True), after=4)
        doc.para(self.run(tr("print-how", lang), color=ink.muted), after=30)
        gap = "　　" if lang == "zh" else "\u2003\u2003"  # ideographic spaces would bring a CJK font into the PDF
        fields = gap.join(f"{tr(k, lang)} ________________" for k in ("print-fields", "print-class", "print-date"))
        doc.para(self.run(fields), after=34)
        doc.para(self.run(tr("print-contents", lang), p.body * 1.1, bold=True), after=6)
        tab = [p.text_width * 0.72]
        for g in groups:
            last = g.first + len(g.questions) - 1
            span = tr("print-range" if last > g.first else "print-single", lang).format(a=g.first, b=last)
            doc.para(self.run(g.title + "\t"), self.run(span, color=ink.muted), tabs=tab, after=3)
        return [doc_block(doc, new_page=True, bare=True, bookmark=tr("print-quiz", lang))]

    def heading(
        self, text: str, size: float, *, new_page: bool = False, bookmark: bool = True, label: str = ""
    ) -> Block:
        doc = self.doc()
        doc.para(self.run(text, size, self.ink.accent, bold=True), line=125)
        return doc_block(doc, before=14, keep_with_next=True, label=label, bookmark=text if bookmark else "")

    def questions(self, groups: list[Group]) -> list[Block]:
        label = tr("print-quiz", self.lang)
        blocks = []
        for group in groups:
            blocks.append(self.heading(group.title, self.paper.heading * 0.8, label=label))
            for n, q in enumerate(group.questions, group.first):
                blocks.append(self.question(n, q, label))
        blocks[0].new_page = True
        return blocks

    def question(self, n: int, q: Question, label: str) -> Block:
        p, lang = self.paper, self.lang
        number = self.doc(self.gutter)
        number.para(self.run(f"{n}.", bold=True))
        body = self.doc(p.text_width - self.gutter)
        lines = q.prompt.get(lang).split("\n")
        fill = lines.pop() if q.is_numeric and len(lines) > 1 and "___" in lines[-1] else ""
        for line in lines:
            body.para(self.run(line), after=2)
        if fill:
            shape = fill.split(_FILL[0 if lang == "zh" else 1], 1)[-1].replace("___", BLANK)
            body.para(self.run(tr("print-answer", lang), color=self.ink.muted), self.run(shape), before=12, after=4)
        else:
            self.choices(body, [c.get(lang) for c in q.choices])
        return columns_block(number, body, 0, before=11, label=label)

    def choices(self, body: Doc, choices: list[str]) -> None:
        """A–D on one line when they are short, two a line when they fit half, else one a line."""
        size, width = self.paper.body, body.doc.textWidth() - 6 * PT
        texts = [f"{LETTERS[i]}.\u2002{c}" for i, c in enumerate(choices)]
        widest = max(text_width(t, size, self.family) for t in texts) + 3 * size * PT
        per_line = next((min(k, len(texts)) for k in (4, 2) if widest * min(k, len(texts)) <= width), 1)
        step = width / per_line
        for start in range(0, len(texts), per_line):
            row = texts[start : start + per_line]
            runs = [self.run(t + ("\t" if i < len(row) - 1 else "")) for i, t in enumerate(row)]
            tabs = [6 * PT + step * k for k in range(1, per_line)]
            body.para(*runs, before=4 if start == 0 else 2, indent=6, tabs=tabs)

    def answer_key(self, groups: list[Group]) -> list[Block]:
        p, lang, ink = self.paper, self.lang, self.ink
        label = " · ".join(filter(None, (tr("print-key", lang), self.version)))
        head = self.doc()
        head.para(self.run(label, p.heading, bold=True), after=4)
        head.para(self.run(tr("print-key-intro", lang), p.small, ink.muted))
        blocks = [doc_block(head, new_page=True, keep_with_next=True, label=label, bookmark=label)]
        for group in groups:
            blocks.append(self.heading(group.title, p.body, bookmark=False, label=label))
            for n, q in enumerate(group.questions, group.first):
                blocks.append(self.answer(n, q, label))
        return blocks

    def answer(self, n: int, q: Question, label: str) -> Block:
        p, lang, ink = self.paper, self.lang, self.ink
        number = self.doc(self.gutter)
        number.para(self.run(f"{n}.", p.small, bold=True))
        body = self.doc(p.text_width - self.gutter)
        lines = q.explanation.get(lang).split("\n")
        letter = [] if q.is_numeric else [self.run(f"{LETTERS[q.answer]}\u2003", p.small, ink.accent, bold=True)]
        slide = tr("print-slide", lang).format(n=self.numbers[q.slide]) if q.slide in self.numbers else ""
        where = [self.run(f"\u2003{slide}", p.small * 0.9, ink.muted)] if slide else []
        body.para(*letter, self.run(lines[0], p.small, bold=True), *where, line=130)
        for line in lines[1:]:
            body.para(self.run(line, p.small * 0.95, ink.muted), line=130, before=1)
        return columns_block(number, body, 0, before=7, label=label)
