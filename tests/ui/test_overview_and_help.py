"""What the room sees over the slide: the overview never gives away a quick check's answer; the key help is opaque."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage

from desktop.deck import load_deck
from desktop.render.theme import load_theme
from desktop.ui.overview import THUMB
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow
from tests.conftest import REPO

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck
CHECKS = [i for i, s in enumerate(DECK.slides) if s.kind == "quiz"]
ANSWER = QColor(load_theme("light")[0].after)  # a quick check fills its right answer in this colour


@pytest.fixture
def window(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(DECK, settings, "zh", "light", reduced_motion=True)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    window.start(0)
    return window


def answer_pixels(image: QImage) -> int:
    """How many pixels are the right answer's fill (a card is thousands of them, even in a thumbnail)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return sum(
        1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2) if image.pixelColor(x, y) == ANSWER
    )


def test_the_overview_shows_each_quick_check_at_its_question_even_after_it_was_answered(qtbot, window):
    first = CHECKS[0]
    window.presenting.go(first)
    qtbot.keyClick(window, Qt.Key.Key_Right)  # the presenter reveals the answer in the talk
    assert (window.presenting.index, window.presenting.step) == (first, 1)
    assert answer_pixels(window.scene().to_image(*THUMB.toTuple())) > 500, "the talk's slide shows its answer"

    qtbot.keyClick(window, Qt.Key.Key_O)
    overview = window.overview
    overview.scrollToItem(overview.item(CHECKS[-1]))
    qtbot.waitUntil(lambda: overview.thumbnails().issuperset([first, CHECKS[-1]]), timeout=30_000)
    for row in (first, CHECKS[-1]):
        thumbnail = overview.item(row).icon().pixmap(THUMB).toImage()
        assert answer_pixels(thumbnail) == 0, f"slide {row + 1}'s thumbnail gives its answer away"

    qtbot.keyClick(overview, Qt.Key.Key_Escape)
    assert (window.presenting.index, window.presenting.step) == (first, 1), "the talk's slide keeps its step"


def test_the_key_help_hides_the_slide_behind_it(qtbot, window):
    window.presenting.go(CHECKS[0])
    qtbot.keyClick(window, Qt.Key.Key_Question)
    panel = window.help.geometry()
    shot = window.centralWidget().grab().toImage()
    # Its margins, around the keys: top and bottom rows, and a column down the right (clear of the round corners)
    edges = [
        (x, y) for x in range(panel.left() + 24, panel.right() - 24, 5) for y in (panel.top() + 4, panel.bottom() - 4)
    ]
    edges += [(panel.right() - 4, y) for y in range(panel.top() + 24, panel.bottom() - 24, 5)]
    assert {shot.pixelColor(x, y).name() for x, y in edges} == {"#14181e"}, "the slide shows through the panel"


@pytest.mark.parametrize(("width", "height"), [(1280, 760), (960, 560), (1920, 1080)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_key_help_shows_every_key_at_any_window_size(qtbot, window, width, height, lang):
    window.resize(width, height)
    window.presenting.set_lang(lang)
    qtbot.keyClick(window, Qt.Key.Key_Question)
    label = window.help.label
    assert "Esc" in label.text()
    needed, given = label.sizeHint(), label.size()
    assert needed.height() <= given.height() and needed.width() <= given.width(), "the last keys are cut off"
    assert label.font().pixelSize() >= 12, "readable"
