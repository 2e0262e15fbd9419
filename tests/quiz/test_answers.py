"""Typed answers: numbers however they are written, judged within the question's tolerance."""

from __future__ import annotations

import pytest

from desktop.deck.model import Text
from desktop.quiz.answers import answer_text, is_correct, parse_number, tolerance
from desktop.quiz.model import NumericAnswer, Question


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("52", 52),
        ("52%", 52),
        ("５２", 52),
        ("５２％", 52),
        ("52.0", 52),
        (" 52 % ", 52),
        ("−32", -32),
        ("-32个百分点", -32),
        ("－32", -32),
        ("- 32", -32),
        ("12亿元", 12),
        ("3.2倍", 3.2),
        ("1,200", 1200),
        ("TOP1", 1),
        (".5", 0.5),
    ],
)
def test_a_number_is_read_however_it_is_written(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "3-5", "52 or 53", "%"])
def test_no_number_or_several_is_no_answer(text):
    assert parse_number(text) is None


def question(answer, kind="numeric", tol=None, choices=()) -> Question:
    text = Text.of(zh="根据文章", en="According to the article")
    return Question("q", 3, kind, text, choices, answer, tol, text, "s", "source")


def test_tolerance_follows_the_articles_precision():
    assert (tolerance(52), tolerance(92.7), tolerance(84, 52), tolerance(2.5, 6.8)) == (0.5, 0.05, 0.5, 0.05)


def test_typed_numbers_pass_within_tolerance_only():
    q = question(NumericAnswer(92.7, "%"), tol=0.05)
    assert is_correct(q, "92.7") and is_correct(q, "９２.７%") and is_correct(q, "92.75")
    assert not is_correct(q, "92.8") and not is_correct(q, "93") and not is_correct(q, "abc")
    whole = question(NumericAnswer(52, "%"), tol=0.5)
    assert is_correct(whole, "52") and is_correct(whole, "52.4") and not is_correct(whole, "53")


def test_a_stated_fall_forgives_a_minus_but_points_keep_their_sign():
    fall = question(NumericAnswer(83, "%"), tol=0.5)
    assert is_correct(fall, "83") and is_correct(fall, "-83")
    points = question(NumericAnswer(-32, "pp"), kind="points", tol=0.5)
    assert is_correct(points, "−32") and is_correct(points, "-32个百分点") and not is_correct(points, "32")


def test_yuan_amounts_are_read_in_the_languages_unit():
    spend = question(NumericAnswer(12, "亿元", "more-than"), tol=0.5)
    assert is_correct(spend, "12", lang="zh") and not is_correct(spend, "1.2", lang="zh")
    assert is_correct(spend, "1.2", lang="en") and not is_correct(spend, "12", lang="en")
    assert is_correct(spend, "12亿", lang="en") and is_correct(spend, "1.2 bn", lang="zh")
    assert is_correct(spend, "12") and is_correct(spend, "1.2"), "no language given: either reading"


def test_a_choice_is_its_index():
    q = question(2, kind="recall", choices=(Text.of(zh="a", en="a"),) * 4)
    assert is_correct(q, 2) and is_correct(q, "2") and not is_correct(q, 1) and not is_correct(q, True)


def test_the_answer_reads_as_the_student_should_see_it():
    spend = question(NumericAnswer(12, "亿元", "more-than"), tol=0.5)
    assert (answer_text(spend, "zh"), answer_text(spend, "en")) == ("超12亿元", "more than ¥1.2 bn")
    points = question(NumericAnswer(-32, "pp"), kind="points", tol=0.5)
    assert (answer_text(points, "zh"), answer_text(points, "en")) == ("−32个百分点", "−32 pp")
    choice = question(1, kind="recall", choices=(Text.of(zh="甲", en="A"), Text.of(zh="乙", en="B")))
    assert answer_text(choice, "en") == "B"
