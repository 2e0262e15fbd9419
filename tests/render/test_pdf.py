"""PDF export: page counts and sizes, a searchable text layer (Chinese too), identical bytes, speed, the sources."""

from __future__ import annotations

import math
import re
import subprocess
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.deck import load_deck
from desktop.deck.figures import derivation, format_value, render, slide_figures
from desktop.quiz.generate import build_bank
from desktop.render.canvas import Look
from desktop.render.fonts import deck_family, deck_texts
from desktop.render.pdf import sources, write_handout_pdf, write_quiz_pdf, write_slides_pdf
from desktop.render.pdf.file import Canvas, Meta, a4_page, finish
from desktop.render.pdf.layout import A4, Block, Doc, Frame, Run, doc_block, flow, paint_page, paper_ink
from desktop.render.pdf.text import parse_cmap, write_cmap
from desktop.render.quiz_pick import pick
from desktop.render.scene import build_scene
from desktop.render.theme import load_theme
from desktop.resources import bundled_deck

DECK = load_deck(bundled_deck()).deck
ALL = list(range(len(DECK.slides)))
PRINTED = pick(build_bank(DECK, 0), DECK)
RADICALS = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf]")
A4_PT, SLIDE_PT = (595.28, 841.89), (960.0, 540.0)


@pytest.fixture(scope="module")
def family(qapp) -> str:
    return deck_family(DECK)[0]


def look(family: str, lang: str = "zh", theme: str = "light") -> Look:
    return Look(load_theme(theme)[0], lang, family)


class Written:
    """The six PDFs of the bundled deck (slides, handout, quiz × zh, en), each with its progress reports."""

    def __init__(self, folder: Path, family: str) -> None:
        self.paths: dict[tuple[str, str], Path] = {}
        self.progress: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for lang in ("zh", "en"):
            for kind in ("slides", "handout", "quiz"):
                path, calls = folder / f"{kind}-{lang}.pdf", []
                if kind == "slides":
                    write_slides_pdf(DECK, look(family, lang), ALL, path, lambda d, t, c=calls: c.append((d, t)))
                elif kind == "handout":
                    write_handout_pdf(DECK, look(family, lang), ALL, path, lambda d, t, c=calls: c.append((d, t)))
                else:
                    write_quiz_pdf(
                        DECK, look(family, lang), path, PRINTED, None, lambda d, t, c=calls: c.append((d, t))
                    )
                self.paths[kind, lang], self.progress[kind, lang] = path, calls


@pytest.fixture(scope="module")
def pdfs(family, tmp_path_factory) -> Written:
    return Written(tmp_path_factory.mktemp("pdf"), family)


def text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """What `pdftotext` reads from the PDF (pages `first`..`last`, 1-based)."""
    args = ["pdftotext", "-enc", "UTF-8"]
    args += ["-f", str(first)] if first else []
    args += ["-l", str(last)] if last else []
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages(path: Path) -> list[str]:
    """Each page's text, in order."""
    return text(path).split("\f")[:-1]


def squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def near(size: tuple[float, float], expected: tuple[float, float]) -> bool:
    return abs(size[0] - expected[0]) < 1 and abs(size[1] - expected[1]) < 1


# ---- pages ------------------------------------------------------------------------------------------------


def test_slides_pdf_is_one_16_9_page_per_slide_then_the_sources(pdfs):
    for lang, heading in (("zh", "来源"), ("en", "Sources")):
        path = pdfs.paths["slides", lang]
        texts, rows = pages(path), sources(DECK, ALL, lang)
        appendix = texts[len(ALL) :]
        assert len(PdfReader(path).pages) == len(ALL) + len(appendix) == len(texts)
        assert appendix and all(heading in page for page in appendix)
        assert all(near(size, SLIDE_PT) for size in sizes(path)), "every page 16:9, the appendix too"
        for n, page in enumerate(texts[: len(ALL)], 1):
            assert f"{n} / {len(ALL)}" in page, "slides in order, one a page"
        total = len(texts)
        assert all(f"{n} / {total}" in page for n, page in enumerate(appendix, len(ALL) + 1))
        listed = squeeze("".join(appendix))
        assert all(squeeze(row.value) in listed for row in rows), "every figure shown is listed"
        assert all(squeeze(row.sentence) in listed for row in rows if row.sentence)


