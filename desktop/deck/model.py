"""The deck model: frozen, typed records, each remembering where in which file it was written.

Records, not dataclasses: `import dataclasses` pulls in inspect, ast, dis and tokenize (about 20 ms),
and each frozen dataclass compiles its methods with exec as its module loads (about 2 ms a class):
together more than a third of a `casebook validate`. One base class, written once, does what the
deck needs of them: fields from the class's annotations, defaults from its class attributes, keyword
or positional construction (an `__init__` compiled once a class, as `namedtuple` does), no assignment
afterwards, equality and hash by value (leaving out the fields a class names in `uncompared`, as
`field(compare=False)` did), a repr, and `replace`.
"""

from __future__ import annotations

from functools import cached_property
from operator import itemgetter
from pathlib import Path

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
    "image",
)
CHART_KINDS = ("before-after", "composition", "benchmark")


class Record:
    """A frozen record whose fields are its class's annotations (see the module's docstring)."""

    _fields: tuple[str, ...] = ()

    def __init_subclass__(cls, uncompared: tuple[str, ...] = (), **options) -> None:
        super().__init_subclass__(**options)
        cls._fields = fields = tuple(cls.__dict__.get("__annotations__", {}))
        cls._key = staticmethod(itemgetter(*(name for name in fields if name not in uncompared)))
        # One small __init__ a class, compiled once, as namedtuple does: Python itself then checks the
        # arguments, and a model built in bulk (a deck, a question bank) pays a plain call, not a generic one.
        defaults = {name: cls.__dict__[name] for name in fields if name in cls.__dict__}
        parameters = ", ".join(f"{name}=_defaults[{name!r}]" if name in defaults else name for name in fields)
        values = ", ".join(f"{name!r}: {name}" for name in fields)
        namespace = {"_defaults": defaults}
        exec(f"def __init__(self, {parameters}):\n    self.__dict__.update({{{values}}})", namespace)
        cls.__init__ = namespace["__init__"]
        cls.__init__.__qualname__ = f"{cls.__qualname__}.__init__"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field '{name}' of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field '{name}' of a frozen {type(self).__name__}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key(self.__dict__) == other._key(other.__dict__)

    def __hash__(self) -> int:
        return hash(self._key(self.__dict__))

    def __repr__(self) -> str:
        values = self.__dict__
        return f"{type(self).__name__}({', '.join(f'{name}={values[name]!r}' for name in self._fields)})"

    def replace(self, **changes: object):
        """A copy with `changes` made."""
        values = self.__dict__
        return type(self)(**{name: values[name] for name in self._fields} | changes)


class Mark(Record):
    """A place in a deck file: 1-based line and column."""

    file: Path
    line: int = 0
    col: int = 0


NOWHERE = Mark(Path("<deck>"))


class Problem(Record):
    """One thing wrong with a deck; a warning does not stop it from loading."""

    mark: Mark
    message: str
    warning: bool = False

    def format(self, path: Path | None = None) -> str:
        """`FILE:LINE:COL: message`, with `path` standing for the file if given."""
        kind = "warning: " if self.warning else ""
        return f"{path or self.mark.file}:{self.mark.line}:{self.mark.col}: {kind}{self.message}"


class Text(Record):
    """A text a user sees, in each of the deck's languages."""

    by_lang: tuple[tuple[str, str], ...]

    def get(self, lang: str) -> str:
        """The text in `lang`; else in English (the app's own words fall back to it), else in its first language."""
        for code, value in self.by_lang:
            if code == lang:
                return value
        for code, value in self.by_lang:
            if code == "en":
                return value
        return self.by_lang[0][1] if self.by_lang else ""

    @classmethod
    def of(cls, **by_lang: str) -> Text:
        return cls(by_lang=tuple(by_lang.items()))


EMPTY_TEXT = Text(())


class Derivation(Record):
    """A figure computed from others: `terms` are (sign, figure id) pairs."""

    terms: tuple[tuple[int, str], ...]


class Figure(Record, uncompared=("mark",)):
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
    mark: Mark = NOWHERE


class Table(Record, uncompared=("mark",)):
    """A table of Texts; with `compare`, columns 2 and 3 are before and after."""

    id: str
    columns: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    compare: bool = False
    mark: Mark = NOWHERE


class Pair(Record, uncompared=("mark",)):
    """One row of a chart: a label and two figures (before/after, or ours/theirs)."""

    label: Text
    first: str
    second: str
    first_name: Text | None = None
    second_name: Text | None = None
    mark: Mark = NOWHERE


class ChartSpec(Record, uncompared=("mark",)):
    """What a chart shows: its kind and its pairs of figures."""

    kind: str
    pairs: tuple[Pair, ...]
    total: float | None = None
    mark: Mark = NOWHERE


class Event(Record, uncompared=("mark",)):
    """A dated step on a timeline, optionally citing a figure."""

    period: str
    label: Text
    figure: str | None = None
    mark: Mark = NOWHERE


class Picture(Record, uncompared=("mark",)):
    """A picture file of the deck, as its slide names it; validation fills in its format, size and stamp."""

    name: str
    format: str = ""  # png | jpeg | svg once read; empty while unread or unreadable
    width: int = 0  # pixels (0 for an SVG: drawn at any size)
    height: int = 0
    stamp: tuple[int, int] = (0, 0)  # the file's (mtime_ns, size): a changed file is a changed deck
    mark: Mark = NOWHERE


class Slide(Record, uncompared=("mark",)):
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
    image: Picture | None = None
    alt: Text | None = None  # what the picture shows, for readers who cannot see it
    mark: Mark = NOWHERE


class Section(Record, uncompared=("mark",)):
    """One file of the deck: an introduction, a numbered section (a pillar, a chapter), a conclusion."""

    id: str
    title: Text
    number: int | None
    figures: tuple[Figure, ...]
    tables: tuple[Table, ...]
    slides: tuple[Slide, ...]
    mark: Mark = NOWHERE


class Source(Record):
    """The document a deck's figures quote."""

    path: Path
    title: Text
    text: str
    language: str  # a language code: the article's own, declared or read from its file name


class Deck(Record):
    """A whole deck: its sections in order, and the source its figures quote."""

    id: str
    folder: Path
    title: Text
    subtitle: Text | None
    languages: tuple[str, ...]
    theme: str
    source: Source | None
    sections: tuple[Section, ...]
    section_word: Text  # the noun of a numbered section: 支柱 / Pillar, Chapter

    @cached_property
    def slides(self) -> tuple[Slide, ...]:
        return tuple(s for section in self.sections for s in section.slides)

    @cached_property
    def figures(self) -> dict[str, Figure]:
        return {f.id: f for section in self.sections for f in section.figures}

    @cached_property
    def tables(self) -> dict[str, Table]:
        return {t.id: t for section in self.sections for t in section.tables}

    @property
    def source_language(self) -> str:
        """The language the figures' sentences are quoted in: the source's, else the deck's first."""
        return self.source.language if self.source else self.languages[0]

    def section_of(self, slide_id: str) -> Section | None:
        for section in self.sections:
            if any(s.id == slide_id for s in section.slides):
                return section
        return None
