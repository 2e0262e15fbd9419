"""The question bank: every answer is the article's figure, choices are fair, ids never move."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from desktop.deck import load_deck
from desktop.deck.figures import format_value, render, slide_figures
from desktop.quiz.answers import parse_number, readings
from desktop.quiz.distractors import fits
from desktop.quiz.generate import build_bank, slide_question
from desktop.quiz.index import DeckIndex
from desktop.quiz.model import NumericAnswer
from desktop.quiz.wording import blank
from tests.decks import figure_yaml, small_deck
from tests.quiz.conftest import DOUYIN

LANGS = ("zh", "en")
FIGURE_KINDS = ("recall", "numeric", "section")


def by_id(bank):
    return {q.id: q for q in bank}


def test_every_kind_is_there_and_every_id_is_unique_and_named_by_its_kind(bank, deck):
    kinds = Counter(q.kind for q in bank)
    stated = [f for f in deck.figures.values() if f.derived is None]
    assert kinds["recall"] == len(stated)
    assert 0 < kinds["section"] < len(stated)  # not those whose measure shares a word with their section's title
    assert kinds["numeric"] == len([f for f in stated if not isinstance(f.value, tuple)])
    assert kinds["grew-most"] == 1 and kinds["vs"] == 3 and kinds["points"] >= 6 and kinds["pair"] >= 9
    assert len(by_id(bank)) == len(bank)
    for q in bank:
        # "Which section?" keeps the ids it had when sections were pillars: students' progress is keyed on them.
        assert q.id.startswith({"section": "pillar"}.get(q.kind, q.kind) + ":")


def test_derived_figures_are_never_asked_as_the_articles(bank, deck):
    derived = {f.id for f in deck.figures.values() if f.derived}
    assert len(derived) == 3
    assert not [q.id for q in bank if q.figure in derived]


def test_a_recall_answer_is_its_figure_as_the_article_states_it(bank, deck):
    for q in (q for q in bank if q.kind == "recall"):
        figure = deck.figures[q.figure]
        for lang in LANGS:
            right = q.choices[q.answer].get(lang)
            if figure.qualifier in ("more-than", "rank"):  # asked as the blank in the article's words
                shape = blank(figure, lang)
                assert shape in q.prompt.get(lang), q.id
                assert parse_number(right) == parse_number(format_value(figure, lang)), q.id
                continue
            assert right.endswith(format_value(figure, lang)), q.id
            if figure.role == "change" and figure.value < 0:
                assert right.startswith("下降" if lang == "zh" else "down "), q.id


def test_a_numeric_answer_is_the_stated_number_a_fall_as_its_size(bank, deck):
    for q in (q for q in bank if q.kind == "numeric"):
        figure = deck.figures[q.figure]
        assert q.answer == NumericAnswer(abs(figure.value), figure.unit, figure.qualifier, readings(figure)), q.id
        assert q.tolerance == (0.05 if "." in str(figure.value).rstrip("0").rstrip(".") else 0.5), q.id
    fall = by_id(bank)["numeric:cross-border-data-change"]
    assert fall.answer.value == 83 and "下降___%" in fall.prompt.get("zh") and "down ___%" in fall.prompt.get("en")
    spend = by_id(bank)["numeric:privacy-compliance-spend"]
    assert "超___亿元" in spend.prompt.get("zh") and "more than ¥___ bn" in spend.prompt.get("en")


def test_points_are_the_arithmetic_of_two_stated_figures(bank, deck):
    points = [q for q in bank if q.kind == "points"]
    for q in points:
        after = deck.figures[q.figure]
        before = next(f for f in deck.figures.values() if f.measures == after.measures and f.role == "before")
        assert q.answer == NumericAnswer(after.value - before.value, "pp", "exact"), q.id
    ads = by_id(bank)["points:ad-share-2023"]
    assert "52% − 84% = −32 pp" in ads.explanation.get("en")
    assert "52% − 84% = −32个百分点" in ads.explanation.get("zh")
    assert ads.explanation.get("zh").count("原文") == 1, "one sentence states both figures: quoted once"


def test_derived_figures_equal_their_arithmetic_and_are_marked_where_shown(bank, deck):
    for figure in (f for f in deck.figures.values() if f.derived):
        assert figure.value == pytest.approx(sum(s * deck.figures[t].value for s, t in figure.derived.terms), abs=0.5)
    facebook = by_id(bank)["vs:tiktok-us-share"]
    assert "25% = 37% − 12 pp" in facebook.explanation.get("en") and "derived" in facebook.explanation.get("en")
    assert "推算" in facebook.explanation.get("zh")
    doubao = by_id(bank)["recall:doubao-accuracy"]
    explanation = doubao.explanation.get("en")
    assert "75% ≈ 92.7% − 18 pp" in explanation and "not the article’s" in explanation


def test_choices_are_distinct_and_hold_the_answer_exactly_once(bank):
    for q in (q for q in bank if not q.is_numeric):
        assert 2 <= len(q.choices) <= 4 and 0 <= q.answer < len(q.choices), q.id
        for lang in LANGS:
            texts = [c.get(lang) for c in q.choices]
            assert len(set(texts)) == len(texts), (q.id, lang, texts)
    assert all(len(q.choices) == 4 for q in bank if q.kind in ("recall", "section"))


def test_distractors_stay_in_range_and_keep_the_figures_qualifier(bank, deck):
    words = {"about": ("约", "about ")}
    for q in (q for q in bank if q.kind == "recall"):
        figure = deck.figures[q.figure]
        if figure.qualifier in ("more-than", "rank"):  # bare numbers that fill the article's blank
            assert all(parse_number(c.get("zh")) is not None for c in q.choices), q.id
            continue
        for choice in q.choices:
            zh, en = choice.get("zh"), choice.get("en")
            if figure.qualifier in words:
                assert words[figure.qualifier][0] in zh and words[figure.qualifier][1] in en, (q.id, zh)
            if figure.qualifier == "range":
                assert "-" in zh and "–" in en, q.id
            else:
                value = parse_number(zh)
                assert value is not None and fits(figure, value), (q.id, zh)
                assert zh.startswith("下降") == (figure.value < 0), (q.id, zh)


def test_a_share_among_its_chart_gets_its_neighbours_as_distractors(bank):
    ads = by_id(bank)["recall:ad-share-2023"]
    assert sorted(c.get("zh") for c in ads.choices) == ["18%", "30%", "52%", "84%"]


def test_when_the_prompt_gives_one_end_of_a_change_the_choices_keep_its_direction(bank):
    after = by_id(bank)["recall:consent-rate-after"]
    assert "从78%升至多少" in after.prompt.get("zh") and "rose from 78% to what" in after.prompt.get("en")
    assert all(parse_number(c.get("zh")) > 78 for c in after.choices)
    before = by_id(bank)["recall:consent-rate-before"]
    assert all(parse_number(c.get("zh")) < 94 for c in before.choices)


def test_every_question_cites_the_article_and_quotes_its_source(bank, deck):
    for q in bank:
        assert q.prompt.get("zh").startswith("根据文章"), q.id
        assert "according to the article" in q.prompt.get("en").lower(), q.id
        assert q.source and q.source in deck.source.text, q.id
        for lang in LANGS:
            if "|" in q.source:  # a table row, read out with its columns; the verbatim row stays the source
                assert q.source.split("|")[0].strip() in q.explanation.get("zh"), q.id
            else:
                assert f"“{q.source}”" in q.explanation.get(lang), (q.id, lang)


def test_a_figure_questions_explanation_shows_the_figure_and_its_caveat(bank, deck):
    for q in (q for q in bank if q.kind in ("recall", "numeric")):
        figure = deck.figures[q.figure]
        for lang in LANGS:
            assert format_value(figure, lang) in q.explanation.get(lang), q.id
            if figure.caveat:
                assert render(figure.caveat, lang, deck.figures) in q.explanation.get(lang), q.id
    uplift = by_id(bank)["numeric:dm-open-rate-change"]
    assert uplift.answer == NumericAnswer(35, "%", "exact"), "asked as stated: never converted to points"


def test_a_question_links_to_a_slide_that_shows_its_figure_and_names_its_section(bank, deck):
    slides = {s.id: s for s in deck.slides}
    for q in bank:
        assert q.slide in slides, q.id
        section = deck.section_of(q.slide)
        if q.figure:
            assert q.figure in slide_figures(slides[q.slide], deck.tables), q.id
            assert q.section == next(s.number for s in deck.sections if q.figure in {f.id for f in s.figures})
        else:
            assert q.section == section.number, q.id
    assert by_id(bank)["recall:ad-share-2019"].slide == "p3-revenue-table", "its own section, not the intro timeline"


def test_seeds_change_order_and_distractors_never_ids_or_answers(deck, bank):
    other = build_bank(deck, seed=7)
    assert [q.id for q in other] != [q.id for q in bank]
    assert by_id(other).keys() == by_id(bank).keys()
    changed = 0
    for q in other:
        mine = by_id(bank)[q.id]
        assert q.prompt == mine.prompt and q.explanation == mine.explanation and q.source == mine.source
        if q.is_numeric:
            assert q.answer == mine.answer and q.tolerance == mine.tolerance
        else:
            assert q.choices[q.answer] == mine.choices[mine.answer]
            changed += q.choices != mine.choices
    assert changed > 20
    again = [q.to_json(deck.languages) for q in build_bank(deck, seed=7)]
    assert again == [q.to_json(deck.languages) for q in other], "deterministic"


def test_ids_and_questions_survive_an_edit_elsewhere_in_the_deck(tmp_path, bank):
    folder = tmp_path / "deck"
    shutil.copytree(DOUYIN, folder)
    pillar8, article = folder / "pillar-8.yaml", folder / "source.zh.txt"
    text = pillar8.read_text(encoding="utf-8")
    assert text.count("value: 37") == 1 and text.count("份额达37%") == 2
    text = text.replace("value: 37", "value: 38").replace("份额达37%", "份额达38%")
    text = text.replace("figures:\n", "figures:\n" + NEW_FIGURE, 1)
    pillar8.write_text(text, encoding="utf-8")
    article.write_text(article.read_text(encoding="utf-8").replace("份额达37%", "份额达38%"), encoding="utf-8")
    loaded = load_deck(folder)
    assert loaded.ok, [p.format() for p in loaded.problems]
    edited = by_id(build_bank(loaded.deck))
    before = by_id(bank)
    assert before.keys() <= edited.keys() and "recall:local-staff-hired" in edited
    for ident, q in before.items():
        if q.section != 8:
            assert edited[ident].to_json(("zh", "en")) == q.to_json(("zh", "en")), ident
    assert edited["numeric:tiktok-us-share"].answer.value == 38


NEW_FIGURE = """\
  - id: local-staff-hired
    value: 92
    unit: "%"
    measures: {zh: 本地雇员比例（新）, en: share of local hires (new)}
    role: level
    qualifier: more-than
    source: 团队构成 | 中方员工占78% | 本地雇员超92% |