def beside_text(path: Path, page: int) -> str:
    """The text of the right half of an A4 page (1-based): what a handout prints beside its slides."""
    args = ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), "-x", "300", "-y", "0", "-W", "300"]
    return subprocess.run([*args, "-H", "842", str(path), "-"], capture_output=True, text=True, check=True).stdout


def handout_slides(texts: list[str], lang: str) -> dict[int, int]:
    """Slide index -> the page (0-based) its label is printed on."""
    word, found = "幻灯片 " if lang == "zh" else "Slide ", {}
    for n, page in enumerate(texts):  # the first: the Sources may list a slide beside a figure's period
        for i in ALL:
            if re.search(rf"{word}{i + 1} ·", page):
                found.setdefault(i, n)
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_handout_is_a4_three_slides_a_page_each_beside_its_whole_notes_then_the_sources(pdfs, lang):
    path = pdfs.paths["handout", lang]
    texts = pages(path)
    assert all(near(size, A4_PT) for size in sizes(path))
    where = handout_slides(texts, lang)
    assert sorted(where) == ALL and list(where.values()) == sorted(where.values()), "every slide, in order"
    assert max(Counter(where.values()).values()) == 3
    beside = [beside_text(path, n + 1) for n in range(max(where.values()) + 1)]
    for index, page in where.items():
        # pdftotext joins a word broken at its hyphen ('in-' / 'app' reads 'inapp'): compared without hyphens.
        notes = squeeze(render(DECK.slides[index].notes, lang, DECK.figures)).replace("-", "")
        assert notes in squeeze(beside[page]).replace("-", ""), f"slide {index + 1}: its notes, whole, on its page"
    appendix = texts[max(where.values()) + 1 :]
    assert appendix and all(("来源" if lang == "zh" else "Sources") in page for page in appendix)
    if lang == "zh":  # in English, pdftotext interleaves the appendix's two columns where a long line wraps
        listed = squeeze("".join(appendix))
        for row in sources(DECK, ALL, lang):
            assert squeeze(row.value) in listed and squeeze(row.measures) in listed
            assert squeeze(row.sentence or row.arithmetic) in listed, "a reader can check every number"
        assert len(texts) == 15 + len(appendix), "44 slides, three a page"


