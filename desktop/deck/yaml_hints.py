"""The likely cause of a YAML mistake made by hand, to say beside PyYAML's own message (which rarely names it)."""

from __future__ import annotations

import re

# `key: value` or `- value`: the value is what YAML reads after the key's colon or the list's dash.
_VALUE = re.compile(r"\s*(?:-\s+)*(?:[^\s#'\"{\[][^#]*?:(?:\s+|$))?(?P<value>.*)")
_NO_SPACE = re.compile(r"\s*(?:-\s+)?(?P<key>[a-z_]+):(?P<rest>[^\s/].*)")
_WIDE_COLON = re.compile(r"\s*(?:-\s+)?(?P<key>[a-z_]+)\s*：")
_BLOCK_HEADER = re.compile(r"[|>][+-]?\d?\s*(#.*)?\Z")
_CLOSING = {"{": "}", "[": "]"}
_INNER_COLON = re.compile(r"(?P<key>[\w-]+):\s+(?P<text>[^,{}\[\]\"']*?:\s[^,{}\[\]]*)")


def hint(lines: list[str], message: str, at: list[int]) -> tuple[str, int] | None:
    """(the likely cause, the 0-based line it is on) for an error PyYAML reports at the lines `at`, or None."""
    for number in dict.fromkeys(n for n in at if 0 <= n < len(lines)):
        cause = _on_line(lines, number, message)
        if cause:
            return cause, number
    return None


def _on_line(lines: list[str], number: int, message: str) -> str | None:
    line = lines[number]
    indent = line[: len(line) - len(line.lstrip())]
    if "\t" in indent:
        return "indent with spaces: YAML does not allow a tab there"
    wide = _WIDE_COLON.match(line)
    if wide:
        return f"write '{wide['key']}:' with the plain colon ':', not the full-width '：'"
    bare = _NO_SPACE.match(line)
    if bare and "expected ':'" in message:
        return f"put a space after the colon: '{bare['key']}: {bare['rest'][:20]}'"
    value = re.split(r"\s#", _VALUE.match(line)["value"])[0].rstrip()  # without a comment after it
    if not value:
        return _indentation(lines, number, message)
    first = value[0]
    if first in "%@`*&" or first in "|>" and not _BLOCK_HEADER.match(value):
        return f'a value starting with {first} needs quotes: "{_short(value)}"'
    if first in _CLOSING:
        close = _matching(value)
        if close is not None and value[close + 1 :].strip() and not value[close + 1 :].lstrip().startswith("#"):
            return f'a text starting with {first} needs quotes: "{_short(value)}"'
        inner = _INNER_COLON.search(value)
        if inner:
            return f"text containing ': ' needs quotes, inside {{ }} too: {inner['key']}: \"{_short(inner['text'])}\""
    if first in "\"'":
        end = value.find(first, 1)
        after = value[end + 1 :].strip() if end > 0 else ""
        if after and not after.startswith(("#", ",", "}", "]")):
            other = "'" if first == '"' else '"'
            return f"a text that starts with a quote must end with it: quote all of it, {other}{_short(value)}{other}"
    if "mapping values are not allowed" in message and ": " in value:
        return f"text containing ': ' needs quotes: \"{_short(value)}\""
    return _indentation(lines, number, message)


def _indentation(lines: list[str], number: int, message: str) -> str | None:
    """Keys of one mapping line up: a line indented unlike the key above it (not its parent) is the likely cause."""
    if not any(
        words in message for words in ("expected key", "block end", "indentation", "'-' indicator", "mapping values")
    ):
        return None
    above = next((lines[n] for n in range(number - 1, -1, -1) if lines[n].strip() and not _comment(lines[n])), None)
    if above is None or above.rstrip().endswith(":"):
        return None
    mine, theirs = _indent(lines[number]), _indent(above)
    if mine == theirs:
        return None
    return f"this line is indented {mine} spaces, the line above {theirs}: keys of one mapping must line up"


def _matching(value: str) -> int | None:
    """Where the bracket that opens `value` closes (quotes skipped), or None."""
    depth, quote = 0, ""
    for i, c in enumerate(value):
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
            if depth == 0:
                return i
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _short(text: str, most: int = 30) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"
