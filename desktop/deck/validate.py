"""Load a whole deck folder and check what no single file can: ids, references, sums, sources."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import yaml

from desktop.deck.figures import derived_value, stated_at, stated_form
from desktop.deck.images import SUFFIXES, read_picture
from desktop.deck.load import read_text, read_yaml
from desktop.deck.model import EMPTY_TEXT, Deck, Figure, Mark, Problem, Section, Slide, Source
from desktop.deck.numbers import LIMITS, number, places, unprintable
from desktop.deck.reader import Reader, Suggestions, shorten, suggest
from desktop.deck.schema import read_section
from desktop.deck.sections import default_word
from desktop.deck.themes import deck_theme

_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")  # en, zh, fr, pt-BR, zh-Hant
_NAMED_LANGUAGE = re.compile(r"[a-z]{2}(?:-[A-Za-z0-9]{2,8})?\Z")  # in a file name: 'old' in x.old.txt is no language
_SENTENCE = re.compile(r"[^\n。！？!?]+[。！？!?]*")
SUGGESTIONS = 50  # broken references that get a "did you mean"
_QUALIFIER_WORDS = {"超": "more-than", "突破": "more-than", "约": "about"}
_QUALIFIER_WORDS |= {"more than": "more-than", "over": "more-than", "about": "about", "around": "about"}
_SAID = re.compile(
    "(" + "|".join(rf"(?<![a-z]){w}" if w.isascii() else w for w in _QUALIFIER_WORDS) + r")[\s¥$€£]*$", re.IGNORECASE
)
_CHINESE = re.compile(r"[\u3400-\u9fff]")


class DeckNotFound(Exception):
    """The path names no deck folder or deck.yaml (a usage error, not a deck problem)."""


class Loaded:
    """A deck as far as it could be read, and every problem found on the way."""

    def __init__(self, deck: Deck | None, problems: list[Problem]) -> None:
        self.deck, self.problems = deck, problems

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def ok(self) -> bool:
        return self.deck is not None and not self.errors


def deck_file(path: Path) -> Path:
    """The deck.yaml that `path` (a folder or the file itself) names."""
    file = path / "deck.yaml" if path.is_dir() else path
    if file.is_file() and file.name != "deck.yaml":  # a README dropped on the window, or given to validate
        raise DeckNotFound(f"{path} is not a deck.yaml (give a deck folder, or the deck.yaml in it)")
    if not file.is_file():
        raise DeckNotFound(f"{path}: no deck here (expected a folder with deck.yaml, or a deck.yaml)")
    return file


def load_deck(path: Path) -> Loaded:
    """The deck at `path` (a folder or its deck.yaml) and every problem in it; raises only DeckNotFound."""
    # The model and the YAML nodes hold no reference cycles, so the collector has nothing to free while a deck
    # loads; left on, it walks the growing trees again and again (validate's time per slide grew with the deck).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_deck(path)
    finally:
        if enabled:
            gc.enable()


def _load_deck(path: Path) -> Loaded:
    file = deck_file(path).absolute()
    folder = file.parent
    r = Reader(file=file)
    node = read_yaml(file, r.problems)
    keys = (
        r.mapping(
            node, "deck", ("id", "title", "sections"), ("subtitle", "languages", "theme", "source", "section_word")
        )
        if node
        else None
    )
    if keys is None:
        return Loaded(None, r.problems)
    if "languages" in keys:
        # Unusable languages: the title's keys stand in, or every Text of the deck would repeat the one mistake.
        r.languages = _read_languages(r, keys["languages"]) or _title_languages(keys.get("title")) or r.languages
    section_nodes = r.sequence(keys["sections"], "sections") if "sections" in keys else []
    if "sections" in keys and not section_nodes:
        r.error(keys["sections"], "sections: list at least one section file")
    sections = []
    for section_node in section_nodes:
        section_file = _inside(r, folder, section_node, "section file")
        section_root = read_yaml(section_file, r.problems) if section_file else None
        if section_root is not None:
            r.file = section_file
            after = next((s.number for s in reversed(sections) if s and s.number), 0)
            sections.append(read_section(r, section_root, after + 1))
            r.file = file
    r.file = file
    deck = Deck(
        id=(r.ident(keys["id"], "deck id") if "id" in keys else None) or "",
        folder=folder,
        title=r.text(keys["title"], "title") if "title" in keys else EMPTY_TEXT,
        subtitle=r.text(keys["subtitle"], "subtitle") if "subtitle" in keys else None,
        languages=r.languages,
        theme=deck_theme(r, folder, keys.get("theme")),
        source=_read_source(r, folder, keys["source"]) if "source" in keys else None,
        sections=tuple(s for s in sections if s),
        section_word=r.text(keys["section_word"], "section_word")
        if "section_word" in keys
        else default_word(r.languages),
    )
    deck = _check(_pictures(deck, r), r)
    return Loaded(deck, sorted(r.problems, key=_order))


def _pictures(deck: Deck, r: Reader) -> Deck:
    """The deck with each slide's picture found inside its folder and read as far as its format and size."""

    def read(slide: Slide) -> Slide:
        picture = slide.image
        path = _inside_at(r, deck.folder, picture.name, picture.mark, "image", SUFFIXES)
        return slide.replace(image=read_picture(path, picture, r.problems)) if path else slide

    if not any(slide.image for slide in deck.slides):
        return deck
    sections = tuple(s.replace(slides=tuple(read(x) if x.image else x for x in s.slides)) for s in deck.sections)
    return deck.replace(sections=sections)


