"""Makes every screenshot the README shows, from today's decks and app: `.venv/bin/python .ci/screenshots.py`.

Slides are exported by the real `export` command; windows (presenting, overview, console, self-study, class quiz)
are drawn offscreen; the class quiz runs with phones in Debian's chromium (Playwright) on 127.0.0.1. Progress,
settings and class results go to a throwaway folder, never the user's own. `--out DIR` writes elsewhere (to look
before replacing); by default it writes assets/screenshots/, the names the README uses.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOUYIN, BREWLINE = REPO / "content" / "douyin-exit-matrix", REPO / "content" / "brewline-coffee"
SLIDE_SIZE = "1280x720"
# The gallery: file name, deck, slide id, language, theme (None: the deck's own).
SLIDES = (
    ("01-title-zh-light.png", DOUYIN, "intro-title", "zh", "light"),
    ("07-table-zh-light.png", DOUYIN, "p1-content-phases", "zh", "light"),
    ("12-big-number-zh-dark.png", DOUYIN, "p2-engagement", "zh", "dark"),
    ("15-composition-chart-en-light.png", DOUYIN, "p3-revenue-mix", "en", "light"),
    ("27-benchmark-chart-en-projector.png", DOUYIN, "p6-benchmarks", "en", "projector"),
    ("10-timeline-en-light.png", DOUYIN, "p2-timeline", "en", "light"),
    ("brewline-04-bullets-picture-en.png", BREWLINE, "what-went-wrong", "en", None),
    ("brewline-10-chart-en.png", BREWLINE, "turnover-chart", "en", None),
)
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # the self-study window's clock: the same session every run
PHONES = 24
ANSWERED = 17  # phones that have answered when the question is shot ("17 of 24 answered")
CHROMIUM = "/usr/bin/chromium"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "assets" / "screenshots", help="folder to write into")
    out = parser.parse_args().out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="casebook-shots-") as scratch:
        os.environ.update(
            QT_QPA_PLATFORM="offscreen",
            CASEBOOK_DATA_DIR=str(Path(scratch) / "data"),
            CASEBOOK_CONFIG_DIR=str(Path(scratch) / "config"),
            XDG_CONFIG_HOME=str(Path(scratch) / "xdg"),
        )
        sys.path.insert(0, str(REPO))
        written = export_slides(out, Path(scratch))
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        app.setApplicationName("Casebook")
        written += presenting(out, Path(scratch)) + self_study(out, Path(scratch)) + class_quiz(out, Path(scratch))
    missing = sorted(
        set(re.findall(r"assets/screenshots/([\w.-]+\.png)", (REPO / "README.md").read_text())) - set(written)
    )
    for name in written:
        print(out / name)
    if missing:
        print(f"screenshots: the README shows {', '.join(missing)}, which this command does not make", file=sys.stderr)
        return 1
    return 0


def export_slides(out: Path, scratch: Path) -> list[str]:
    """The gallery's slides, each through the real `export` command at its final state."""
    from desktop.deck import load_deck

    written = []
    for name, folder, slide_id, lang, theme in SLIDES:
        slides = load_deck(folder).deck.slides
        number = next((i + 1 for i, s in enumerate(slides) if s.id == slide_id), None)
        if number is None:
            raise SystemExit(f"screenshots: {folder.name} has no slide {slide_id!r} for {name}; choose another")
        where = scratch / "export" / name
        command = [sys.executable, str(REPO / "main.py"), "export", str(folder), "--out", str(where), "--quiet"]
        command += ["--slides", str(number), "--lang", lang, "--size", SLIDE_SIZE] + (
            ["--theme", theme] if theme else []
        )
        subprocess.run(command, check=True, cwd=REPO)
        (where / f"{number:02d}-{slide_id}.png").replace(out / name)
        written.append(name)
    return written


def wait_for(condition, what: str, seconds: float = 60) -> None:
    """Lets Qt run until `condition()` holds; stops the command with `what` if it never does."""
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"screenshots: gave up waiting for {what}")
        QTest.qWait(20)


def settle() -> None:
    """Lets Qt lay out and paint what was just changed (a resize, a page, an overlay)."""
    from PySide6.QtTest import QTest

    QTest.qWait(300)


