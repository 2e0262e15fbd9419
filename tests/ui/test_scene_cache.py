"""A long deck in the window: the scenes kept stay within their budget, the overview keeps a few small pictures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.deck import load_deck
from desktop.ui import overview
from desktop.ui.console import ConsoleWindow
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow
from tests.decks import write_deck

SLIDES = 80


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    return load_deck(write_deck(tmp_path_factory.mktemp("long") / "deck", SLIDES, per_section=9)).deck


@pytest.fixture
def window(qtbot, tmp_path, deck):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(deck, settings, "zh", "light", reduced_motion=True)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    window.start(0)
    return window


def test_walking_a_long_deck_keeps_the_scenes_within_budget_and_the_next_slide_ready(qtbot, window, deck):
    window.cache.budget = 2 * 2**20  # a few scenes' worth: the walk goes far past it
    console = ConsoleWindow(window, "zh")  # the audience's language: it shows the window's own scenes
    qtbot.addWidget(console)
    window.console = console
    console.show()
    last = max(i for i in range(SLIDES - 1) if window.presenting.steps(i) == 1)  # its next is the next slide
    for index in range(1, last + 1):
        window.presenting.go(index)
        qtbot.waitUntil(lambda index=index: console.current.scene().index == index)
        assert window.cache.size() <= window.cache.budget
    kept = window.cache.cached()
    assert len(kept) < last // 4, "scenes left behind are let go"
    assert kept[last] is window.view.scene() is console.current.scene()
    assert kept[last + 1] is console.next.scene(), "the console shows the next slide from the kept scenes"
    window.presenting.go(last + 1)
    qtbot.waitUntil(lambda: window.view.scene() is kept.get(last + 1))


def test_the_overview_of_a_long_deck_keeps_a_few_thumbnails_around_the_slides_in_view(qtbot, window, monkeypatch):
    monkeypatch.setattr(overview, "KEEP", 12)
    qtbot.waitUntil(lambda: 1 in window.cache.cached())  # the window builds the next slide ahead
    scenes = dict(window.cache.cached())
    window.toggle_overview()
    grid = window.overview
    qtbot.waitUntil(lambda: len(grid.thumbnails()) == 12)
    assert grid.thumbnails() == set(range(12))
    grid.setCurrentRow(SLIDES - 1)
    qtbot.waitUntil(lambda: grid.thumbnails() == set(range(SLIDES - 12, SLIDES)))
    assert grid.drawn()
    assert window.cache.cached() == scenes, "thumbnails are pictures: no scene is kept for them"
