"""The command line is a contract: verbs, help, exit codes, and the bundled deck from anywhere."""

from __future__ import annotations

import re

import pytest

from desktop.cli import main
from tests.conftest import REPO, run_casebook

VERBS = ("present", "quiz", "export", "validate", "questions")


def test_help_names_every_verb(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    for verb in VERBS:
        assert re.search(rf"^\s+{verb}\s+\w", out, re.MULTILINE), verb


@pytest.mark.parametrize(
    ("verb", "options"),
    [
        ("present", ["--slide", "--lang", "--theme", "--presenter", "--duration"]),
        ("quiz", ["--lang", "--data-dir"]),
        ("export", ["--out", "--format", "--size", "--steps", "--slides", "--handout", "--quiz"]),
        ("validate", ["DECK"]),
        ("questions", ["--json", "--seed"]),
    ],
)
def test_each_verb_explains_its_options(capsys, verb, options):
    with pytest.raises(SystemExit) as exit:
        main([verb, "--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    for option in options:
        assert option in out


def test_a_talk_length_that_is_not_one_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["present", "--presenter", "--duration", "soon"])
    assert exit.value.code == 2
    assert "'soon' is not a length like 45m, 1h30m or 90s" in capsys.readouterr().err


def test_questions_json_is_the_contract_and_seeds_never_change_ids_or_answers():
    import json

    first = json.loads(run_casebook("questions", "--json").stdout)
    other = json.loads(run_casebook("questions", "--json", "--seed", "7").stdout)
    assert len(first) >= 100
    fields = {"id", "pillar", "kind", "prompt", "choices", "answer", "tolerance", "explanation", "slide", "source"}
    for question in first:
        assert set(question) == fields
        assert set(question["prompt"]) == {"zh", "en"}
    assert len({q["id"] for q in first}) == len(first)
    assert sorted(q["id"] for q in first) == sorted(q["id"] for q in other)

    def answers(bank):
        return {q["id"]: q["answer"] if isinstance(q["answer"], dict) else q["choices"][q["answer"]] for q in bank}

    assert answers(first) == answers(other)
    assert [q["id"] for q in first] != [q["id"] for q in other], "a seed changes the order"


def test_quiz_refuses_a_progress_file_from_a_newer_casebook(tmp_path):
    import sqlite3

    progress = tmp_path / "douyin-exit-matrix" / "progress.db"
    progress.parent.mkdir()
    with sqlite3.connect(progress) as db:
        db.execute("PRAGMA user_version = 999")
    before = progress.read_bytes()
    result = run_casebook("quiz", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "newer" in result.stderr
    assert progress.read_bytes() == before


def test_a_bad_flag_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["export", "--out", "x", "--size", "huge"])
    assert exit.value.code == 2
    assert "'huge' is not a size like 1920x1080" in capsys.readouterr().err


def test_validate_checks_the_bundled_deck_from_any_folder(tmp_path):
    result = run_casebook("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(
        r".*douyin-exit-matrix: 11 sections, \d\d slides, \d\d figures \(\d derived\); 0 errors, 0 warnings", summary
    )


def test_validate_takes_several_decks(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert main(["validate", "content/douyin-exit-matrix", "content/authoring-guide/deck.yaml"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "content/douyin-exit-matrix",
        "content/authoring-guide/deck.yaml",
    ]


def test_present_refuses_a_broken_deck_with_its_problems(deck_dir, capsys):
    (deck_dir / "part.yaml").write_text("id: [", encoding="utf-8")
    assert main(["present", str(deck_dir)]) == 1
    assert "part.yaml:1:6: YAML syntax:" in capsys.readouterr().out
