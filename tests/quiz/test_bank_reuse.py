"""A bank built again from the same deck (the window opens its quiz twice) asks exactly what a fresh one asks."""

from __future__ import annotations

from dataclasses import replace

from desktop.deck import load_deck
from desktop.quiz.generate import build_bank
from desktop.quiz.model import Question
from tests.quiz.conftest import DOUYIN


def _printed(bank: list[Question]) -> list[dict]:
    return [q.to_json(("zh", "en")) for q in bank]


def test_a_second_seed_on_a_deck_already_asked_gives_what_a_fresh_deck_gives(deck, bank):
    again = build_bank(deck, seed=1)
    fresh = build_bank(load_deck(DOUYIN).deck, seed=1)
    assert _printed(again) == _printed(fresh)
    assert _printed(build_bank(deck)) == _printed(bank)


def test_a_question_whose_choices_are_drawn_when_read_copies_and_compares_like_any(deck):
    first, second = build_bank(deck), build_bank(deck)
    assert first == second, "questions drawn on reading are equal to the same questions drawn again"
    recall = next(q for q in first if q.kind == "recall")
    turned = replace(recall, choices=recall.choices[::-1], answer=len(recall.choices) - 1 - recall.answer)
    assert turned.choices[turned.answer] == recall.choices[recall.answer] and not turned.is_numeric
