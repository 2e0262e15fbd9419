"""The question bank at a glance: search it, and see each question's answers so far and its slide."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from desktop.deck.model import Deck
from desktop.quiz.answers import answer_text
from desktop.quiz.forecast import answers
from desktop.quiz.model import Question
from desktop.quiz.store import Store
from desktop.ui.quiz_style import QuizLook
from desktop.ui.quiz_tiles import RIGHT, WRONG
from desktop.ui.slide_preview import SlidePreview
from desktop.words import tr


def haystack(question: Question, lang: str) -> str:
    """Everything a search may match in a question, case-folded: its id, prompt, choices and explanation."""
    parts = (question.id, question.prompt.get(lang), question.explanation.get(lang))
    return " ".join((*parts, *(c.get(lang) for c in question.choices))).casefold()


def said(question: Question, response: str, lang: str) -> str:
    """An answer as the student saw it: a choice's text rather than its number."""
    if question.is_numeric or not response.isdigit() or int(response) >= len(question.choices):
        return response
    return question.choices[int(response)].get(lang)


class QuizBrowser(QDialog):
    """A search box over a list of the bank; the question picked shows its answer, its history and its slide."""

    def __init__(self, deck: Deck, bank: list[Question], store: Store, lang: str, look: QuizLook, parent=None):
        super().__init__(parent)
        self.deck, self.lang = deck, lang
        self.answers = answers(store)
        self.setWindowTitle(tr("browser-title", lang))
        self.search = QLineEdit(placeholderText=tr("search", lang))
        self.search.textChanged.connect(self.filter)
        self.list = QListWidget(wordWrap=True, horizontalScrollBarPolicy=Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda item, _: self.show_question(item))
        for question in bank:
            item = QListWidgetItem(question.prompt.get(lang))
            item.setData(Qt.ItemDataRole.UserRole, question)
            item.setData(Qt.ItemDataRole.UserRole + 1, haystack(question, lang))
            self.list.addItem(item)
        self.details = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.preview: SlidePreview | None = None
        self.right = QVBoxLayout()
        self.right.addWidget(self.details)  # as tall as its text: the slide takes the rest
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.list)
        row = QHBoxLayout(self)
        row.addLayout(left, stretch=2)
        row.addLayout(self.right, stretch=3)
        self.resize(1280, 720)
        QuizLook(look.theme, look.family, lang).dress(self)
        self.list.setCurrentRow(0)

    def shown(self) -> list[Question]:
        """The questions the search leaves in the list, in bank order."""
        items = (self.list.item(i) for i in range(self.list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if not item.isHidden()]

    def filter(self, text: str) -> None:
        """Hides the questions that do not contain every word typed."""
        words = text.casefold().split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            found = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(not all(word in found for word in words))

    def show_question(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        question: Question = item.data(Qt.ItemDataRole.UserRole)
        lang = self.lang
        rows = "".join(
            "<li>"
            + html.escape(
                tr(
                    "answer-row",
                    lang,
                    at=f"{a.at.astimezone():%Y-%m-%d %H:%M}",
                    verdict=RIGHT if a.correct else WRONG,
                    rating=tr(a.rating, lang),
                    seconds=tr("seconds", lang, s=f"{a.seconds:.1f}"),
                    response=said(question, a.response, lang),
                )
            )
            + "</li>"
            for a in self.answers.get(question.id, [])
        )
        self.details.setText(
            f"<h3>{html.escape(question.prompt.get(lang))}</h3>"
            f"<p>→ <b>{html.escape(answer_text(question, lang))}</b></p>"
            f"<p>{html.escape(question.explanation.get(lang))}</p>"
            f"<p><small>{html.escape(question.id)}</small></p>"
            + (f"<ul>{rows}</ul>" if rows else f"<p>{tr('no-answers', lang)}</p>")
        )
        if self.preview is not None:
            self.preview.deleteLater()
        # The slide in a preview of its own, laid in this window rather than over it.
        self.preview = SlidePreview(self.deck, question.slide, lang, self)
        self.preview.setWindowFlags(Qt.WindowType.Widget)
        self.preview.setMinimumHeight(300)
        self.right.addWidget(self.preview, stretch=1)
        self.preview.show()  # a widget added to a window already shown stays hidden until told
