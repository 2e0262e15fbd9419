"""Themes beside the built-in ones: a deck's `themes/NAME.yaml` and the user's own, checked like a section."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage

from desktop.deck import load_deck
from desktop.deck.model import Problem
from desktop.deck.themes import GRAPHIC, PAIRS, TEXT, contrast, read_theme, theme_files
from desktop.render.canvas import HEIGHT, Look
from desktop.render.charts.common import contrast_text
from desktop.render.charts.composition import palette
from desktop.render.fonts import deck_family
from desktop.render.scene import build_scene
from desktop.resources import bundled_deck
from desktop.ui.quiz_style import DESIGN_HEIGHT, QuizLook
from desktop.ui.settings import Settings
from desktop.ui.window import PresentationWindow
from tests.conftest import run_casebook, write

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")
BREW = """\
    # Brewline's colours: the dark theme, warmer. Only what changes is written.
    base: dark
    name: {zh: 咖啡, en: Brew}
    background: "#2b1d14"
    accent: "#d9822b"
    """


def user_themes() -> Path:
    """The user's theme folder of this test (conftest points CASEBOOK_CONFIG_DIR at a throwaway folder)."""
    folder = Path(os.environ["CASEBOOK_CONFIG_DIR"]) / "themes"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def use_theme(deck: Path, name: str) -> None:
    text = (deck / "deck.yaml").read_text(encoding="utf-8")
    write(deck / "deck.yaml", text.replace("languages: [zh, en]", f"languages: [zh, en]\ntheme: {name}"))


def first_slide_background(deck: Path, tmp_path: Path, *options: str) -> str:
    """The colour in the corner of slide 1, exported to PNG by the command line."""
    out = tmp_path / "png"
    result = run_casebook("export", str(deck), "--out", str(out), "--slides", "1", "--size", "320x180", *options)
    assert result.returncode == 0, result.stderr
    return QImage(str(next(out.glob("*.png")))).pixelColor(4, 4).name()


def validate(deck: Path) -> tuple[int, list[re.Match]]:
    result = run_casebook("validate", str(deck))
    lines = result.stdout.splitlines()
    problems = [LINE.match(line) for line in lines[:-1]]
    assert all(problems) and "Traceback" not in result.stderr, result.stdout + result.stderr
    return result.returncode, problems


def one_line_error(result) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_a_deck_names_its_own_theme_file_and_slides_wear_it(deck_dir, tmp_path):
    (deck_dir / "themes").mkdir()
    write(deck_dir / "themes" / "brew.yaml", BREW)
    use_theme(deck_dir, "brew")
    assert validate(deck_dir) == (0, [])
    assert first_slide_background(deck_dir, tmp_path) == "#2b1d14"


def test_a_users_own_theme_is_offered_with_every_deck(deck_dir, tmp_path):
    write(user_themes() / "chalk.yaml", 'base: light\nbackground: "#f3efe4"\n')
    assert first_slide_background(deck_dir, tmp_path, "--theme", "chalk") == "#f3efe4"


@pytest.mark.parametrize("verb", ["export", "present"])
def test_an_unknown_theme_on_the_command_line_lists_the_themes_there_are(deck_dir, tmp_path, verb):
    (deck_dir / "themes").mkdir()
    write(deck_dir / "themes" / "brew.yaml", BREW)
    write(user_themes() / "chalk.yaml", "base: light\n")
    out = ("--out", str(tmp_path / "out")) if verb == "export" else ()
    line = one_line_error(run_casebook(verb, str(deck_dir), *out, "--theme", "bruw"))
    assert line == "casebook: --theme: no theme 'bruw' (themes: light, dark, projector, brew, chalk)"
    assert not (tmp_path / "out").exists()


def test_every_mistake_in_a_deck_theme_is_at_its_line(deck_dir):
    (deck_dir / "themes").mkdir()
    theme = write(
        deck_dir / "themes" / "neon.yaml",
        """\
        name: Neon
        background: "#zzzzzz"
        accnet: "#ff00ff"
        """,
    )
    code, problems = validate(deck_dir)  # the deck does not even use it: validate checks every theme it has
    assert code == 1
    assert [(Path(p["file"]).name, int(p["line"]), int(p["col"])) for p in problems] == [
        ("neon.yaml", 1, 1),
        ("neon.yaml", 2, 13),
        ("neon.yaml", 3, 1),
    ]
    missing, colour, unknown = (p["message"] for p in problems)
    assert missing.startswith("theme: missing surface, text,") and "base: light" in missing
    assert colour == "background: '#zzzzzz' is not a colour like #1f4e79 or #fff"
    assert unknown == "theme: unknown key 'accnet'; did you mean 'accent'?"
    assert Path(problems[0]["file"]).resolve() == theme.resolve()


