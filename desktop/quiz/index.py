"""Where things live in a deck: each figure's section and slides, its before/after partner, who derives from it."""

from __future__ import annotations

import re
from collections import Counter

from desktop.deck.figures import slide_figures
from desktop.deck.markup import plain_deck
from desktop.deck.model import Deck, Figure, Section, Slide, Table, Text
from desktop.quiz.wording import content_words

_CITED = re.compile(r"\{([a-z0-9][a-z0-9-]*)\}")  # a figure cited as stated, as a compare table's cells do


class DeckIndex:
    """Look-ups the question generators share, computed once per deck."""

    _held: dict[int, tuple[Deck, DeckIndex]] = {}

    @classmethod
    def of(cls, deck: Deck) -> DeckIndex:
        """One index per deck, kept for the last few decks: by identity, as hashing a whole deck costs as much."""
        held = cls._held.get(id(deck))
        if held is None or held[0] is not deck:
            while len(cls._held) >= 4:
                del cls._held[next(iter(cls._held))]
            held = cls._held[id(deck)] = (deck, cls(deck))
        return held[1]

    def __init__(self, deck: Deck) -> None:
        deck = plain_deck(deck)  # a question is plain text: "**" would show in it, or in `questions --json`
        self.deck = deck
        self.figures = deck.figures
        self.tables = deck.tables
        self._section: dict[str, Section] = {}
        for section in deck.sections:
            for ident in [f.id for f in section.figures] + [t.id for t in section.tables]:
                self._section[ident] = section
        self._on_slide = {slide.id: slide_figures(slide, deck.tables) for slide in deck.slides}
        self._shown: dict[str, list[Slide]] = {}
        # A quiz slide asks about its figure: a question links back to where the figure is shown instead.
        for slide in sorted(deck.slides, key=lambda s: s.kind == "quiz"):
            for ident in self._on_slide[slide.id]:
                self._shown.setdefault(ident, []).append(slide)
        self._asked_as = {ident: _asked_as(f) for ident, f in self.figures.items()}
        self._asked = Counter(self._asked_as.values())
        self._partner: dict[str, Figure | None] = {}  # counterpart, worked out on first ask
        self._once: dict[tuple, object] = {}
        self._derived_from: dict[str, list[Figure]] = {}
        for figure in self.figures.values():
            for ident in dict.fromkeys(t for _, t in figure.derived.terms) if figure.derived else ():
                self._derived_from.setdefault(ident, []).append(figure)
        self._columns: dict[tuple[str, str], tuple[Text, Text]] = {}
        for table in self.tables.values():
            for row in table.rows if table.compare else ():
                for before in _CITED.findall(row[1].get("zh")):
                    for after in _CITED.findall(row[2].get("zh")):
                        self._columns.setdefault((before, after), (table.columns[1], table.columns[2]))
        # A source quoting a table row ('电商佣金 | 4% | 30% |') is found by its first cell, as the article wrote it.
        self._row_named: dict[str, tuple[Table, int]] = {}
        for table in self.tables.values():
            for number, row in enumerate(table.rows):
                self._row_named.setdefault(row[0].get(deck.source_language).strip(), (table, number))
        self._table_slide: dict[str, str] = {}
        for slide in reversed(deck.slides):  # the first slide that shows a table wins
            if slide.table:
                self._table_slide[slide.table] = slide.id
        self._slide_section = {s.id: section for section in deck.sections for s in section.slides}
        self.numbered = tuple(s for s in deck.sections if s.number is not None)
        self._title_words = {
            s.id: {lang: content_words(s.title.get(lang), lang) for lang in deck.languages} for s in deck.sections
        }
        self.section_word = deck.section_word

    def once(self, key: tuple, make):
        """`make()`, worked out on the first ask for `key`: a bank built again from the same deck reuses it."""
        if key not in self._once:
            self._once[key] = make()
        return self._once[key]

    def section(self, ident: str) -> Section:
        """The section that declares a figure or a table."""
        return self._section[ident]

    def title_words(self, section: Section) -> dict[str, frozenset[str]]:
        """The content words of a section's title, per language of the deck."""
        return self._title_words[section.id]

    def slide_section(self, slide_id: str) -> Section:
        return self._slide_section[slide_id]

    def slides(self, figure_id: str) -> list[Slide]:
        """Slides of the figure's own section that show it, in order."""
        home = self._section[figure_id]
        return [s for s in self._shown.get(figure_id, []) if self._slide_section[s.id] is home]

    def home_slide(self, figure_id: str) -> str:
        """The first slide of its section that shows the figure, else any that does, else the section's first."""
        return self.once(("home", figure_id), lambda: self._home_slide(figure_id))

    def _home_slide(self, figure_id: str) -> str:
        own = self.slides(figure_id)
        if own:
            return own[0].id
        anywhere = self._shown.get(figure_id)
        return anywhere[0].id if anywhere else self._section[figure_id].slides[0].id

    def compare_columns(self, before_id: str, after_id: str) -> tuple[Text, Text] | None:
        """The two column names of the first compare table whose row cites `before_id`, then `after_id`."""
        return self._columns.get((before_id, after_id))

    def quoted_row(self, source: str) -> tuple[Table, int] | None:
        """The table row a source quotes as 'cell | cell | cell |', if the deck has that table."""
        cells = [c.strip() for c in source.split("|")]
        return self._row_named.get(cells[0]) if len(cells) > 2 else None

    def table_slide(self, table: Table) -> str:
        """The first slide that shows the table, else its section's first."""
        return self._table_slide.get(table.id) or self._section[table.id].slides[0].id

    def stated(self, ident: str) -> Figure | None:
        """The figure if the article states it (not derived, not missing)."""
        figure = self.figures.get(ident)
        return figure if figure is not None and figure.derived is None else None

    def counterpart(self, figure: Figure) -> Figure | None:
        """The other end of a before/after pair with the same measure in the same section."""
        if figure.role not in ("before", "after"):
            return None
        if figure.id not in self._partner:
            other = "after" if figure.role == "before" else "before"
            found = (
                c
                for c in self._section[figure.id].figures
                if c.role == other and c.measures == figure.measures and c.unit == figure.unit
            )
            self._partner[figure.id] = next(found, None)
        return self._partner[figure.id]

    def is_ambiguous_alone(self, figure: Figure) -> bool:
        """Another figure has the same measure and period, so the question must say which one it asks."""
        return self._asked[self._asked_as[figure.id]] > 1

    def alike(self, figure: Figure, other: Figure) -> bool:
        """Two figures a question without a partner cannot tell apart."""
        return self._asked_as[figure.id] == self._asked_as[other.id]

    def derived_from(self, figure_id: str) -> list[Figure]:
        """Derived figures that use this one as an input."""
        return self._derived_from.get(figure_id, [])

    def neighbours(self, figure: Figure) -> tuple[list[Figure], list[Figure]]:
        """Stated figures on the same slides, then the rest of the same section (distractor sources)."""
        ids = [i for s in self.slides(figure.id) for i in self._on_slide[s.id]]
        near = [self.figures[i] for i in dict.fromkeys(ids) if i != figure.id and i in self.figures]
        seen = {f.id for f in near}  # by id: comparing figures compares every field, their texts too
        rest = [f for f in self._section[figure.id].figures if f.id != figure.id and f.id not in seen]
        return [f for f in near if f.derived is None], [f for f in rest if f.derived is None]


def _asked_as(figure: Figure) -> tuple[str, str | None]:
    """What a question names a figure by: its measure (in Chinese, else the deck's first language) and period."""
    return figure.measures.get("zh"), figure.period
