"""Fixtures the slide tests share."""

from __future__ import annotations

import pytest

from desktop.deck import load_deck
from desktop.render.fonts import deck_family
from tests.conftest import REPO


@pytest.fixture(scope="module")
def family(qapp) -> str:
    """The font family that covers the bundled deck."""
    return deck_family(load_deck(REPO / "content" / "douyin-exit-matrix").deck)[0]
