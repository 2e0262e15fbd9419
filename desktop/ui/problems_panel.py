"""The problems panel: a deck's FILE:LINE:COL lines, beside the last good deck; never modal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDockWidget, QListWidget

from desktop.deck.model import Problem


class ProblemsPanel(QDockWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("problems")
        self.list = QListWidget()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.list.setFont(font)
        self.setWidget(self.list)
        self.hide()

    def show_problems(self, title: str, problems: list[Problem]) -> None:
        self.setWindowTitle(title)
        self.list.clear()
        cwd = Path.cwd()
        for problem in problems:
            file = problem.mark.file
            self.list.addItem(problem.format(file.relative_to(cwd) if file.is_relative_to(cwd) else file))
        self.show()

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
