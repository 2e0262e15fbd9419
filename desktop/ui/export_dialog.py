"""File → Export…: what to write and where, a progress dialog that can be cancelled, then the folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.render.canvas import Look
from desktop.render.export import ExportError, Request, export
from desktop.render.ink import Ink, ink_file
from desktop.render.pdf.handout import DEFAULT_PER_PAGE, PER_PAGE
from desktop.render.quiz_pick import DEFAULT_COUNT
from desktop.resources import data_dir
from desktop.words import language_name, tr

FORMATS = ("png", "pdf", "handout", "quiz")
SIZES = ((1920, 1080), (3840, 2160), (1280, 720), (7680, 4320))


class Cancelled(Exception):
    """The person pressed Cancel in the progress dialog."""


class ExportDialog(QDialog):
    def __init__(self, deck, look: Look, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deck, self.look = deck, look
        lang = look.lang
        self.setWindowTitle(tr("export-title", lang))
        self.format = QComboBox()
        for key in FORMATS:
            self.format.addItem(tr(f"export-{key}", lang), key)
        self.size = QComboBox()
        for width, height in SIZES:
            self.size.addItem(f"{width} × {height}")
        self.lang = QComboBox()
        for code in deck.languages:
            self.lang.addItem(f"{language_name(code, lang)} ({code})", code)
        self.lang.setEnabled(len(deck.languages) > 1)
        self.lang.setCurrentIndex(deck.languages.index(lang) if lang in deck.languages else 0)
        self.questions = QSpinBox()
        self.questions.setRange(1, 200)
        self.questions.setValue(DEFAULT_COUNT)
        self.per_page = QComboBox()  # the handout's slides a page
        for count in PER_PAGE:
            self.per_page.addItem(str(count), count)
        self.per_page.setCurrentIndex(PER_PAGE.index(DEFAULT_PER_PAGE))
        self.steps = QCheckBox(tr("export-steps", lang))
        self.ink = QCheckBox(tr("export-ink", lang))
        self.folder = QLineEdit(str(folder))
        browse = QPushButton("…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(tr("export-format", lang), self.format)
        form.addRow(tr("export-size", lang), self.size)
        form.addRow(tr("export-questions", lang), self.questions)
        form.addRow(tr("export-per-page", lang), self.per_page)
        form.addRow(tr("language", lang).replace("&", ""), self.lang)
        form.addRow("", self.steps)
        form.addRow("", self.ink)
        form.addRow(tr("export-folder", lang), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._formats_changed)
        self._formats_changed()

    def _formats_changed(self) -> None:
        png = self.format.currentData() == "png"
        self.size.setEnabled(png)
        self.steps.setEnabled(png)
        self.questions.setEnabled(self.format.currentData() == "quiz")
        self.per_page.setEnabled(self.format.currentData() == "handout")

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("export-folder", self.look.lang), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def request(self) -> Request:
        kind = self.format.currentData()
        look = Look(self.look.theme, self.lang.currentData(), self.look.family, reduced_motion=True)
        return Request(
            deck=self.deck,
            look=look,
            out=Path(self.folder.text()).expanduser(),
            format="png" if kind == "png" else "pdf",
            size=SIZES[self.size.currentIndex()],
            steps=self.steps.isChecked() and kind == "png",
            handout=kind == "handout",
            per_page=self.per_page.currentData() if kind == "handout" else None,
            quiz=kind == "quiz",
            # the default length is "as many as the deck can ask, up to DEFAULT_COUNT"; another one is asked for
            questions=self.questions.value() if kind == "quiz" and self.questions.value() != DEFAULT_COUNT else None,
            ink=Ink.open(ink_file(data_dir(), self.deck.id))[0] if self.ink.isChecked() else None,
        )


def run_export(request: Request, parent: QWidget) -> list[Path] | None:
    """Exports with a cancellable progress dialog; says what went wrong in one line; offers the folder."""
    lang = request.look.lang
    dialog = QProgressDialog(tr("exporting", lang), tr("cancel", lang), 0, len(request.indices()), parent)
    dialog.setMinimumDuration(300)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()
        if dialog.wasCanceled():
            raise Cancelled

    try:
        written = export(request, progress)
    except Cancelled:
        return None
    except ExportError as error:
        QMessageBox.warning(parent, tr("export-title", lang), str(error))
        return None
    finally:
        dialog.close()
    answer = QMessageBox.information(
        parent,
        tr("export-title", lang),
        tr("exported", lang, n=len(written), folder=request.out),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
    )
    if answer == QMessageBox.StandardButton.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(request.out)))
    return written
