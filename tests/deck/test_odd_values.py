"""Odd but possible decks: validate refuses, on one line at its place, what no slide can show; every verb shows
the rest. Each case once crashed a verb with a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_casebook
from tests.decks import QUIZ_SLIDE, small_deck, write_deck
from tests.decks import figure_yaml as figure

LIMITS = "numbers up to ±1,000,000,000,000, at most 15 digits, 6 of them after the point"


def problem_lines(folder: Path) -> tuple[int, list[str], str]:
    """validate in a real process: exit code, the problem lines (file name only), stderr."""
    result = run_casebook("validate", str(folder))
    lines = result.stdout.splitlines()[:-1]
    return result.returncode, [line.removeprefix(f"{folder}/") for line in lines], result.stderr


@pytest.mark.parametrize(
    ("value", "shown", "reason"),
    [
        ("1e999", "1e999", "is beyond what a slide can show"),
        ("-1e999", "-1e999", "is beyond what a slide can show"),
        ("9" * 400, "9" * 39 + "…", "is beyond what a slide can show"),
        ("9" * 5000, "9" * 39 + "…", "is beyond what a slide can show"),  # past what Python parses as an int
        ("1000000000001", "1000000000001", "is beyond what a slide can show"),
        ("0.1234567", "0.1234567", "has more digits than a slide can show"),
        ("123456789012.1234", "123456789012.1234", "has more digits than a slide can show"),
    ],
)
def test_a_number_no_slide_can_show_is_refused_at_its_place(tmp_path, value, shown, reason):
    code, lines, stderr = problem_lines(small_deck(tmp_path / "odd", figure("asked", value)))
    assert (code, stderr) == (1, "")
    assert lines == [f"part.yaml:5:12: value: '{shown}' {reason} ({LIMITS})"]


def test_the_largest_and_finest_numbers_allowed_are_shown(tmp_path):
    figures = figure("asked", "1000000000000") + figure("fine", "-0.000001", role="change")
    figures += figure("long", "12345678901.1234") + figure("tiny", "[0.000001, 0.000002]", qualifier="range")
    deck = small_deck(tmp_path / "odd", figures)
    assert run_casebook("validate", str(deck)).returncode == 0
    bank = json.loads(run_casebook("questions", "--json", str(deck)).stdout)
    answers = {q["id"]: q["answer"] for q in bank if q["kind"] == "numeric"}
    assert answers["numeric:asked"]["value"] == 10**12
    assert answers["numeric:fine"]["value"] == 0.000001
    assert answers["numeric:long"]["value"] == 12345678901.1234


def test_a_derived_figure_beyond_what_a_slide_shows_is_refused(tmp_path):
    figures = figure("asked", "1000000000000") + figure("fall", "-1000000000000", role="change")
    figures += "  - {id: gap, derived: asked - fall, unit: 条, measures: 差, role: change}\n"
    code, lines, _ = problem_lines(small_deck(tmp_path / "odd", figures))
    assert (code, lines) == (
        1,
        [f"part.yaml:16:5: derived figure 'gap': 2000000000000 is beyond what a slide can show ({LIMITS})"],
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ('"part\\0.yaml"', "section file: control character U+0000 is not allowed (a slide cannot show it); remove it"),
        ("x" * 300 + ".yaml", "section file: '" + "x" * 39 + "…' cannot be opened: File name too long"),
        ("loop.yaml", "section file: 'loop.yaml' is a symbolic link that loops"),
    ],
)
def test_a_section_file_name_no_file_can_have_is_a_deck_problem(tmp_path, name, message):
    deck = small_deck(tmp_path / "odd", figure("asked", "5"), sections=f"[{name}]")
    (deck / "loop.yaml").symlink_to("loop.yaml")
    code, lines, stderr = problem_lines(deck)
    assert (code, lines, stderr) == (1, [f"deck.yaml:4:12: {message}"], "")


@pytest.mark.parametrize("kind", ["quiz", "big-number"])
def test_figure_for_figures_is_one_misspelt_key(tmp_path, kind):
    slide = QUIZ_SLIDE.replace("kind: quiz", f"kind: {kind}").replace("figures:", "figure:")
    code, lines, stderr = problem_lines(small_deck(tmp_path / "odd", figure("asked", "5"), slide))
    assert (code, stderr) == (1, "")
    assert lines == [f"part.yaml:14:5: {kind} slide: unknown key 'figure'; did you mean 'figures'?"]


@pytest.mark.parametrize(("character", "code"), [("\x01", "U+0001"), ("\x00", "U+0000"), ("\x7f", "U+007F")])
def test_a_control_character_is_reported_on_one_line_where_it_is(tmp_path, character, code):
    deck = small_deck(tmp_path / "odd", figure("asked", "5").replace("一句话。", f"一句{character}话。"))
    status, lines, stderr = problem_lines(deck)
    assert (status, stderr) == (1, "")
    assert lines == [f"part.yaml:9:15: YAML syntax: character {code} is not allowed in a YAML file; delete it"]


@pytest.mark.parametrize(("escape", "code"), [("\\x01", "U+0001"), ("\\x1b", "U+001B"), ("\\u0085", "U+0085")])
def test_a_control_character_written_as_an_escape_is_refused_where_it_is(tmp_path, escape, code):
    slide = QUIZ_SLIDE.replace("title: {zh: 检查, en: Check}", f'title: {{zh: 检查, en: "Ch{escape}eck"}}')
    status, lines, stderr = problem_lines(small_deck(tmp_path / "odd", figure("asked", "5"), slide))
    assert (status, stderr) == (1, "")
    message = f"title (en): control character {code} is not allowed (a slide cannot show it); remove it"
    assert lines == [f"part.yaml:13:25: {message}"]


def test_a_level_below_zero_is_asked_with_its_minus_sign(tmp_path):
    deck = small_deck(tmp_path / "odd", figure("loss", "-3", unit="亿元"), QUIZ_SLIDE.replace("asked", "loss"))
    result = run_casebook("questions", str(deck))
    assert result.returncode == 0, result.stderr
    (recall,) = [q for q in json.loads(result.stdout) if q["id"] == "recall:loss"]
    right = recall["choices"][recall["answer"]]
    assert (right["zh"], right["en"]) == ("−3亿元", "−¥0.3 bn"), "a loss is never shown as a gain"
    assert all(choice["zh"].startswith("−") for choice in recall["choices"]), "no choice gives the sign away"


def export(deck: Path, out: Path, *more: str):
    result = run_casebook("export", str(deck), "--out", str(out), *more)
    assert "Traceback" not in result.stderr
    return result


def test_a_quiz_on_a_zero_with_nothing_to_borrow_from_exports(tmp_path):
    deck = small_deck(tmp_path / "odd", figure("asked", "0"))
    (tmp_path / "png").mkdir()
    assert export(deck, tmp_path / "png").returncode == 0
    assert [p.name for p in (tmp_path / "png").iterdir()] == ["01-check.png"]
    bank = json.loads(run_casebook("questions", "--json", str(deck)).stdout)
    recall = next(q for q in bank if q["id"] == "recall:asked")
    assert recall["choices"][recall["answer"]]["en"] == "0" and len(recall["choices"]) == 4


def test_a_quiz_on_a_range_of_falls_exports(tmp_path):
    deck = small_deck(tmp_path / "odd", figure("asked", "[-5, -3]", "'%'", "change", qualifier="range"))
    (tmp_path / "png").mkdir()
    assert export(deck, tmp_path / "png").returncode == 0


def test_quiz_slides_on_figures_other_sections_also_state_export(tmp_path):
    """The generated deck's sections each ask about a figure measured alike: the bank cannot ask it alone."""
    deck = write_deck(tmp_path / "generated", slides=21)
    (tmp_path / "png").mkdir()
    result = export(deck, tmp_path / "png", "--slides", "11,21")
    assert result.returncode == 0
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == ["11-s1-slide-10.png", "21-s2-slide-10.png"]


