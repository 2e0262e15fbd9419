"""Typed reads from YAML nodes that record a problem, with its line, instead of raising."""

from __future__ import annotations

import bisect
import math
import re
from pathlib import Path

import yaml

from desktop.deck.load import node_mark
from desktop.deck.markup import unclosed
from desktop.deck.model import Mark, Problem, Text
from desktop.deck.numbers import LIMITS, unprintable

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
PLACEHOLDER = re.compile(r"\{([a-z0-9][a-z0-9-]*)(?::value)?\}")
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + name for name in ("map", "seq", "str", "int", "float", "bool", "null")}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what no slide can show; tabs and line breaks can
_NULLS = ("", "~", "null", "Null", "NULL")
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_NUMBER_IN = re.compile(r"\d+(?:\.\d+)?")
_RANGE = re.compile(r"\d+(\.\d+)?\s*[-–~～]\s*\d+(\.\d+)?")
_BOOLS = {"true": True, "True": True, "false": False, "False": False}


def suggest(word: str, options) -> str:
    """ "; did you mean 'x'?" for a near miss, else an empty string (difflib is imported only here)."""
    import difflib

    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class Suggestions:
    """`suggest` among many ids, sub-linear: difflib sees only the ids beside the word in sorted order, forwards
    and backwards (a typo keeps the start or the end of a word), never all of them (alike ids all pass its
    quick filters: 0.2 s a word among 1,000 figures)."""

    WINDOW = 8

    def __init__(self, options) -> None:
        self.forwards = sorted(options)
        self.backwards = sorted(option[::-1] for option in self.forwards)

    def __call__(self, word: str) -> str:
        near = self._beside(self.forwards, word) + [o[::-1] for o in self._beside(self.backwards, word[::-1])]
        return suggest(word, dict.fromkeys(near))

    def _beside(self, ids: list[str], word: str) -> list[str]:
        at = bisect.bisect_left(ids, word)
        return ids[max(0, at - self.WINDOW) : at + self.WINDOW]


