"""A class quiz from start to results, with 30 phones in a real browser (Debian's chromium driven by Playwright)
and the projector's window offscreen: join, five questions, answers, reveals, each phone's result, the results."""

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtCore import Qt

from tests.conftest import REPO, open_window

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONES = 30
pytestmark = pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="needs Debian's chromium (apt install chromium)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


def join(browser, url: str, pin: str, name: str, locale: str = "en-GB"):
    page = browser.new_context(locale=locale, viewport={"width": 390, "height": 800}).new_page()
    page.goto(url)
    page.get_by_label("PIN").fill(pin)
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name="Join").click()
    return page


def slides_asking(window, numeric: bool, count: int) -> list[int]:
    """Slides where Q puts a choice (or number) question to the room."""
    from desktop.ui.class_quiz import pick_question

    deck, controls = window.presenting.deck, window.class_controls
    found = []
    for index, slide in enumerate(deck.slides):
        section = deck.section_of(slide.id)
        question = pick_question(controls.bank(), slide, section.number if section else None, set())
        fresh = question is not None and all(question.id != q for _, q in found)
        if fresh and question.is_numeric == numeric and slide.kind != "quiz":
            found.append((index, question.id))
        if len(found) == count:
            return [i for i, _ in found]
    raise AssertionError("the bundled deck has too few such slides")


def test_a_five_question_class_quiz_with_thirty_phones(qtbot, tmp_path, browser):
    window = open_window(qtbot, tmp_path, REPO / "content" / "douyin-exit-matrix", lang="en")
    controls = window.class_controls
    controls.start_phones("127.0.0.1", 0)
    room = controls.room
    room.chime = lambda: None
    assert controls.card.isVisible(), "the join card is up as soon as phones are on"
    url, pin = room.server.url(), room.server.pin
    assert re.fullmatch(r"\d{4}", pin)

    phones = [join(browser, url, pin, f"Student {n}") for n in range(PHONES)]
    for n, page in enumerate(phones):
        page.get_by_text(f"You’re in, Student {n}").wait_for()
    qtbot.waitUntil(lambda: room.tally is not None and room.tally.joined == PHONES)

    asked = [(i, False) for i in slides_asking(window, numeric=False, count=4)]
    asked.append((slides_asking(window, numeric=True, count=1)[0], True))
    for index, numeric in asked:
        window.presenting.go(index)
        qtbot.keyClick(window, Qt.Key.Key_Q)
        question = room.question
        overlay = controls.overlay
        assert overlay.count.text() == f"0 of {PHONES} answered"
        if numeric:
            truth = question.answer.value
            typed = [truth if n % 3 == 0 else truth * 2 for n in range(PHONES)]
            for page, value in zip(phones, typed, strict=True):
                page.get_by_label("Your estimate").fill(f"{value:g}")
                page.get_by_role("button", name="Send").click()
        else:
            picks = [n % len(question.choices) for n in range(PHONES)]
            for page, pick in zip(phones, picks, strict=True):
                text = question.choices[pick].get("en")
                page.get_by_role("button", name=re.compile(re.escape(text))).click()
        for page in phones:
            page.get_by_text("Answer sent").wait_for()
        # Everyone has answered: the projector reveals without waiting for the clock.
        qtbot.waitUntil(lambda: room.revealed)
        assert overlay.count.text() == f"{PHONES} of {PHONES} answered"
        chart = overlay.chart
        if numeric:
            assert sorted(chart.dots.data["x"]) == pytest.approx(sorted(typed))
            right = sum(1 for v in typed if v == truth)
        else:
            drawn = list(chart.bars.opts["width"])
            assert drawn == [picks.count(c) for c in range(len(question.choices))], "a bar a choice, its count"
            right = picks.count(question.answer)
        assert f"{right} of {PHONES} right" in overlay.answer.text()
        for n, page in enumerate(phones):
            was_right = (typed[n] == truth) if numeric else (picks[n] == question.answer)
            page.get_by_text("✓ Right" if was_right else "✗ Wrong").wait_for()
            assert "The article" in page.locator("#source").inner_text()
        qtbot.keyClick(window, Qt.Key.Key_Return)
        assert not overlay.isVisible()
        for page in phones[:3]:
            page.get_by_text("look at the projector").wait_for()

    from desktop.classroom.results import Results

    results, _ = Results.open(room.server.results_path)
    try:
        rows = results.summary(room.server.lecture)
    finally:
        results.close()
    assert [r.answered for r in rows] == [PHONES] * 5