"""


def test_a_quiz_slide_asks_even_when_the_bank_cannot_and_never_offers_a_second_right_answer(tmp_path):
    """Two figures measured alike (same measure, same period): the bank leaves both out; a quiz slide still asks
    about its own, and the other's value is never among the choices."""
    figures = figure_yaml("asked", "5").replace("数asked", "数") + figure_yaml("twin", "6").replace("数twin", "数")
    deck = load_deck(small_deck(tmp_path / "twins", figures)).deck
    index = DeckIndex(deck)
    assert not [q for q in build_bank(deck) if q.figure == "asked"]
    question = slide_question(deck.figures["asked"], index)
    choices = [c.get("en") for c in question.choices]
    assert question.kind == "recall" and choices[question.answer] == "5" and len(choices) == 4
    assert "6" not in choices


def test_every_bundled_deck_and_a_tiny_one_give_a_sound_bank(deck_dir):
    for folder in [deck_dir, *(p.parent for p in (DOUYIN.parent).glob("*/deck.yaml"))]:
        loaded = load_deck(folder)
        assert loaded.ok, folder
        bank = build_bank(loaded.deck)
        assert bank and len({q.id for q in bank}) == len(bank), folder
        for q in bank:
            assert q.source, (folder, q.id)
            assert q.is_numeric or len({c.get("zh") for c in q.choices}) == len(q.choices) >= 2, (folder, q.id)
