"""The class quiz on the projector without phones: Q asks about the slide, the countdown, Enter reveals."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontInfo

from desktop.deck import load_deck
from desktop.quiz.generate import build_bank
from desktop.ui.class_quiz import pick_question
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow
from tests.conftest import REPO

DECK = load_deck(REPO / "content" / "douyin-exit-matrix").deck
BANK = build_bank(DECK)


def presenting(qtbot, tmp_path, index: int, lang: str = "zh", size=(1280, 760)) -> PresentationWindow:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(DECK, settings, lang, "projector", reduced_motion=True)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.start(index)
    return window


def chart_slide() -> int:
    return next(i for i, s in enumerate(DECK.slides) if s.chart)


def test_q_asks_the_room_about_the_slide_and_enter_reveals_the_answer_beside_the_slide_at_its_end(qtbot, tmp_path):
    chart = chart_slide()
    window = presenting(qtbot, tmp_path, chart)
    qtbot.keyClick(window, Qt.Key.Key_Q)
    controls = window.class_controls
    overlay, room = controls.overlay, controls.room
    assert overlay.isVisible()
    assert room.question.slide == DECK.slides[chart].id
    assert overlay.prompt.text() == room.question.prompt.get("zh")
    texts = [tile.text() for tile in overlay.tiles.buttons if tile.isVisible()]
    assert texts == [c.get("zh") for c in room.question.choices]
    assert not overlay.slide.isVisible(), "the answer's slide waits for the reveal"
    step = window.presenting.step
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert room.revealed
    assert room.question.choices[room.question.answer].get("zh") in overlay.answer.text()
    shown = overlay.slide.scene()
    assert overlay.slide.isVisible() and shown.state[0] == shown.steps - 1
    assert window.presenting.step == step, "the talk keeps its step: the chart's build is not spent"
    assert "原文" in overlay.source.text() and room.question.source[:12] in overlay.source.text()
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert not overlay.isVisible()
    assert window.presenting.index == chart


def test_a_clicker_reveals_and_closes_and_the_talk_never_moves_under_the_question(qtbot, tmp_path):
    chart = chart_slide()
    window = presenting(qtbot, tmp_path, chart)
    room = window.class_controls.room
    qtbot.keyClick(window, Qt.Key.Key_Q)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert room.revealed and window.presenting.index == chart
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert room.question is None and window.presenting.index == chart
    qtbot.keyClick(window, Qt.Key.Key_Q)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert room.question is None and not room.revealed and window.presenting.index == chart
    before = (window.presenting.index, window.presenting.step)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert (window.presenting.index, window.presenting.step) != before, "with the question gone, keys move the talk"


def test_time_up_rings_once_and_reveals_and_the_sound_can_be_turned_off(qtbot, tmp_path):
    window = presenting(qtbot, tmp_path, chart_slide())
    qtbot.keyClick(window, Qt.Key.Key_Q)
    room = window.class_controls.room
    rang = []
    room.chime = lambda: rang.append(1)
    qtbot.keyClick(window, Qt.Key.Key_C)
    assert room.timer.isActive() and room.left == 30
    assert window.class_controls.overlay.countdown.text() == "30"
    for _ in range(30):
        room.timer.timeout.emit()
    assert room.revealed and rang == [1] and not room.timer.isActive()
    qtbot.keyClick(window, Qt.Key.Key_Return)
    window.class_controls.toggle_sound()
    assert window.settings.get("class-sound") == "off"
    qtbot.keyClick(window, Qt.Key.Key_Q)
    qtbot.keyClick(window, Qt.Key.Key_C)
    for _ in range(30):
        room.timer.timeout.emit()
    assert room.revealed and rang == [1], "silent once turned off"


def test_the_overlay_is_set_in_the_decks_font_and_fits_a_small_window(qtbot, tmp_path):
    window = presenting(qtbot, tmp_path, chart_slide(), size=(960, 560))
    qtbot.keyClick(window, Qt.Key.Key_Q)
    overlay = window.class_controls.overlay
    assert QFontInfo(overlay.prompt.font()).family() == window.family
    assert overlay.geometry() == window.centralWidget().rect()
    for part in (overlay.prompt, *[t for t in overlay.tiles.buttons if t.isVisible()]):
        bottom = part.mapTo(overlay, part.rect().bottomLeft()).y()
        assert bottom <= overlay.height(), f"{part} ends below the window"
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert overlay.slide.isVisible() and overlay.slide.height() > 120, "the slide at its end is large enough to read"


def test_no_key_hints_on_the_projector_they_are_on_the_console(qtbot, tmp_path):
    window = presenting(qtbot, tmp_path, chart_slide(), lang="en")
    window.toggle_console()
    qtbot.keyClick(window, Qt.Key.Key_Q)
    overlay = window.class_controls.overlay
    shown = " ".join(label.text() for label in overlay.findChildren(type(overlay.prompt)))
    assert "Enter" not in shown and "Esc" not in shown
    assert "Enter: reveal" in window.console.classroom.text()


def test_on_a_quick_check_slide_q_without_phones_asks_something_else():
    slide = next(s for s in DECK.slides if s.kind == "quiz")
    question = pick_question(BANK, slide, DECK.section_of(slide.id).number, set())
    assert question is not None and question.figure not in slide.figures and question.kind != "section"


def test_with_phones_on_a_quick_check_slide_asks_the_room_its_own_question_once(qtbot, tmp_path):
    window = presenting(qtbot, tmp_path, 0, lang="en")
    controls = window.class_controls
    controls.start_phones("127.0.0.1", 0)
    room = controls.room
    quick = next(i for i, s in enumerate(DECK.slides) if s.kind == "quiz")
    window.presenting.go(quick)
    assert room.question is not None and room.question.figure in DECK.slides[quick].figures
    assert controls.overlay.isVisible() and controls.overlay.count.text() == "0 of 0 answered"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    window.presenting.go(quick - 1)
    window.presenting.go(quick)
    assert room.question is None, "a quick check is put to the room once"


def test_a_number_question_asks_the_room_to_write_down_or_type_an_estimate(qtbot, tmp_path):
    window = presenting(qtbot, tmp_path, chart_slide(), lang="en")
    controls = window.class_controls
    numeric = next(q for q in BANK if q.is_numeric)
    controls.room.pose(numeric, DECK.languages, "en")
    controls.refresh()
    assert controls.overlay.hint.text() == "Write down your estimate" and not controls.overlay.tiles.isVisible()
    controls.room.close()
    controls.start_phones("127.0.0.1", 0)
    controls.room.pose(numeric, DECK.languages, "en")
    assert controls.overlay.hint.text() == "Type your estimate on your phone"


def test_the_english_overlay_of_a_chinese_deck_draws_narrow_apostrophes(qtbot, tmp_path):
    from PySide6.QtGui import QFontMetricsF

    window = presenting(qtbot, tmp_path, chart_slide(), lang="en")
    qtbot.keyClick(window, Qt.Key.Key_Q)
    metrics = QFontMetricsF(window.class_controls.overlay.prompt.font())
    assert metrics.horizontalAdvance("’") < 0.4 * metrics.horizontalAdvance("文")
