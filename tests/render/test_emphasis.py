"""Emphasis in a Text: `**bold**`, `*italic*` and line breaks are drawn as such on slides, in the console and
the PDFs; where a text must be plain (window titles, bookmarks, questions) the markers go; other Markdown stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QFont

from desktop.ui.console import ConsoleWindow
from tests.conftest import open_window, run_casebook, write

SENTENCE = "抖音广告收入占比从2019年的84%降至2023年的52%。"
FIGURE = """\
  - id: ads-{year}
    value: {value}
    unit: "%"
    period: "{year}"
    measures: {{zh: "**广告**收入占比", en: "**advertising** share"}}
    role: {role}
    source: {sentence}
"""
PART = f"""\
id: part
number: 1
title: {{zh: "商业*变现*", en: "*Monetisation*"}}
figures:
{FIGURE.format(year=2019, value=84, role="before", sentence=SENTENCE)}
{FIGURE.format(year=2023, value=52, role="after", sentence=SENTENCE)}
slides:
  - id: points
    kind: bullets
    title: {{zh: "广告占比*大幅*下降", en: "Ads fell *sharply*"}}
    bullets:
      - {{zh: "广告占比从**{{ads-2019}}**降至*{{ads-2023}}*", en: "Ads went from **{{ads-2019}}** to *{{ads-2023}}*"}}
      - {{zh: "第一行\\n第二行", en: "First line\\nsecond line"}}
      - "5 * 3, C#, \\\\*stars\\\\*, snake_case, [link](x), <b>tag</b> &amp;"
    notes: {{zh: "先讲**重点**，\\n再讲*细节*。", en: "Say the **point** first,\\nthen the *detail*."}}
  - id: ask
    kind: quiz
    title: {{zh: 小测, en: Quiz}}
    figures: [ads-2023]
    notes: {{zh: 讲解。, en: Say this.}}
"""


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("emphasis")
    write(folder / "article.txt", SENTENCE + "\n")
    write(
        folder / "deck.yaml",
        """\
        id: emphasis
        title: {zh: "**强调**", en: "With **emphasis**"}
        languages: [zh, en]
        source: {file: article.txt, title: {zh: 原文, en: The article}}
        sections: [part.yaml]
        """,
    )
    write(folder / "part.yaml", PART)
    return folder


def pieces(pdf: Path, page: int = 0) -> list[tuple[str, str, bool]]:
    """(text, font, italic) of each piece of text pypdf reads on a page; a font without an italic face is
    slanted by its text matrix (Noto Sans CJK has none)."""
    found = []

    def visit(text, cm, tm, font, size) -> None:
        name = str((font or {}).get("/BaseFont", ""))
        if text.strip():
            found.append((text.replace("\t", " ").strip(), name, abs(tm[2]) > 0.1 or "Italic" in name))

    PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def export(deck: Path, out: Path, *args: str) -> Path:
    result = run_casebook("export", str(deck), "--format", "pdf", "--out", str(out), "--quiet", *args)
    assert result.returncode == 0, result.stderr
    return next(out.glob("*.pdf"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bold_and_italic_are_drawn_on_slides_without_their_asterisks(deck, tmp_path, lang):
    found = pieces(export(deck, tmp_path, "--lang", lang))
    assert not [text for text, _, _ in found if "**" in text]
    assert next(font for text, font, _ in found if text == "84%").endswith("-Bold")
    assert next(slanted for text, _, slanted in found if text == "52%")
    italic_title = "sharply" if lang == "en" else "大幅"
    assert next(slanted for text, _, slanted in found if text == italic_title)
    upright = "Ads fell" if lang == "en" else "广告占比"
    assert not next(slanted for text, _, slanted in found if text == upright)


def test_other_markdown_and_escaped_asterisks_show_as_written(deck, tmp_path):
    text = " ".join(t for t, _, _ in pieces(export(deck, tmp_path, "--lang", "en")))
    assert "5 * 3, C#, *stars*, snake_case, [link](x), <b>tag</b> &amp;" in text


def test_handout_notes_are_bold_and_italic_where_marked(deck, tmp_path):
    found = pieces(export(deck, tmp_path, "--lang", "en", "--handout"))
    assert not [text for text, _, _ in found if "**" in text or text.startswith("Say the *")]
    assert next(font for text, font, _ in found if text == "point").endswith("-Bold")
    assert next(slanted for text, _, slanted in found if text == "detail")
    assert not next(slanted for text, _, slanted in found if text.startswith("Say the"))


def test_titles_bookmarks_and_questions_are_plain_text(deck, tmp_path):
    reader = PdfReader(export(deck, tmp_path, "--lang", "en"))
    assert reader.metadata.title.startswith("With emphasis")
    assert [o.title for o in reader.outline][0] == "1. Ads fell sharply"
    result = run_casebook("questions", str(deck), "--json")
    assert result.returncode == 0, result.stderr
    prompts = [q["prompt"][lang] for q in json.loads(result.stdout) for lang in ("zh", "en")]
    assert prompts and not [p for p in prompts if "*" in p]
    assert any("advertising share" in p for p in prompts) and any("广告收入占比" in p for p in prompts)


def test_an_unclosed_double_asterisk_is_a_warning_at_its_line(deck, tmp_path):
    folder = tmp_path / "unclosed"
    folder.mkdir()
    for name in ("article.txt", "deck.yaml"):
        (folder / name).write_bytes((deck / name).read_bytes())
    write(folder / "part.yaml", PART.replace('"Ads fell *sharply*"', '"Ads fell **sharply"'))
    result = run_casebook("validate", str(folder))
    text = (folder / "part.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, x in enumerate(text, 1) if "Ads fell" in x)
    assert result.returncode == 0
    col = text[line - 1].index('"Ads fell') + 1
    warning = f"part.yaml:{line}:{col}: warning: title (en): '**' is not closed: the asterisks will show"
    assert warning in result.stdout + result.stderr


@pytest.fixture
def pair(qtbot, tmp_path, deck):
    window = open_window(qtbot, tmp_path, deck)
    console = ConsoleWindow(window, "en")
    qtbot.addWidget(console)
    window.console = console
    console.show()
    return window, console


def styled_words(document) -> dict[str, QFont]:
    """Each run of text in a QTextDocument, with its font."""
    found = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            found[fragment.text()] = fragment.charFormat().font()
            it += 1
        block = block.next()
    return found


def test_the_window_shows_emphasis_and_keeps_a_broken_line_in_its_bullet(pair):
    window, _ = pair
    assert window.windowTitle().startswith("With emphasis — ")
    boxes = [item for item in window.scene().items() if hasattr(item, "document")]
    bullets = next(box for box in boxes if "Ads went from" in box.text)
    assert bullets.document.blockCount() == 3  # three bullets, the second on two lines
    assert "First line\nsecond line" in bullets.text
    words = styled_words(bullets.document)
    assert words["84%"].bold() and words["52%"].italic() and not words["Ads went from "].bold()
    assert not [box.text for box in boxes if "**" in box.text]


def test_the_console_notes_are_bold_and_italic_where_marked(pair):
    _, console = pair
    notes = console.notes.toPlainText()
    assert "Say the point first,\nthen the detail." in notes and "*" not in notes
    words = styled_words(console.notes.document())
    assert words["point"].bold() and words["detail"].italic() and not words["Say the "].bold()
