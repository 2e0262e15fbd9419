"""Every mistake in a deck gets one FILE:LINE:COL line, exit code 1, and no traceback."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import DECK_FILES, run_casebook, write

PART = textwrap.dedent(DECK_FILES["part.yaml"])
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def validate(deck: Path, capsys) -> tuple[int, list[re.Match]]:
    """Exit code and the parsed problem lines (the last line is the summary)."""
    code = main(["validate", str(deck)])
    out = capsys.readouterr().out.splitlines()
    problems = [LINE.match(line) for line in out[:-1]]
    assert all(problems), f"not FILE:LINE:COL: {out}"
    assert out[-1].startswith(f"{deck}: ")
    return code, problems


def only_problem(deck: Path, capsys) -> re.Match:
    code, problems = validate(deck, capsys)
    assert code == 1
    assert len(problems) == 1, [p.group(0) for p in problems]
    return problems[0]


def edit_part(deck: Path, old: str, new: str) -> str:
    assert old in PART
    text = PART.replace(old, new, 1)
    write(deck / "part.yaml", text)
    return text


def test_the_template_deck_is_valid(deck_dir, capsys):
    code, problems = validate(deck_dir, capsys)
    assert (code, problems) == (0, [])


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("number: 1", "number: three", "number: three", "number: expected a whole number, got 'three'"),
        ("number: 1", "number: 9", "number: 9", "number: expected 1, got 9"),
        ("    role: before", "    rolle: before", "rolle", "figure: unknown key 'rolle'; did you mean 'role'?"),
        ("value: 52", "value: lots", "value: lots", "value: expected a number, got 'lots'"),
        ("kind: before-after", "kind: before-afterr", "before-afterr", "'before-afterr' is not one of"),
        ("before: ads-2019, after", "before: ads-2091, after", "ads-2091", "no figure 'ads-2091'; did you mean"),
        (
            "- id: ads-chart",
            "- id: ads-2019",
            "- id: ads-2019\n    kind",
            "duplicate id 'ads-2019' (already a figure at part.yaml:5)",
        ),
        ("en: Less reliance on ads}", "}", "title: {zh: 广告依赖下降, }", "title: missing key 'en'"),
        ('period: "2019"', "period: last year", "period: last", "period: 'last year' is not like 2019"),
        ("derived: ads-2023 - ads-2019", "derived: ads-2023 * 2", "derived:", "derived: 'ads-2023 * 2' is not like"),
        ("value: 84", "value: 48", "- id: ads-2019", "figure 'ads-2019': '48%' does not appear in its source"),
        (
            "的84%降至2023年的52%。\n  - id: ads-2023",
            "的84%。\n  - id: ads-2023",
            "- id: ads-2019",
            "source sentence is not in",
        ),
        ("  - id: ads-chart", "  - id: ads-chart\n    id: again", "id: again", "slide: duplicate key 'id'"),
    ],
)
def test_a_mistake_points_at_its_line(deck_dir, capsys, old, new, needle, message):
    text = edit_part(deck_dir, old, new)
    problem = only_problem(deck_dir, capsys)
    assert problem["file"].endswith("part.yaml")
    assert int(problem["line"]) == line_of(text, needle)
    assert message in problem["message"]


def test_yaml_syntax_error_gives_line_and_column(deck_dir, capsys):
    text = edit_part(deck_dir, "title: {zh: 商业变现, en: Monetisation}", "title: {zh: 商业变现, en: [Monetisation}")
    problem = only_problem(deck_dir, capsys)
    assert problem["message"].startswith("YAML syntax:")
    assert int(problem["line"]) == line_of(text, "title: {zh: 商业")


def test_python_tags_are_refused_and_never_run(deck_dir, capsys, tmp_path):
    marker = tmp_path / "pwned"
    text = edit_part(deck_dir, "number: 1", f'number: !!python/object/apply:os.system ["touch {marker}"]')
    problem = only_problem(deck_dir, capsys)
    assert "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in problem["message"]
    assert int(problem["line"]) == line_of(text, "number: !!python")
    assert not marker.exists()


def test_an_alias_bomb_is_refused(deck_dir, capsys):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    write(deck_dir / "part.yaml", "\n".join(bomb) + "\n")
    problem = only_problem(deck_dir, capsys)
    assert "aliases expand to more than" in problem["message"]


def test_non_utf8_bytes_point_at_the_byte(deck_dir, capsys):
    write(deck_dir / "part.yaml", PART.encode("utf-8").replace("商业变现".encode(), b"\xc9\xcc\xd2\xb5"))
    problem = only_problem(deck_dir, capsys)
    assert "not UTF-8 (byte 0xc9)" in problem["message"]
    assert (int(problem["line"]), int(problem["col"])) == (line_of(PART, "商业变现"), 13)


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_an_empty_file_says_so(deck_dir, capsys, text):
    write(deck_dir / "part.yaml", text)
    assert "file is empty" in only_problem(deck_dir, capsys)["message"]


def test_a_40_mb_file_is_refused_without_reading_it(deck_dir, capsys):
    with open(deck_dir / "part.yaml", "wb") as file:
        file.truncate(40 * 1024 * 1024)
    assert "is 41.9 MB; at most 1 MB is read" in only_problem(deck_dir, capsys)["message"]


def test_a_path_may_not_leave_the_deck(deck_dir, capsys):
    write(deck_dir.parent / "outside.yaml", PART)
    write(deck_dir / "deck.yaml", DECK_FILES["deck.yaml"].replace("[part.yaml]", "[part.yaml, ../outside.yaml]"))
    problem = only_problem(deck_dir, capsys)
    assert problem["file"].endswith("deck.yaml")
    assert "'../outside.yaml' is outside the deck folder" in problem["message"]


def test_a_missing_section_file_is_named(deck_dir, capsys):
    write(deck_dir / "deck.yaml", DECK_FILES["deck.yaml"].replace("[part.yaml]", "[part.yaml, prat.yaml]"))
    problem = only_problem(deck_dir, capsys)
    assert "section file: 'prat.yaml' not found in tiny/; did you mean 'part.yaml'?" in problem["message"]


def test_every_problem_in_every_file_in_one_run(deck_dir, capsys):
    deck_yaml = textwrap.dedent(DECK_FILES["deck.yaml"])
    write(deck_dir / "deck.yaml", deck_yaml.replace("languages: [zh, en]", "languages: [zh, en]\ntheme: neon"))
    edit_part(deck_dir, "number: 1", "number: 30")
    code, problems = validate(deck_dir, capsys)
    assert code == 1
    assert [Path(p["file"]).name for p in problems] == ["deck.yaml", "part.yaml"]


def test_a_derived_figure_is_computed_and_a_cycle_reported(deck_dir, capsys):
    from desktop.deck import load_deck

    assert load_deck(deck_dir).deck.figures["ads-change"].value == -32
    edit_part(deck_dir, "derived: ads-2023 - ads-2019", "derived: ads-2023 - ads-change")
    assert "derived figure 'ads-change' depends on itself" in only_problem(deck_dir, capsys)["message"]


def test_warnings_keep_exit_code_zero(deck_dir, capsys):
    text = edit_part(deck_dir, "    notes: {zh: 讲解。, en: Say this.}\n", "")
    code, problems = validate(deck_dir, capsys)
    assert code == 0
    assert [p["message"] for p in problems] == ["warning: slide 'ads-chart' has no speaker notes"]
    assert int(problems[0]["line"]) == line_of(text, "- id: ads-chart")


def test_a_composition_that_does_not_add_up_is_a_warning(deck_dir, capsys):
    edit_part(deck_dir, "kind: before-after", "kind: composition")
    code, problems = validate(deck_dir, capsys)
    assert code == 0
    messages = [p["message"] for p in problems]
    assert messages == [
        "warning: composition: the before parts add up to 84, not 100",
        "warning: composition: the after parts add up to 52, not 100",
    ]


def test_a_qualifier_the_source_contradicts_is_a_warning(deck_dir, capsys):
    write(
        deck_dir / "part.yaml",
        PART.replace(
            "slides:",
            "  - {id: gtv, value: 200, unit: 亿元, measures: GTV, role: level,\n"
            "     source: 2023年本地生活GTV突破200亿元。}\n"
            "slides:",
        ),
    )
    code, problems = validate(deck_dir, capsys)
    assert code == 0
    assert "the source says '突破200亿元'; qualifier should be more-than" in problems[0]["message"]


def test_a_deck_that_is_not_there_is_a_usage_error(tmp_path):
    result = run_casebook("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"casebook: {tmp_path / 'nowhere'}: no deck here (expected a folder with deck.yaml, or a deck.yaml)"
    ]


def test_no_traceback_reaches_the_user_in_a_real_process(deck_dir):
    write(deck_dir / "part.yaml", b"id: [\xff\n")
    result = run_casebook("validate", str(deck_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[0].endswith("part.yaml:1:6: file is not UTF-8 (byte 0xff); save it as UTF-8")


def test_a_timeline_event_that_repeats_its_figure_is_a_warning(deck_dir, capsys):
    timeline = (
        "  - id: history\n    kind: timeline\n    title: 历史\n    notes: {zh: 讲解。, en: Say this.}\n"
        "    events:\n      - {period: '2019', label: '广告占{ads-2019}', figure: ads-2019}\n"
    )
    write(deck_dir / "part.yaml", PART + timeline)
    code, problems = validate(deck_dir, capsys)
    assert code == 0
    assert [p["message"] for p in problems] == [
        "warning: event: the label cites 'ads-2019', which the event shows already"
    ]
    assert int(problems[0]["line"]) == line_of(PART + timeline, "{period: '2019'")


def test_a_quiz_slide_must_ask_about_a_stated_figure(deck_dir, capsys):
    quiz = "  - id: check\n    kind: quiz\n    title: 检查\n    notes: {zh: 讲解。, en: Say this.}\n"
    quiz += "    figures: [ads-change]\n"
    write(deck_dir / "part.yaml", PART + quiz)
    problem = only_problem(deck_dir, capsys)
    assert problem["message"] == "quiz slide: ask about a figure the article states, not a derived one"
    assert int(problem["line"]) == line_of(PART + quiz, "- id: check")
