"""The deck `casebook new` writes: the bundled authoring guide, reduced to the languages asked for."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from desktop.deck.reader import ID_PATTERN

LANGUAGES = ("zh", "en")  # the template's own, in the order its Texts give them
SOURCES = {"zh": "source.zh.txt", "en": "source.en.txt"}
FALLBACK_ID = "my-case"


def deck_id(folder: Path) -> str:
    """An id from the folder's name (`Brewline Coffee` -> `brewline-coffee`), else `my-case`."""
    slug = re.sub(r"[^a-z0-9]+", "-", folder.name.lower()).strip("-")
    return slug if ID_PATTERN.match(slug) else FALLBACK_ID


def deck_files(template: Path, languages: tuple[str, ...], ident: str) -> dict[str, str | bytes]:
    """File name -> content of the template deck in `languages` (some of LANGUAGES, the first the default)."""
    source_language = "zh" if "zh" in languages else languages[0]
    source = (template / SOURCES[source_language]).read_text(encoding="utf-8")
    chinese = (template / SOURCES["zh"]).read_text(encoding="utf-8")
    # The translated briefing is the Chinese one line for line: a figure's sentence is found by its line.
    sentences = dict(zip(chinese.split("\n"), source.split("\n"), strict=True))
    files: dict[str, str | bytes] = {SOURCES[source_language]: source}
    files |= {path.relative_to(template).as_posix(): path.read_bytes() for path in template.glob("pictures/*")}
    for path in sorted(template.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        files[path.name] = _reduce(text, languages, sentences, ident, SOURCES[source_language])
    return files


def _reduce(text: str, languages: tuple[str, ...], sentences: dict[str, str], ident: str, source: str) -> str:
    """One YAML file of the template with its comments kept, edited where the new deck differs."""
    root = yaml.compose(text, Loader=yaml.BaseLoader)  # the pure-Python loader: its marks count characters
    edits: list[tuple[int, int, str]] = []

    def replace(node: yaml.Node, new: str) -> None:
        edits.append((node.start_mark.index, node.end_mark.index, new))

    def walk(node: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, (*path, "-"))
        elif isinstance(node, yaml.MappingNode):
            if {key.value for key, _ in node.value} == set(LANGUAGES):
                edits.extend(_drop_languages(text, node, languages))
                return
            for key, value in node.value:
                walk(value, (*path, key.value))
        elif path == ("source", "file"):
            replace(node, source)
        elif path[-1:] == ("source",) and node.value in sentences and sentences[node.value] != node.value:
            replace(node, json.dumps(sentences[node.value], ensure_ascii=False))

    is_deck = any(key.value == "sections" for key, _ in root.value)  # a section file has an id of its own
    for key, value in root.value:
        if key.value == "languages":
            replace(value, f"[{', '.join(languages)}]")
        elif key.value == "id" and is_deck:
            replace(value, ident)
        else:
            walk(value, (key.value,))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _drop_languages(text: str, node: yaml.MappingNode, languages: tuple[str, ...]):
    """Edits that remove a Text's entries for languages the new deck lacks, flow `{zh: …, en: …}` or block."""
    entries = node.value
    flow = node.flow_style

    def start(key: yaml.Node) -> int:  # a block entry goes with its indentation
        return key.start_mark.index if flow else text.rfind("\n", 0, key.start_mark.index) + 1

    def end(value: yaml.Node) -> int:  # ... and with the rest of its line
        return value.end_mark.index if flow else text.find("\n", value.end_mark.index)

    for i, (key, value) in enumerate(entries):
        if key.value in languages:
            continue
        kept_after = [k for k, _ in entries[i + 1 :] if k.value in languages]
        if kept_after:
            yield start(key), start(kept_after[0]), ""
        else:
            kept_before = [v for k, v in entries[:i] if k.value in languages]
            yield end(kept_before[-1]), end(value), ""


def write_deck(folder: Path, files: dict[str, str | bytes]) -> None:
    """Writes every file, or on an error removes what it wrote (and the folder if it made it)."""
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for name, content in files.items():
            path = folder / name
            if not path.parent.exists():
                path.parent.mkdir()
                written.append(path.parent)
            written.append(path)  # before writing: a half-written file goes too
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            path.write_bytes(data)
    except BaseException:
        for path in reversed(written):  # files before the folders they are in
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)
        if made:
            folder.rmdir()
        raise
