"""`casebook draft`: an article becomes a deck skeleton, every number it states a figure with its sentence."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from desktop.deck.draft_numbers import Found, numbers
from desktop.deck.load import MAX_FILE_BYTES
from desktop.deck.model import Record
from desktop.deck.numbers import number

_HEADING = re.compile(
    r"(?:#{1,6}\s+|[一二三四五六七八九十百]+[、.．]\s*|第[一二三四五六七八九十百\d]+[章节部分篇][、:：\s]*|\d{1,2}[.)]\s+)"
)
_SEPARATOR = re.compile(r"[\s|:\-—]+\Z")
_SENTENCE_ZH = re.compile(r"[^。！？!?]+[。！？!?]*[”」』\"]?")
_SENTENCE_END_EN = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“(\d$€£])")
_ABBREVIATIONS = ("No.", "Mr.", "Ms.", "Dr.", "St.", "vs.", "Inc.", "Co.", "Corp.", "Ltd.", "approx.", "e.g.", "i.e.")
_YEAR_CELL = re.compile(r"(?:19|20)\d\d(?:Q[1-4])?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_FALLBACK_TITLE = {"zh": "原文", "en": "The article"}
BULLETS = 5  # sentences a slide shows; a part that states more gets more slides


class DraftError(Exception):
    """The article cannot be drafted from, or the deck cannot be written: one line for the user."""


class Statement(Record):
    """A sentence or table row of the article, verbatim, with the figures it states."""

    text: str
    found: tuple[Found, ...]
    row: bool = False


class Part(Record):
    """The article under one heading (the intro has none)."""

    heading: str | None
    statements: tuple[Statement, ...]


def read_article(path: Path) -> str:
    """The article's text; a DraftError for one that is missing, too big, binary, not UTF-8 or empty."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise DraftError(f"{path} is larger than {MAX_FILE_BYTES // 2**20} MB; give the article as plain text")
        data = path.read_bytes()
    except FileNotFoundError:
        raise DraftError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DraftError(f"{path} is a folder; give the article as a text file") from None
    except OSError as error:
        raise DraftError(f"cannot read {path}: {error.strerror}") from None
    try:
        if b"\0" in data:
            raise UnicodeDecodeError("utf-8", data, data.index(b"\0"), data.index(b"\0") + 1, "NUL")
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise DraftError(f"{path} is not a UTF-8 text file; save the article as plain text (UTF-8)") from None
    if not text.strip():
        raise DraftError(f"{path} is empty; it should hold the article's text")
    return text


def language(text: str, path: Path) -> str:
    """zh or en: the file name's own tag (source.en.txt), else the script most of the text is in."""
    tag = path.suffixes[-2:-1]
    if tag and tag[0][1:] in ("zh", "en"):
        return tag[0][1:]
    return "zh" if len(_CJK.findall(text)) >= len(_LATIN_WORD.findall(text)) else "en"