def _order(problem: Problem):
    return (str(problem.mark.file), problem.mark.line, problem.mark.col)


def _inside(r: Reader, folder: Path, node: yaml.Node, what: str) -> Path | None:
    """A path from the deck that must stay inside the deck folder."""
    name = r.string(node, what)
    if name is None:
        return None
    return _inside_at(r, folder, name, r.mark(node), what)


def _inside_at(r: Reader, folder: Path, name: str, mark: Mark, what: str, kinds=(".yaml", ".yml", ".txt")):
    """`_inside` for a name already read; a near miss is looked for among files ending in `kinds`."""
    said = f"{what}: '{shorten(name)}'"
    try:
        path = (folder / name).resolve()
        inside = path.is_relative_to(folder.resolve())
        found = inside and path.is_file()
    except RuntimeError:  # Python 3.11's resolve() on a symbolic link that points back at itself
        r.problems.append(Problem(mark, f"{said} is a symbolic link that loops"))
        return None
    except OSError as error:  # a name too long, a loop (ELOOP), a folder we may not read
        r.problems.append(Problem(mark, f"{said} cannot be opened: {error.strerror or error}"))
        return None
    if not inside:
        r.problems.append(Problem(mark, f"{said} is outside the deck folder; keep deck files inside it"))
        return None
    if not found:
        files = [*folder.iterdir(), *folder.glob("*/*")]  # pictures are often kept in a folder of their own
        siblings = [p.relative_to(folder).as_posix() for p in files if p.suffix.lower() in kinds]
        r.problems.append(Problem(mark, f"{said} not found in {folder.name}/{suggest(name, siblings)}"))
        return None
    return folder / name


def _read_languages(r: Reader, node: yaml.Node) -> tuple[str, ...]:
    """The deck's language codes, in order, each once; the first is the default. `languages: en` is [en]."""
    items = [node] if isinstance(node, yaml.ScalarNode) and node.value else r.sequence(node, "languages")
    if isinstance(node, yaml.SequenceNode) and not items:
        r.error(node, "languages: list at least one language code, e.g. [en]")
    langs: list[str] = []
    for item in items:
        code = _language(r, item, "languages")
        if code in langs:
            r.error(item, f"languages: '{code}' is listed twice")
        elif code:
            langs.append(code)
    return tuple(langs)


