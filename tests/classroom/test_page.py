"""The student page in a real browser (Debian's chromium driven by Playwright) against a started class server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.classroom.conftest import CHOICE, NUMBER, SOURCE, poll

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def phone(browser):
    """A phone-sized page in English."""
    context = browser.new_context(locale="en-US", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(5000)
    yield page
    context.close()


def _join(page, server, name: str) -> None:
    from playwright.sync_api import expect

    page.goto(server.url())
    page.get_by_label("PIN").fill(server.pin)
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("status")).to_have_text(f"You’re in, {name} — look at the projector")


def test_a_student_joins_answers_a_choice_and_reads_the_reveal(server, tallies, phone):
    from playwright.sync_api import expect

    _join(phone, server, "Ana")
    server.pose(poll(CHOICE, round=1, seconds=30))
    expect(phone.get_by_role("heading", name="What share of revenue was advertising in 2023?")).to_be_visible()
    expect(phone.get_by_text("s left")).to_be_visible()
    tiles = phone.locator("#choices button")
    expect(tiles).to_have_count(4)
    assert tiles.nth(0).inner_text().split() == ["A", "84%"]
    assert tiles.nth(2).bounding_box()["height"] >= 44
    phone.get_by_role("button", name="C 52%").click()
    expect(phone.get_by_role("status")).to_have_text("Answer sent — wait for the reveal")
    assert tallies.wait(lambda t: t.answered == 1).counts == (0, 0, 1, 0)
    expect(tiles.nth(0)).to_be_disabled()
    phone.reload()  # a dropped phone comes back with its token: the same name, its answer still locked
    expect(phone.get_by_role("status")).to_have_text("Answer sent — wait for the reveal")
    assert tallies.wait(lambda t: t.joined == 1).answered == 1
    server.reveal()
    expect(phone.locator("#verdict")).to_have_text("✓ Right")
    expect(phone.get_by_text("The answer: 52%")).to_be_visible()
    expect(phone.get_by_text(f"The article: “{SOURCE}”")).to_be_visible()
    expect(phone.get_by_text("Advertising was 52% of revenue in 2023.")).to_be_visible()
    server.close_poll()
    expect(phone.get_by_role("status")).to_have_text("You’re in, Ana — look at the projector")


def test_a_number_question_takes_an_estimate_with_its_unit(server, tallies, phone):
    from playwright.sync_api import expect

    _join(phone, server, "Bo")
    server.pose(poll(NUMBER, round=2, seconds=0))
    field = phone.get_by_label("Your estimate")
    expect(field).to_be_visible()
    assert field.get_attribute("inputmode") == "decimal"
    expect(phone.locator("#unit-after")).to_have_text("%")
    field.fill("40")
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_role("status")).to_have_text("Answer sent — wait for the reveal")
    assert tallies.wait(lambda t: t.answered == 1).values == (40.0,)
    server.reveal()
    expect(phone.locator("#verdict")).to_have_text("✗ Wrong")
    expect(phone.get_by_text("The answer: 52%")).to_be_visible()


def test_a_nickname_with_html_shows_as_text(server, phone):
    from playwright.sync_api import expect

    _join(phone, server, "<b>Bo</b><img src=x>")
    expect(phone.get_by_role("status")).to_contain_text("<b>Bo</b><img src=x>")
    assert phone.locator("main b, main img").count() == 0


def test_a_wrong_pin_is_said_in_words_and_the_form_stays(server, phone):
    from playwright.sync_api import expect

    phone.goto(server.url())
    phone.get_by_label("PIN").fill(f"{(int(server.pin) + 1) % 10_000:04d}")
    phone.get_by_label("Name").fill("Eve")
    phone.get_by_role("button", name="Join").click()
    expect(phone.get_by_role("status")).to_have_text("That PIN is not right — check the projector.")
    expect(phone.get_by_role("button", name="Join")).to_be_enabled()


def test_the_page_speaks_chinese_on_a_chinese_phone(server, browser):
    from playwright.sync_api import expect

    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(server.url())
        expect(page.get_by_label("昵称")).to_be_visible()
        expect(page.get_by_role("button", name="加入")).to_be_visible()
    finally:
        context.close()
