"""Whatever validate accepts, every verb can show: generated decks of odd but legal values, through the real
loader, every slide's scene at every step, PNG, the three PDFs and the question bank.

A fixed set of seeds runs with the suite; a longer run by hand:
    CASEBOOK_DECK_EXAMPLES=500 CASEBOOK_DECK_SEED=1000 .venv/bin/python -m pytest -q tests/test_any_valid_deck.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.deck import load_deck
from desktop.quiz.generate import build_bank
from desktop.render.canvas import Look
from desktop.render.export import Request, export
from desktop.render.fonts import deck_family
from desktop.render.scene import build_scene, slide_steps
from desktop.render.theme import load_theme
from tests.decks import write_odd_deck

FIRST = int(os.environ.get("CASEBOOK_DECK_SEED", "0"))
EXAMPLES = int(os.environ.get("CASEBOOK_DECK_EXAMPLES", "10"))


@pytest.mark.parametrize("seed", range(FIRST, FIRST + EXAMPLES))
def test_a_deck_that_validates_renders_in_every_verb(qapp, tmp_path: Path, seed: int):
    loaded = load_deck(write_odd_deck(tmp_path / "deck", seed))
    assert loaded.ok, [p.format() for p in loaded.errors]
    deck = loaded.deck
    bank = build_bank(deck, seed)
    assert json.loads(json.dumps([q.to_json(deck.languages) for q in bank], ensure_ascii=False))
    theme = load_theme(deck.theme)[0]
    family = deck_family(deck)[0]
    for lang in deck.languages:
        look = Look(theme, lang, family, reduced_motion=True)
        for index, slide in enumerate(deck.slides):
            scene = build_scene(deck, index, look)
            for step in range(scene.steps):
                for t in (0.0, 0.5, 1.0):
                    scene.set_state(step, t)
            assert scene.to_image(96, 54).width() == 96, slide.id
    look = Look(theme, deck.languages[-1], family, reduced_motion=True)
    out = tmp_path / "out"
    out.mkdir()
    pngs = export(Request(deck, look, out, size=(192, 108), steps=True))
    assert len(pngs) == sum(slide_steps(slide) for slide in deck.slides)
    for kind in ("slides", "handout", "quiz"):
        pdf = export(Request(deck, look, out, format="pdf", handout=kind == "handout", quiz=kind == "quiz"))
        assert pdf[0].read_bytes().startswith(b"%PDF"), kind