def _title_languages(node: yaml.Node | None) -> tuple[str, ...]:
    """The language codes a deck's title is written in, `{en: …}`, when its `languages` cannot be used."""
    keys = (key.value for key, _ in node.value) if isinstance(node, yaml.MappingNode) else ()
    return tuple(key for key in keys if isinstance(key, str) and _LANGUAGE.match(key))


def _language(r: Reader, node: yaml.Node, what: str) -> str | None:
    code = r.string(node, what)
    if code is not None and not _LANGUAGE.match(code):
        r.error(node, f"{what}: '{shorten(code)}' is not a language code (like en, zh, fr or pt-BR)")
        return None
    return code


def _read_source(r: Reader, folder: Path, node: yaml.Node) -> Source | None:
    keys = r.mapping(node, "source", ("file", "title"), ("language",))
    if not keys or "file" not in keys:
        return None
    path = _inside(r, folder, keys["file"], "source file")
    text = read_text(path, r.problems, "source file") if path else None
    title = r.text(keys["title"], "title") if "title" in keys else EMPTY_TEXT
    language = _language(r, keys["language"], "source language") if "language" in keys else None
    if text is None:
        return None
    return Source(path, title, text, language or _named_language(path) or r.languages[0])


def _named_language(path: Path) -> str | None:
    """The language a file name states: 'source.en.txt' -> 'en'; 'article.txt' states none."""
    suffixes = path.suffixes
    code = suffixes[-2][1:] if len(suffixes) >= 2 else ""
    return code if _NAMED_LANGUAGE.match(code) else None


def _check(deck: Deck, r: Reader) -> Deck:
    """Cross-file checks; returns the deck with derived values computed."""
    kinds = {ident: kind for ident, (kind, _) in r.declared.items()}
    suggesters: dict[str, Suggestions] = {}
    suggested = 0
    for ref in {(ref.ident, ref.kind, ref.mark): ref for ref in r.refs}.values():
        if kinds.get(ref.ident) != ref.kind:
            near = ""
            if suggested < SUGGESTIONS:  # a mass rename gets its first hints at once, not a frozen window
                if ref.kind not in suggesters:
                    suggesters[ref.kind] = Suggestions(i for i, k in kinds.items() if k == ref.kind)
                near = suggesters[ref.kind](ref.ident)
            suggested += 1
            found = f" (it is a {kinds[ref.ident]})" if ref.ident in kinds else ""
            r.problems.append(Problem(ref.mark, f"no {ref.kind} '{ref.ident}'{found}{near}"))
    figures = _derive(deck.figures, r)
    sections = tuple(s.replace(figures=tuple(figures[f.id] for f in s.figures)) for s in deck.sections)
    deck = deck.replace(sections=sections)
    sentences = _sentences(deck.source.text) if deck.source else set()
    for figure in figures.values():
        if figure.id not in r.broken:
            _check_figure(figure, deck, r, sentences)
    for section in deck.sections:
        _check_charts(section, figures, r)
        for slide in section.slides:
            asked = figures.get(slide.figures[0]) if slide.kind == "quiz" and slide.figures else None
            if asked is not None and asked.derived:
                r.problems.append(
                    Problem(slide.mark, "quiz slide: ask about a figure the article states, not a derived one")
                )
        for event in (e for slide in section.slides for e in slide.events if e.figure):
            if any(f"{{{event.figure}" in value for _, value in event.label.by_lang):
                r.problems.append(
                    Problem(event.mark, f"event: the label cites '{event.figure}', which the event shows already", True)
                )
    return deck


