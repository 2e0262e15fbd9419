"""The deck's YAML schema: nodes of one file -> model objects, every problem recorded."""

from __future__ import annotations

import re

import yaml

from desktop.deck.model import (
    CHART_KINDS,
    EMPTY_TEXT,
    QUALIFIERS,
    ROLES,
    SLIDE_KINDS,
    ChartSpec,
    Derivation,
    Event,
    Figure,
    Pair,
    Picture,
    Section,
    Slide,
    Table,
)
from desktop.deck.numbers import number
from desktop.deck.reader import Reader, shorten

PERIOD = re.compile(r"\d{4}(Q[1-4])?([→–]\d{4}(Q[1-4])?)?\Z")
_TERM = re.compile(r"\s*([+-])?\s*([a-z0-9][a-z0-9-]*[a-z0-9]|[a-z0-9])\s*")
_TODO = {"measures": "say what this figure measures", "role": f"give the figure's role: {', '.join(ROLES)}"}

# Keys each slide kind takes besides id, kind, title and notes.
SLIDE_KEYS = {
    "title": ("subtitle",),
    "bullets": ("bullets", "figures", "image", "alt"),
    "table": ("table",),
    "chart": ("chart", "caption"),
    "big-number": ("figures", "caption"),
    "timeline": ("events",),
    "quote": ("quote", "attribution"),
    "discussion": ("questions",),
    "quiz": ("figures",),
    "image": ("image", "caption", "alt"),
}
# The key each kind cannot do without (a misspelt one is reported once, as unknown, with a suggestion).
_REQUIRED = {kind: keys[:1] for kind, keys in SLIDE_KEYS.items() if kind != "title"}


def read_section(r: Reader, node: yaml.Node, expected: int) -> Section | None:
    """One section file; `expected` is the number its `number:` must have (one after the last numbered one)."""
    keys = r.mapping(node, "section", ("id", "title", "slides"), ("number", "figures", "tables", "pillar"))
    if keys is None:
        return None
    if "pillar" in keys:
        given = shorten(keys["pillar"].value) if isinstance(keys["pillar"], yaml.ScalarNode) else expected
        r.error(keys["pillar"], f"pillar: write 'number: {given}' instead (deck.yaml's section_word names the noun)")
    number = _number(r, keys["number"], expected) if "number" in keys else None
    figures = [read_figure(r, n) for n in r.sequence(keys["figures"], "figures")] if "figures" in keys else []
    tables = [read_table(r, n) for n in r.sequence(keys["tables"], "tables")] if "tables" in keys else []
    slides = [read_slide(r, n) for n in r.sequence(keys["slides"], "slides")] if "slides" in keys else []
    if "slides" in keys and not slides:
        r.error(keys["slides"], "slides: a section needs at least one slide")
    return Section(
        id=r.declare(keys["id"], "section id", "section") if "id" in keys else "",
        title=r.text(keys["title"], "section title") if "title" in keys else EMPTY_TEXT,
        number=number,
        figures=tuple(f for f in figures if f),
        tables=tuple(t for t in tables if t),
        slides=tuple(s for s in slides if s),
        mark=r.mark(node),
    )


def _number(r: Reader, node: yaml.Node, expected: int) -> int | None:
    number = r.number(node, "number", whole=True)
    if number is None:
        return None
    if number != expected:
        r.error(node, f"number: expected {expected}, got {number} (numbered sections count 1, 2, 3… in deck order)")
    # Kept though wrong, so the next section is checked against it: one gap is one problem, not a cascade.
    return max(1, number)


def read_figure(r: Reader, node: yaml.Node) -> Figure | None:
    keys = r.mapping(
        node,
        "figure",
        ("id", "measures", "role"),
        ("value", "derived", "unit", "period", "qualifier", "source", "caveat"),
    )
    if keys is None:
        return None
    errors_before = len(r.problems)
    ident = r.declare(keys["id"], "figure id", "figure") if "id" in keys else ""
    todo = {key for key in _TODO if getattr(keys.get(key), "value", None) == "TODO"}  # left by `casebook draft`
    for key in todo:
        r.error(keys[key], f"TODO: {_TODO[key]}")
    qualifier = (r.choice(keys["qualifier"], "qualifier", QUALIFIERS) if "qualifier" in keys else None) or "exact"
    value, derived = _figure_value(r, node, keys, qualifier)
    unit = r.string(keys["unit"], "unit") if "unit" in keys else None  # any unit: the app formats those it knows
    if unit is not None and (not unit.strip() or any(c in unit for c in "\t\n\r")):
        r.error(keys["unit"], "unit: expected a unit on one line, such as %, $m or stores")
        unit = None
    if qualifier == "rank" and unit is not None:
        r.error(keys["unit"], "unit: a rank (TOP1) has no unit")
    source = r.string(keys["source"], "source") if "source" in keys else None
    if "derived" in keys and "source" in keys:
        r.error(keys["source"], "source: a derived figure has no sentence of its own; its inputs have")
    if "derived" not in keys and "source" not in keys:
        r.error(node, f"figure '{ident}': missing key 'source' (the article's sentence, verbatim)")
    figure = Figure(
        id=ident,
        value=value,
        unit=unit,
        period=_period(r, keys["period"]) if "period" in keys else None,
        measures=r.text(keys["measures"], "measures") if "measures" in keys else EMPTY_TEXT,
        role=(r.choice(keys["role"], "role", ROLES) if "role" in keys and "role" not in todo else None) or "level",
        qualifier=qualifier,
        source=source,
        caveat=r.text(keys["caveat"], "caveat") if "caveat" in keys else None,
        derived=derived,
        mark=r.mark(node),
    )
    if any(not p.warning for p in r.problems[errors_before:]):
        r.broken.add(ident)
    return figure


