"""Self-study: the start screen, one question at a time with instant feedback, and a session summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.deck.figures import render
from desktop.deck.markup import plain
from desktop.deck.model import Deck
from desktop.deck.sections import in_sentence
from desktop.quiz.answers import answer_text
from desktop.quiz.schedule import GRADES, RATINGS
from desktop.quiz.session import Session, start_counts
from desktop.quiz.store import Store
from desktop.set_aside import SetAside
from desktop.ui.quiz_browser import QuizBrowser
from desktop.ui.quiz_mastery import MasteryBar
from desktop.ui.quiz_style import QuizLook
from desktop.ui.quiz_tiles import ChoiceTiles
from desktop.ui.slide_preview import SlidePreview
from desktop.words import tr, tr_in

LETTERS = "ABCD"
TEST_SECONDS = 10 * 60
GRADE_KEYS = {rating: str(i) for i, rating in enumerate(RATINGS, start=1)}  # Anki's: 1 again … 4 easy
ACTION_KEYS = {"flag-wrong": "F", "flag-unclear": "U", "suspend": "@", "undo": "Ctrl+Z"}
MODE_KEYS = {"due": "1", "section": "2", "mistakes": "3", "test": "4", "cram": "5"}  # Enter is also Review


def interval_text(interval: timedelta, lang: str) -> str:
    """'10 min', '5 h', '3 d', '2.5 mo', '1.2 y': the next interval as printed on a grade's button."""
    minutes = interval.total_seconds() / 60
    days = minutes / 1440
    if minutes < 60:
        return tr("n-min", lang, n=max(1, round(minutes)))
    if days < 1:
        return tr("n-h", lang, n=round(minutes / 60))
    if days < 30:
        return tr("n-d", lang, n=round(days))
    months, years = days / 30.44, days / 365.25
    return tr("n-mo", lang, n=f"{months:.1f}") if years < 1 else tr("n-y", lang, n=f"{years:.1f}")


