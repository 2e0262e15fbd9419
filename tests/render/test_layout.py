"""Slides designed, not templated: big numbers that are the slide, lists that use its height, no slide twice."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF

from desktop.deck.figures import format_period, slide_figures
from desktop.quiz.wording import content_words
from desktop.render.canvas import BODY
from desktop.render.kinds.numbers import CountUp, number_text
from desktop.render.scene import SlideScene, build_scene
from desktop.render.text import TextBox
from tests.render.test_slides import DECK, boxes, look

LANGS = ["zh", "en"]
BIG = [i for i, s in enumerate(DECK.slides) if s.kind == "big-number"]


def painted(box: TextBox) -> QRectF:
    """Where the box's text is drawn on the slide: its block, placed in the box as the box aligns it."""
    free = box.rect.height() - box.text_height()
    dy = {"top": 0, "center": free / 2, "bottom": free}[box.valign]
    block = QRectF(box.rect.left(), box.rect.top() + max(0.0, dy), box.rect.width(), box.text_height())
    return box.mapRectToScene(block)


def ink_left(box: TextBox) -> float:
    """Where the box's first line of text starts on the slide (a centred line starts inside its box)."""
    box.document.size()  # lays the document out
    line = box.document.firstBlock().layout().lineAt(0)
    return box.mapToScene(box.rect.left() + line.naturalTextRect().left(), 0).x()


def numbers(scene: SlideScene) -> list[TextBox]:
    return [part.box for part in scene.parts if isinstance(part, CountUp)]


def title(scene: SlideScene) -> TextBox:
    return next(box for box in boxes(scene) if box.text == scene.text(scene.slide.title))


@pytest.mark.parametrize("lang", LANGS)
def test_a_big_number_is_larger_than_its_slide_title(family, lang):
    for index in BIG:
        scene = build_scene(DECK, index, look(family, lang))
        heading = title(scene).px
        for box in numbers(scene):
            box.document.size()  # lays the document out
            assert box.px >= 1.4 * heading, (scene.slide.id, box.text, box.px, heading)
            assert box.document.firstBlock().layout().lineCount() == 1, (scene.slide.id, box.text)


def test_in_english_more_than_is_a_plus_so_numbers_stay_large():
    figures = DECK.figures
    assert number_text(figures["daily-time"], "en") == "120+\u00a0min"
    assert number_text(figures["local-life-gtv"], "en") == "¥20\u00a0bn+"
    assert number_text(figures["live-gmv-growth"], "en") == "40%+"
    assert number_text(figures["daily-time"], "zh") == "超120分钟", "Chinese says 超 in one character already"
    assert number_text(figures["complaints-change"], "en") == "−57%"


@pytest.mark.parametrize("lang", LANGS)
def test_big_numbers_stand_on_the_grid(family, lang):
    """Each column's number, rule and label start on one edge; the columns span the body, margin to margin."""
    for index in BIG:
        scene = build_scene(DECK, index, look(family, lang))
        values = numbers(scene)
        lefts = [round(ink_left(box)) for box in values]
        assert lefts[0] == BODY.left(), (scene.slide.id, lefts)
        assert values[-1].mapRectToScene(values[-1].rect).right() == pytest.approx(BODY.right())
        texts = [box for box in boxes(scene) if box.px < values[0].px and BODY.contains(box.mapRectToScene(box.rect))]
        assert set(lefts) <= {round(ink_left(box)) for box in texts}, (scene.slide.id, lefts)


@pytest.mark.parametrize("lang", LANGS)
def test_lists_and_timelines_use_the_body_height(family, lang):
    """Bullets, discussion questions and timelines spread over the body, not its top half."""
    for index, slide in enumerate(DECK.slides):
        if slide.kind not in ("bullets", "discussion", "timeline"):
            continue
        scene = build_scene(DECK, index, look(family, lang))
        blocks = [painted(box) for box in boxes(scene) if BODY.contains(box.mapRectToScene(box.rect))]
        top, bottom = min(b.top() for b in blocks), max(b.bottom() for b in blocks)
        assert bottom - top >= 0.5 * BODY.height(), (slide.id, top, bottom)
        assert abs((top + bottom) / 2 - BODY.center().y()) < 0.15 * BODY.height(), (slide.id, top, bottom)


def test_no_two_slides_list_the_same_figures():
    """A chart may draw what a table lists; a timeline that lists what a table lists is the same slide twice."""
    shown = [
        (slide.id, frozenset(slide_figures(slide, DECK.tables)))
        for slide in DECK.slides
        if slide.kind not in ("quiz", "chart")  # a quick check asks about a figure that a slide before it shows
    ]
    for (a, figures_a), (b, figures_b) in itertools.combinations(shown, 2):
        assert not figures_a or figures_a != figures_b, f"{a} and {b} show the same figures"


def test_a_before_and_after_pair_is_a_chart_not_two_tiles():
    """Two tiles with the same label (18 and 26, both 'posts per creator per month, 2023') say nothing a chart
    would not say better."""
    for index in BIG:
        slide = DECK.slides[index]
        for lang in LANGS:
            labels = [DECK.figures[i].measures.get(lang) for i in slide.figures]
            assert len(set(labels)) == len(labels), (slide.id, labels)


def test_a_big_number_caption_says_what_the_tiles_do_not():
    for index in BIG:
        slide = DECK.slides[index]
        if slide.caption is None:
            continue
        figures = [DECK.figures[i] for i in slide.figures]
        for lang in LANGS:
            caption = slide.caption.get(lang)
            said = set().union(*(content_words(f.measures.get(lang), lang) for f in figures))
            words = content_words(caption, lang)
            assert len(words & said) < 0.5 * len(words), (slide.id, lang, sorted(words & said))
            for figure in figures:
                assert not figure.period or format_period(figure.period, lang) not in caption, (slide.id, caption)


def test_the_notes_warn_that_tiktok_is_banned_in_india():
    """The article claims TOP1 by organic growth in India: the lecturer learns of the ban, and that the note is ours."""
    slide = next(s for s in DECK.slides if s.id == "p8-localisation-phases")
    assert "India" in DECK.tables[slide.table].rows[0][2].get("en")
    zh, en = slide.notes.get("zh"), slide.notes.get("en")
    assert "印度" in zh and "2020" in zh and "非原文内容" in zh
    assert "India" in en and "2020" in en and "not the article’s" in en
