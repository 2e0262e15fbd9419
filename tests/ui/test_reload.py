"""Live reload: a valid edit rebuilds the slides in place; a broken edit lists its problems and keeps the deck."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.conftest import REPO, open_window


@pytest.fixture
def deck_copy(tmp_path):
    folder = tmp_path / "deck"
    shutil.copytree(REPO / "content" / "douyin-exit-matrix", folder)
    return folder


@pytest.fixture
def window(qtbot, tmp_path, deck_copy):
    return open_window(qtbot, tmp_path, deck_copy, start=7)


def title_shown(window) -> str:
    return window.scene().slide.title.get("en")


def save(path, text: str) -> None:
    """Saves as many editors do: a new file renamed over the old one."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def test_edit_break_and_fix_while_presenting(qtbot, window, deck_copy):
    slide = window.presenting.deck.slides[7]
    section = deck_copy / "pillar-1.yaml"
    original = section.read_text(encoding="utf-8")
    old_title = slide.title.get("en")
    assert old_title in original

    save(section, original.replace(old_title, "Self-run ads, renamed live"))
    qtbot.waitUntil(lambda: title_shown(window) == "Self-run ads, renamed live", timeout=5000)
    assert window.presenting.index == 7, "the current slide stays"
    assert not window.problems.isVisible()

    broken = original.replace("kind: chart", "kind: chrat", 1)
    save(section, broken)
    qtbot.waitUntil(window.problems.isVisible, timeout=5000)
    lines = window.problems.lines()
    line = broken[: broken.index("kind: chrat")].count("\n") + 1
    assert any(f"pillar-1.yaml:{line}:" in entry and "'chrat' is not one of" in entry for entry in lines), lines
    assert title_shown(window) == "Self-run ads, renamed live", "the last good deck stays on screen"

    save(section, original)
    qtbot.waitUntil(lambda: not window.problems.isVisible(), timeout=5000)
    assert title_shown(window) == old_title


def test_a_deck_folder_dropped_on_the_window_opens(qtbot, window, tmp_path):
    guide = REPO / "content" / "authoring-guide"
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(guide))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(drop)
    assert window.presenting.deck.id == "authoring-guide"
    assert window.presenting.index == 0


def test_an_in_place_save_after_a_rename_save_still_reloads(qtbot, window, deck_copy):
    """The rename-save leaves the watcher on a deleted file; a later plain write must still be seen."""
    section = deck_copy / "pillar-1.yaml"
    original = section.read_text(encoding="utf-8")
    old_title = window.presenting.deck.slides[7].title.get("en")

    save(section, original.replace(old_title, "Renamed by a rename-save"))
    qtbot.waitUntil(lambda: title_shown(window) == "Renamed by a rename-save", timeout=5000)

    section.write_text(original.replace(old_title, "Written in place"), encoding="utf-8")
    qtbot.waitUntil(lambda: title_shown(window) == "Written in place", timeout=5000)


def test_a_reload_keeps_the_slide_and_its_build_step(qtbot, window, deck_copy):
    show = window.presenting
    assert show.steps() == 3
    show.next()
    show.next()
    assert (show.index, show.step) == (7, 2)
    section = deck_copy / "pillar-1.yaml"
    original = section.read_text(encoding="utf-8")

    save(section, original.replace(show.deck.slides[7].title.get("en"), "Edited at the last step"))
    qtbot.waitUntil(lambda: title_shown(window) == "Edited at the last step", timeout=5000)
    assert (show.index, show.step) == (7, 2)
    assert window.scene().state == (2, 1.0), "the slide is drawn at that step, not from its first"