def parse(text: str) -> tuple[str | None, list[Part]]:
    """(the article's title line if it has one, its parts: the intro, then one part a heading)."""
    lines = [line.strip() for line in text.splitlines()]
    title = None
    parts: list[tuple[str | None, list[Statement]]] = [(None, [])]
    columns: list[str | None] = []
    for index, line in enumerate(lines):
        following = next((x for x in lines[index + 1 :] if x), "")
        if not line or _SEPARATOR.match(line):
            continue
        if "|" in line.strip("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            header = index + 1 < len(lines) and _SEPARATOR.match(lines[index + 1] or "x")
            if header:
                columns = [_column_period(cell) for cell in cells]
            else:
                parts[-1][1].append(_statement(line, _row_periods(line, cells, columns)).replace(row=True))
            continue
        columns = []
        if _is_heading(line, following):
            numbered = _HEADING.match(line)
            words = line[numbered.end() :].strip() if numbered else line
            # The first line names the article, unless it is numbered like the headings after it.
            if title is None and parts == [(None, [])] and (line.startswith("# ") or not numbered):
                title = words
            else:
                parts.append((words, []))
            continue
        parts[-1][1].extend(_statement(sentence, {}) for sentence in sentences(line))
    kept = [Part(heading, tuple(st)) for heading, st in parts if heading is not None or st]
    return title, kept


def _is_heading(line: str, following: str) -> bool:
    """A numbered or Markdown heading, or a short line without an end stop that text follows."""
    if not following or "|" in line or len(line) > 80 or line.endswith((":", "：")):
        return False
    if line.startswith("#") or (_HEADING.match(line) and line[-1] not in "。.!?！？"):
        return True
    return len(line) <= 60 and line[-1] not in "。.!?！？,，;；" and not numbers(line)


def sentences(line: str) -> list[str]:
    """A line's sentences, verbatim: split after 。！？ and after an English full stop that ends a sentence."""
    result = []
    for chunk in _SENTENCE_ZH.findall(line):
        start = 0
        for end in _SENTENCE_END_EN.finditer(chunk):
            if chunk[start : end.end()].rstrip().endswith(_ABBREVIATIONS):
                continue
            result.append(chunk[start : end.end()].strip())
            start = end.end()
        result.append(chunk[start:].strip())
    return [s for s in result if s]


def _statement(text: str, periods: dict[int, str | None]) -> Statement:
    """A sentence or row and its figures; a row's figure without a period of its own takes its column's."""
    found = []
    for figure in numbers(text):
        column = next((p for at, p in periods.items() if at <= figure.start), None)
        found.append(figure if figure.period or column is None else figure.replace(period=column))
    return Statement(text, tuple(found))


def _column_period(cell: str) -> str | None:
    years = _YEAR_CELL.findall(cell)
    return years[0] if len(years) == 1 else None


def _row_periods(line: str, cells: list[str], columns: list[str | None]) -> dict[int, str | None]:
    """Where in the row each cell starts, last first, with the year its column's header names (or None)."""
    starts, at = {}, 0
    for cell, period in zip(cells, columns, strict=False):
        at = line.index(cell, at)
        starts[at] = period
        at += len(cell)
    return dict(sorted(starts.items(), reverse=True))


def deck_files(text: str, lang: str, name: str) -> tuple[dict[str, str], int]:
    """The deck's files by name (deck.yaml, a section file a part, the article as source.LANG.txt), and how many
    figures they hold."""
    title, parts = parse(text)
    source = f"source.{lang}.txt"
    files: dict[str, str] = {}
    figures = 0
    if not parts:
        raise DraftError("the article holds no sentences to draft from")
    for position, part in enumerate(parts, start=0 if parts[0].heading is None else 1):  # the intro is 0
        section, count = _section(part, position or None, title or name)
        files[f"part-{position}.yaml" if position else "intro.yaml"] = section
        figures += count
    deck_id = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "draft"
    head = [
        f"# Drafted by `casebook draft` from {source}: every number the article states is a figure, with its",
        "# sentence. Fill in each TODO (what a figure measures, its role); `casebook validate` points at them.",
        f"id: {deck_id}",
        f"title: {_quote(title or name)}",
        f"languages: [{lang}]",
        "source:",
        f"  file: {source}",
        f"  title: {_quote(title or _FALLBACK_TITLE[lang])}",
        "sections:",
        *(f"  - {file}" for file in files),
    ]
    return {"deck.yaml": "\n".join(head) + "\n", **files, source: text}, figures


def _section(part: Part, position: int | None, deck_title: str) -> tuple[str, int]:
    """A section file's YAML (its figures, then its bullets slides), and how many figures it holds."""
    prefix = f"p{position}" if position else "intro"
    ident = f"part-{position}" if position else "intro"
    heading = part.heading or deck_title
    lines = [f"# {heading}", f"id: {ident}"]
    lines += [f"number: {position}"] if position else []
    lines += [f"title: {_quote(heading)}"]
    bullets: list[tuple[str, list[str]]] = []  # (text, the ids it cites)
    drafted: dict[tuple, str] = {}
    for statement in part.statements:
        ids = []
        for found in statement.found:
            # A table row that repeats a sentence's figures (or the other way round) cites the first one.
            key = (found.value, found.unit, found.qualifier, found.period)
            if key not in drafted:
                drafted[key] = f"{prefix}-f{len(drafted) + 1}"
                lines += ["figures:"] if len(drafted) == 1 else []
                lines += _figure(drafted[key], found, statement.text)
            ids.append(drafted[key])
        if ids:
            bullets.append((_cited(statement, ids), ids))
    if not bullets:  # a part without numbers: its first sentence, so the section has a slide to show
        bullets = [(statement.text, []) for statement in part.statements[:1]] or [(heading, [])]
    lines.append("slides:")
    for page in range(0, len(bullets), BULLETS):
        shown = bullets[page : page + BULLETS]
        cited = list(dict.fromkeys(i for _, ids in shown for i in ids))
        lines += [
            f"  - id: {ident}-figures" + (f"-{page // BULLETS + 1}" if page else ""),
            "    kind: bullets",
            f"    title: {_quote(heading)}",
            "    bullets:",
            *(f"      - {_quote(text)}" for text, _ in shown),
        ]
        lines += [f"    figures: [{', '.join(cited)}]"] if cited else []
    return "\n".join(lines) + "\n", len(drafted)


def _figure(ident: str, found: Found, sentence: str) -> list[str]:
    value = (
        f"[{number(found.value[0])}, {number(found.value[1])}]" if found.qualifier == "range" else number(found.value)
    )
    lines = [f"  - id: {ident}", f"    value: {value}"]
    lines += [f"    unit: {_quote(found.unit)}"] if found.unit else []
    lines += [f'    period: "{found.period}"'] if found.period else []
    lines += [f"    qualifier: {found.qualifier}"] if found.qualifier != "exact" else []
    return lines + [
        "    measures: TODO",
        f"    role: TODO  # {found.role}?",
        f"    source: {_quote(sentence)}",
    ]


def _cited(statement: Statement, ids: list[str]) -> str:
    """The sentence with each figure cited as {id} where the article states it (the slide then shows it)."""
    text = statement.text
    for ident, found in sorted(zip(ids, statement.found, strict=True), key=lambda x: -x[1].start):
        text = text[: found.start] + f"{{{ident}{found.cite}}}" + text[found.end :]
    if statement.row:  # a table row reads as its cells: "直播打赏 · {p3-f4} · {p3-f5}"
        text = " · ".join(cell.strip() for cell in text.strip().strip("|").split("|"))
    return text


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


def write_draft(article: Path, out: Path) -> tuple[int, int]:
    """Writes the deck drafted from `article` into `out` (new, or an empty folder): (sections, figures)."""
    text = read_article(article)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise DraftError(f"{out} already exists and is not an empty folder; give a new folder to --out")
    lang = language(text, article)
    files, figures = deck_files(text, lang, out.name)
    # Written beside it, then renamed into place: a full disk or Ctrl+C leaves no half-drafted deck.
    unfinished = out.with_name(f".{out.name}.drafting")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        unfinished.mkdir()
        for name, content in files.items():
            (unfinished / name).write_text(content, encoding="utf-8", newline="" if name.endswith(".txt") else None)
        os.replace(unfinished, out)
    except OSError as error:
        raise DraftError(f"cannot write {out}: {error.strerror}") from None
    finally:
        if unfinished.exists():
            shutil.rmtree(unfinished, ignore_errors=True)
    return len(files) - 2, figures
