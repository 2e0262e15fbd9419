"""Lines break as a Chinese or English typesetter would break them, on every slide, full size and in the console."""

from __future__ import annotations

import itertools
import re
import subprocess

import pytest
from PySide6.QtCore import QRectF

from desktop.deck import load_deck
from desktop.render.canvas import HEIGHT, WIDTH, Look
from desktop.render.fonts import deck_family
from desktop.render.pdf import write_slides_pdf
from desktop.render.scene import build_scene
from desktop.render.text import TextBox
from desktop.render.theme import load_theme
from desktop.words import WORDS
from tests.conftest import REPO

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck
BREWLINE = load_deck(REPO / "content" / "brewline-coffee").deck
# The console's current slide in its default 1280×800 window (three fifths of it, 16:9).
CONSOLE = (720, 405)
CLOSING = "，。、：；！？）」』”》〉】%…,.;:!?)"
OPENING = "（「『“《〈【(“"
UNITS = "%|‰|个百分点|百分点|亿元|万元|亿|万|元|倍|年|月|日|天|分钟|小时|条|个"
UNIT = re.compile(rf"^({UNITS}|人|家|款|次|pp\b|bn\b|min\b|million|billion|\d)")
KEPT = re.compile(rf"\d[\d.,]*({UNITS})|[（(][^（(）)]{{1,7}}[）)]")  # a quantity, a short note in brackets
IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")


def lines(box: TextBox) -> list[list[tuple[str, float]]]:
    """Each paragraph of a box as it is drawn: its lines' text and width."""
    paragraphs = []
    box.document.size()  # lays the text out, as drawing it would
    block = box.document.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        drawn = []
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            piece = text[line.textStart() : line.textStart() + line.textLength()]
            drawn.append((piece.replace("\u2028", "").strip(), line.naturalTextWidth()))
        paragraphs.append([(piece, width) for piece, width in drawn if piece])
        block = block.next()
    return paragraphs


def faults(paragraph: list[tuple[str, float]], balanced: bool) -> list[str]:
    """What a typesetter would mark in one paragraph's lines."""
    found = []
    texts = [text for text, _ in paragraph]
    for before, after in itertools.pairwise(texts):
        if after[0] in CLOSING:
            found.append(f"a line starts with closing punctuation: {after!r}")
        if before[-1] in OPENING:
            found.append(f"a line ends with opening punctuation: {before!r}")
        if re.search(r"(\d|Q[1-4])$", before) and UNIT.match(after):
            found.append(f"a number torn from its unit: {before[-8:]!r} / {after[:8]!r}")
    ends = list(itertools.accumulate(len(text) for text in texts))
    for kept in KEPT.finditer("".join(texts)):
        if any(kept.start() < end < kept.end() for end in ends):
            found.append(f"a quantity or a short note torn: {kept.group()!r}")
    last = texts[-1] if texts else ""
    words = len(IDEOGRAPH.findall(last)) + len(re.findall(r"[A-Za-z0-9]+", last))
    if len(texts) > 1 and IDEOGRAPH.search("".join(texts)) and words < 2:
        found.append(f"an orphan on the last line: {last!r}")
    widths = [width for _, width in paragraph]
    if balanced and len(paragraph) > 1 and min(widths) < 0.5 * max(widths):
        found.append(f"unbalanced lines: {texts!r}")
    return found


def column(width: float) -> QRectF:
    """A box `width` wide and tall enough for anything."""
    return QRectF(0, 0, width, 2000)


@pytest.fixture(scope="module")
def family(qapp) -> str:
    return deck_family(DECK)[0]