def test_text_too_faint_on_its_background_is_a_warning_at_its_line(deck_dir):
    (deck_dir / "themes").mkdir()
    write(deck_dir / "themes" / "fog.yaml", 'base: light\nname: Fog\ntext: "#aaaaaa"\nafter: "#eeeeee"\n')
    use_theme(deck_dir, "fog")
    code, problems = validate(deck_dir)
    assert code == 0
    assert [(Path(p["file"]).name, p["line"], p["col"]) for p in problems] == [
        ("fog.yaml", "3", "7"),
        ("fog.yaml", "4", "8"),
    ]
    text, big_numbers = (p["message"] for p in problems)
    assert text.startswith("warning: text #aaaaaa on surface #f0ede6 has a contrast of 2.0:1, below the 4.5:1")
    assert big_numbers.startswith("warning: after #eeeeee on surface #f0ede6 has a contrast of 1.0:1, below the 4.5:1")


def test_exporting_in_a_broken_theme_of_ones_own_names_its_mistakes(deck_dir, tmp_path):
    write(user_themes() / "neon.yaml", 'base: dark\naccent: "#ff00fff"\n')
    result = run_casebook("export", str(deck_dir), "--out", str(tmp_path / "out"), "--theme", "neon")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        f"{user_themes() / 'neon.yaml'}:2:9: accent: '#ff00fff' is not a colour like #1f4e79 or #fff"
    ]
    assert not (tmp_path / "out").exists()


def test_deck_yaml_may_name_only_a_theme_there_is(deck_dir):
    (deck_dir / "themes").mkdir()
    write(deck_dir / "themes" / "brew.yaml", BREW)
    use_theme(deck_dir, "brwe")
    code, problems = validate(deck_dir)
    assert code == 1
    assert problems[0]["message"] == (
        "theme: 'brwe' is not one of light, dark, projector, brew, nor a file themes/brwe.yaml in the deck; "
        "did you mean 'brew'?"
    )