def shoot(widget, out: Path, name: str) -> str:
    settle()
    if not widget.grab().save(str(out / name)):
        raise SystemExit(f"screenshots: could not write {out / name}")
    return name


def open_window(scratch: Path, deck: Path, lang: str, width: int, height: int):
    """The presentation window as `present` opens it (light theme, motion reduced so each step is final)."""
    from PySide6.QtCore import QSettings

    from desktop.deck import load_deck
    from desktop.ui.settings import Settings
    from desktop.ui.window import PresentationWindow

    settings = Settings(QSettings(str(scratch / f"{lang}-settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(load_deck(deck).deck, settings, lang, "light", reduced_motion=True)
    window.show()
    window.resize(width, height + window.menuBar().sizeHint().height())
    window.start(0)
    return window


def index_of(window, slide_id: str) -> int:
    return next(i for i, s in enumerate(window.presenting.deck.slides) if s.id == slide_id)


def presenting(out: Path, scratch: Path) -> list[str]:
    """The overview (zh, around the third and fourth sections) and the presenter console (en, a chart at step 1)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = open_window(scratch, DOUYIN, "zh", 1280, 720)
    window.presenting.go(index_of(window, "p4-check"))
    QTest.keyClick(window, Qt.Key.Key_O)
    wait_for(window.overview.drawn, "the overview's thumbnails")
    written = [shoot(window, out, "overview-zh.png")]
    window.close()

    window = open_window(scratch, DOUYIN, "en", 1280, 720)
    window.presenting.go(index_of(window, "p1-creator-ads"))
    window.toggle_console()
    window.console.resize(1440, 900)
    written.append(shoot(window.console, out, "console-en.png"))
    window.close()
    return written


def answer(quiz, wrong: bool) -> None:
    """Answers the question on screen by keyboard, rightly or not (a number twice too big is wrong)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    question = quiz.question
    if question.is_numeric:
        quiz.entry.setText(f"{question.answer.value * (2 if wrong else 1):g}")
        QTest.keyClick(quiz.entry, Qt.Key.Key_Return)
    else:
        QTest.keyClick(quiz, str((question.answer + wrong) % len(question.choices) + 1))
        QTest.keyClick(quiz, Qt.Key.Key_Return)


def self_study(out: Path, scratch: Path) -> list[str]:
    """The quiz window: a wrong answer marked (zh), a session's summary and the question browser (en)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.deck import load_deck
    from desktop.quiz.generate import build_bank
    from desktop.quiz.store import Store
    from desktop.ui.quiz_window import QuizWindow

    deck = load_deck(DOUYIN).deck
    bank = build_bank(deck)
    quizzes = []
    for lang in ("zh", "en"):
        store, _ = Store.open(scratch / f"progress-{lang}.db")
        quiz = QuizWindow(deck, bank, store, lang, now=lambda: NOW)
        quiz.resize(1280, 720)
        quiz.show()
        QTest.keyClick(quiz, Qt.Key.Key_Return)  # today's questions
        quizzes.append((quiz, store))

    zh, en = quizzes[0][0], quizzes[1][0]
    while zh.question.is_numeric:  # on to a question with choices: its tiles are what the shot shows
        answer(zh, wrong=False)
        QTest.keyClick(zh, Qt.Key.Key_Return)
    answer(zh, wrong=True)
    written = [shoot(zh, out, "quiz-zh-answer.png")]

    missed = None
    for asked in range(6):
        wrong = asked % 3 == 1  # a third missed, so the summary has something to list
        missed = missed or (en.question if wrong else None)
        answer(en, wrong)
        QTest.keyClick(en, Qt.Key.Key_Return)
    QTest.keyClick(en, Qt.Key.Key_Escape)
    written.append(shoot(en, out, "quiz-en-summary.png"))
    en.show_start()
    en.browse()
    browser = en.browser
    browser.resize(1280, 860)
    rows = [browser.list.item(i).data(Qt.ItemDataRole.UserRole).id for i in range(browser.list.count())]
    browser.list.setCurrentRow(rows.index(missed.id))  # a question with an answer so far, and its slide
    written.append(shoot(browser, out, "quiz-en-browser.png"))
    browser.close()
    for quiz, store in quizzes:
        quiz.close()
        store.close()
    return written


def class_quiz(out: Path, scratch: Path) -> list[str]:
    """A class quiz on the projector (1920×1080) with phones in chromium: join, ask, reveal, estimates, console."""
    from playwright.sync_api import sync_playwright
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = open_window(scratch, DOUYIN, "en", 1920, 1080)
    projector = window.centralWidget()
    controls = window.class_controls
    controls.start_phones("127.0.0.1", 0)
    room = controls.room
    room.chime = lambda: None
    window.presenting.go(slide_asking(window, numeric=False))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        phones = [join(browser, room.server.url(), room.server.pin, n) for n in range(PHONES)]
        wait_for(lambda: room.tally.joined == PHONES, "every phone to join")
        written = [shoot(projector, out, "class-join-en.png")]  # the card counts them in
        window.toggle_console()
        window.console.resize(1280, 800)

        QTest.keyClick(window, Qt.Key.Key_Q)
        room.timer.stop()  # the countdown waits for the phones, however slow this machine
        question = room.question
        choice = [c.get("en") for c in question.choices]
        button = lambda page, i: page.get_by_role("button", name=re.compile(re.escape(choice[i])))  # noqa: E731
        button(phones[0], 0).wait_for()
        written.append(phone_shot(phones[0], out, "class-phone-question-en.png"))
        picks = [question.answer if n % 3 else (question.answer + 1 + n % 2) % len(choice) for n in range(PHONES)]
        for page, pick in zip(phones[:ANSWERED], picks, strict=False):
            button(page, pick).click()
        wait_for(lambda: room.tally.answered == ANSWERED, "the first answers to be counted")
        written += [shoot(projector, out, "class-question-en.png"), shoot(window.console, out, "class-console-en.png")]
        for page, pick in zip(phones[ANSWERED:], picks[ANSWERED:], strict=True):
            button(page, pick).click()
        wait_for(lambda: room.revealed, "the reveal once every phone has answered")
        written.append(shoot(projector, out, "class-reveal-en.png"))
        phones[0].get_by_text("✗ Wrong").wait_for()
        written.append(phone_shot(phones[0], out, "class-phone-result-en.png"))
        QTest.keyClick(window, Qt.Key.Key_Return)

        window.presenting.go(slide_asking(window, numeric=True))
        QTest.keyClick(window, Qt.Key.Key_Q)
        room.timer.stop()
        truth = room.question.answer.value
        for n, page in enumerate(phones):
            page.get_by_label("Your estimate").fill(f"{truth * (0.6 + 0.1 * (n * 7 % 9)):.0f}")  # 60% to 140%
            page.get_by_role("button", name="Send").click()
        wait_for(lambda: room.revealed, "the estimates' reveal")
        written.append(shoot(projector, out, "class-estimates-en.png"))
        browser.close()
    controls.stop()
    window.close()
    return written


def slide_asking(window, numeric: bool) -> int:
    """The first slide (not a quick check: those ask their own) where Q asks the room for a number, or a choice."""
    from desktop.ui.class_quiz import pick_question

    deck, controls = window.presenting.deck, window.class_controls
    for index, slide in enumerate(deck.slides):
        section = deck.section_of(slide.id)
        question = pick_question(controls.bank(), slide, section.number if section else None, controls.asked)
        if question is not None and question.is_numeric == numeric and slide.kind != "quiz":
            return index
    raise SystemExit(f"screenshots: no slide asks the room for {'a number' if numeric else 'a choice'}")


def join(browser, url: str, pin: str, n: int):
    """A phone in the room (390×780 at twice its pixels), joined with the PIN under a student's name."""
    page = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 780}, device_scale_factor=2).new_page()
    page.goto(url)
    page.get_by_label("PIN").fill(pin)
    page.get_by_label("Name").fill(f"Student {n + 1}")
    page.get_by_role("button", name="Join").click()
    page.get_by_text(f"You’re in, Student {n + 1}").wait_for()
    return page


def phone_shot(page, out: Path, name: str) -> str:
    page.screenshot(path=str(out / name))
    return name


if __name__ == "__main__":
    sys.exit(main())
