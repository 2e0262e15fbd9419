"""Theme files, read and checked like a section: the built-in ones, the deck's `themes/` and the user's own."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from desktop.deck.load import read_yaml
from desktop.deck.model import EMPTY_TEXT, Problem, Record, Text
from desktop.deck.reader import Reader, suggest
from desktop.resources import bundled, config_dir

BUILT_IN = ("light", "dark", "projector")
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}\Z")
TEXT, GRAPHIC = 4.5, 3.0  # the contrast WCAG AA asks of text (1.4.3) and of marks a reader needs (1.4.11)
# What the slides draw on what (desktop/render), and the contrast each pair needs to be read from the back of a room.
# Table stripes (`surface` on `background`) only tint: rows are told apart by `grid` rules, as no stripe dark
# enough to see at 3:1 leaves room for three text colours at 4.5:1 on it.
PAIRS = (
    ("text", "background", TEXT),  # titles, body, labels
    ("text", "surface", TEXT),  # a table's header and striped rows, quiz choices
    ("muted", "background", TEXT),  # section line, source line, slide number, captions; chart baselines
    ("muted", "surface", TEXT),  # a table's "before" column on a stripe
    ("after", "background", TEXT),  # big numbers, a table's "after" column, timeline figures; "after" bars
    ("after", "surface", TEXT),  # a table's "after" column on a stripe
    ("benchmark", "background", TEXT),  # a comparator's big number and bars
    ("accent", "background", TEXT),  # the quote mark, change labels; rules, timeline dots, the progress bar
    ("accent", "surface", GRAPHIC),  # the progress bar on its track
    ("positive", "background", TEXT),  # a rise, a right answer
    ("negative", "background", TEXT),  # a fall, a wrong answer
    ("before", "background", GRAPHIC),  # "before" bars
    ("grid", "background", GRAPHIC),  # the timeline's line, table rules, quiz cards' edges, chart separators
    ("grid", "surface", GRAPHIC),  # table rules between striped rows, the rule under a table's header
)


class Theme(Record):  # not a dataclass: made without exec at start-up (see desktop.deck.model)
    """Colours of every slide, as #rrggbb (`before` muted and `after` strong on every chart), and its smallest text."""

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
    min_text: int = 0  # px of a 1920×1080 slide: smaller text (footers, source lines) is drawn this large


COLOURS = tuple(name for name in Theme._fields if name not in ("id", "name", "min_text"))


def user_themes() -> Path:
    """The user's own themes, offered with every deck."""
    return config_dir() / "themes"


def _files(folder: Path) -> dict[str, Path]:
    try:
        found = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        return {p.stem: p for p in found if not p.name.startswith(".") and p.is_file()}
    except OSError:  # a folder we may not read (another user's home, say): no themes from it, and no stop
        return {}


def deck_themes(deck_folder: Path) -> dict[str, Path]:
    """The deck's own theme files, `themes/NAME.yaml`, by name."""
    return _files(deck_folder / "themes")


def theme_files(deck_folder: Path | None = None) -> dict[str, Path]:
    """Every theme offered, by name, in the order `T` cycles them: built-in, the deck's, the user's.

    A name in several places is the nearest file: the deck's, then the user's, then the built-in one.
    """
    built_in = bundled("assets") / "themes"
    found = {name: built_in / f"{name}.yaml" for name in BUILT_IN}
    own = deck_themes(deck_folder) if deck_folder is not None else {}
    found.update(own)
    for name, path in _files(user_themes()).items():
        if name not in own:
            found[name] = path
    return found


def read_theme(theme_id: str, path: Path, problems: list[Problem]) -> Theme | None:
    """The theme in `path`, or None; its problems (and contrast warnings) are added to `problems`."""
    r = Reader(file=path)
    node = read_yaml(path, r.problems)
    keys = r.mapping(node, "theme", (), ("base", "name", "min_text", *COLOURS)) if node else None
    theme = _theme(r, theme_id, node, keys) if keys is not None else None
    problems.extend(r.problems)
    return theme