def test_a_deck_naming_the_users_own_theme_is_warned_it_will_not_travel(deck_dir):
    write(user_themes() / "chalk.yaml", "base: light\n")
    use_theme(deck_dir, "chalk")
    code, problems = validate(deck_dir)
    assert code == 0
    assert (
        "theme: 'chalk' is your own" in problems[0]["message"]
        and "copy it into the deck's themes/" in (problems[0]["message"])
    )


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def open_window(qtbot, deck: Path, settings: Settings, theme: str = "light") -> PresentationWindow:
    window = PresentationWindow(load_deck(deck).deck, settings, "en", theme, reduced_motion=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start(0)
    return window


def background(window: PresentationWindow) -> str:
    return window.scene().backgroundBrush().color().name()


def test_a_broken_user_theme_is_said_once_and_the_others_still_offered(qtbot, deck_dir, settings, capfd):
    (deck_dir / "themes").mkdir()
    write(deck_dir / "themes" / "brew.yaml", BREW)
    write(user_themes() / "chalk.yaml", 'base: light\nbackground: "#f3efe4"\n')
    write(user_themes() / "broken.yaml", "base: light\ntext: red\n")
    window = open_window(qtbot, deck_dir, settings, theme="broken")  # remembered, or given by --theme
    told = capfd.readouterr().err.splitlines()
    assert len(told) == 1 and "broken.yaml:2:7: text: 'red' is not a colour" in told[0], told
    assert "theme 'broken' left out" in told[0]
    assert window.presenting.themes == ("light", "dark", "projector", "brew", "chalk")
    assert window.presenting.theme == "light" and background(window) == "#fbfaf7", "the deck's own theme instead"
    qtbot.waitUntil(lambda: window.badge.isVisible() and "broken.yaml" in window.badge.text())

    seen = []
    for _ in range(5):
        qtbot.keyClick(window, Qt.Key.Key_T)
        seen.append(background(window))
    assert seen == ["#15191f", "#ffffff", "#2b1d14", "#f3efe4", "#fbfaf7"]

    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    themes = next(a.menu() for a in view.actions() if a.text() == "&Theme")
    assert [a.text() for a in themes.actions()] == ["Light", "Dark", "Projector", "Brew", "chalk"]
    assert [a.isChecked() for a in themes.actions()] == [True, False, False, False, False]
    themes.actions()[3].trigger()
    assert background(window) == "#2b1d14"


def test_an_edit_of_the_decks_theme_shows_while_presenting(qtbot, deck_dir, settings):
    (deck_dir / "themes").mkdir()
    theme = write(deck_dir / "themes" / "brew.yaml", BREW)
    use_theme(deck_dir, "brew")
    window = open_window(qtbot, deck_dir, settings, theme="brew")
    assert background(window) == "#2b1d14"

    theme.write_text(BREW.replace("#2b1d14", "#3a2618"), encoding="utf-8")
    qtbot.waitUntil(lambda: background(window) == "#3a2618", timeout=5000)

    theme.write_text(BREW.replace("#2b1d14", "#3a26"), encoding="utf-8")
    qtbot.waitUntil(window.problems.isVisible, timeout=5000)
    assert any("brew.yaml" in line for line in window.problems.lines())
    assert background(window) == "#3a2618", "the last good version stays on screen"


EVERY_THEME = {**theme_files(None), "brew": Path("content/brewline-coffee/themes/brew.yaml")}


def shipped(name: str):
    problems: list[Problem] = []
    theme = read_theme(name, EVERY_THEME[name], problems)
    assert theme is not None and problems == [], [p.format() for p in problems]  # no contrast warning either
    return theme


@pytest.mark.parametrize("name", EVERY_THEME)
def test_every_mark_of_every_shipped_theme_reads_from_the_back_of_a_room(name):
    """WCAG AA over every pair the slides draw: text 4.5:1, bars, lines and rules 3:1 against what is behind."""
    theme = shipped(name)
    drawn = {(fore, back): needed for fore, back, needed in PAIRS}
    # What the issue found faint must be among the pairs checked, at the contrast a graphic needs at least.
    assert drawn[("before", "background")] >= GRAPHIC, "the 'before' bar"
    assert drawn[("grid", "background")] >= GRAPHIC, "the timeline's line"
    assert drawn[("grid", "surface")] >= GRAPHIC, "the rules between a table's striped rows"
    assert drawn[("muted", "background")] == drawn[("after", "surface")] == TEXT, "small text and table figures"
    ratios = {(fore, back): contrast(getattr(theme, fore), getattr(theme, back)) for fore, back, _ in PAIRS}
    faint = [f"{pair}: {ratios[pair]:.2f}:1" for pair, needed in drawn.items() if ratios[pair] < needed]
    assert faint == []
    for fill in palette(theme, 4):  # a composition's segments, and the label drawn inside each
        assert contrast(fill, theme.background) >= GRAPHIC, fill
        assert contrast(contrast_text(theme, fill), fill) >= TEXT, fill


def test_the_projector_theme_draws_the_footer_large_enough_for_the_back_row(qapp):
    deck = load_deck(bundled_deck()).deck
    family = deck_family(deck)[0]
    sizes = {}
    for name in ("light", "projector"):
        scene = build_scene(deck, 26, Look(shipped(name), "en", family))
        sizes[name] = [item.px for item in scene.footer]
    assert len(sizes["light"]) == 2, "the slide number and the source line"
    assert min(sizes["light"]) < 30 <= min(sizes["projector"]) == shipped("projector").min_text


def test_the_projector_theme_enlarges_the_quiz_windows_small_text():
    evidence = 16  # the quiz window's evidence line, at design size
    light, projector = QuizLook(shipped("light"), "sans", "en"), QuizLook(shipped("projector"), "sans", "en")
    full_hd = 1080 / DESIGN_HEIGHT
    assert light.px(evidence, full_hd) == 24
    assert projector.px(evidence, full_hd) == 30 == shipped("projector").min_text * HEIGHT // 1080
    assert projector.px(40, full_hd) == light.px(40, full_hd) == 60, "text already large stays as designed"
