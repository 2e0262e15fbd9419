"""The deck window lists every slide by its title, in the chosen language."""

from __future__ import annotations

import pytest

from desktop.deck import load_deck
from desktop.ui.window import DeckWindow
from tests.conftest import REPO


@pytest.fixture(scope="module")
def deck():
    return load_deck(REPO / "content" / "douyin-exit-matrix").deck


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_window_lists_every_slide_title(qtbot, deck, lang):
    window = DeckWindow(deck, lang)
    qtbot.addWidget(window)
    items = [window.slide_list.item(i).text() for i in range(window.slide_list.count())]
    assert len(items) == len(deck.slides)
    assert items[0] == f" 1  {deck.slides[0].title.get(lang)}"
    assert deck.title.get(lang) in window.windowTitle()


def test_arrow_keys_move_through_the_slides(qtbot, deck):
    from PySide6.QtCore import Qt

    window = DeckWindow(deck, "zh")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.slide_list.setFocus()
    qtbot.keyClick(window.slide_list, Qt.Key.Key_Down)
    qtbot.keyClick(window.slide_list, Qt.Key.Key_Down)
    assert window.current == 2
    assert window.heading.text() == deck.slides[2].title.get("zh")
    assert window.detail.text().endswith(f"3/{len(deck.slides)}")
    assert window.notes.text() == deck.slides[2].notes.get("zh")
    window.go_to(999)
    assert window.current == len(deck.slides) - 1
