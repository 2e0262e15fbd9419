"""A question prints as the `questions --json` contract in PRODUCT.md."""

from __future__ import annotations

import json

from desktop.deck.model import Text
from desktop.quiz.model import NumericAnswer, Question

KEYS = ["id", "pillar", "kind", "prompt", "choices", "answer", "tolerance", "explanation", "slide", "source"]


FIFTY_TWO = (Text.of(zh="52%", en="52%"),)


def question(answer, kind="recall", choices=FIFTY_TWO, tolerance=None) -> Question:
    return Question(
        id=f"{kind}:ad-share-2023",
        section=3,
        kind=kind,
        prompt=Text.of(zh="根据文章，2023年抖音广告收入占比是？", en="According to the article, …?"),
        choices=choices,
        answer=answer,
        tolerance=tolerance,
        explanation=Text.of(zh="答案：52%", en="Answer: 52%"),
        slide="p3-revenue-table",
        source="抖音广告收入占比从2019年的84%降至2023年的52%。",
        figure="ad-share-2023",
    )


def test_a_choice_question_is_json_in_the_contracts_shape():
    data = question(0).to_json(("zh", "en"))
    assert list(data) == KEYS
    assert data["choices"] == [{"zh": "52%", "en": "52%"}]
    assert data["answer"] == 0 and data["tolerance"] is None
    assert data["prompt"]["zh"].startswith("根据文章")
    json.dumps(data, ensure_ascii=False)


def test_a_numeric_answer_is_value_unit_and_qualifier_with_plain_numbers():
    q = question(NumericAnswer(52.0, "%", "exact"), kind="numeric", choices=(), tolerance=0.5)
    assert q.is_numeric and not question(0).is_numeric
    data = q.to_json(("zh", "en"))
    assert data["answer"] == {"value": 52, "unit": "%", "qualifier": "exact"}
    assert isinstance(data["answer"]["value"], int)
    assert data["choices"] == [] and data["tolerance"] == 0.5
    assert NumericAnswer(92.7, "%").to_json()["value"] == 92.7
