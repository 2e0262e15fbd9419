"""Full screen hides the menu bar; its shortcuts (open, export, quit) still work there, typed as a presenter would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from desktop.deck import load_deck
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow
from tests.conftest import REPO

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def full_screen(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(DECK, settings, "zh", "light", reduced_motion=True)
    qtbot.addWidget(window)
    window.show()
    window.start(0)
    window.do("fullscreen")
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.isFullScreen() and not window.menuBar().isVisible()
    return window


def test_ctrl_q_quits_in_full_screen(qtbot, full_screen):
    qtbot.keyClick(full_screen, Qt.Key.Key_Q, CTRL)
    assert not full_screen.isVisible()


def test_ctrl_e_opens_the_export_dialog_in_full_screen(qtbot, full_screen, monkeypatch):
    opened = []
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: opened.append(dialog.windowTitle()) or 0)
    qtbot.keyClick(full_screen, Qt.Key.Key_E, CTRL)
    assert len(opened) == 1


def test_ctrl_o_asks_for_a_deck_in_full_screen(qtbot, full_screen, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: asked.append(args) or ("", ""))
    qtbot.keyClick(full_screen, Qt.Key.Key_O, CTRL)
    assert len(asked) == 1
    assert full_screen.pages.currentWidget() is full_screen.view, "Ctrl+O is not O: the overview stays shut"


def test_shortcuts_still_work_after_the_menus_are_rebuilt_in_another_language(qtbot, full_screen):
    qtbot.keyClick(full_screen, Qt.Key.Key_L)  # the menus are made again in English
    qtbot.keyClick(full_screen, Qt.Key.Key_T)
    qtbot.keyClick(full_screen, Qt.Key.Key_Q, CTRL)
    assert not full_screen.isVisible()
