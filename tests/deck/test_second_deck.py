"""The second bundled deck: a case in English only, in its own units, themes and pictures, shown by every verb."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtGui import QColor, QImage

from tests.conftest import REPO, run_casebook
from tests.test_languages import pdf_fonts, pdf_text

BREWLINE = REPO / "content" / "brewline-coffee"
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")  # CJK punctuation, ideographs, full-width forms


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """The slides, handout and quiz PDFs, as `export` writes them."""
    made = {}
    for kind in ("slides", "handout", "quiz"):
        out = tmp_path_factory.mktemp(kind)
        flags = {"slides": [], "handout": ["--handout"], "quiz": ["--quiz"]}[kind]
        result = run_casebook("export", str(BREWLINE), "--format", "pdf", "--out", str(out), "--quiet", *flags)
        assert result.returncode == 0, result.stderr
        (made[kind],) = out.glob("*.pdf")
    return made


def test_it_validates_clean():
    result = run_casebook("validate", str(BREWLINE))
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("6 sections, 19 slides, 33 figures (2 derived); 0 errors, 0 warnings")


def test_no_chinese_anywhere_in_its_pdfs(pdfs):
    for kind, path in pdfs.items():
        text = pdf_text(path)
        assert not CHINESE.findall(text), (kind, CHINESE.findall(text)[:10])
        assert not [f for f in pdf_fonts(path) if "CJK" in f or "WenQuanYi" in f or "Droid" in f], kind


def test_its_questions_are_in_english_only():
    result = run_casebook("questions", str(BREWLINE), "--json")
    assert result.returncode == 0, result.stderr
    questions = json.loads(result.stdout)
    assert len(questions) >= 80
    assert {lang for q in questions for lang in q["prompt"]} == {"en"}
    assert not CHINESE.findall(result.stdout)
    assert any(q["kind"] == "section" and "which part" in q["prompt"]["en"] for q in questions)


def test_its_own_units_sections_and_arithmetic_read_as_written(pdfs):
    text = pdf_text(pdfs["slides"])
    for shown in ("1,240 stores", "$46.5 million", "$1,050 million", "135%", "$5.80", "3–4 years", "Part 1 ·"):
        assert shown in text, shown
    # (Noto Sans has no "−": its glyph comes from another font, and the text layer puts a space after it)
    assert re.search(r"−\s?67 pp = 68% − 135%", text), "a computed fall keeps its minus sign"


def test_a_chinese_version_is_refused_in_one_line(tmp_path):
    result = run_casebook("export", str(BREWLINE), "--out", str(tmp_path), "--lang", "zh")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["casebook: --lang 'zh': the deck is written in en only"]
    assert not list(tmp_path.iterdir())


def test_its_theme_and_pictures_are_drawn(tmp_path):
    result = run_casebook("export", str(BREWLINE), "--out", str(tmp_path), "--slides", "1,14", "--quiet")
    assert result.returncode == 0, result.stderr
    title, picture = (QImage(str(p)) for p in sorted(tmp_path.glob("*.png")))
    assert title.pixelColor(40, 540) == QColor("#fbf6ef"), "the deck's own theme (themes/brew.yaml)"
    # The diagram's dark boxes (#6f4e37) fill much of the slide's middle, where a missing picture leaves background.
    middle = [picture.pixelColor(x, y) for x in range(900, 1020, 8) for y in range(440, 720, 8)]
    assert sum(c == QColor("#6f4e37") for c in middle) > len(middle) / 4
