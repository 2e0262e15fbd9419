"""The class quiz: `Q` poses a question about the current slide, large, in the deck's theme; Enter reveals it."""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.quiz.answers import answer_text
from desktop.render.theme import Theme
from desktop.words import tr

LETTERS = "ABCD"
COUNTDOWN = 30


def pick_question(bank, slide, section: int | None, asked: set[str]):
    """A question about this slide not asked yet, else one of its section (by number), else none."""
    # A "which section" question answers itself on a slide that names its section: not for the room;
    # on a quick-check slide, the room is already answering about its figure.
    skip = set(slide.figures) if slide.kind == "quiz" else set()
    bank = [q for q in bank if q.kind != "section" and q.figure not in skip]
    slide_id = slide.id
    for pool in (
        [q for q in bank if q.slide == slide_id],
        [q for q in bank if section is not None and q.section == section],
    ):
        fresh = [q for q in pool if q.id not in asked] or pool
        if fresh:
            return fresh[0]
    return None


class ClassQuiz(QWidget):
    """Covers the slide while the room thinks; on reveal, shrinks to the lower part so the chart shows above it."""

    sigRevealed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.label = QLabel(wordWrap=True)
        QVBoxLayout(self).addWidget(self.label)
        self.question, self.revealed, self.left = None, False, 0
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)
        self.hide()

    def pose(self, question, lang: str, theme: Theme) -> None:
        self.question, self.lang, self.theme, self.revealed, self.left = question, lang, theme, False, 0
        self.timer.stop()
        self._draw()
        self.show()
        self.raise_()

    def toggle_countdown(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.left = 0
        else:
            self.left = COUNTDOWN
            self.timer.start()
        self._draw()

    def reveal(self) -> None:
        self.revealed = True
        self.timer.stop()
        self.left = 0
        self._draw()
        self.sigRevealed.emit()

    def close_quiz(self) -> None:
        self.timer.stop()
        self.hide()

    def _tick(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.timer.stop()
        self._draw()

    def _draw(self) -> None:
        question, lang, theme = self.question, self.lang, self.theme
        outer = self.parentWidget().rect()
        height = outer.height() * (0.42 if self.revealed else 1.0)
        self.setGeometry(0, int(outer.height() - height), outer.width(), int(height))
        px = max(16, outer.height() // (34 if self.revealed else 22))
        self.setStyleSheet(f"background: {theme.background}; color: {theme.text};")
        self.label.setStyleSheet(f"font-size: {px}px; padding: {px}px;")
        choices = ""
        for i, choice in enumerate(question.choices):
            right = self.revealed and i == question.answer
            colour = theme.after if right else (theme.muted if self.revealed else theme.text)
            mark = " ✓" if right else ""
            text = html.escape(choice.get(lang))
            choices += f"<p style='color:{colour}'><b>{LETTERS[i]}</b>&nbsp;&nbsp;{text}{mark}</p>"
        if question.is_numeric and self.revealed:
            choices += f"<p style='color:{theme.after}'><b>{html.escape(answer_text(question, lang))}</b> ✓</p>"
        countdown = f"<p style='color:{theme.accent}; font-size:{px * 2}px'><b>{self.left}</b></p>" if self.left else ""
        body = f"<p><b>{html.escape(question.prompt.get(lang))}</b></p>{choices}{countdown}"
        note = html.escape(question.explanation.get(lang)) if self.revealed else tr("class-quiz-keys", lang)
        body += f"<p style='color:{theme.muted}; font-size:{int(px * 0.65)}px'>{note}</p>"
        self.label.setText(body)