def _theme(r: Reader, theme_id: str, node: yaml.Node, keys: dict[str, yaml.Node]) -> Theme | None:
    base = None
    if "base" in keys:
        name = r.choice(keys["base"], "base", BUILT_IN)
        base = read_theme(name, bundled("assets") / "themes" / f"{name}.yaml", r.problems) if name else None
    elif missing := [key for key in COLOURS if key not in keys]:
        listed = ", ".join(missing) if len(missing) < len(COLOURS) else "every colour"
        r.error(node, f"theme: missing {listed}; or write `base: light` (or dark, projector) and change a few")
    colours = {key: getattr(base, key, None) for key in COLOURS}
    for key in COLOURS:
        if key in keys:
            value = r.string(keys[key], key)
            if value is not None and not _COLOUR.match(value):
                r.error(keys[key], f"{key}: '{value}' is not a colour like #1f4e79 or #fff")
                value = None
            colours[key] = _six(value) if value else None
    min_text = _min_text(r, keys["min_text"]) if "min_text" in keys else getattr(base, "min_text", 0)
    if any(not p.warning for p in r.problems) or None in colours.values():
        return None
    worst: dict[yaml.Node, tuple[float, str, str, float]] = {}  # at each of the theme's own lines, its worst pair
    for fore, back, needed in PAIRS:
        ratio, at = contrast(colours[fore], colours[back]), keys.get(fore) or keys.get(back)
        if at is not None and ratio < needed and (at not in worst or ratio / needed < worst[at][0] / worst[at][3]):
            worst[at] = (ratio, fore, back, needed)
    for at, (ratio, fore, back, needed) in worst.items():
        r.warn(
            at,
            f"{fore} {colours[fore]} on {back} {colours[back]} has a contrast of {ratio:.1f}:1, "
            f"below the {needed:g}:1 it needs to be read from the back of a room (WCAG AA)",
        )
    name = _name(r, keys["name"]) if "name" in keys else EMPTY_TEXT
    return Theme(id=theme_id, name=name if name.by_lang else Text((("en", theme_id),)), min_text=min_text, **colours)


def _min_text(r: Reader, node: yaml.Node) -> int:
    """The smallest text a theme draws, in px of a 1920×1080 slide: 0 (as designed) up to 60."""
    value = r.number(node, "min_text", whole=True)
    if value is not None and not 0 <= value <= 60:
        r.error(node, f"min_text: {value} px is not between 0 and 60")
    return value if value is not None else 0


def _six(colour: str) -> str:
    """#rrggbb, lowercase, for #fff as for #FFFFFF."""
    digits = colour[1:].lower()
    return "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits))


def _name(r: Reader, node: yaml.Node) -> Text:
    """A plain name, or one a language: {zh: 深色, en: Dark} (the menus speak Chinese and English)."""
    if isinstance(node, yaml.MappingNode):
        pairs = ((k.value, r.string(v, f"name ({k.value})")) for k, v in node.value)
        return Text(tuple((lang, value) for lang, value in pairs if value))
    value = r.string(node, "name")
    return Text((("en", value),)) if value else EMPTY_TEXT


def _luminance(colour: str) -> float:
    """WCAG's relative luminance of #rrggbb."""
    linear = []
    for at in (1, 3, 5):
        c = int(colour[at : at + 2], 16) / 255
        linear.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    """WCAG's contrast ratio of two #rrggbb colours, 1 to 21."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def deck_theme(r: Reader, folder: Path, node: yaml.Node | None) -> str:
    """The theme deck.yaml names (light if none), once every theme file of the deck is checked."""
    own = deck_themes(folder)
    for theme_id, path in own.items():
        read_theme(theme_id, path, r.problems)
    theme_id = r.string(node, "theme") if node is not None else BUILT_IN[0]
    if theme_id is None or theme_id in own or theme_id in BUILT_IN:
        return theme_id or BUILT_IN[0]
    path = _files(user_themes()).get(theme_id)
    if path is None:
        offered = (*BUILT_IN, *own)
        r.error(
            node,
            f"theme: '{theme_id}' is not one of {', '.join(offered)}, nor a file themes/{theme_id}.yaml in the deck"
            + suggest(theme_id, offered),
        )
        return BUILT_IN[0]
    r.warn(node, f"theme: '{theme_id}' is your own ({path}); copy it into the deck's themes/ to share the deck")
    read_theme(theme_id, path, r.problems)
    return theme_id