@pytest.mark.parametrize("size", [(WIDTH, HEIGHT), CONSOLE], ids=["1080p", "console"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_box_breaks_its_lines_well(family, lang, size):
    look = Look(load_theme("light")[0], lang, family)
    found = []
    for index, slide in enumerate(DECK.slides):
        scene = build_scene(DECK, index, look)
        scene.to_image(*size)  # drawn as the export or the console draws it
        headline = {scene.text(text) for text in (slide.title, slide.quote, slide.subtitle) if text}
        for box in (item for item in scene.items() if isinstance(item, TextBox)):
            for paragraph in lines(box):
                found += [f"{slide.id}: {fault}" for fault in faults(paragraph, box.text in headline)]
    assert not found, "\n".join(found)


def test_a_number_keeps_its_unit_and_a_note_its_brackets(family):
    """In a narrow box the break moves before the quantity, never into it."""
    text = "较2020年提升42个百分点，市场份额达12亿元（推算）"
    for width in range(120, 400, 7):
        box = TextBox(text, column(width), family, "#000", 30, 30)
        for paragraph in lines(box):
            assert not faults(paragraph, balanced=False), (width, paragraph)


def test_a_title_of_two_lines_is_balanced(family):
    box = TextBox("商业变现体系升级：摆脱广告依赖，走向生态闭环", column(1300), family, "#000", 64, 64, bold=True)
    (paragraph,) = lines(box)
    assert len(paragraph) == 2
    assert not faults(paragraph, balanced=True), paragraph


def shown_texts(family: str, lang: str, deck=DECK) -> list[tuple[str, str]]:
    """(slide id, text) for every text on every slide and in its notes, the article's own sentences taken out."""
    look = Look(load_theme("light")[0], lang, family)
    quoted = sorted({f.source for f in deck.figures.values() if f.source}, key=len, reverse=True)
    texts = []
    for index, slide in enumerate(deck.slides):
        scene = build_scene(deck, index, look)
        shown = [box.text for box in scene.items() if isinstance(box, TextBox)] + [scene.text(slide.notes)]
        for text in shown:
            for sentence in quoted:  # verbatim, as the article wrote it
                text = text.replace(sentence, "")
            texts.append((slide.id, text))
    return texts


def test_chinese_display_text_has_full_width_punctuation(family):
    half = re.compile(r"[;()?!\"']|(?<!\d),|,(?!\d)|(?<!\d):|:(?!\d)")
    found = [
        f"{slide}: {text!r}"
        for slide, text in shown_texts(family, "zh")
        if IDEOGRAPH.search(text) and half.search(text)
    ]
    found += [f"words.py {key}: {zh!r}" for key, (zh, _) in WORDS.items() if half.search(re.sub(r"\{[^}]*\}", "", zh))]
    assert not found, "\n".join(found)


def test_english_display_text_has_curly_quotes_and_one_period_format(family):
    texts = shown_texts(family, "en") + shown_texts(deck_family(BREWLINE)[0], "en", BREWLINE)
    found = [f"{slide}: {text!r}" for slide, text in texts if re.search(r"[\"']|\b\d{4}Q[1-4]\b", text)]
    found += [f"words.py {key}: {en!r}" for key, (_, en) in WORDS.items() if re.search(r"[\"']", en)]
    assert not found, "\n".join(found)


def test_a_pdf_finds_english_quotes_as_typed(family, tmp_path):
    """Quotes set proportional among English words are still quotes in the PDF's text layer."""
    path = tmp_path / "en.pdf"
    write_slides_pdf(DECK, Look(load_theme("light")[0], "en", family), [0], path)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True).stdout
    assert "Douyin’s “Exit from the Matrix”" in text, text


def test_english_quotes_are_as_narrow_as_latin_ones_and_chinese_ones_stay_full_width(family):
    def width(text: str) -> float:
        box = TextBox(text, column(1800), family, "#000", 60, 60)
        box.document.size()
        return box.document.idealWidth()

    assert width("Douyin’s “exit”") < width('Douyin\'s "exit"') * 1.1
    assert width("抖音“退出矩阵”") == pytest.approx(width("抖音退出矩阵") + 2 * width("退"), rel=0.02)


def laid_out(item) -> list[str]:
    """The lines a QGraphicsTextItem shows, as Qt laid them out (its own wrapping included)."""
    lines, block = [], item.document().begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
        block = block.next()
    return lines


def test_chart_labels_break_by_the_same_rules(family):
    """A bar's name wraps under its bar: never inside '（推算）', never a closing mark first on a line."""
    from PySide6.QtWidgets import QGraphicsTextItem

    look = Look(load_theme("light")[0], "zh", family)
    torn = []
    for index, slide in enumerate(DECK.slides):
        if not slide.chart:
            continue
        scene = build_scene(DECK, index, look)  # held: its items die with it
        for item in scene.items():
            if isinstance(item, QGraphicsTextItem):
                lines = laid_out(item)
                torn += [
                    f"{slide.id}: {lines!r}"
                    for line in lines
                    if line[:1] in CLOSING or line.count("（") != line.count("）")
                ]
    assert not torn, "\n".join(torn)
