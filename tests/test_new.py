"""`casebook new` writes a deck to start from, and `casebook guide` shows the format, as a teacher runs them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.deck import load_deck
from desktop.deck.model import CHART_KINDS, SLIDE_KINDS
from tests.conftest import REPO, run_casebook
from tests.test_languages import pdf_fonts, pdf_text
from tests.test_packaging import wheel  # noqa: F401 - the fixture: the wheel `pip install .` installs

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")  # ideographs, their punctuation
CJK_FONT = re.compile(r"CJK|WenQuanYi|Fallback|SourceHan|NotoSans(SC|TC|JP|KR)")
GUIDE = REPO / "content" / "SCHEMA.md"


def _texts(deck):
    """Every Text a student sees on the slides."""
    for slide in deck.slides:
        yield from (t for t in (slide.title, slide.notes, slide.subtitle, slide.caption, slide.quote) if t)
        yield from (*slide.bullets, *slide.questions, *(e.label for e in slide.events))


@pytest.mark.parametrize(
    ("lang", "languages", "source"),
    [("en", ("en",), "source.en.txt"), ("zh", ("zh",), "source.zh.txt"), ("zh,en", ("zh", "en"), "source.zh.txt")],
)
def test_new_writes_a_deck_that_validates_clean_in_the_languages_asked(tmp_path, lang, languages, source):
    folder = tmp_path / "brewline coffee"
    made = run_casebook("new", str(folder), "--lang", lang)
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    steps = [line.strip() for line in made.stdout.splitlines() if str(folder) in line and "main.py" in line]
    assert [step.split()[2] for step in steps] == ["validate", "present", "export"], made.stdout

    checked = run_casebook("validate", str(folder))
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.strip().endswith("0 errors, 0 warnings"), checked.stdout

    loaded = load_deck(folder)
    deck = loaded.deck
    assert deck.id == "brewline-coffee"
    assert deck.languages == languages
    assert deck.source.path.name == source
    assert {s.kind for s in deck.slides} == set(SLIDE_KINDS)
    assert {s.chart.kind for s in deck.slides if s.chart} == set(CHART_KINDS)
    assert {lang_ for t in _texts(deck) for lang_, _ in t.by_lang} == set(languages)
    assert (folder / "GUIDE.md").read_text(encoding="utf-8") == GUIDE.read_text(encoding="utf-8")
    assert "# " in (folder / "channels.yaml").read_text(encoding="utf-8"), "the comments that teach are kept"


def test_an_english_deck_shows_no_chinese_anywhere(tmp_path):
    folder = tmp_path / "case"
    assert run_casebook("new", str(folder), "--lang", "en").returncode == 0
    assert not (folder / "source.zh.txt").exists()
    seen = {"source.en.txt": (folder / "source.en.txt").read_text(encoding="utf-8")}
    seen["validate"] = run_casebook("validate", str(folder)).stdout
    seen["questions --json"] = run_casebook("questions", str(folder), "--json").stdout
    assert json.loads(seen["questions --json"])
    for kind in ("", "--handout", "--quiz"):
        out = tmp_path / f"pdf{kind}"
        exported = run_casebook("export", str(folder), "--format", "pdf", "--out", str(out), *filter(None, [kind]))
        assert exported.returncode == 0, exported.stderr
        (pdf,) = out.glob("*.pdf")
        seen[pdf.name] = pdf_text(pdf)
        fonts = pdf_fonts(pdf)
        assert fonts and not [f for f in fonts if CJK_FONT.search(f)], (pdf.name, fonts)
    assert {name: CJK.findall(text) for name, text in seen.items() if CJK.search(text)} == {}


def test_every_teaching_comment_of_the_template_is_kept_in_a_one_language_deck(tmp_path):
    folder = tmp_path / "case"
    assert run_casebook("new", str(folder), "--lang", "en").returncode == 0
    for template in sorted((REPO / "content" / "authoring-guide").glob("*.yaml")):
        comments = [line.strip() for line in template.read_text(encoding="utf-8").splitlines() if "# " in line]
        written = (folder / template.name).read_text(encoding="utf-8")
        assert comments and [c for c in comments if c.partition("# ")[2] not in written] == [], template.name


def test_the_english_briefing_is_the_chinese_one_line_for_line():
    chinese = (REPO / "content" / "authoring-guide" / "source.zh.txt").read_text(encoding="utf-8").split("\n")
    english = (REPO / "content" / "authoring-guide" / "source.en.txt").read_text(encoding="utf-8").split("\n")
    assert len(chinese) == len(english)
    assert [bool(line) for line in chinese] == [bool(line) for line in english]


def test_new_fills_an_empty_folder_and_names_a_deck_from_a_chinese_folder_name(tmp_path):
    folder = tmp_path / "我的案例"
    folder.mkdir()
    assert run_casebook("new", str(folder), "--lang", "zh").returncode == 0
    assert load_deck(folder).deck.id == "my-case"


def test_new_refuses_a_folder_that_is_not_empty_and_writes_nothing(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("my own notes", encoding="utf-8")
    refused = run_casebook("new", str(folder))
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert len(refused.stderr.splitlines()) == 1 and "not an empty folder" in refused.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_new_where_no_folder_can_be_made_is_one_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    refused = run_casebook("new", str(blocker / "deck"))
    assert refused.returncode == 2
    assert len(refused.stderr.splitlines()) == 1 and refused.stderr.startswith("casebook: cannot write")
    assert "Traceback" not in refused.stderr


def _guide(tmp_path: Path, **env: str) -> tuple[subprocess.CompletedProcess, Path]:
    """`casebook guide` with a recording stand-in for the user's browser."""
    record = tmp_path / "opened.txt"
    viewer = tmp_path / "viewer.py"
    viewer.write_text(f"import sys\nopen({str(record)!r}, 'w').write(sys.argv[1])\n", encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.update(BROWSER=f"{sys.executable} {viewer} %s", **env)
    result = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "guide"], capture_output=True, text=True, env=environment, timeout=60
    )
    return result, record


def test_guide_opens_the_authoring_guide_and_prints_where_it_is(tmp_path):
    result, record = _guide(tmp_path, DISPLAY=":0")
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.read_text(encoding="utf-8") == GUIDE.read_text(encoding="utf-8")
    assert record.read_text(encoding="utf-8") == path.as_uri()


def test_guide_without_a_display_only_prints_the_path(tmp_path):
    result, record = _guide(tmp_path)
    assert result.returncode == 0
    assert Path(result.stdout.strip()).is_file()
    assert result.stderr == ""
    assert not record.exists()


def test_after_pip_install_new_and_guide_work_from_any_folder(wheel, tmp_path):  # noqa: F811 - the fixture
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment["PYTHONPATH"] = str(site)

    def casebook(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-c", "import sys, desktop.cli; sys.exit(desktop.cli.main())", *args]
        return subprocess.run(command, capture_output=True, text=True, cwd=elsewhere, env=environment, timeout=60)

    shown = casebook("guide")
    assert shown.returncode == 0
    assert Path(shown.stdout.strip()) == site / "desktop" / "_data" / "content" / "SCHEMA.md"
    made = casebook("new", "my-case", "--lang", "en")
    assert made.returncode == 0, made.stderr
    assert "  casebook validate my-case" in made.stdout.splitlines()
    checked = casebook("validate", "my-case")
    assert checked.returncode == 0 and checked.stdout.strip().endswith("; 0 errors, 0 warnings"), checked.stdout
