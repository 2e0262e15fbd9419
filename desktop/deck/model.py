"""The deck model: frozen dataclasses, each remembering where in which file it was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

UNITS = ("%", "pp", "亿元", "分钟", "条", "×")
ROLES = ("before", "after", "benchmark", "change", "level")
QUALIFIERS = ("exact", "more-than", "about", "range", "rank")
SLIDE_KINDS = (
    "title",
    "bullets",
    "table",
    "chart",
    "big-number",
    "timeline",
    "quote",
    "discussion",
    "quiz",
)
CHART_KINDS = ("before-after", "composition", "benchmark")


@dataclass(frozen=True)
class Mark:
    """A place in a deck file: 1-based line and column."""

    file: Path
    line: int = 0
    col: int = 0


NOWHERE = Mark(Path("<deck>"))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a deck; a warning does not stop it from loading."""

    mark: Mark
    message: str
    warning: bool = False

    def format(self, path: Path | None = None) -> str:
        """`FILE:LINE:COL: message`, with `path` standing for the file if given."""
        kind = "warning: " if self.warning else ""
        return f"{path or self.mark.file}:{self.mark.line}:{self.mark.col}: {kind}{self.message}"


@dataclass(frozen=True)
class Text:
    """A text a user sees, in each of the deck's languages."""

    by_lang: tuple[tuple[str, str], ...]

    def get(self, lang: str) -> str:
        for code, value in self.by_lang:
            if code == lang:
                return value
        return self.by_lang[0][1] if self.by_lang else ""

    @classmethod
    def of(cls, **by_lang: str) -> Text:
        return cls(tuple(by_lang.items()))


EMPTY_TEXT = Text(())


@dataclass(frozen=True)
class Derivation:
    """A figure computed from others: `terms` are (sign, figure id) pairs."""

    terms: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Figure:
    """A number the article states (or one derived from such numbers), with its provenance."""

    id: str
    value: float | tuple[float, float]
    unit: str | None
    period: str | None
    measures: Text
    role: str
    qualifier: str
    source: str | None
    caveat: Text | None = None
    derived: Derivation | None = None
    mark: Mark = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Table:
    """A table of Texts; with `compare`, columns 2 and 3 are before and after."""

    id: str
    columns: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    compare: bool = False
    mark: Mark = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Pair:
    """One row of a chart: a label and two figures (before/after, or ours/theirs)."""

    label: Text
    first: str
    second: str
    first_name: Text | None = None
    second_name: Text | None = None
    mark: Mark = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class ChartSpec:
    """What a chart shows: its kind and its pairs of figures."""

    kind: str
    pairs: tuple[Pair, ...]
    total: float | None = None
    mark: Mark = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Event:
    """A dated step on a timeline, optionally citing a figure."""

    period: str
    label: Text
    figure: str | None = None
    mark: Mark = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Slide:
    """A slide of any kind; fields a kind does not use stay empty."""

    id: str
    kind: str
    title: Text
    notes: Text
    subtitle: Text | None = None
    bullets: tuple[Text, ...] = ()
    figures: tuple[str, ...] = ()
    table: str | None = None
    chart: ChartSpec | None = None
    caption: Text | None = None
    events: tuple[Event, ...] = ()
    quote: Text | None = None
    attribution: Text | None = None
    questions: tuple[Text, ...] = ()
    mark: Mark = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Section:
    """One file of the deck: an introduction, a pillar, a conclusion."""

    id: str
    title: Text
    pillar: int | None
    figures: tuple[Figure, ...]
    tables: tuple[Table, ...]
    slides: tuple[Slide, ...]
    mark: Mark = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Source:
    """The document a deck's figures quote."""

    path: Path
    title: Text
    text: str


@dataclass(frozen=True)
class Deck:
    """A whole deck: its sections in order, and the source its figures quote."""

    id: str
    folder: Path
    title: Text
    subtitle: Text | None
    languages: tuple[str, ...]
    theme: str
    source: Source | None
    sections: tuple[Section, ...]

    @cached_property
    def slides(self) -> tuple[Slide, ...]:
        return tuple(s for section in self.sections for s in section.slides)

    @cached_property
    def figures(self) -> dict[str, Figure]:
        return {f.id: f for section in self.sections for f in section.figures}

    @cached_property
    def tables(self) -> dict[str, Table]:
        return {t.id: t for section in self.sections for t in section.tables}

    def section_of(self, slide_id: str) -> Section | None:
        for section in self.sections:
            if any(s.id == slide_id for s in section.slides):
                return section
        return None