def test_a_composition_with_a_range_for_a_part_validates_and_is_asked(tmp_path):
    figures = figure("asked", "[3, 5]", "'%'", qualifier="range") + figure("rest", "95", "'%'")
    pairs = "        - {label: x, before: asked, after: rest}\n        - {label: y, before: rest, after: asked}\n"
    chart = f"    chart:\n      kind: composition\n      pairs:\n{pairs}"
    slide = QUIZ_SLIDE.replace("kind: quiz", "kind: chart").replace("    figures: [asked]\n", chart)
    deck = small_deck(tmp_path / "odd", figures, slide)
    result = run_casebook("validate", str(deck))
    assert (result.returncode, result.stderr) == (0, "")
    result = run_casebook("questions", "--json", str(deck))
    assert (result.returncode, result.stderr) == (0, "")
    assert "grew-most:check" not in {q["id"] for q in json.loads(result.stdout)}  # a range grows by no one number


def test_ranges_beside_numbers_are_asked_without_arithmetic_on_them(tmp_path):
    """A before-after chart from a range to a share, a benchmark against a range: no question subtracts them."""
    figures = figure("asked", "[3, 5]", "'%'", "before", qualifier="range") + figure("after", "40", "'%'", "after")
    pairs = "        - {label: x, before: asked, after: after}\n"
    chart = f"    chart:\n      kind: before-after\n      pairs:\n{pairs}"
    bench = "        - {label: y, ours: after, theirs: asked, ours_name: us, theirs_name: them}\n"
    slides = QUIZ_SLIDE.replace("kind: quiz", "kind: chart").replace("    figures: [asked]\n", chart)
    slides += slides.replace("id: check", "id: versus").replace("before-after", "benchmark").replace(pairs, bench)
    result = run_casebook("questions", "--json", str(small_deck(tmp_path / "odd", figures, slides)))
    assert (result.returncode, result.stderr) == (0, "")
    assert {q["kind"] for q in json.loads(result.stdout)} == {"recall", "numeric"}