class _SelectOnPress(QObject):
    """A label's text turns selectable as it is pressed: a selectable label lays its text out as a document at
    each layout pass, which made the feedback slow to show (the window takes it back at the next question)."""

    def eventFilter(self, label: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return False


@cache
def _select_on_press() -> _SelectOnPress:
    return _SelectOnPress()  # one for every label, made with the first (after the application)


def _label(px: int, bold: bool = False) -> QLabel:
    label = QLabel(wordWrap=True)
    label.installEventFilter(_select_on_press())
    font = QFont(label.font())
    font.setPixelSize(px)
    font.setBold(bold)
    label.setFont(font)
    return label


class QuizWindow(QMainWindow):
    """Driven by keyboard alone: 1–4 or A–D choose, Enter or Space submits; after a right answer 2–4 grade it
    (Hard, Good, Easy) and move on, Enter or Space is Good; Ctrl+Z undoes the last answer; F, U flag, @ suspends."""

    previewed = Signal(object)

    def __init__(
        self,
        deck: Deck,
        bank,
        store: Store,
        lang: str,
        now: Callable[[], datetime] | None = None,
        set_aside: SetAside | None = None,
    ) -> None:
        super().__init__()
        self.deck, self.bank, self.store, self.lang = deck, bank, store, lang
        self.now = now or (lambda: datetime.now(UTC))
        self.session: Session | None = None
        self._closing_unsaved = False  # the student chose to close and lose what the disk did not take
        self.close_question: QMessageBox | None = None
        self.feedback = None
        self.chosen: int | None = None
        self.clock = QElapsedTimer()
        self.setWindowTitle(f"{plain(render(deck.title, lang, deck.figures))} — {tr('quiz', lang)}")
        self.look = QuizLook.for_deck(deck, lang)
        self.resize(1100, 760)
        self.pages = QStackedWidget()
        self._build_notices(set_aside)
        self._build_start()
        self.question_page: QWidget | None = None  # with the summary, made as the first session starts:
        self.summary_page: QWidget | None = None  # the first paint is the start screen's alone
        self.test_timer = QTimer(self, interval=1000)
        self.test_timer.timeout.connect(self._tick)
        QShortcut(QKeySequence.StandardKey.Quit, self, self.close)
        QShortcut(QKeySequence("Ctrl+B"), self, self.browse)
        self.look.dress(self, later=(16, 18, 24, 28))  # the type sizes of the session's pages
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        self.show_start()

    # What the student must know about their progress file, above every page
    def _build_notices(self, set_aside: SetAside | None) -> None:
        self.set_aside = _label(16)
        self.set_aside.setObjectName("setAside")  # coloured by the look's stylesheet, as the unsaved bar
        if set_aside is not None:
            key = "progress-salvaged" if set_aside.salvaged else "progress-set-aside"
            self.set_aside.setText(tr(key, self.lang, aside=set_aside.aside, n=set_aside.salvaged))
        self.set_aside.setVisible(set_aside is not None)
        self.unsaved = _label(16)
        self.retry = QPushButton(tr("retry-save", self.lang))
        self.retry.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the questions
        self.retry.clicked.connect(self.save)
        self.unsaved_bar = QWidget()
        self.unsaved_bar.setObjectName("unsavedBar")
        row = QHBoxLayout(self.unsaved_bar)
        row.addWidget(self.unsaved, stretch=1)
        row.addWidget(self.retry)
        self.unsaved_bar.hide()
        # Above the pages as the window's top strip (it has no menu bar), not in a layout around them: a box
        # layout around the pages made Qt fit every word-wrapped label again at each show(), doubling the time
        # from an answer to its feedback.
        self.notices = QWidget()
        column = QVBoxLayout(self.notices)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.set_aside)
        column.addWidget(self.unsaved_bar)
        self.setMenuWidget(self.notices)
        self.setCentralWidget(self.pages)
        self._show_unsaved()

    def save(self) -> bool:
        """Tries again to write the answers the disk could not take; the bar says what is still unsaved."""
        saved = self.store.save()
        self._show_unsaved()
        return saved

    def _show_unsaved(self) -> None:
        store = self.store
        self.unsaved.setText(tr("not-saved", self.lang, n=store.unsaved, reason=store.problem))
        self.unsaved_bar.setVisible(store.unsaved > 0)
        shown = (self.set_aside, self.unsaved_bar)
        self.notices.setVisible(any(notice.isVisibleTo(self.notices) for notice in shown))

    # Start screen
    def _build_start(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        self.start_title = _label(30, bold=True)
        self.counts = _label(20)
        self.mastery = QGridLayout()
        self.section_choice = QComboBox()
        self.mode_buttons = {}
        # Two rows, so the five modes fit 1280 pixels in either language: learning first, then practice.
        learn, practise = QHBoxLayout(), QHBoxLayout()
        for mode, row in (
            ("due", learn),
            ("section", learn),
            ("mistakes", practise),
            ("test", practise),
            ("cram", practise),
        ):
            button = QPushButton()
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _=False, m=mode: self.start(m))
            self.mode_buttons[mode] = button
            row.addWidget(button)
        learn.insertWidget(1, self.section_choice)
        self.browse_button = QPushButton(minimumHeight=48, clicked=self.browse)
        self.unsuspend = QPushButton()
        self.unsuspend.clicked.connect(self.unsuspend_all)
        column.addWidget(self.start_title)
        column.addWidget(self.counts)
        column.addLayout(self.mastery)
        column.addWidget(self.unsuspend)
        column.addWidget(self.browse_button, alignment=Qt.AlignmentFlag.AlignRight)
        column.addStretch()
        column.addLayout(learn)
        column.addLayout(practise)
        self.pages.addWidget(page)
        self.start_page = page

    def show_start(self) -> None:
        lang, now = self.lang, self.now()
        today = start_counts(self.bank, self.store, now)
        self.start_title.setText(tr("quiz", lang) + " · " + plain(render(self.deck.title, lang, self.deck.figures)))
        self.counts.setText(tr("counts", lang, due=today.due, new=today.new, unseen=today.unseen, total=len(self.bank)))
        while self.mastery.count():
            self.mastery.takeAt(0).widget().deleteLater()
        mastery = self.store.mastery(self.bank)
        self.section_choice.clear()
        for row, section in enumerate(s for s in self.deck.sections if s.number):
            name = QLabel(f"{section.number}. {plain(render(section.title, lang, self.deck.figures))}")
            share = mastery.get(section.number, 0.0)
            bar = MasteryBar(self.look.theme, share, tr("mastered", lang, percent=f"{round(100 * share)}%"))
            self.mastery.addWidget(name, row, 0)
            self.mastery.addWidget(bar, row, 1)
            self.section_choice.addItem(name.text(), section.number)
        self.look.take_in()  # the bars' type, when the window is dressed already
        # A deck without numbered sections has no section to practise alone.
        self.section_choice.setVisible(self.section_choice.count() > 0)
        self.mode_buttons["section"].setVisible(self.section_choice.count() > 0)
        noun = in_sentence(self.deck.section_word.get(lang))
        # The first run has nothing due but new questions to learn: the button says so, not "0 due".
        due_key = "mode-due" if today.due else "mode-new" if today.new else "mode-done"
        for mode, button in self.mode_buttons.items():
            text = tr(due_key if mode == "due" else f"mode-{mode}", lang, noun=noun, due=today.due, new=today.new)
            button.setText(f"{MODE_KEYS[mode]}  {text}")
        suspended = len({q.id for q in self.bank} & self.store.suspended())
        self.unsuspend.setText(tr("unsuspend", lang, n=suspended))
        self.unsuspend.setVisible(suspended > 0)
        self.browse_button.setText(tr("browse", lang))
        self.mode_buttons["due"].setDefault(True)
        self.pages.setCurrentWidget(self.start_page)
        self.mode_buttons["due"].setFocus()

    def unsuspend_all(self) -> None:
        """Every suspended question of this deck is asked again."""
        for qid in {q.id for q in self.bank} & self.store.suspended():
            self.store.suspend(qid, False, self.now())
        self._show_unsaved()
        self.show_start()

    def start(self, mode: str) -> None:
        section = self.section_choice.currentData() if mode == "section" else None
        # Seeded by the clock: a new order of choices each session, the same in a test with a fixed clock.
        self.session = Session(self.bank, self.store, mode, self.now, section=section, seed=int(self.now().timestamp()))
        if self.session.current is None:  # done for today, or no mistakes: say so rather than score 0 of 0
            self.session = None
            self.counts.setText(self.counts.text() + "\n" + tr("no-questions", self.lang))
            return
        if self.question_page is None:
            self._build_question()
            self._build_summary()
            self.look.take_in()
        if mode == "test":
            self.test_clock = QElapsedTimer()
            self.test_clock.start()
            self.test_timer.start()
        self.next_question()

    # Questions
    def _build_question(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        self.progress = _label(16)
        self.prompt = _label(28, bold=True)
        self.tiles = ChoiceTiles(self.look.theme)
        self.choice_buttons = self.tiles.buttons
        for i, button in enumerate(self.choice_buttons):
            button.clicked.connect(lambda _=False, i=i: self.choose(i))
        self.entry = QLineEdit()
        # No returnPressed: QLineEdit passes Enter on to the window, whose keyPressEvent submits (once).
        self.verdict = _label(24, bold=True)
        self.explanation = _label(18)
        self.source = _label(16)
        self.show_slide = QPushButton()
        self.show_slide.clicked.connect(self.preview_slide)
        self.grades = QHBoxLayout()
        self.grade_buttons = {}
        for rating in RATINGS:
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and Enter stay with the window: they are Good
            button.clicked.connect(lambda _=False, r=rating: self.grade(r))
            self.grade_buttons[rating] = button
            self.grades.addWidget(button)
            button.setProperty("key", GRADE_KEYS[rating])
        self.actions = QHBoxLayout()
        self.action_buttons = {}
        for action, method in (
            ("flag-wrong", lambda: self.flag("wrong")),
            ("flag-unclear", lambda: self.flag("unclear")),
            ("suspend", self.suspend),
            ("undo", self.undo),
        ):
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(method)
            self.action_buttons[action] = button
            self.actions.addWidget(button)
        self.actions.addStretch()
        self.flagged = _label(16)
        # The feedback in one panel, shown and hidden at once: each widget shown in a visible window lays out
        # the whole page again (Qt activates every layout up to the window), which made an answer slow.
        self.answer_panel = QWidget()
        feedback = QVBoxLayout(self.answer_panel)
        feedback.setContentsMargins(0, 0, 0, 0)
        for widget in (self.verdict, self.explanation, self.source, self.show_slide):
            feedback.addWidget(widget)
        feedback.addLayout(self.grades)
        self.answer_panel.hide()
        for widget in (self.progress, self.prompt, self.tiles, self.entry, self.answer_panel):
            column.addWidget(widget)
        column.addStretch()
        column.addWidget(self.flagged)
        column.addLayout(self.actions)
        self.pages.addWidget(page)
        self.question_page = page

    def next_question(self) -> None:
        self.show_question(self.session.next() if self.session else None)

    def show_question(self, question) -> None:
        """Asks `question`, unanswered; None ends the session with its summary."""
        if question is None:
            self.show_summary()
            return
        lang, page = self.lang, self.question_page
        for label in page.findChildren(QLabel):  # selectable again when pressed
            if label.textInteractionFlags() != Qt.TextInteractionFlag.NoTextInteraction:
                label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.feedback, self.chosen = None, None
        self.progress.setText(self._progress_text())
        self.prompt.setText(question.prompt.get(lang))
        self.entry.clear()
        self.entry.setReadOnly(False)
        self.entry.setPlaceholderText(tr("type-answer", lang))
        self.answer_panel.hide()
        self._show_actions()
        # Last: a widget shown lays the page out at once, so every text is in place for that one pass.
        self.tiles.show_choices([choice.get(lang) for choice in question.choices])
        self.entry.setVisible(question.is_numeric)
        self.pages.setCurrentWidget(page)
        (self.entry if question.is_numeric else self).setFocus()
        self.clock.start()

    @property
    def question(self):
        return self.session.current if self.session else None

    def choose(self, index: int) -> None:
        if self.feedback is not None or self.question is None or index >= len(self.question.choices):
            return
        self.chosen = index
        for i, button in enumerate(self.choice_buttons):
            button.setChecked(i == index)

    def submit(self) -> None:
        question = self.question
        if question is None or self.feedback is not None:
            return
        response = self.entry.text() if question.is_numeric else self.chosen
        if response is None or response == "":
            return
        self.feedback = self.session.answer(response, self.clock.elapsed() / 1000, self.now(), lang=self.lang)
        self._show_unsaved()
        self._show_feedback()

    def _show_feedback(self) -> None:
        lang, feedback, question = self.lang, self.feedback, self.feedback.question
        self.verdict.setText(tr("right" if feedback.correct else "wrong", lang, answer=answer_text(question, lang)))
        colour = f"color: {self.look.theme.positive if feedback.correct else self.look.theme.negative};"
        if self.verdict.styleSheet() != colour:  # a new stylesheet polishes the label again: only on a change
            self.verdict.setStyleSheet(colour)
        self.explanation.setText(question.explanation.get(lang))
        self.source.setText(tr_in("source", lang, self.deck.source_language, source=question.source))
        self.show_slide.setText(tr("show-slide", lang))
        self.source.setVisible(question.source not in self.explanation.text())
        self.tiles.mark(None if question.is_numeric else question.answer, self.chosen)
        self.entry.setReadOnly(True)
        self._show_grades()
        self.answer_panel.show()
        self.setFocus()

    def _show_grades(self) -> None:
        """A right answer offers Hard, Good (the default) and Easy, a wrong one is Again: each with its interval."""
        feedback = self.feedback
        offered = GRADES if feedback.correct else ("again",)
        for rating, button in self.grade_buttons.items():
            interval = feedback.intervals.get(rating)
            text = f"{GRADE_KEYS[rating]}  {tr(rating, self.lang)}"
            button.setText(text if interval is None else f"{text} · {interval_text(interval, self.lang)}")
            button.setVisible(rating in offered and bool(feedback.intervals))  # practice modes have no schedule
            font = button.font()
            if font.bold() != (rating == feedback.rating):  # a font set is a relayout: only on a change
                font.setBold(rating == feedback.rating)
                button.setFont(font)

    def grade(self, rating: str) -> None:
        """Grades a right answer and moves on (Anki's way); a wrong answer's only grade, Again, just moves on."""
        feedback = self.feedback
        if feedback is None or rating not in (GRADES if feedback.correct else ("again",)):
            return
        if rating != feedback.rating:
            self.feedback = self.session.grade(rating, self.now())
            self._show_unsaved()
        self.next_question()

    def undo(self) -> None:
        """Takes back the last answer of this session (Ctrl+Z): its card is restored and it is asked again."""
        if self.session is None or self.pages.currentWidget() is not self.question_page:
            return
        question = self.session.undo()
        self._show_unsaved()
        if question is not None:
            self.show_question(question)

    def flag(self, reason: str) -> None:
        """Flags the question as wrong or unclear for the deck's author; the same key again takes the flag away."""
        question = self.question
        if question is None or self.pages.currentWidget() is not self.question_page:
            return
        flagged = self.store.flag_of(question.id)
        self.store.flag(question.id, None if flagged == reason else reason, self.now())
        self._show_unsaved()
        self._show_actions()

    def suspend(self) -> None:
        """Suspends the question (@): never asked again until unsuspended from the start screen."""
        if self.question is None or self.pages.currentWidget() is not self.question_page:
            return
        self.session.suspend(self.now())
        self._show_unsaved()
        if self.feedback is None:
            self.show_question(self.session.next())
        else:
            self._show_actions()

    def _show_actions(self) -> None:
        question, lang = self.question, self.lang
        for action, button in self.action_buttons.items():
            button.setText(f"{tr(action, lang)} ({ACTION_KEYS[action]})")
        flagged = self.store.flag_of(question.id)
        suspended = question.id in self.store.suspended()
        notes = ([tr(f"flagged-{flagged}", lang)] if flagged else []) + ([tr("suspended", lang)] if suspended else [])
        self.flagged.setText(" · ".join(notes))
        self.flagged.setVisible(bool(notes))

    def preview_slide(self) -> None:
        if self.question is not None:
            preview = SlidePreview(self.deck, self.question.slide, self.lang, self)
            preview.show()
            self.previewed.emit(preview)

    def browse(self) -> None:
        """Opens the bank's browser: search, each question's answers and its slide."""
        self.browser = QuizBrowser(self.deck, self.bank, self.store, self.lang, self.look, self)
        self.browser.show()

    def keyPressEvent(self, event) -> None:
        key, text = event.key(), event.text().upper()
        if self.pages.currentWidget() is self.question_page:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.feedback is not None:
                self.next_question()  # keeps the grade the answer has: Good when right, Again when wrong
            elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.submit()
            elif self.feedback is not None and text and text in "1234":
                self.grade(RATINGS[int(text) - 1])
            elif self.feedback is None and text and (text in "1234" or text in LETTERS):
                self.choose(int(text) - 1 if text.isdigit() else LETTERS.index(text))
            elif self.feedback is not None and key == Qt.Key.Key_S:
                self.preview_slide()
            elif text in ("F", "U"):
                self.flag("wrong" if text == "F" else "unclear")
            elif text == "@":
                self.suspend()
            elif key == Qt.Key.Key_Escape:
                self.show_summary()
        elif self.pages.currentWidget() is self.summary_page and key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
            self.show_start()
        elif self.pages.currentWidget() is self.start_page and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start("due")
        elif self.pages.currentWidget() is self.start_page and text in MODE_KEYS.values():
            mode = next(m for m, k in MODE_KEYS.items() if k == text)
            if self.mode_buttons[mode].isVisible():  # a deck without numbered sections has no section mode
                self.start(mode)
        else:
            super().keyPressEvent(event)

    def _progress_text(self) -> str:
        done, total = self.session.position()
        text = tr("progress", self.lang, n=done + 1, total=total)
        if self.session.mode == "test":
            left = max(0, TEST_SECONDS - self.test_clock.elapsed() // 1000)
            text += f"   ⏱ {left // 60}:{left % 60:02d}"
        return text

    def _tick(self) -> None:
        if self.session is None or self.session.mode != "test":
            self.test_timer.stop()
            return
        self.progress.setText(self._progress_text())
        if self.test_clock.elapsed() // 1000 >= TEST_SECONDS:
            self.show_summary()

    # Summary
    def _build_summary(self) -> None:
        from desktop.ui.quiz_summary import SummaryView

        self.summary_page = SummaryView(self.look.theme)
        self.summary_page.previewed.connect(self.previewed)
        self.pages.addWidget(self.summary_page)

    def show_summary(self) -> None:
        self.test_timer.stop()
        if self.session is not None:
            self.summary_page.show_summary(self.session.summary(), self.store, self.deck, self.lang, self.now())
        self.pages.setCurrentWidget(self.summary_page)
        self.setFocus()

    def closeEvent(self, event) -> None:
        """Answers the disk has not taken yet are never dropped silently: the student is asked first."""
        if self.save() or self._closing_unsaved:
            self.test_timer.stop()
            super().closeEvent(event)
            return
        event.ignore()
        box = QMessageBox(QMessageBox.Icon.Warning, tr("quiz", self.lang), "", parent=self)
        box.setText(self.unsaved.text())
        box.addButton(tr("retry-save", self.lang), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("close-unsaved", self.lang), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("cancel", self.lang), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda button: self._close_answered(box.buttonRole(button)))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.close_question = box
        box.open()

    def _close_answered(self, role: QMessageBox.ButtonRole) -> None:
        self._closing_unsaved = role == QMessageBox.ButtonRole.DestructiveRole
        if role != QMessageBox.ButtonRole.RejectRole:
            self.close()  # a retry that fails again asks again
