"""A deck of a thousand ids: every broken reference is reported, and "did you mean" stays quick and right."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.deck import load_deck
from tests.conftest import run_casebook
from tests.decks import figure_yaml, small_deck

IDS = [f"figure-{i:04d}" for i in range(1000)]


def deck_citing(folder: Path, cited: list[str]) -> Path:
    bullets = "".join(f'      - "{{{ident}}}"\n' for ident in cited)
    slide = f"  - id: s\n    kind: bullets\n    title: t\n    notes: n\n    bullets:\n{bullets}"
    return small_deck(folder, "".join(figure_yaml(ident, "1") for ident in IDS), slide)


def test_a_thousand_misspelt_references_are_all_reported_the_first_fifty_with_a_hint(tmp_path):
    result = run_casebook("validate", str(deck_citing(tmp_path / "many", [f"{i}x" for i in IDS])))
    lines = result.stdout.splitlines()[:-1]
    assert result.returncode == 1 and len(lines) == 1000
    hinted = [line.split(": ", 1)[1] for line in lines if "did you mean" in line]
    assert hinted == [f"no figure '{i}x'; did you mean '{i}'?" for i in IDS[:50]]


@pytest.mark.parametrize("typo", ["figure-0500x", "figur-0500", "fgure-0500", "ffigure-0500", "figure-05000"])
def test_a_near_miss_anywhere_in_an_id_finds_it_among_a_thousand_alike(tmp_path, typo):
    problems = load_deck(deck_citing(tmp_path / "one", [typo])).problems
    assert [p.message for p in problems] == [f"no figure '{typo}'; did you mean 'figure-0500'?"]