def shorten(text: str, most: int = 40) -> str:
    """A written value fit to quote in one line: control characters escaped, long text cut."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return shown if len(shown) <= most else shown[: most - 1] + "…"


def _number_hint(text: str) -> str:
    """Why a number written by hand is not one: a thousands comma, a range, or its unit beside it."""
    plain = text.replace(",", "")
    if "," in text and _NUMBER.fullmatch(plain):
        return f"; write it without commas: {plain}"
    if _RANGE.fullmatch(text):
        return f"; a range is written [{', '.join(_NUMBER_IN.findall(text))}] with qualifier: range"
    lead = _NUMBER_IN.match(text)
    return f"; write the number alone ({lead[0]}); its unit goes under unit:" if lead else ""


def _comma_hint(before: tuple[yaml.Node, yaml.Node], key: str) -> str:
    name, value = (n.value if isinstance(n, yaml.ScalarNode) else "…" for n in before)
    return f'; text with a comma inside {{ }} needs quotes: {name}: "{shorten(f"{value}, {key}")}"'


class Ref:
    """A use of an id, checked once every file is read."""

    __slots__ = ("ident", "kind", "mark")

    def __init__(self, ident: str, kind: str, mark: Mark) -> None:
        self.ident, self.kind, self.mark = ident, kind, mark


class Reader:
    """Reads nodes of one deck; problems, declared ids and references accumulate across files."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.languages: tuple[str, ...] = ("zh", "en")
        self.problems: list[Problem] = []
        self.declared: dict[str, tuple[str, Mark]] = {}
        self.refs: list[Ref] = []
        self.broken: set[str] = set()

    def mark(self, node: yaml.Node) -> Mark:
        return node_mark(self.file, node)

    def error(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.mark(node), message))

    def warn(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.mark(node), message, warning=True))

    def _plain(self, node: yaml.Node) -> bool:
        if node.tag in _PLAIN_TAGS:
            return True
        self.error(node, f"tag '{node.tag}' is not allowed in a deck; write plain YAML values")
        return False

    def mapping(self, node: yaml.Node, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()):
        """The mapping's values by key, or None; reports missing, unknown and duplicate keys."""
        if not self._plain(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what}: expected a mapping of keys ({', '.join(required)})")
            return None
        known = required + optional
        values: dict[str, yaml.Node] = {}
        misspelt = ""
        for at, (key_node, value_node) in enumerate(node.value):
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.error(key_node, f"{what}: keys must be plain words")
            elif key in values:
                self.error(key_node, f"{what}: duplicate key '{key}'")
            elif key not in known:
                hint = suggest(key, known)
                misspelt += hint
                if node.flow_style and at and isinstance(value_node, yaml.ScalarNode) and not value_node.value:
                    hint = _comma_hint(node.value[at - 1], key)  # `{en: Rise, then fall}`: "then fall" is a key
                self.error(key_node, f"{what}: unknown key '{key}'{hint}")
            else:
                values[key] = value_node
        for key in required:
            if key not in values and f"'{key}'" not in misspelt:
                self.error(node, f"{what}: missing key '{key}'")
        return values

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not self._plain(node):
            return []
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        self.error(node, f"{what}: expected a list")
        return []

    def _scalar(self, node: yaml.Node, what: str, expected: str) -> str | None:
        """The text of a scalar written without quotes, for a number or a boolean."""
        if not self._plain(node):
            return None
        if isinstance(node, yaml.ScalarNode) and not node.style:
            return node.value
        quoted = isinstance(node, yaml.ScalarNode) and node.value and node.style in ("'", '"')
        self.error(node, f"{what}: expected {expected}{'; write it without quotes' if quoted else ''}")
        return None

    def number(self, node: yaml.Node, what: str, whole: bool = False) -> float | None:
        expected = "a whole number" if whole else "a number"
        text = self._scalar(node, what, expected)
        if text is None:
            return None
        try:
            value = int(text) if whole else float(text) if "." in text or "e" in text.lower() else int(text)
        except ValueError:
            if not text.lstrip("+-").isdecimal():
                self.error(node, f"{what}: expected {expected}, got '{shorten(text)}'{_number_hint(text)}")
                return None
            value = math.inf  # more digits than Python will parse (4,300)
        reason = unprintable(value) if not whole or math.isinf(value) else None
        if reason:
            self.error(node, f"{what}: '{shorten(text)}' {reason} ({LIMITS})")
            return None
        return value

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        text = self._scalar(node, what, "true or false")
        if text is not None and text not in _BOOLS:
            self.error(node, f"{what}: expected true or false, got '{text}'")
        return _BOOLS.get(text)

    def string(self, node: yaml.Node, what: str) -> str | None:
        """Any scalar's text as written (so `2019` and `yes` stay text); null is an error."""
        if not self._plain(node):
            return None
        if isinstance(node, yaml.ScalarNode) and not node.style and node.value in _NULLS:
            self.error(node, f"{what}: expected text, got nothing")
            return None
        if isinstance(node, yaml.ScalarNode):
            hidden = _CONTROL.search(node.value)
            if hidden:  # written as an escape ("\x01"): YAML lets it through, a slide would draw a box or nothing
                code = f"U+{ord(hidden[0]):04X}"
                self.error(node, f"{what}: control character {code} is not allowed (a slide cannot show it); remove it")
                return None
            return node.value
        self.error(node, f"{what}: expected text")
        return None

    def choice(self, node: yaml.Node, what: str, options: tuple[str, ...]) -> str | None:
        value = self.string(node, what)
        if value is not None and value not in options:
            self.error(node, f"{what}: '{value}' is not one of {', '.join(options)}{suggest(value, options)}")
            return None
        return value

    def ident(self, node: yaml.Node, what: str) -> str | None:
        value = self.string(node, what)
        if value is not None and not ID_PATTERN.match(value):
            self.error(node, f"{what}: '{value}' is not an id (lowercase letters, digits and '-')")
            return None
        return value

    def declare(self, node: yaml.Node, what: str, kind: str) -> str:
        """Reads a new id and remembers where it was defined; a duplicate is reported."""
        value = self.ident(node, what) or ""
        if value in self.declared:
            first_kind, first = self.declared[value]
            self.error(node, f"duplicate id '{value}' (already a {first_kind} at {first.file.name}:{first.line})")
        elif value:
            self.declared[value] = (kind, self.mark(node))
        return value

    def uses(self, ident: str, kind: str, node: yaml.Node) -> None:
        """Remembers that `node` refers to the `kind` with this id."""
        self.refs.append(Ref(ident, kind, self.mark(node)))

    def reference(self, node: yaml.Node, what: str, kind: str) -> str:
        value = self.ident(node, what) or ""
        if value:
            self.uses(value, kind, node)
        return value

    def text(self, node: yaml.Node, what: str) -> Text:
        """A Text: {zh: …, en: …} with every deck language, or a plain string for all of them."""
        if isinstance(node, yaml.ScalarNode):
            value = self.string(node, what)
            by_lang = tuple((lang, value) for lang in self.languages) if value is not None else ()
        else:
            values = self.mapping(node, what, self.languages) or {}
            by_lang = tuple(
                (lang, value)
                for lang, value_node in values.items()
                if (value := self.string(value_node, f"{what} ({lang})")) is not None
            )
        for lang, value in by_lang:
            for match in PLACEHOLDER.finditer(value):
                self.uses(match.group(1), "figure", node)
            if unclosed(value):
                at, named = (node, what) if isinstance(node, yaml.ScalarNode) else (values[lang], f"{what} ({lang})")
                self.warn(at, f"{named}: '**' is not closed: the asterisks will show")
        return Text(by_lang=by_lang)  # by keyword: a Record takes those fastest

    def texts(self, node: yaml.Node, what: str) -> tuple[Text, ...]:
        return tuple(self.text(item, what) for item in self.sequence(node, what))
