"""Emphasis inside a Text: `**bold**`, `*italic*` and line breaks, read by markdown-it's inline parser.

Only those: links, code, HTML, entities and `_underscores_` stay literal text, so "5 * 3", "C#" or
snake_case show as written; `\\*` writes an asterisk. markdown-it costs a tenth of a second to import,
so a text with no asterisk and no backslash (nearly all of them) never loads it.
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache

from desktop.deck.model import Deck, Mark, Record, Text

_BREAK = re.compile(r" *\n *")  # markdown-it's own rule: spaces around a line break are not shown
_UNCLOSED = re.compile(r"\*\*(?=\S)|(?<=\S)\*\*")


class Run(Record):
    """A piece of text in one style; a "\\n" inside it is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


def _cjk(ch: str) -> bool:
    """A Chinese, Japanese or Korean character or punctuation mark (full-width forms included)."""
    return (
        "\u2e80" <= ch <= "\u9fff"
        or "\uac00" <= ch <= "\ud7af"
        or "\uf900" <= ch <= "\ufaff"
        or "\uff00" <= ch <= "\uffef"
    )


def _stars(state, silent: bool) -> bool:
    """markdown-it's emphasis rule for `*` only, friendly to CJK: a sentence there has no spaces, so a run with
    a CJK character on its outer side may open or close even beside punctuation ("从**84%**降至" is bold)."""
    if silent or state.src[state.pos] != "*":
        return False
    from markdown_it.rules_inline.state_inline import Delimiter

    start = state.pos
    scanned = state.scanDelims(start, True)
    end = start + scanned.length
    before = state.src[start - 1] if start else " "
    after = state.src[end] if end < state.posMax else " "
    can_open = scanned.can_open or (_cjk(before) and not after.isspace())
    can_close = scanned.can_close or (_cjk(after) and not before.isspace())
    for _ in range(scanned.length):
        state.push("text", "", 0).content = "*"
        state.delimiters.append(Delimiter(ord("*"), scanned.length, len(state.tokens) - 1, -1, can_open, can_close))
    state.pos = end
    return True


@lru_cache(maxsize=1)
def _parser():
    """markdown-it with emphasis, line breaks and escapes only; text_join off, so an escaped `*` stays apart."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("zero").enable(["emphasis", "newline", "escape"]).disable("text_join")
    md.inline.ruler.at("emphasis", _stars)
    return md


def _tokens(text: str):
    return _parser().parseInline(text)[0].children or []


@lru_cache(maxsize=4096)
def runs(text: str) -> tuple[Run, ...]:
    """`text` as runs of one style each, neighbours of the same style merged; trailing breaks dropped."""
    text = text.strip()
    if "*" not in text and "\\" not in text:
        return (Run(_BREAK.sub("\n", text)),) if text else ()
    found: list[Run] = []
    bold = italic = 0
    for token in _tokens(text):
        kind = token.type
        if kind in ("strong_open", "strong_close"):
            bold += 1 if kind == "strong_open" else -1
        elif kind in ("em_open", "em_close"):
            italic += 1 if kind == "em_open" else -1
        else:
            piece = "\n" if kind in ("softbreak", "hardbreak") else token.content
            style = (bold > 0, italic > 0)
            if found and (found[-1].bold, found[-1].italic) == style:
                found[-1] = Run(found[-1].text + piece, *style)
            elif piece:
                found.append(Run(piece, *style))
    return tuple(found)


def plain(text: str) -> str:
    """`text` as one line without its markers: for window titles, file names, bookmarks, questions."""
    return " ".join("".join(run.text for run in runs(text)).split("\n"))


def plain_text(text: Text) -> Text:
    """A Text with every language's markers removed (the same Text when it has none)."""
    if not any("*" in value or "\\" in value or "\n" in value for _, value in text.by_lang):
        return text
    return Text(by_lang=tuple((lang, plain(value)) for lang, value in text.by_lang))


def plain_deck(deck: Deck) -> Deck:
    """The deck with the markers removed from every Text: what questions are worded from. The same deck,
    object for object, where a part has no markers (nearly always)."""
    return _plain(deck)


_LEAVES = (str, int, float, bool, type(None), Mark)  # what holds no Text


def _plain(value):
    kind = type(value)
    if kind is Text:
        return plain_text(value)
    if kind is tuple:
        items = tuple(map(_plain, value))
        return value if all(map(operator.is_, items, value)) else items
    if not isinstance(value, Record):
        return value
    fields, changed = value.__dict__, {}
    for name in value._fields:
        old = fields[name]
        if not isinstance(old, _LEAVES) and (new := _plain(old)) is not old:
            changed[name] = new
    return value.replace(**changed) if changed else value


def unclosed(text: str) -> bool:
    """True when a `**` opens or closes nothing, so its asterisks will show (escaped ones are meant to).

    Reading a deck asks this of every Text, so a deck with emphasis loads markdown-it then, not on the
    first slide that shows some (a slide change has 50 ms)."""
    if "*" not in text:
        return False
    tokens = _tokens(text.strip())
    return "**" in text and any(token.type == "text" and _UNCLOSED.search(token.content) for token in tokens)
