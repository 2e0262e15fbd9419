"""File → Export…: the dialog's choices become the request; a cancel stops between slides."""

from __future__ import annotations

import dataclasses
import subprocess

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from desktop.deck import load_deck
from desktop.render.canvas import Look
from desktop.render.fonts import deck_family
from desktop.render.theme import load_theme
from desktop.ui.export_dialog import SIZES, ExportDialog, run_export
from tests.conftest import REPO

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck


def dialog_for(qtbot, folder) -> ExportDialog:
    look = Look(load_theme("light")[0], "zh", deck_family(DECK)[0])
    dialog = ExportDialog(DECK, look, folder)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_builds_the_request(qtbot, tmp_path):
    dialog = dialog_for(qtbot, tmp_path)
    dialog.format.setCurrentIndex(dialog.format.findData("handout"))
    assert not dialog.size.isEnabled() and not dialog.steps.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    dialog.size.setCurrentIndex(SIZES.index((3840, 2160)))
    dialog.steps.setChecked(True)
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    request = dialog.request()
    assert (request.format, request.size, request.steps, request.look.lang) == ("png", (3840, 2160), True, "en")
    assert request.out == tmp_path


def test_the_handout_asks_how_many_slides_a_page(qtbot, tmp_path):
    dialog = dialog_for(qtbot, tmp_path)
    assert not dialog.per_page.isEnabled(), "only a handout has pages of slides"
    dialog.format.setCurrentIndex(dialog.format.findData("handout"))
    assert dialog.per_page.isEnabled() and dialog.per_page.currentData() == 3
    assert dialog.request().per_page == 3
    dialog.per_page.setCurrentIndex(dialog.per_page.findData(6))
    request = dialog.request()
    assert (request.handout, request.per_page) == (True, 6)


def test_export_then_offer_the_folder(qtbot, tmp_path, monkeypatch):
    offered = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: offered.append(args[2]) or QMessageBox.Close)
    request = dialog_for(qtbot, tmp_path).request()
    written = run_export(dataclasses.replace(request, slides=(0, 1)), None)
    assert [p.name for p in written] == ["01-intro-title.png", "02-intro-matrix.png"]
    assert str(tmp_path) in offered[0]


def test_cancel_stops_between_slides_and_leaves_whole_files(qtbot, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: asked.append(1) or len(asked) >= 2)
    request = dialog_for(qtbot, tmp_path).request()
    assert run_export(request, None) is None
    names = sorted(p.name for p in tmp_path.iterdir())
    assert 1 <= len(names) <= 2 and set(names) <= {"01-intro-title.png", "02-intro-matrix.png"}
    assert all(not QImage(str(tmp_path / name)).isNull() for name in names), "every file left is a whole image"


def test_the_dialog_makes_a_missing_folder_and_names_a_file_in_its_place(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.Close)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    request = dialog_for(qtbot, tmp_path / "new" / "slides").request()
    written = run_export(dataclasses.replace(request, slides=(0,)), None)
    assert [p.name for p in (tmp_path / "new" / "slides").iterdir()] == [written[0].name]
    file = tmp_path / "slides.png"
    file.write_text("mine", encoding="utf-8")
    assert run_export(dataclasses.replace(request, out=file, slides=(0,)), None) is None
    assert warned == [f"{file} is a file, not a folder"]


def test_the_quiz_asks_how_many_questions(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.Close)
    dialog = dialog_for(qtbot, tmp_path)
    assert not dialog.questions.isEnabled(), "only a printed quiz has questions to count"
    dialog.format.setCurrentIndex(dialog.format.findData("quiz"))
    dialog.questions.setValue(12)
    (written,) = run_export(dialog.request(), None)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(written), "-"], capture_output=True).stdout.decode()
    assert "共 12 题" in text
