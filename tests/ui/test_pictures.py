"""Pictures while presenting: a picture file saved again is shown at once; the console says what it shows."""

from __future__ import annotations

import pytest

from desktop.render.kinds.image import PictureItem
from desktop.ui.console import ConsoleWindow
from tests.conftest import open_window
from tests.decks import png_bytes
from tests.render.test_images import RED, write_picture_deck


@pytest.fixture
def window(qtbot, tmp_path):
    folder = write_picture_deck(tmp_path / "deck")
    return open_window(qtbot, tmp_path, folder)


def colour_shown(window) -> tuple[int, int, int]:
    """The colour of the middle of the picture on the audience's slide."""
    (item,) = [i for i in window.scene().items() if isinstance(i, PictureItem)]
    colour = item.picture.pixelColor(item.picture.width() // 2, item.picture.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def test_a_picture_saved_again_is_shown_while_presenting(qtbot, window):
    assert colour_shown(window) == RED
    picture = window.presenting.deck.folder / "pictures" / "map.png"
    temporary = picture.with_suffix(".tmp")  # as an image editor saves: a new file renamed over the old one
    temporary.write_bytes(png_bytes(1000, 900, (255, 200, 0)))
    temporary.replace(picture)
    qtbot.waitUntil(lambda: colour_shown(window) == (255, 200, 0), timeout=5000)
    assert window.presenting.index == 0 and not window.problems.isVisible()


def test_the_console_says_what_the_picture_shows(qtbot, window):
    console = ConsoleWindow(window, "en", duration=2700)
    qtbot.addWidget(console)
    window.console = console
    console.show()
    qtbot.waitUntil(lambda: "Picture: A map with every store marked" in console.notes.toPlainText())
    assert "Say this." in console.notes.toPlainText()
