"""The self-study window by keyboard alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.deck import load_deck
from desktop.quiz.generate import build_bank
from desktop.quiz.store import Store
from desktop.ui.quiz_window import QuizWindow
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow
from tests.conftest import REPO
from tests.full_disk import break_a_page, fill_disk, free_disk, rows

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck
BANK = build_bank(DECK)
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def quiz(qtbot, store):
    window = QuizWindow(DECK, BANK, store, "en", now=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def answer(qtbot, window, right: bool = True) -> None:
    """Answers the question on screen by keyboard, rightly or not."""
    question = window.question
    if question.is_numeric:
        qtbot.keyClicks(window.entry, f"{question.answer.value + (0 if right else 1000):g}")
        qtbot.keyClick(window.entry, Qt.Key.Key_Return)
    else:
        wrong = (question.answer + 1) % len(question.choices)
        qtbot.keyClick(window, "ABCD"[question.answer] if right else str(wrong + 1))
        qtbot.keyClick(window, Qt.Key.Key_Return)


def test_the_start_screen_counts_new_questions_and_shows_every_section(quiz):
    assert quiz.counts.text().startswith(f"0 due today · 20 new today · {len(BANK)} never asked")
    assert quiz.mode_buttons["due"].text() == "1  Learn 20 new questions", "the first run does not say 0 due"
    assert quiz.mastery.rowCount() == 8
    assert quiz.mastery.itemAtPosition(0, 1).widget().text() == "0% mastered"


def test_the_days_new_question_limit_holds_after_a_restart(qtbot, quiz, store):
    quiz.start("due")
    for _ in range(20):
        answer(qtbot, quiz)
        qtbot.keyClick(quiz, Qt.Key.Key_Space)
    assert quiz.pages.currentWidget() is quiz.summary_page, "twenty new questions, then the day is done"
    quiz.close()
    path = store.path
    store.close()
    reopened, _ = Store.open(path)
    later = QuizWindow(DECK, BANK, reopened, "en", now=lambda: NOW + timedelta(hours=2))
    qtbot.addWidget(later)
    try:
        assert later.mode_buttons["due"].text() == "1  Review (20 due · 0 new)", (
            "today's twenty, due again; no more new"
        )
        assert "0 new today" in later.counts.text()
        later.start("mistakes")
        assert later.pages.currentWidget() is later.start_page, "no mistakes: nothing to start"
        assert later.counts.text().endswith("No questions in this mode right now.")
    finally:
        reopened.close()


def test_answer_right_then_wrong_by_keyboard_and_the_store_keeps_both(qtbot, quiz, store):
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    assert quiz.pages.currentWidget() is quiz.question_page
    first = quiz.question
    answer(qtbot, quiz)
    assert quiz.verdict.text().startswith("✓ Right")
    assert first.source in quiz.explanation.text() + quiz.source.text()
    assert store.card(first.id) is not None, "the answer is committed before the next question"
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    second = quiz.question
    assert second.id != first.id
    answer(qtbot, quiz, right=False)
    assert quiz.verdict.text().startswith("✗")
    assert second.id in store.mistakes()


def test_the_feedback_text_can_be_selected_with_the_mouse(qtbot, quiz):
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    label, left = quiz.explanation, Qt.MouseButton.LeftButton
    for _ in range(2):  # and again at the next question
        answer(qtbot, quiz)
        end = label.width() - 2
        drag = (
            (QEvent.Type.MouseButtonPress, 2, left),
            (QEvent.Type.MouseMove, end, left),
            (QEvent.Type.MouseButtonRelease, end, 0),
        )
        for kind, x, held in drag:  # sent, not QTest's: its mouseMove holds no button
            at = QPointF(x, label.fontMetrics().height() / 2)  # on the first line
            event = QMouseEvent(kind, at, label.mapToGlobal(at), left, Qt.MouseButton(held), Qt.KeyboardModifier(0))
            QApplication.sendEvent(label, event)
        assert label.hasSelectedText() and label.selectedText() in label.text()
        qtbot.keyClick(quiz, Qt.Key.Key_Space)


def test_a_typed_number_accepts_its_unit_and_full_width_digits(qtbot, quiz):
    quiz.start("due")
    while not quiz.question.is_numeric:
        answer(qtbot, quiz)
        qtbot.keyClick(quiz, Qt.Key.Key_Return)
    expected = quiz.question.answer
    # Full-width digits come from a Chinese input method, which QTest cannot type: put them in as it would.
    full_width = f"{expected.value:g}".translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    quiz.entry.setText(full_width + (expected.unit or ""))
    qtbot.keyClick(quiz.entry, Qt.Key.Key_Return)
    assert quiz.verdict.text().startswith("✓")


def test_a_right_answer_offers_hard_good_easy_with_their_intervals_and_4_grades_easy(qtbot, quiz, store):
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    question = quiz.question
    answer(qtbot, quiz)
    shown = {r: b.text() for r, b in quiz.grade_buttons.items() if b.isVisible()}
    assert shown == {"hard": "2  Hard · 6 min", "good": "3  Good · 10 min", "easy": "4  Easy · 8 d"}
    assert quiz.grade_buttons["good"].font().bold(), "Good is the default: Space or Enter"
    with qtbot.waitSignal(quiz.previewed, timeout=3000) as preview:
        qtbot.keyClick(quiz, Qt.Key.Key_S)
    assert preview.args[0].scene.slide.id == question.slide
    quiz.activateWindow()
    qtbot.keyClick(quiz, "4")
    assert quiz.question.id != question.id and quiz.feedback is None, "a grade moves on, as in Anki"
    assert store.card(question.id).due - NOW == timedelta(days=8)


def test_a_wrong_answer_is_again_and_a_choice_takes_its_number_then_space(qtbot, quiz, store):
    quiz.start("due")
    while quiz.question.is_numeric:
        answer(qtbot, quiz)
        qtbot.keyClick(quiz, Qt.Key.Key_Space)
    question = quiz.question
    qtbot.keyClick(quiz, str((question.answer + 1) % len(question.choices) + 1))
    assert quiz.feedback is None, "a number chooses; it does not submit"
    qtbot.keyClick(quiz, Qt.Key.Key_Space)
    assert quiz.verdict.text().startswith("✗")
    assert [r for r, b in quiz.grade_buttons.items() if b.isVisible()] == ["again"]
    assert quiz.grade_buttons["again"].text() == "1  Again · 1 min"
    qtbot.keyClick(quiz, "4")
    assert quiz.feedback is not None and store.card(question.id).due - NOW == timedelta(minutes=1), "no Easy"


def test_choices_are_shuffled_each_time_a_question_is_shown(qtbot, quiz):
    quiz.start("cram")
    question = next(q for q in BANK if not q.is_numeric)
    orders = set()
    for _ in range(6):
        quiz.session._queue.insert(0, question.id)
        quiz.session._showing = None
        quiz.show_question(quiz.session.current)
        orders.add(tuple(button.text() for button in quiz.choice_buttons if button.isVisible()))
        answer(qtbot, quiz)
        assert quiz.verdict.text().startswith("✓ Right")
        qtbot.keyClick(quiz, Qt.Key.Key_Space)
    assert len(orders) > 1


def test_ctrl_z_takes_back_the_last_answer_and_restores_the_card(qtbot, quiz, store):
    quiz.start("due")
    first = quiz.question
    answer(qtbot, quiz)
    qtbot.keyClick(quiz, "4")  # easy, and on
    answer(qtbot, quiz, right=False)
    second = quiz.question
    qtbot.keyClick(quiz, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert quiz.question.id == second.id and quiz.feedback is None and store.card(second.id) is None
    qtbot.keyClick(quiz, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert quiz.question.id == first.id and quiz.feedback is None and store.card(first.id) is None
    assert quiz.progress.text().startswith("Question 1 of ")
    answer(qtbot, quiz)
    assert quiz.grade_buttons["good"].font().bold() and store.card(first.id).reps == 1


def test_f_flags_a_question_for_the_author_and_at_suspends_it(qtbot, quiz, store):
    quiz.start("due")
    question = quiz.question
    qtbot.keyClick(quiz, Qt.Key.Key_F)
    assert quiz.flagged.text().startswith("Flagged as wrong") and store.flag_of(question.id) == "wrong"
    assert quiz.action_buttons["flag-wrong"].text() == "Flag: wrong (F)"
    qtbot.keyClick(quiz, Qt.Key.Key_U)
    assert store.flag_of(question.id) == "unclear"
    qtbot.keyClick(quiz, "@")
    assert quiz.question.id != question.id and question.id in store.suspended(), "suspended: the next one"
    qtbot.keyClick(quiz, Qt.Key.Key_Escape)
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    assert quiz.unsuspend.isVisible() and quiz.unsuspend.text() == "Unsuspend 1 questions"
    qtbot.mouseClick(quiz.unsuspend, Qt.MouseButton.LeftButton)
    assert store.suspended() == set() and not quiz.unsuspend.isVisible()


def test_a_timed_test_and_cram_leave_the_schedule_alone(qtbot, quiz, store):
    for mode in ("test", "cram"):
        quiz.start(mode)
        answer(qtbot, quiz)
        assert not any(b.isVisible() for b in quiz.grade_buttons.values()), "nothing to grade: no schedule"
        qtbot.keyClick(quiz, Qt.Key.Key_Space)
        qtbot.keyClick(quiz, Qt.Key.Key_Escape)
        qtbot.keyClick(quiz, Qt.Key.Key_Return)
    assert store.seen() == set() and store.history() == []


@pytest.mark.parametrize(
    ("key", "mode", "name"),
    [
        ("1", "due", "Learn 20 new"),
        ("2", "section", "This pillar only"),
        ("4", "test", "Timed test"),
        ("5", "cram", "Cram"),
    ],
)
def test_each_start_mode_has_a_key_shown_on_its_button(qtbot, quiz, key, mode, name):
    button = quiz.mode_buttons[mode]
    assert button.isVisible() and button.text().startswith(f"{key}  {name}"), "the key is on the button"
    qtbot.keyClick(quiz, key)
    assert quiz.pages.currentWidget() is quiz.question_page and quiz.session.mode == mode


def test_the_mistakes_key_starts_mistakes_once_there_are_some(qtbot, quiz):
    assert quiz.mode_buttons["mistakes"].text() == "3  Mistakes only"
    qtbot.keyClick(quiz, "1")
    answer(qtbot, quiz, right=False)
    qtbot.keyClick(quiz, Qt.Key.Key_Escape)
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    qtbot.keyClick(quiz, "3")
    assert quiz.pages.currentWidget() is quiz.question_page and quiz.session.mode == "mistakes"


def test_escape_ends_the_session_with_a_summary(qtbot, quiz):
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    answer(qtbot, quiz)
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    qtbot.keyClick(quiz, Qt.Key.Key_Escape)
    assert quiz.pages.currentWidget() is quiz.summary_page
    assert "Score: 1 of 1" in quiz.summary_page.text.text()
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    assert quiz.pages.currentWidget() is quiz.start_page
    assert "1 new" not in quiz.counts.text() or str(len(BANK) - 1) in quiz.counts.text()


def answer_until_unsaved(qtbot, quiz) -> None:
    """Answers by keyboard, question after question, until one does not fit on the disk."""
    for _ in range(100):
        if quiz.feedback is not None:
            qtbot.keyClick(quiz, Qt.Key.Key_Return)
        if quiz.pages.currentWidget() is not quiz.question_page:
            quiz.start("due")
        answer(qtbot, quiz)
        if quiz.unsaved_bar.isVisible():
            return
    raise AssertionError("the disk never filled")


def test_an_answer_the_disk_cannot_take_is_said_kept_and_saved_when_there_is_room(qtbot, quiz, store):
    fill_disk(store)
    answer_until_unsaved(qtbot, quiz)
    held = quiz.question.id
    assert quiz.verdict.text().startswith("✓ Right"), "the student still gets the feedback"
    assert quiz.unsaved.text() == (
        "Answers not saved yet: 1 (database or disk is full). "
        "They are kept here and written with your next answer, or when you press Retry saving."
    )
    qtbot.keyClick(quiz, "2")  # a grade (Hard) while the disk is full is kept too, and on to the next
    answer(qtbot, quiz, right=False)
    assert "not saved yet: 2 " in quiz.unsaved.text()
    saved = rows(store.path, "SELECT COUNT(*) FROM answers")
    free_disk(store)
    qtbot.mouseClick(quiz.retry, Qt.MouseButton.LeftButton)
    assert not quiz.unsaved_bar.isVisible()
    assert rows(store.path, "SELECT COUNT(*) FROM answers") == [(saved[0][0] + 3,)], "two answers and a regrade"
    ratings = rows(store.path, f"SELECT rating, overrides IS NOT NULL FROM answers WHERE question_id = '{held}'")
    assert len(ratings) == 2 and ratings[-1] == ("hard", 1), "the answer, then its grade"


def click(box, text: str) -> None:
    next(button for button in box.buttons() if button.text() == text).click()


def test_closing_with_unsaved_answers_asks_first_and_retry_saves_them(qtbot, quiz, store):
    fill_disk(store)
    answer_until_unsaved(qtbot, quiz)
    quiz.close()
    assert quiz.isVisible() and quiz.close_question.isVisible()
    assert "not saved yet: 1" in quiz.close_question.text()
    click(quiz.close_question, "Retry saving")
    qtbot.waitUntil(lambda: quiz.close_question.isVisible())  # still full: asked again
    assert quiz.isVisible()
    free_disk(store)
    click(quiz.close_question, "Retry saving")
    assert not quiz.isVisible()
    assert store.unsaved == 0


def test_closing_and_losing_unsaved_answers_is_the_students_choice(qtbot, quiz, store):
    fill_disk(store)
    answer_until_unsaved(qtbot, quiz)
    quiz.close()
    click(quiz.close_question, "Cancel")
    assert quiz.isVisible()
    quiz.close()
    click(quiz.close_question, "Close and lose them")
    assert not quiz.isVisible()


def test_a_damaged_progress_file_is_said_in_the_quiz_window_with_what_was_read_back(qtbot, tmp_path, monkeypatch):
    from desktop.quiz.store import Store, progress_file
    from desktop.resources import data_dir

    path = progress_file(data_dir(), DECK.id)
    store, _ = Store.open(path)
    for i, question in enumerate(BANK * 3):
        store.record_answer(question.id, i % 4 != 0, "good" if i % 4 else "again", 9, "x" * 30, NOW)
    store.close()
    answered = rows(path, "SELECT COUNT(*) FROM answers")[0][0]
    break_a_page(path, "answers")
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(DECK, settings, "en", "light", reduced_motion=True)
    qtbot.addWidget(window)
    window.open_quiz()
    quiz = window._quiz_window
    qtbot.addWidget(quiz)
    (aside,) = path.parent.glob("progress.db.damaged-*")
    read_back = rows(path, "SELECT COUNT(*) FROM answers")[0][0]
    assert 0 < read_back < answered
    assert quiz.set_aside.isVisible() and quiz.set_aside.text() == (
        f"Your progress file was damaged: it was moved to {aside}, "
        f"and the {read_back} answers that could still be read are in a fresh one."
    )
    assert f"{len(BANK)} new" not in quiz.counts.text(), "the questions answered before are not new again"
    assert not window.badge.isVisible(), "not on the audience's screen"


def test_a_question_flagged_in_the_window_is_listed_by_questions_flagged(qtbot):
    from desktop.quiz.store import progress_file
    from desktop.resources import data_dir
    from tests.conftest import run_casebook

    path = progress_file(data_dir(), DECK.id)
    nothing = run_casebook("questions", "--flagged")
    assert (nothing.returncode, nothing.stdout, nothing.stderr) == (0, "", "") and not path.exists()
    store, _ = Store.open(path)
    window = QuizWindow(DECK, BANK, store, "en", now=lambda: NOW)
    qtbot.addWidget(window)
    window.start("due")
    question = window.question
    qtbot.keyClick(window, Qt.Key.Key_U)
    window.close()
    store.close()
    listed = run_casebook("questions", "--flagged")
    assert listed.returncode == 0 and listed.stderr == ""
    when = NOW.astimezone().strftime("%Y-%m-%d %H:%M")
    prompt = question.prompt.get("zh").replace("\n", " ")  # one line each
    assert listed.stdout == f"{question.id}\t{when}\tunclear\t{prompt}\n"