def _derive(figures: dict[str, Figure], r: Reader) -> dict[str, Figure]:
    """Computes derived figures in dependency order; a cycle or a missing input is reported."""
    done = {i: f for i, f in figures.items() if f.derived is None}
    pending = {i: f for i, f in figures.items() if f.derived is not None}
    while pending:
        ready = [f for f in pending.values() if all(t in done for _, t in f.derived.terms)]
        if not ready:
            for f in pending.values():
                if all(t in figures for _, t in f.derived.terms):
                    r.problems.append(Problem(f.mark, f"derived figure '{f.id}' depends on itself"))
            break
        for f in ready:
            inputs = [(sign, done[t]) for sign, t in f.derived.terms]
            value = derived_value(inputs)
            units = {_base_unit(i.unit) for _, i in inputs}
            if len(units) > 1 or any(isinstance(i.value, tuple) for _, i in inputs):
                r.problems.append(Problem(f.mark, f"derived figure '{f.id}' mixes units or ranges"))
            value = round(value, places(value))
            reason = unprintable(value)
            if reason:
                r.problems.append(Problem(f.mark, f"derived figure '{f.id}': {number(value)} {reason} ({LIMITS})"))
                r.broken.add(f.id)  # one message is enough: its other checks would only repeat the number
            done[f.id] = f.replace(value=value)
            del pending[f.id]
    return {i: done.get(i, f) for i, f in figures.items()}


def _base_unit(unit: str | None) -> str | None:
    return "%" if unit == "pp" else unit


def _sentences(article: str) -> set[str]:
    """The article's lines and sentences: most sources are one, found without searching the whole article."""
    return set(article.split("\n")) | {m.group(0).strip() for m in _SENTENCE.finditer(article)}


def _check_figure(figure: Figure, deck: Deck, r: Reader, sentences: set[str]) -> None:
    if figure.source is None or deck.source is None:
        return
    if figure.source not in sentences and figure.source not in deck.source.text:
        r.problems.append(
            Problem(figure.mark, f"figure '{figure.id}': its source sentence is not in {deck.source.path.name}")
        )
        return
    where = stated_at(figure, figure.source)
    if where is None:
        message = f"figure '{figure.id}': '{_stated(figure)}' does not appear in its source"
        r.problems.append(Problem(figure.mark, message))
        return
    word = _SAID.search(figure.source[:where])
    said = _QUALIFIER_WORDS[word.group(1).lower()] if word else "exact"
    if said != "exact" and figure.qualifier != said:
        said_as = word.group(1) + (" " if word.group(1).isascii() else "") + _stated(figure)
        r.problems.append(
            Problem(
                figure.mark,
                f"figure '{figure.id}': the source says '{said_as}'; qualifier should be {said}",
                warning=True,
            )
        )


def _stated(figure: Figure) -> str:
    """The figure as its source's language writes it: '7分钟' in a Chinese sentence, '7 min' in another."""
    return stated_form(figure, "zh" if _CHINESE.search(figure.source or "") else "en")


def _check_charts(section: Section, figures: dict[str, Figure], r: Reader) -> None:
    for slide in section.slides:
        chart = slide.chart
        if chart is None or chart.kind != "composition":
            continue
        pairs = [(figures.get(p.first), figures.get(p.second)) for p in chart.pairs]
        parts = {f.id: f for pair in pairs for f in pair if f is not None and not isinstance(f.value, tuple)}
        for part in parts.values():
            if part.unit == "%" and part.role != "change" and not 0 <= part.value <= 100:  # growth may pass 100%
                message = f"figure '{part.id}': {number(part.value)}% is outside 0–100 (a part of a composition)"
                r.problems.append(Problem(part.mark, message))
        if any(f is None or isinstance(f.value, tuple) for pair in pairs for f in pair):
            continue  # a part unknown, or a range: no sum to check
        total = chart.total if chart.total is not None else 100.0
        for stage, name in ((0, "before"), (1, "after")):
            parts = sum(float(pair[stage].value) for pair in pairs)
            if abs(parts - total) > 0.05:
                r.problems.append(
                    Problem(
                        chart.mark,
                        f"composition: the {name} parts add up to {number(parts)}, not {number(total)}",
                        warning=True,
                    )
                )
