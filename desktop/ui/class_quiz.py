"""The class quiz on the projector: the question large in the deck's theme and font, the countdown, how many phones
have answered; at the reveal, the right answer, what the room answered as a chart, and the slide at its final state.

It draws the ClassRoom's state and holds none; the keys that drive it are printed on the console, not here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.deck.figures import format_value
from desktop.deck.model import EMPTY_TEXT, Figure
from desktop.quiz.answers import answer_text
from desktop.quiz.model import NumericAnswer, Question
from desktop.render.fonts import text_families
from desktop.render.scene import SlideScene
from desktop.render.theme import Theme
from desktop.ui.class_chart import RoomChart
from desktop.ui.class_room import ClassRoom
from desktop.ui.quiz_tiles import RIGHT, ChoiceTiles
from desktop.words import tr, tr_in


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


def written(question: Question, lang: str) -> Callable[[float], str]:
    """How a number in the answer's unit is written in `lang` ('52%', '¥1.2 bn'), for the strip plot's labels."""
    answer = question.answer
    assert isinstance(answer, NumericAnswer)
    role = "change" if question.kind == "points" else "level"

    def text(value: float) -> str:
        shown = round(value, 2) if abs(value) < 100 else round(value)
        return format_value(Figure("estimate", shown, answer.unit, None, EMPTY_TEXT, role, "exact", None), lang)

    return text


class ClassQuiz(QWidget):
    """Covers the slide while the room thinks; at the reveal, the room's chart beside the slide at its last step."""

    def __init__(self, parent: QWidget, room: ClassRoom, final_scene: Callable[[], SlideScene]) -> None:
        super().__init__(parent)
        from desktop.ui.stage import SlideView

        self.room, self.final_scene = room, final_scene
        self.theme: Theme | None = None
        self.family, self.lang, self.join, self.source_language = "", "", "", ""
        self.heading, self.countdown, self.prompt = QLabel(), QLabel(), QLabel(wordWrap=True)
        self.hint, self.answer, self.source = QLabel(wordWrap=True), QLabel(wordWrap=True), QLabel(wordWrap=True)
        self.count, self.footer = QLabel(), QLabel()
        self.tiles: ChoiceTiles | None = None
        self.chart = RoomChart()
        self.slide = SlideView()
        self.slide.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._shown_round: tuple | None = None  # the round and phase the chart and the slide were drawn for
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.countdown)
        self.pair = QHBoxLayout()
        self.pair.addWidget(self.chart, 1)
        self.pair.addWidget(self.slide, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.footer)
        self.body = QVBoxLayout(self)
        self.body.addLayout(top)
        self.body.addWidget(self.prompt)
        self.tiles_at = self.body.count()
        self.body.addWidget(self.hint)
        self.body.addLayout(self.pair, 1)
        self.body.addWidget(self.answer)
        self.body.addWidget(self.source)
        self.body.addStretch(0)
        self.body.addLayout(bottom)
        for label in (self.heading, self.countdown, self.count, self.footer):
            label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.prompt, self.hint, self.answer, self.source):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the deck's words and the room's never become markup
        room.sigChanged.connect(self.redraw)
        room.sigCounted.connect(self._count)
        room.sigTicked.connect(lambda: self.countdown.setText(str(self.room.left) if self.room.left else ""))
        parent.installEventFilter(self)
        self.hide()

    def set_look(self, theme: Theme, family: str, lang: str, source_language: str, join: str) -> None:
        """The deck's theme and font, the projector's language, and the line that tells latecomers how to join."""
        if self.theme is not theme and self.tiles is not None:
            self.tiles.deleteLater()
            self.tiles = None
        self.theme, self.family, self.lang, self.join = theme, family, lang, join
        self.source_language = source_language
        self._shown_round = None
        self.redraw()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.redraw()
        return False

    def paintEvent(self, event) -> None:
        if self.theme is not None:
            QPainter(self).fillRect(self.rect(), QColor(self.theme.background))

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(text_families(self.family, self.lang))
        font.setPixelSize(max(12, round(px)))
        font.setBold(bold)
        return font

    def _style(self, label: QLabel, px: float, colour: str, bold: bool = False) -> None:
        label.setFont(self._font(px, bold))
        label.setStyleSheet(f"color: {colour};")

    def redraw(self) -> None:
        room, theme = self.room, self.theme
        question = room.question
        if question is None or theme is None:
            self.hide()
            return
        self.setGeometry(self.parentWidget().rect())
        h, lang, revealed = self.height(), self.lang, room.revealed
        self.body.setContentsMargins(*(round(h * 0.045),) * 4)
        self.body.setSpacing(round(h * 0.02))
        self._style(self.heading, h / 34, theme.muted)
        self.heading.setText(self._heading(question))
        self._style(self.countdown, h / 12, theme.accent, bold=True)
        self.countdown.setText(str(room.left) if room.left else "")
        self._style(self.prompt, h / (30 if revealed else 17), theme.text, bold=True)
        self.prompt.setText(question.prompt.get(lang))
        self._draw_choices(question, h, revealed)
        self._draw_reveal(question, h, revealed)
        self._style(self.count, h / 32, theme.text)
        self._style(self.footer, h / 40, theme.muted)
        self.footer.setText(self.join if room.phones else "")
        self._count()
        self.show()
        self.raise_()

    def _count(self) -> None:
        """'23 of 31 answered': all that changes while answers stream in."""
        tally = self.room.tally
        shown = self.room.phones and tally is not None and self.room.question is not None
        self.count.setText(tr("class-answered", self.lang, n=tally.answered, total=tally.joined) if shown else "")

    def _heading(self, question: Question) -> str:
        place = self.room.warm_up_place
        if place is not None:
            return tr("class-warm-up-of", self.lang, n=place[0], total=place[1])
        return tr("class-question", self.lang, n=self.room.poll.round if self.room.poll else 1)

    def _draw_choices(self, question: Question, h: int, revealed: bool) -> None:
        """The choices as tiles while the room thinks; at the reveal the answer line and the chart say the rest."""
        theme = self.theme
        numeric = question.is_numeric
        if self.tiles is None:
            self.tiles = ChoiceTiles(theme, numbered=False)
            self.body.insertWidget(self.tiles_at, self.tiles)
        shown = not numeric and not revealed
        if shown:
            for tile in self.tiles.buttons:
                tile.setFont(self._font(h / 24))
            self.tiles.show_choices([c.get(self.lang) for c in question.choices])
        self.tiles.setVisible(shown)
        self._style(self.hint, h / 26, theme.muted)
        hint = "class-type-number" if self.room.phones else "class-say-number"
        self.hint.setText(tr(hint, self.lang) if numeric and not revealed else "")
        self.hint.setVisible(numeric and not revealed)

    def _draw_reveal(self, question: Question, h: int, revealed: bool) -> None:
        theme, room, lang = self.theme, self.room, self.lang
        for part in (self.answer, self.source):
            part.setVisible(revealed)
        self.chart.setVisible(revealed and room.phones)
        self.slide.setVisible(revealed)
        if not revealed:
            return
        self._style(self.answer, h / 22, theme.positive, bold=True)
        line = f"{RIGHT} {answer_text(question, lang)}"
        tally = room.tally
        if room.phones and tally is not None and tally.answered:
            line += "   " + tr("class-right-share", lang, n=tally.right, total=tally.answered)
        self.answer.setText(line)
        self._style(self.source, h / 34, theme.muted)
        self.source.setText(tr_in("source", lang, self.source_language, source=question.source))
        state = (room.poll.round if room.poll else 0, tally)
        if state == self._shown_round:
            return
        if room.phones and tally is not None:
            px = round(h / 30)
            if question.is_numeric:
                median = tr("class-median", lang)
                truth = question.answer.value
                families = text_families(self.family, lang)
                self.chart.show_values(tally.values, truth, written(question, lang), median, theme, families, px)
            else:
                self.chart.show_counts(tally.counts, question.answer, theme, text_families(self.family, lang), px)
        if self._shown_round is None or self._shown_round[0] != state[0]:
            scene = self.final_scene()
            self.slide.show_scene(scene, scene.steps - 1, animate=not scene.look.reduced_motion)
        self._shown_round = state
