"""Themes are data: `assets/themes/NAME.yaml`, read with the deck's own checked YAML reader."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.deck.load import read_yaml
from desktop.deck.model import Mark, Problem, Record, Text
from desktop.deck.reader import Reader
from desktop.resources import bundled

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\Z")


class Theme(Record):  # not a dataclass: made without exec at start-up (see desktop.deck.model)
    """Colours of every slide, as #rrggbb; `before` is muted and `after` strong on every chart."""

    id: str
    name: Text
    background: str
    surface: str
    text: str
    muted: str
    accent: str
    before: str
    after: str
    benchmark: str
    grid: str
    positive: str
    negative: str


COLOURS = tuple(name for name in Theme._fields if name not in ("id", "name"))


def theme_ids(folder: Path | None = None) -> tuple[str, ...]:
    """The themes shipped, in the order `T` cycles them."""
    names = sorted(p.stem for p in (folder or bundled("assets") / "themes").glob("*.yaml"))
    order = ("light", "dark", "projector")
    return tuple(sorted(names, key=lambda n: (order.index(n) if n in order else len(order), n)))


def load_theme(theme_id: str, folder: Path | None = None) -> tuple[Theme | None, list[Problem]]:
    path = (folder or bundled("assets") / "themes") / f"{theme_id}.yaml"
    if not path.is_file():
        return None, [Problem(Mark(path, 1, 1), f"no theme '{theme_id}' (themes: {', '.join(theme_ids(folder))})")]
    r = Reader(file=path)
    node = read_yaml(path, r.problems)
    keys = r.mapping(node, "theme", ("name", *COLOURS)) if node else None
    if keys is None or r.problems:
        return None, r.problems
    colours = {}
    for key in COLOURS:
        value = r.string(keys[key], key)
        if value is not None and not _COLOUR.match(value):
            r.error(keys[key], f"{key}: '{value}' is not a colour like #1f4e79")
        colours[key] = value
    if r.problems:
        return None, r.problems
    return Theme(id=theme_id, name=r.text(keys["name"], "name"), **colours), []
