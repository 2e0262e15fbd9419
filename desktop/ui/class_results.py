"""Quiz → Class results: each lecture's questions with the share of the room that got them right, the sections
the room missed most, the slowest questions (sort by a column), and a CSV for the gradebook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.classroom.results import QuestionResult, Results, ResultsError
from desktop.deck.model import Deck
from desktop.deck.sections import numbered
from desktop.quiz.model import Question
from desktop.words import tr


def missed_most(rows: list[QuestionResult], limit: int = 3) -> list[tuple[int, float]]:
    """(section, share right) of the sections the room did worst in, worst first; unnumbered ones left out."""
    totals: dict[int, list[int]] = {}
    for row in rows:
        if row.section is not None and row.answered:
            right, answered = totals.setdefault(row.section, [0, 0])
            totals[row.section] = [right + row.right, answered + row.answered]
    shares = sorted((right / answered, section) for section, (right, answered) in totals.items())
    return [(section, share) for share, section in shares[:limit] if share < 1]


class _Number(QTableWidgetItem):
    """A cell that sorts by its number, not its text ('9' before '10')."""

    def __init__(self, value: float | None, text: str) -> None:
        super().__init__(text)
        self.value = -1.0 if value is None else value
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other) -> bool:
        return self.value < getattr(other, "value", -1.0)


class ClassResultsDialog(QDialog):
    def __init__(self, path: Path, bank: list[Question], deck: Deck, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.path, self.deck, self.lang = path, deck, lang
        self.prompts = {q.id: q.prompt.get(lang) for q in bank}
        self.setWindowTitle(tr("class-results-title", lang))
        self.resize(1000, 640)
        self.lectures = QComboBox()
        self.missed, self.table = QLabel(wordWrap=True), QTableWidget(0, 6)
        self.missed.setTextFormat(Qt.TextFormat.PlainText)
        columns = tr("class-columns", lang).split("|")
        columns[1] = deck.section_word.get(lang)  # the deck's own noun: Pillar, Part, 支柱
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setSortingEnabled(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the question takes what the numbers leave
        export = QPushButton(tr("class-export-csv", lang).replace("&", ""))
        export.clicked.connect(self.export_csv)
        layout = QVBoxLayout(self)
        for widget in (self.lectures, self.missed, self.table, export):
            layout.addWidget(widget)
        self.notice = tr("class-results-none", lang)  # said when there is nothing to show
        self.rows: dict[int, list[QuestionResult]] = {}
        self.csv: dict[int, str] = {}
        self._read()
        self.lectures.currentIndexChanged.connect(self._show)
        self._show()

    def _read(self) -> None:
        if not self.path.exists():
            return
        try:
            results, _ = Results.open(self.path)
        except (OSError, ResultsError) as error:
            self.notice = str(error)
            return
        try:
            for lecture in results.lectures():
                rows = results.summary(lecture.id)
                if rows:
                    self.rows[lecture.id], self.csv[lecture.id] = rows, results.csv(lecture.id)
                    when = lecture.started.astimezone().strftime("%Y-%m-%d %H:%M")
                    self.lectures.addItem(tr("class-lecture", self.lang, date=when, n=len(rows)), lecture.id)
        finally:
            results.close()

    def _show(self) -> None:
        lecture = self.lectures.currentData()
        rows = self.rows.get(lecture, [])
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        noun = self.deck.section_word.get(self.lang)
        for r, row in enumerate(rows):
            share = row.right / row.answered if row.answered else None
            cells = (
                QTableWidgetItem(self.prompts.get(row.question, row.question)),
                _Number(row.section, numbered(noun, row.section, self.lang) if row.section else "—"),
                _Number(row.answered, str(row.answered)),
                _Number(row.right, str(row.right)),
                _Number(share, "—" if share is None else f"{round(100 * share)}%"),
                _Number(row.median_seconds, "—" if row.median_seconds is None else f"{row.median_seconds:.1f}"),
            )
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, cell)
        self.table.setSortingEnabled(True)
        self.table.sortItems(4)  # the share right, the most missed first
        self.missed.setText("\n".join(self._findings(rows)) if rows else self.notice)

    def _findings(self, rows: list[QuestionResult]) -> list[str]:
        """The sections the room missed most, and the questions it took longest over."""
        noun, found = self.deck.section_word.get(self.lang), []
        comma, note = ("，", "{}（{}）") if self.lang == "zh" else (", ", "{} ({})")
        worst = missed_most(rows)
        if worst:
            shares = (note.format(numbered(noun, s, self.lang), f"{round(100 * share)}%") for s, share in worst)
            sections = comma.join(shares)
            found.append(tr("class-missed-most", self.lang, sections=sections))
        slowest = sorted((r for r in rows if r.median_seconds is not None), key=lambda r: -r.median_seconds)[:3]
        if slowest:
            each = (note.format(f"“{self._short(r.question)}”", f"{r.median_seconds:.0f} s") for r in slowest)
            times = comma.join(each)
            found.append(tr("class-slowest", self.lang, questions=times))
        return found

    def _short(self, question: str) -> str:
        text = " — ".join(self.prompts.get(question, question).splitlines())
        return text if len(text) <= 60 else text[:59] + "…"

    def export_csv(self) -> None:
        lecture = self.lectures.currentData()
        if lecture is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, tr("class-export-csv", self.lang).replace("&", ""), "", "CSV (*.csv)"
        )
        if not name:
            return
        try:
            Path(name).write_text(self.csv[lecture], encoding="utf-8")
        except OSError as error:
            QMessageBox.warning(self, tr("class-results-title", self.lang), f"{name}: {error.strerror}")