def test_a_handout_holds_one_two_three_or_six_slides_a_page(family, tmp_path):
    counts = {}
    for per_page in (1, 2, 3, 6):
        path = tmp_path / f"{per_page}.pdf"
        write_handout_pdf(DECK, look(family, "zh"), ALL, path, per_page=per_page)
        texts = pages(path)
        where = handout_slides(texts, "zh")
        assert sorted(where) == ALL and max(Counter(where.values()).values()) == per_page
        counts[per_page] = (len(texts), max(where.values()) + 1)
    # Six a page, a cell whose notes do not fit grows rather than print them small: a page may then hold five.
    whole = {n: -(-len(ALL) // n) for n in (1, 2, 3)}  # pages of slides, each page full but the last
    assert {n: slides for n, (_, slides) in counts.items() if n < 6} == whole and counts[6][1] <= -(-len(ALL) // 5)
    assert len({total - slides for total, slides in counts.values()}) == 1, "the same Sources appendix"


def printed_sizes(path: Path, page: int) -> list[tuple[float, str]]:
    """(size in points, text) of each run of text on a page, as a reader's eye sees it (font size × scale)."""
    runs = []

    def seen(text, cm, tm, font, size):
        if text.strip():
            runs.append(
                (size * math.hypot(*np.array(tm[:4]).reshape(2, 2) @ np.array(cm[:4]).reshape(2, 2)[:, 1]), text)
            )

    PdfReader(path).pages[page].extract_text(visitor_text=seen)
    return runs


def test_a_handouts_footers_are_printed_at_8_pt_or_more(pdfs):
    for lang, word in (("zh", "来源"), ("en", "Source")):
        runs = printed_sizes(pdfs.paths["handout", lang], 5)
        footers = [(size, text) for size, text in runs if word in text]
        assert len(footers) >= 2, runs
        assert min(size for size, _ in footers) >= 8 - 0.05, footers
        assert not any(re.fullmatch(rf"\s*\d+ / {len(ALL)}\s*", text) for _, text in runs), (
            "no slide number in small print"
        )


def test_a_handout_of_some_slides_shows_only_their_figures(family, tmp_path):
    path = tmp_path / "some.pdf"
    write_handout_pdf(DECK, look(family, "en"), [14, 2], path)
    texts = pages(path)
    assert texts[0].index("Slide 15 ·") < texts[0].index("Slide 3 ·"), "in the order asked"
    listed = "".join(texts[1:])
    assert [r.figure for r in sources(DECK, [14, 2], "en")] == slide_figures(DECK.slides[14], DECK.tables)
    assert "Slides 14, 15" not in listed and "Slide 15" in listed, "slide numbers among the slides exported"


def test_quiz_is_a_title_page_questions_by_pillar_an_answer_key_then_the_sources(pdfs):
    path = pdfs.paths["quiz", "zh"]
    texts = pages(path)
    bank = PRINTED
    assert all(near(size, A4_PT) for size in sizes(path))
    assert "测验" in texts[0] and squeeze(DECK.title.get("zh")) in squeeze(texts[0])
    key = next(n for n, page in enumerate(texts) if "每题的答案" in page)
    appendix = next(n for n, page in enumerate(texts) if "本文件中出现的每一个数字" in page)
    assert 1 < key < appendix < len(texts)
    questions = "\n".join(texts[1:key])
    numbers = [int(n) for n in re.findall(r"^(\d+)\.(?:\s|$)", questions, re.MULTILINE)]
    assert numbers == list(range(1, len(bank) + 1)), "every question, numbered once, in order"
    assert questions.count("____") >= sum(q.is_numeric for q in bank), "a blank to write each number on"
    assert "D. " in questions and "A. " in questions
    answers = [int(n) for n in re.findall(r"^(\d+)\.(?:\s|$)", "\n".join(texts[key:appendix]), re.MULTILINE)]
    assert answers == list(range(1, len(bank) + 1)), "an answer for every question"
    heading = "这个数字出自哪个支柱？"
    assert questions.index(heading) > questions.index("八、"), "'which pillar?' is not given away by a heading"


def test_quiz_numeric_questions_keep_their_unit_beside_the_blank(pdfs):
    questions = text(pdfs.paths["quiz", "en"])
    assert re.search(r"Answer:\s+more than ¥\s*_{6,}\s*bn", questions) or re.search(r"_{6,}\s*%", questions)
    assert re.search(r"_{6,}\s*pp", questions), "points questions: ___ pp"


def test_progress_counts_every_page(pdfs):
    for key, calls in pdfs.progress.items():
        total = len(PdfReader(pdfs.paths[key]).pages)
        assert calls == [(n, total) for n in range(1, total + 1)], key


def test_a_progress_callback_cancels_and_nothing_is_written(family, tmp_path):
    path = tmp_path / "cancelled.pdf"

    def cancel(done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_slides_pdf(DECK, look(family), ALL, path, cancel)
    assert not path.exists()
    write_slides_pdf(DECK, look(family), [0], path)  # Qt is left in a state to write the next one
    assert len(PdfReader(path).pages) >= 2


def test_text_stays_inside_the_margins(pdfs):
    """No word is cut off at a page edge: every word of the A4 PDFs lies inside the page's margins."""
    for kind in ("handout", "quiz"):
        for lang in ("zh", "en"):
            path = pdfs.paths[kind, lang]
            html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True).stdout
            words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)
            assert words
            for x0, y0, x1, y1 in (tuple(map(float, w)) for w in words):
                assert A4.left - 1 <= x0 and x1 <= A4.width - A4.right + 1, (kind, lang, x0, x1)
                assert y0 > 0 and y1 < A4.height, (kind, lang, y0, y1)


def test_a_slide_in_the_pdf_looks_like_the_slide_on_screen(pdfs, family, tmp_path):
    """Charts included: pyqtgraph draws multicoloured bars through a QPicture, which scales with the device."""
    composition = next(i for i, s in enumerate(DECK.slides) if s.chart and s.chart.kind == "composition")
    subprocess.run(
        ["pdftoppm", "-f", str(composition + 1), "-l", str(composition + 1), "-scale-to-x", "480", "-scale-to-y"]
        + ["270", "-png", "-singlefile", str(pdfs.paths["slides", "zh"]), str(tmp_path / "page")],
        check=True,
    )
    scene = build_scene(DECK, composition, look(family))
    on_screen, on_paper = grey(scene.to_image(480, 270)), grey(QImage(str(tmp_path / "page.png")))
    assert np.abs(on_screen - on_paper).mean() < 6


def grey(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
        96, 54, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width()].astype(float)


# ---- the text layer -----------------------------------------------------------------------------------------


def test_chinese_is_searchable(pdfs):
    for kind in ("slides", "handout", "quiz"):
        found = text(pdfs.paths[kind, "zh"])
        assert not RADICALS.search(found), (kind, sorted(set(RADICALS.findall(found))))
        for phrase in ("抖音", "商业变现体系升级", "2023年", *(("广告投放",) if kind != "quiz" else ())):
            assert phrase in found, (kind, phrase)  # the printed quiz asks some figures, not every chart's


def test_english_titles_and_numbers_are_searchable(pdfs):
    found = " ".join(text(pdfs.paths["slides", "en"]).split())
    assert DECK.title.get("en") in found, "the deck's title, in every appendix page's header"
    for slide in DECK.slides:
        title = " ".join(render(slide.title, "en", DECK.figures).split())
        assert title in found, title
    for phrase in ("Q2 2023", "TOP1000", "Traffic", "in 2023"):
        assert phrase in found, "digits beside letters, and 'ffi' not as a ligature character"
    assert not re.search("[\ufb00-\ufb06]", found)


def every_text(lang: str) -> list[str]:
    """Every text of the deck a PDF can show in `lang`, figures filled in, and the article sentences."""
    figures = DECK.figures
    texts = [render(t, lang, figures) for t in deck_texts(DECK)]
    texts += [render(s.notes, lang, figures) for s in DECK.slides]
    texts += [f.source for f in figures.values() if f.source]
    for q in build_bank(DECK, 0):
        texts += [q.prompt.get(lang), q.explanation.get(lang), *(c.get(lang) for c in q.choices)]
    return [t for t in texts if t]


def test_every_character_of_the_deck_comes_out_of_the_pdf_as_itself(family, tmp_path):
    """Noto Sans CJK maps radicals to the glyphs of common ideographs (广 -> ⼴); the repaired text layer does not."""
    paper, ink = A4, paper_ink(load_theme("light")[0])
    blocks: list[Block] = []
    wanted: set[str] = set()
    for lang in ("zh", "en"):
        for bold in (False, True):
            doc = Doc(family, paper.text_width)
            for value in every_text(lang):
                doc.para(Run(value, paper.body, ink.text, bold))
                wanted |= {ch for ch in value if not ch.isspace()}
            blocks.append(doc_block(doc, new_page=True))
    laid = flow(blocks, paper.text_height)
    meta = Meta("every character", "zh", uuid.uuid4(), datetime(2024, 1, 1, tzinfo=UTC))
    canvas = Canvas(a4_page(), meta, family)
    frame = Frame(paper, ink, family, "test", "test")
    for n, page in enumerate(laid, 1):
        canvas.next_page()
        paint_page(canvas.painter, frame, page, n, len(laid))
    path = tmp_path / "every.pdf"
    finish(canvas, path, meta, family)
    found = set(text(path))
    assert len(wanted) > 500
    assert not RADICALS.search("".join(found)), sorted(set(RADICALS.findall("".join(found))))
    assert sorted(wanted - found) == [], "every character the deck uses, searchable"


def test_a_to_unicode_map_round_trips_and_is_repaired():
    cmap = (
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\n"
        b"endcodespacerange\n2 beginbfrange\n<0001> <0003> [<6296> <2F34> <2ED3>]\n<0004> <0005> <0030>\nendbfrange\n"
        b"1 beginbfchar\n<0006> <FB03>\nendbfchar\nendcmap\nend\nend\n"
    )
    mapping = parse_cmap(cmap)
    assert mapping == {b"0001": "抖", b"0002": "⼴", b"0003": "⻓", b"0004": "0", b"0005": "1", b"0006": "ﬃ"}
    fixed = {code: {"⼴": "广", "⻓": "长", "ﬃ": "ffi"}.get(value, value) for code, value in mapping.items()}
    rewritten = write_cmap(cmap, fixed)
    assert parse_cmap(rewritten) == fixed and rewritten.startswith(b"/CIDInit") and rewritten.endswith(b"end\n")


# ---- identical bytes --------------------------------------------------------------------------------------


def test_the_same_pdf_twice_is_the_same_bytes(family, tmp_path, monkeypatch, qtbot):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    some = [0, 7, 14, 37]
    writers = {
        "slides": lambda p: write_slides_pdf(DECK, look(family, "en"), some, p),
        "handout": lambda p: write_handout_pdf(DECK, look(family, "zh"), some, p),
        "quiz": lambda p: write_quiz_pdf(DECK, look(family, "zh"), p, pick(build_bank(DECK, 3), DECK, 20, 3), 3),
    }
    for name, write in writers.items():
        write(tmp_path / f"{name}-1.pdf")
    second = int(time.time())
    qtbot.waitUntil(lambda: int(time.time()) > second, timeout=2000)  # a clock leaking into the file would show
    for name, write in writers.items():
        write(tmp_path / f"{name}-2.pdf")
        assert (tmp_path / f"{name}-1.pdf").read_bytes() == (tmp_path / f"{name}-2.pdf").read_bytes(), name


def test_dates_come_from_source_date_epoch(family, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path = tmp_path / "dated.pdf"
    write_slides_pdf(DECK, look(family), [0], path)
    with pikepdf.open(path) as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == str(pdf.docinfo["/ModDate"]) == "D:20231114221320Z"
        metadata = pdf.Root.Metadata.read_bytes().decode()
        assert "2023-11-14T22:13:20Z" in metadata and "<xmp:CreateDate>" in metadata
        ident = str(pdf.trailer.ID[0])
    other = tmp_path / "other.pdf"
    write_slides_pdf(DECK, look(family, "en"), [0], other)
    with pikepdf.open(other) as pdf:
        assert str(pdf.trailer.ID[0]) != ident, "another content, another id"


# ---- sources ----------------------------------------------------------------------------------------------


def test_sources_list_each_figure_once_with_its_sentence_and_slides():
    rows = sources(DECK, ALL, "zh")
    ids = [r.figure for r in rows]
    shown = {i for s in DECK.slides for i in slide_figures(s, DECK.tables) if i in DECK.figures}
    assert len(ids) == len(set(ids)) and set(ids) == shown
    for row in rows:
        figure = DECK.figures[row.figure]
        assert row.value == format_value(figure, "zh", signed=figure.role == "change")
        assert row.slides == tuple(
            n for n, s in enumerate(DECK.slides, 1) if row.figure in slide_figures(s, DECK.tables)
        )
        if figure.derived:
            assert row.derived and row.arithmetic == derivation(figure, DECK.figures, "zh") and row.inputs
            assert all(sentence in DECK.source.text for sentence in row.inputs)
        else:
            assert not row.derived and row.sentence == figure.source and row.sentence in DECK.source.text


def test_sources_of_some_slides_count_them_in_the_whole_deck():
    composition = next(i for i, s in enumerate(DECK.slides) if s.chart and s.chart.kind == "composition")
    rows = sources(DECK, [composition], "en")
    assert rows and all(row.slides == (composition + 1,) for row in rows)
    assert all(re.search(r"\d{4}", row.period) for row in rows)


# ---- layout -----------------------------------------------------------------------------------------------


def test_a_long_block_is_cut_only_between_its_lines():
    drawn: list[float] = []
    lines = tuple(float(y) for y in range(100, 5000, 100))
    blocks = [Block(500, lambda p, c: None, keep_with_next=True), Block(5000, lambda p, c: drawn.append(c), lines)]
    laid = flow(blocks, 1200)
    slices = [(p.start, p.end) for page in laid for p in page.placed if p.block is blocks[1]]
    assert slices[0][0] == 0 and slices[-1][1] == 5000
    assert all(a[1] == b[0] for a, b in zip(slices, slices[1:], strict=False)), "no line lost, none twice"
    assert all(end in lines for _, end in slices[:-1]), "cut at a line"
    assert laid[0].placed[0].block is blocks[0] and len(laid[0].placed) == 2, "a heading stays with what follows"


def test_english_words_in_a_chinese_decks_pdfs_take_their_quotes_from_noto_sans(pdfs):
    """The CJK font's apostrophe is as wide as an ideograph ("Douyin’ s"): English is set in Noto Sans first."""
    from tests.test_languages import pdf_fonts

    english, chinese = pdf_fonts(pdfs.paths["handout", "en"]), pdf_fonts(pdfs.paths["handout", "zh"])
    assert any(f.startswith("NotoSans-") for f in english) and any("CJK" in f for f in english)
    assert not any(f.startswith("NotoSans-") for f in chinese), "Chinese keeps its own font and full-width quotes"