def _period(r: Reader, node: yaml.Node) -> str | None:
    period = r.string(node, "period")
    if period is not None and not PERIOD.match(period):
        hyphen = "; use – or →, not a hyphen, in a period" if PERIOD.match(period.replace("-", "–")) else ""
        r.error(node, f"period: '{period}' is not like 2019, 2023Q2, 2020→2023 or 2019–2023{hyphen}")
        return None
    return period


def _figure_value(r: Reader, node, keys, qualifier):
    """(value, derivation) from `value` or `derived`; exactly one must be given."""
    if ("value" in keys) == ("derived" in keys):
        r.error(node, "figure: give either 'value' (a number) or 'derived' (an expression), not both or neither")
        return 0.0, None
    if "derived" in keys:
        return 0.0, _derivation(r, keys["derived"])
    value_node = keys["value"]
    if qualifier == "range":
        items = r.sequence(value_node, "value") if isinstance(value_node, yaml.SequenceNode) else []
        bounds = [r.number(n, "value") for n in items]
        if len(bounds) != 2 or None in bounds or bounds[0] >= bounds[1]:
            r.error(value_node, "value: a range is [low, high] with low < high")
            return (0.0, 0.0), None
        return (bounds[0], bounds[1]), None
    return r.number(value_node, "value") or 0.0, None


def _derivation(r: Reader, node: yaml.Node) -> Derivation | None:
    expression = r.string(node, "derived")
    if expression is None:
        return None
    terms, position = [], 0
    while position < len(expression):
        match = _TERM.match(expression, position)
        if not match or match.end() == position or (terms and not match.group(1)):
            r.error(node, f"derived: '{expression}' is not like 'figure-a - figure-b'")
            return None
        sign = -1 if match.group(1) == "-" else 1
        terms.append((sign, match.group(2)))
        position = match.end()
    for _, ident in terms:
        r.uses(ident, "figure", node)
    return Derivation(tuple(terms)) if terms else None


def read_table(r: Reader, node: yaml.Node) -> Table | None:
    keys = r.mapping(node, "table", ("id", "columns", "rows"), ("compare",))
    if keys is None:
        return None
    columns = r.texts(keys["columns"], "columns") if "columns" in keys else ()
    if "columns" in keys and not columns:
        r.error(keys["columns"], "columns: a table needs at least one column")
    rows = []
    for row_node in r.sequence(keys["rows"], "rows") if "rows" in keys else []:
        row = r.texts(row_node, "row")
        if columns and len(row) != len(columns):
            r.error(row_node, f"row: {len(row)} cells, but the table has {len(columns)} columns")
        rows.append(row)
    compare = bool(r.boolean(keys["compare"], "compare")) if "compare" in keys else False
    if compare and len(columns) != 3:
        r.error(node, "table: a comparison table has 3 columns (what | before | after)")
    return Table(
        id=r.declare(keys["id"], "table id", "table") if "id" in keys else "",
        columns=columns,
        rows=tuple(rows),
        compare=compare,
        mark=r.mark(node),
    )


