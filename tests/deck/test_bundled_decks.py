"""The bundled decks: complete, valid, and faithful to the article they quote."""

from __future__ import annotations

import re
import unicodedata

import pytest

from desktop.deck import load_deck
from desktop.deck.figures import format_value, render
from desktop.deck.model import CHART_KINDS, QUALIFIERS, SLIDE_KINDS
from tests.conftest import REPO

DOUYIN = REPO / "content" / "douyin-exit-matrix"
GUIDE = REPO / "content" / "authoring-guide"
ARTICLE = (REPO.parent / "shared" / "source" / "douyin-exit-matrix.zh.txt", DOUYIN / "source.zh.txt")
# How the article writes each unit after a number.
WRITTEN = {"%": "%", "pp": "个百分点", "亿元": "亿元", "分钟": "分钟", "条": "条", "×": "倍", None: ""}


@pytest.fixture(scope="module")
def deck():
    loaded = load_deck(DOUYIN)
    assert loaded.problems == []
    return loaded.deck


def as_written(value: float) -> str:
    return f"{value:g}"


def same_words(text: str) -> str:
    """The text with full-width punctuation as the article's half-width: slides set "：" where it wrote ":"."""
    return unicodedata.normalize("NFKC", text)


def test_the_deck_ships_the_article_it_quotes(deck):
    shipped = DOUYIN / "source.zh.txt"
    assert deck.source.path == shipped
    if ARTICLE[0].exists():
        assert shipped.read_bytes() == ARTICLE[0].read_bytes()
    for heading in ("一、内容生态重构", "四、技术架构迭代", "八、国际化战略调整"):
        assert heading in deck.source.text


def test_intro_eight_pillars_conclusion_and_discussion(deck):
    pillars = [s.number for s in deck.sections]
    assert pillars[0] is None and pillars[-2:] == [None, None]
    assert [p for p in pillars if p] == list(range(1, 9))
    assert deck.slides[0].kind == "title"
    assert deck.slides[-1].kind == "discussion"
    for section in deck.sections:
        if section.number:
            assert same_words(section.title.get("zh")) in same_words(deck.source.text), section.id
            assert 2 <= len(section.slides) <= 5, section.id
            assert section.slides[-1].kind == "quiz", f"{section.id} ends with a quick check"


def test_every_stated_figure_appears_verbatim_in_its_sentence(deck):
    stated = [f for f in deck.figures.values() if f.derived is None]
    assert len(stated) >= 45
    for figure in stated:
        assert figure.source in deck.source.text, figure.id
        if figure.qualifier == "rank":
            written = f"TOP{as_written(figure.value)}"
        elif figure.qualifier == "range":
            written = "-".join(as_written(v) for v in figure.value) + WRITTEN[figure.unit]
        else:
            written = as_written(abs(figure.value)) + WRITTEN[figure.unit]
        assert written in figure.source, (figure.id, written, figure.source)


def test_derived_figures_carry_their_arithmetic(deck):
    figures = deck.figures
    derived = {f.id: f for f in figures.values() if f.derived}
    assert derived, "the article's 67 − 42 and 37 − 12 must be derived, not stated"
    for figure in derived.values():
        expected = sum(sign * figures[ident].value for sign, ident in figure.derived.terms)
        assert figure.value == pytest.approx(expected, abs=0.5)  # to its least precise input's decimals
        assert figure.source is None
    values = sorted(f.value for f in derived.values())
    assert 25 in values and 75 in values  # 92.7% − 18 pp: the article's 18 has no decimal, nor has the result


def test_table_rows_in_chinese_are_the_articles_rows(deck):
    lines = {same_words(line) for line in deck.source.text.splitlines()}
    figures = deck.figures
    for table in deck.tables.values():
        header = " | ".join(c.get("zh") for c in table.columns) + " |"
        assert same_words(header) in lines, header
        for row in table.rows:
            rendered = " | ".join(render(cell, "zh", figures) for cell in row) + " |"
            assert same_words(rendered) in lines, rendered


def test_the_revenue_mix_adds_up_in_both_years(deck):
    charts = [s.chart for s in deck.slides if s.chart and s.chart.kind == "composition"]
    assert charts
    figures = deck.figures
    for chart in charts:
        for stage in (0, 1):
            parts = [figures[(p.first, p.second)[stage]].value for p in chart.pairs]
            assert sum(parts) == 100


def test_the_headline_figures(deck):
    values = {(f.value, f.unit, f.period) for f in deck.figures.values()}
    for expected in [(84, "%", "2019"), (52, "%", "2023"), (67, "%", "2023"), (92.7, "%", "2023")]:
        assert expected in values
    by_text = {format_value(f, "zh"): f for f in deck.figures.values()}
    assert by_text["超12亿元"].qualifier == "more-than"
    assert by_text["约62%"].value == -62
    assert by_text["3-5倍"].qualifier == "range"
    assert {"TOP1", "TOP3"} <= set(by_text)


def test_ambiguous_statements_are_flagged_not_guessed(deck):
    for written in ("35%", "3.2倍", "300%"):
        matches = [f for f in deck.figures.values() if f.source and written in f.source and f.role == "change"]
        assert matches and all(f.caveat for f in matches), written


def test_every_slide_has_notes_in_both_languages(deck):
    for slide in deck.slides:
        for lang in ("zh", "en"):
            assert len(slide.notes.get(lang)) > 40, (slide.id, lang)


def test_slides_that_show_figures_have_them_all_defined(deck):
    figures = deck.figures
    shown = set()
    for slide in deck.slides:
        shown.update(slide.figures)
        if slide.chart:
            shown.update(i for p in slide.chart.pairs for i in (p.first, p.second))
    assert shown <= set(figures)
    assert len(shown) >= 20


def test_english_is_our_own_words_not_chinese(deck):
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for slide in deck.slides:
        for text in (slide.title, slide.notes, *slide.bullets):
            assert not cjk.search(text.get("en")), (slide.id, text.get("en"))


def test_the_authoring_guide_shows_every_kind():
    loaded = load_deck(GUIDE)
    assert loaded.problems == []
    deck = loaded.deck
    assert {s.kind for s in deck.slides} == set(SLIDE_KINDS)
    assert {s.chart.kind for s in deck.slides if s.chart} == set(CHART_KINDS)
    figures = deck.figures.values()
    assert {f.qualifier for f in figures} == set(QUALIFIERS)
    assert {f.unit for f in figures} == {"%", "pp", "×", "min", "¥", "km", None}  # known, unknown (km) and none
    assert any(f.derived for f in figures)
    assert "# " in (GUIDE / "deck.yaml").read_text(encoding="utf-8"), "the guide explains itself in comments"
