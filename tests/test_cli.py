"""The command line is a contract: verbs, help, exit codes, and the bundled deck from anywhere."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import DECK_FILES, REPO, run_casebook, write

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
        ("questions", ["--json", "--seed", "--flagged"]),
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


# The command line at its edges: each case a user met, through the real command


def one_line(text: str) -> str:
    """The only line of an error output (fails if there are more)."""
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


def test_version_prints_the_one_version_string():
    import desktop

    result = run_casebook("--version")
    assert result.returncode == 0
    assert result.stdout == f"casebook {desktop.__version__}\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are a Linux matter")
@pytest.mark.parametrize("verb", ["present", "quiz"])
def test_a_window_without_a_display_is_refused_in_one_line(monkeypatch, verb):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    result = run_casebook(verb)
    assert result.returncode == 2
    assert one_line(result.stderr) == (
        "casebook: no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "to write the slides to files instead: casebook export [DECK] --out DIR"
    )


def test_questions_prints_json_without_asking_for_the_flag():
    import json

    plain, flagged = run_casebook("questions"), run_casebook("questions", "--json")
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout) == json.loads(flagged.stdout)


@pytest.mark.parametrize("verb", [[], ["present"], ["quiz"], ["export"], ["validate"], ["questions"]])
def test_every_option_says_what_it_does(verb):
    result = run_casebook(*verb, "--help")
    assert result.returncode == 0
    listed = result.stdout.split("\n\n")
    entries = re.split(r"\n(?=  \S)", next(part for part in listed if part.startswith("options:")))[1:]
    assert entries, result.stdout
    for entry in entries:
        first, *more = entry.splitlines()
        assert len(re.split(r"\s{2,}", first.strip())) > 1 or more, f"no help for {first.strip()}"


@pytest.fixture
def my_case(tmp_path, monkeypatch):
    """A deck beside a working folder, settings kept apart, and a window that quits after its first paint."""
    (tmp_path / "my-case").mkdir()
    for name, text in DECK_FILES.items():
        write(tmp_path / "my-case" / name, text)
    (tmp_path / "work").mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("CASEBOOK_QUIT_AFTER_PAINT", "1")
    return tmp_path / "work"


def test_a_deck_given_without_a_verb_is_presented(my_case):
    import configparser

    result = run_casebook("../my-case", cwd=my_case)
    assert result.returncode == 0, result.stderr
    settings = configparser.ConfigParser()
    settings.read(my_case.parent / "config" / "Casebook" / "Casebook.conf")
    assert Path(settings["General"]["recent"]).resolve() == my_case.parent / "my-case"


def test_a_word_that_is_neither_a_verb_nor_a_folder_is_named(my_case):
    result = run_casebook("valdate", cwd=my_case)
    assert result.returncode == 2
    assert one_line(result.stderr) == (
        "casebook: 'valdate' is neither a verb (present, quiz, export, validate, questions, new, draft, guide) "
        "nor a deck folder"
    )


@pytest.mark.parametrize(
    ("slide", "message"),
    [
        ("0", "casebook present: argument --slide: '0' is not a slide number (the first slide is 1)"),
        ("99", "casebook: --slide 99: the deck has 1 slide"),
    ],
)
def test_a_slide_the_deck_does_not_have_is_a_usage_error(my_case, slide, message):
    result = run_casebook("present", "../my-case", "--slide", slide, cwd=my_case)
    assert result.returncode == 2
    assert one_line(result.stderr).startswith(message)


def test_a_bad_flag_is_one_line_naming_the_help():
    result = run_casebook("export", "--out", "x", "--size", "huge")
    assert result.returncode == 2
    assert one_line(result.stderr) == (
        "casebook export: argument --size: 'huge' is not a size like 1920x1080 (at most 7680x4320) "
        "(see casebook export --help)"
    )


def test_validate_a_file_that_is_not_a_deck_yaml_says_so():
    result = run_casebook("validate", "README.md")
    assert result.returncode == 2
    assert one_line(result.stderr) == (
        "casebook: README.md is not a deck.yaml (give a deck folder, or the deck.yaml in it)"
    )
    assert result.stdout == ""


def test_a_python_without_the_packages_says_how_to_run_casebook():
    # -S: no site-packages, as the system's python3 outside the project's venv
    result = subprocess.run(
        [sys.executable, "-S", "-s", str(REPO / "main.py"), "validate"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert one_line(result.stderr) == (
        f"casebook: this Python ({sys.executable}) lacks the package 'yaml': run .venv/bin/python main.py, "
        f"or install Casebook for it with: {sys.executable} -m pip install ."
    )


# A bug that gets through: exit 3 and one line naming a log of it, never a traceback


@pytest.fixture
def planted_bug(tmp_path, monkeypatch):
    """Runs `code` at start-up in the next casebook process (a sitecustomize), to break it from outside."""

    def plant(code: str) -> None:
        hooks = tmp_path / "hooks"
        hooks.mkdir()
        (hooks / "sitecustomize.py").write_text(textwrap.dedent(code), encoding="utf-8")
        monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(hooks), str(REPO)]))

    return plant


def logged_bug(stderr: str, tmp_path: Path) -> str:
    """The text of the log that the one line on stderr names, which must be in the user data folder."""
    match = re.fullmatch(r"casebook: a bug in Casebook; details in (\S+)\. Please report it\.", one_line(stderr))
    assert match, stderr
    log = Path(match[1])
    assert log.parent == tmp_path / "user-data" / "logs"
    return log.read_text(encoding="utf-8")


def test_a_bug_in_a_verb_exits_3_with_its_traceback_in_a_log(planted_bug, tmp_path):
    planted_bug(
        """
        import desktop.deck.validate

        def read_section(*args):
            raise RuntimeError("planted by the test")

        desktop.deck.validate.read_section = read_section
        """
    )
    result = run_casebook("validate")
    assert result.returncode == 3
    log = logged_bug(result.stderr, tmp_path)
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: planted by the test" in log
    assert "validate" in log.splitlines()[1], "the log names the command"


def test_a_bug_inside_the_window_is_told_once_and_the_talk_goes_on(planted_bug, tmp_path, monkeypatch):
    planted_bug(
        """
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        import desktop.ui.window

        start = desktop.ui.window.PresentationWindow.start

        def broken_start(window, index):
            start(window, index)

            def fail():
                raise RuntimeError("planted in a slot")

            def after():
                print("still presenting:", window.isVisible(), window.statusBar().currentMessage(), flush=True)
                QApplication.quit()

            for slot in (fail, fail, after):
                QTimer.singleShot(0, slot)

        desktop.ui.window.PresentationWindow.start = broken_start
        """
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    result = run_casebook("present", "--slide", "2")
    assert result.returncode == 3
    said = [line for line in result.stderr.splitlines() if line.startswith("casebook")]  # offscreen Qt adds notes
    log = logged_bug("\n".join(said), tmp_path)
    assert "RuntimeError: planted in a slot" in log
    assert "Traceback" not in result.stderr
    assert result.stdout == f"still presenting: True {said[0]}\n", "the window stays and shows the line too"


def test_validate_starts_without_what_it_does_not_need():
    # Each of these cost validate's start-up time: Qt and charts, the progress store, the JSON of questions,
    # difflib (only a typo needs it), and shutil with bz2 and lzma (argparse's help formatter pulls them in);
    # argparse itself (validate takes only decks), and dataclasses and typing (inspect, ast and dis with them).
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(REPO / "main.py"), "validate"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    imported = {line.rpartition("|")[2].strip() for line in result.stderr.splitlines()}
    assert "desktop.deck.validate" in imported
    unneeded = {"PySide6", "pyqtgraph", "sqlite3", "json", "difflib", "shutil", "bz2", "lzma", "desktop.quiz"}
    unneeded |= {"argparse", "dataclasses", "typing", "inspect"}
    assert imported & unneeded == set()


def test_ctrl_c_stops_a_command_without_a_traceback(planted_bug):
    planted_bug(
        """
        import desktop.deck.validate

        def read_section(*args):
            raise KeyboardInterrupt  # as if Ctrl+C were pressed while the deck is read

        desktop.deck.validate.read_section = read_section
        """
    )
    result = run_casebook("validate")
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "")


def _first_line_then_close(*args: str) -> tuple[str, subprocess.CompletedProcess]:
    """`casebook ARGS | head -1`: the reader takes one line and goes away while Casebook still writes."""
    command = [sys.executable, str(REPO / "main.py"), *args]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO) as process:
        first = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read()
        process.wait(timeout=120)
    return first, subprocess.CompletedProcess(command, process.returncode, "", stderr)


@pytest.mark.parametrize("verb", ["validate", "questions"])
def test_a_reader_that_stops_early_gets_no_complaint(deck_dir, verb):
    # Thousands of slides without notes: far more warnings than a pipe holds, so the reader leaves mid-write.
    slide = "  - {id: s%d, kind: bullets, title: {zh: 要点, en: Points}, bullets: [{zh: 一, en: One}]}"
    part = (deck_dir / "part.yaml").read_text(encoding="utf-8")
    write(deck_dir / "part.yaml", part + "\n".join(slide % i for i in range(3000)) + "\n")
    first, result = _first_line_then_close(verb, str(deck_dir))
    assert first.strip(), "the reader got its line"
    assert result.stderr == ""
    assert result.returncode == 0