def read_slide(r: Reader, node: yaml.Node) -> Slide | None:
    kind = None
    if isinstance(node, yaml.MappingNode):
        kind_node = next((v for k, v in node.value if getattr(k, "value", None) == "kind"), None)
        kind = r.choice(kind_node, "kind", SLIDE_KINDS) if kind_node is not None else None
    required = ("id", "kind") + (("title",) if kind not in (None, "quote") else ()) + _REQUIRED.get(kind, ())
    extra = SLIDE_KEYS.get(kind, ()) if kind else tuple(k for keys in SLIDE_KEYS.values() for k in keys)
    keys = r.mapping(node, f"{kind or ''} slide".strip(), required, ("notes", "title", *extra))
    if keys is None or kind is None:
        return None
    ident = r.declare(keys["id"], "slide id", "slide") if "id" in keys else ""
    if "notes" not in keys:
        r.warn(node, f"slide '{ident}' has no speaker notes")
    if "image" in keys and "alt" not in keys:
        r.warn(keys["image"], f"slide '{ident}': say what the picture shows in 'alt' (for readers who cannot see it)")
    if kind == "bullets" and "alt" in keys and "image" not in keys:  # an image slide says it misses its image
        r.error(keys["alt"], "alt: says what a picture shows, but this slide has no 'image'")

    def text(key: str):
        return r.text(keys[key], key) if key in keys else None

    def figure_ids(key: str) -> tuple[str, ...]:
        if key not in keys:
            return ()
        items = r.sequence(keys[key], key)
        if kind == "big-number" and not 1 <= len(items) <= 4:
            r.error(keys[key], "figures: a big-number slide shows 1 to 4 figures")
        if kind == "quiz" and len(items) != 1:
            r.error(keys[key], "figures: a quiz slide asks about exactly one figure")
        return tuple(r.reference(n, key, "figure") for n in items)

    return Slide(
        id=ident,
        kind=kind,
        title=text("title") or EMPTY_TEXT,
        notes=text("notes") or EMPTY_TEXT,
        subtitle=text("subtitle"),
        bullets=r.texts(keys["bullets"], "bullets") if "bullets" in keys else (),
        figures=figure_ids("figures"),
        table=r.reference(keys["table"], "table", "table") if "table" in keys else None,
        chart=read_chart(r, keys["chart"]) if "chart" in keys else None,
        caption=text("caption"),
        events=tuple(read_event(r, n) for n in r.sequence(keys["events"], "events")) if "events" in keys else (),
        quote=text("quote"),
        attribution=text("attribution"),
        questions=r.texts(keys["questions"], "questions") if "questions" in keys else (),
        image=_picture(r, keys["image"]) if "image" in keys else None,
        alt=text("alt"),
        mark=r.mark(node),
    )


def _picture(r: Reader, node: yaml.Node) -> Picture | None:
    """The picture a slide names; validation looks for the file and reads it."""
    name = r.string(node, "image")
    return Picture(name=name, mark=r.mark(node)) if name is not None else None


def read_event(r: Reader, node: yaml.Node) -> Event:
    keys = r.mapping(node, "event", ("period", "label"), ("figure",)) or {}
    return Event(
        period=(_period(r, keys["period"]) if "period" in keys else None) or "",
        label=r.text(keys["label"], "label") if "label" in keys else EMPTY_TEXT,
        figure=r.reference(keys["figure"], "figure", "figure") if "figure" in keys else None,
        mark=r.mark(node),
    )


def read_chart(r: Reader, node: yaml.Node) -> ChartSpec | None:
    keys = r.mapping(node, "chart", ("kind", "pairs"), ("total",))
    if keys is None or "kind" not in keys:
        return None
    kind = r.choice(keys["kind"], "chart kind", CHART_KINDS)
    names = ("ours", "theirs") if kind == "benchmark" else ("before", "after")
    pairs = []
    for pair_node in r.sequence(keys["pairs"], "pairs") if "pairs" in keys else []:
        extra = ("ours_name", "theirs_name") if kind == "benchmark" else ()
        pair = r.mapping(pair_node, "pair", ("label", *names, *extra))
        if pair is None:
            continue
        pairs.append(
            Pair(
                label=r.text(pair["label"], "label") if "label" in pair else EMPTY_TEXT,
                first=r.reference(pair[names[0]], names[0], "figure") if names[0] in pair else "",
                second=r.reference(pair[names[1]], names[1], "figure") if names[1] in pair else "",
                first_name=r.text(pair["ours_name"], "ours_name") if "ours_name" in pair else None,
                second_name=r.text(pair["theirs_name"], "theirs_name") if "theirs_name" in pair else None,
                mark=r.mark(pair_node),
            )
        )
    if "pairs" in keys and not pairs:
        r.error(keys["pairs"], "pairs: a chart needs at least one pair")
    total = r.number(keys["total"], "total") if "total" in keys else None
    if total is not None and kind != "composition":
        r.error(keys["total"], "total: only a composition chart has a total")
    elif total is not None and total <= 0:
        r.error(keys["total"], f"total: the parts make up a whole of more than 0, not {number(total)}")
    return ChartSpec(kind=kind or "", pairs=tuple(pairs), total=total, mark=r.mark(node))