def test_a_quiz_on_a_change_of_a_trillion_points_exports(tmp_path):
    deck = small_deck(tmp_path / "odd", figure("asked", "-1000000000000", "pp", "change"))
    (tmp_path / "png").mkdir()
    assert export(deck, tmp_path / "png").returncode == 0


def test_a_table_of_one_column_exports_and_one_of_none_is_refused(tmp_path):
    table = "tables:\n  - id: list\n    columns: [{zh: 名单, en: List}]\n    rows: [[a], [b]]\nslides:\n"
    slide = QUIZ_SLIDE.replace("kind: quiz", "kind: table").replace("figures: [asked]", "table: list")
    deck = small_deck(tmp_path / "odd", figure("asked", "5"), slide)
    (deck / "part.yaml").write_text((deck / "part.yaml").read_text().replace("slides:\n", table), encoding="utf-8")
    (tmp_path / "png").mkdir()
    assert export(deck, tmp_path / "png").returncode == 0
    (deck / "part.yaml").write_text((deck / "part.yaml").read_text().replace("[{zh: 名单, en: List}]", "[]"))
    code, lines, _ = problem_lines(deck)
    assert (code, lines) == (1, ["part.yaml:12:14: columns: a table needs at least one column"])


def test_a_printed_quiz_with_a_single_question_in_a_part_exports(tmp_path):
    deck = small_deck(tmp_path / "odd", figure("asked", "[3, 5]", qualifier="range"))
    (tmp_path / "pdf").mkdir()
    assert export(deck, tmp_path / "pdf", "--quiz").returncode == 0
    assert [p.name for p in (tmp_path / "pdf").iterdir()] == ["odd-quiz.pdf"]


def test_a_composition_of_a_whole_of_zero_is_refused(tmp_path):
    """Its chart divided by zero inside Qt's layout: export died with a segmentation fault, no traceback."""
    pairs = "      pairs:\n        - {label: x, before: asked, after: asked}\n"
    chart = f"    chart:\n      kind: composition\n      total: 0\n{pairs}"
    slide = QUIZ_SLIDE.replace("kind: quiz", "kind: chart").replace("    figures: [asked]\n", chart)
    code, lines, _ = problem_lines(small_deck(tmp_path / "odd", figure("asked", "0"), slide))
    assert (code, lines) == (1, ["part.yaml:16:14: total: the parts make up a whole of more than 0, not 0"])
