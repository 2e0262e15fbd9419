"""Sections, not pillars: a deck names its sections' noun and numbers them 1..N, with no upper bound."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.deck import load_deck
from desktop.quiz.generate import build_bank
from desktop.ui.quiz_window import QuizWindow
from tests.conftest import REPO, run_casebook, write

BUNDLED = REPO / "content" / "douyin-exit-matrix"
WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def chapter(n: int, number: str | None = None) -> str:
    """A section file of one figure and one slide; `number` is its number line (the default: `number: n`)."""
    return f"""\
        id: chapter-{n}
        {number if number is not None else f"number: {n}"}
        title: {{zh: 章节{n}, en: Story {WORDS[n - 1]}}}
        figures:
          - id: stores-{n}
            value: {n * 5}
            unit: "%"
            measures: {{zh: 门店占比{n}, en: share of stores {n}}}
            role: level
            source: 第{n}年门店占比为{n * 5}%。
        slides:
          - id: slide-{n}
            kind: big-number
            title: {{zh: 门店{n}, en: Stores {n}}}
            figures: [stores-{n}]
            notes: {{zh: 讲解。, en: Say this.}}
        """


def write_chapters(folder: Path, count: int, word: str | None = "{zh: 章, en: Chapter}", **numbers: str) -> Path:
    """A deck of an untitled introduction and `count` numbered sections; `numbers` overrides a number line
    (chapter_3="number: 4")."""
    folder.mkdir()
    names = ["intro.yaml", *(f"chapter-{n}.yaml" for n in range(1, count + 1))]
    write(
        folder / "intro.yaml",
        """\
        id: intro
        title: {zh: 导言, en: Introduction}
        slides:
          - {id: opening, kind: title, title: {zh: 开场, en: Opening}, notes: {zh: 开场。, en: Opening.}}
        """,
    )
    for n in range(1, count + 1):
        write(folder / f"chapter-{n}.yaml", chapter(n, numbers.get(f"chapter_{n}")))
    write(folder / "article.txt", "\n".join(f"第{n}年门店占比为{n * 5}%。" for n in range(1, count + 1)) + "\n")
    deck = [
        "id: chains",
        "title: {zh: 连锁店, en: A chain of stores}",
        "languages: [en, zh]",
        "source: {file: article.txt, title: {zh: 原文, en: The article}}",
        *([f"section_word: {word}"] if word else []),
        f"sections: [{', '.join(names)}]",
    ]
    write(folder / "deck.yaml", "\n".join(deck) + "\n")
    return folder


def questions(folder: Path) -> list[dict]:
    result = run_casebook("questions", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def pdf_text(folder: Path, out: Path, *args: str) -> str:
    result = run_casebook("export", str(folder), "--format", "pdf", "--out", str(out), "--quiet", *args)
    assert result.returncode == 0, result.stderr
    (pdf,) = out.glob("*.pdf")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout


def problems(folder: Path) -> list[str]:
    result = run_casebook("validate", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stdout.splitlines() + result.stderr.splitlines() if re.match(r".+:\d+:\d+: ", line)]


# ---- slides -----------------------------------------------------------------------------------------------


def test_twelve_chapters_validate_and_head_their_slides_with_the_decks_noun(tmp_path):
    folder = write_chapters(tmp_path / "chains", 12)
    result = run_casebook("validate", str(folder))
    assert result.returncode == 0 and "13 sections" in result.stdout, result.stdout + result.stderr
    english = pdf_text(folder, tmp_path / "en", "--slides", "13", "--lang", "en")
    assert "Chapter 12 · Story twelve" in english
    chinese = pdf_text(folder, tmp_path / "zh", "--slides", "13", "--lang", "zh")
    assert "第十二章 · 章节12" in chinese, "a one-character noun takes 第 before the number"


def test_a_deck_that_names_no_noun_has_parts(tmp_path):
    folder = write_chapters(tmp_path / "chains", 2, word=None)
    assert "Part 2 · Story two" in pdf_text(folder, tmp_path / "en", "--slides", "3", "--lang", "en")
    assert "部分二 · 章节2" in pdf_text(folder, tmp_path / "zh", "--slides", "3", "--lang", "zh")


@pytest.mark.parametrize(("lang", "header"), [("zh", "支柱一 · "), ("en", "Pillar 1 · ")])
def test_the_bundled_deck_still_says_pillar(tmp_path, lang, header):
    first = next(n for n, s in enumerate(load_deck(BUNDLED).deck.slides, 1) if s.id.startswith("p1-"))
    assert header in pdf_text(BUNDLED, tmp_path / lang, "--slides", str(first), "--lang", lang)


# ---- questions --------------------------------------------------------------------------------------------


def test_which_chapter_questions_use_the_noun_and_every_chapter_up_to_twelve(tmp_path):
    asked = [q for q in questions(write_chapters(tmp_path / "chains", 12)) if q["kind"] == "section"]
    assert len(asked) == 12, "one 'which chapter?' question a figure"
    assert {q["pillar"] for q in asked} == set(range(1, 13))
    for q in asked:
        assert "which chapter is this figure from?" in q["prompt"]["en"]
        assert "下面这个数字出自哪一章？" in q["prompt"]["zh"], "a counter takes 一, not 个"
        right = q["choices"][q["answer"]]
        number = q["pillar"]
        assert right["en"].endswith(f"Story {WORDS[number - 1]}") and right["zh"].endswith(f"章节{number}")
    twelfth = next(q for q in asked if q["pillar"] == 12)
    assert twelfth["choices"][twelfth["answer"]] == {"en": "12 · Story twelve", "zh": "十二、章节12"}


def test_a_deck_of_one_numbered_section_asks_no_which_section_question(tmp_path):
    bank = questions(write_chapters(tmp_path / "chains", 1))
    assert bank and all(q["kind"] != "section" for q in bank)
    assert {q["pillar"] for q in bank} == {1}


def test_the_bundled_decks_questions_keep_their_ids(tmp_path):
    asked = [q for q in questions(BUNDLED) if q["kind"] == "section"]
    assert asked and all(q["id"].startswith("pillar:") for q in asked), "progress is keyed on these ids"
    assert all("which pillar is this figure from?" in q["prompt"]["en"] for q in asked)


def test_the_printed_quiz_groups_by_the_decks_noun(tmp_path):
    text = pdf_text(write_chapters(tmp_path / "chains", 3), tmp_path / "quiz", "--quiz", "--lang", "en")
    assert "grouped by chapter" in text and "Which chapter is the figure from?" in text
    assert "III · Story three" in text
    chinese = pdf_text(write_chapters(tmp_path / "zh", 3), tmp_path / "quiz-zh", "--quiz", "--lang", "zh")
    assert "按章分组" in chinese and "这个数字出自哪一章？" in chinese


# ---- mistakes ---------------------------------------------------------------------------------------------


def test_a_deck_still_writing_pillar_is_told_to_write_number(tmp_path):
    folder = write_chapters(tmp_path / "chains", 2, chapter_2="pillar: 2")
    (line,) = problems(folder)
    assert re.match(r".+chapter-2\.yaml:2:\d+: pillar: write 'number: 2' instead", line), line


def test_a_gap_in_the_numbers_is_one_problem_naming_the_number_expected(tmp_path):
    folder = write_chapters(tmp_path / "chains", 5, chapter_3="number: 4", chapter_4="number: 5", chapter_5="number: 6")
    (line,) = problems(folder)
    assert re.match(r".+chapter-3\.yaml:2:9: number: expected 3, got 4", line), line


@pytest.mark.parametrize("number", ["number: 0", "number: -2", "number: 1.5", "number: first"])
def test_a_number_that_is_not_a_count_is_refused(tmp_path, number):
    (line,) = problems(write_chapters(tmp_path / "chains", 1, chapter_1=number))
    assert re.match(r".+chapter-1\.yaml:2:9: number: expected", line), line


# ---- the self-study window --------------------------------------------------------------------------------


@pytest.fixture
def chapters(tmp_path):
    return load_deck(write_chapters(tmp_path / "chains", 12)).deck


def open_quiz(qtbot, store, deck) -> QuizWindow:
    window = QuizWindow(deck, build_bank(deck), store, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_quiz_window_practises_one_chapter_and_scores_by_chapter(qtbot, store, chapters):
    window = open_quiz(qtbot, store, chapters)
    assert window.mastery.rowCount() == 12
    button = window.mode_buttons["section"]
    assert button.text() == "2  This chapter only" and button.isVisible()
    window.section_choice.setCurrentIndex(11)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.question.section == 12
    question = window.question
    if question.is_numeric:
        qtbot.keyClicks(window.entry, f"{question.answer.value:g}")
        qtbot.keyClick(window.entry, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(window, "ABCD"[question.answer])
        qtbot.keyClick(window, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.summary_page
    summary = window.summary_page.text.text()
    assert "Score: 1 of 1" in summary and "By chapter" in summary and "12. Story twelve" in summary


def test_a_deck_without_numbered_sections_offers_no_section_practice(qtbot, store, tmp_path):
    folder = write_chapters(tmp_path / "chains", 1, chapter_1="")
    deck = load_deck(folder).deck
    window = open_quiz(qtbot, store, deck)
    assert not window.mode_buttons["section"].isVisible() and not window.section_choice.isVisible()
    assert window.mode_buttons["due"].isVisible()
