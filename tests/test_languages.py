"""Any languages: a deck in English only, or in French and English, says so everywhere a user looks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import run_casebook, write

ARTICLE = "Brewline Coffee's own stores made 35% of its sales in 2019 and 80% in 2023.\n"
SECTION = """\
    id: stores
    title: {en: From franchises to own stores}
    figures:
      - id: own-2019
        value: 35
        unit: "%"
        period: "2019"
        measures: {en: own stores' share of sales}
        role: before
        source: Brewline Coffee's own stores made 35% of its sales in 2019 and 80% in 2023.
      - id: own-2023
        value: 80
        unit: "%"
        period: "2023"
        measures: {en: own stores' share of sales}
        role: after
        source: Brewline Coffee's own stores made 35% of its sales in 2019 and 80% in 2023.
    slides:
      - id: shift
        kind: chart
        title: {en: The chain runs its own stores now}
        chart:
          kind: before-after
          pairs:
            - {label: {en: Own stores}, before: own-2019, after: own-2023}
        notes: {en: Say this.}
      - id: ask
        kind: quiz
        title: {en: A question}
        figures: [own-2023]
        notes: {en: Ask it.}
    """


def english_deck(folder: Path, source: str = "file: source.en.txt", languages: tuple[str, ...] = ("en",)) -> Path:
    """A deck about an English article; a language other than English has the English words marked '(fr)'."""
    folder.mkdir()
    write(folder / re.search(r"file: ([^,}]+)", source)[1], ARTICLE)

    def texts(yaml: str) -> str:
        each = ", ".join(f"{lang}: \\1{'' if lang == 'en' else f' ({lang})'}" for lang in languages)
        return re.sub(r"\{en: ([^}]*)\}", "{" + each + "}", yaml)

    write(folder / "stores.yaml", texts(SECTION))
    title = texts("{en: Brewline Coffee}")
    write(
        folder / "deck.yaml",
        f"id: brewline\ntitle: {title}\nlanguages: [{', '.join(languages)}]\n"
        f"source: {{{source}, title: {title}}}\nsections: [stores.yaml]\n",
    )
    return folder


def questions(folder: Path) -> list[dict]:
    result = run_casebook("questions", str(folder), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def pdf_text(path: Path) -> str:
    """The PDF's text layer, its runs of white space as one space each (pypdf writes spaces as tabs)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def pdf_fonts(path: Path) -> set[str]:
    """The base names of the fonts the PDF's pages use, without the subset tag ('ABCDEF+')."""
    fonts = set()
    for page in PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return fonts


@pytest.mark.parametrize("languages", ["[en]", "[fr, en]", "[zh]", "[pt-BR]"])
def test_a_deck_may_be_in_any_languages(tmp_path, languages):
    folder = tmp_path / "deck"
    folder.mkdir()
    codes = languages.strip("[]").split(", ")
    text = "{" + ", ".join(f"{code}: Hello" for code in codes) + "}"
    write(folder / "part.yaml", f"id: part\ntitle: {text}\nslides:\n  - {{id: a, kind: title, title: {text}}}\n")
    write(folder / "deck.yaml", f"id: d\ntitle: {text}\nlanguages: {languages}\nsections: [part.yaml]\n")
    result = run_casebook("validate", str(folder))
    assert result.returncode == 0 and "0 errors" in result.stdout, result.stdout


def test_a_language_that_is_no_code_is_a_deck_problem_at_its_line(tmp_path):
    folder = english_deck(tmp_path / "deck", languages=("english", "en", "en"))
    result = run_casebook("validate", str(folder))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(
        re.fullmatch(r".*deck\.yaml:3:\d+: languages: 'english' is not a language code \(like en, zh.*", line)
        for line in lines
    ), lines
    assert any(line.endswith("languages: 'en' is listed twice") for line in lines), lines


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("languages: en", []),  # a list of one, written without its brackets
        (
            "languages: [english]",
            ["deck.yaml:3:13: languages: 'english' is not a language code (like en, zh, fr or pt-BR)"],
        ),
        ("languages: []", ["deck.yaml:3:12: languages: list at least one language code, e.g. [en]"]),
    ],
)
def test_a_slip_in_languages_is_one_problem_not_one_per_text(tmp_path, written, said):
    folder = english_deck(tmp_path / "deck")
    deck = folder / "deck.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("languages: [en]", written), encoding="utf-8")
    result = run_casebook("validate", str(folder))
    assert [line.partition(f"{folder.name}/")[2] for line in result.stdout.splitlines()[:-1]] == said, result.stdout
    assert result.returncode == (1 if said else 0)


def test_an_english_article_is_quoted_as_the_article_not_as_chinese(tmp_path):
    asked = questions(english_deck(tmp_path / "deck"))
    assert asked and all(list(q["prompt"]) == ["en"] and list(q["explanation"]) == ["en"] for q in asked)
    explained = [q["explanation"]["en"] for q in asked]
    assert all("Chinese" not in text for text in explained), explained
    assert any("The article: “Brewline Coffee's own stores made 35%" in text for text in explained), explained


def test_the_article_language_is_named_when_it_is_not_the_one_shown(tmp_path):
    deck = english_deck(tmp_path / "deck", source="file: article.txt, language: en", languages=("zh", "en"))
    asked = questions(deck)
    chinese = [q["explanation"]["zh"] for q in asked]
    english = [q["explanation"]["en"] for q in asked]
    assert any("原文（英文）：“Brewline" in text for text in chinese), chinese
    assert any("The article: “Brewline" in text for text in english) and not any("(in " in t for t in english)


def test_lang_outside_the_deck_is_a_one_line_usage_error_naming_its_languages(tmp_path):
    folder = english_deck(tmp_path / "deck")
    for verb in (["export", "--out", str(tmp_path / "out")], ["quiz"], ["present"]):
        result = run_casebook(verb[0], str(folder), *verb[1:], "--lang", "zh")
        assert result.returncode == 2, (verb, result.stderr)
        assert result.stderr.splitlines() == ["casebook: --lang 'zh': the deck is written in en only"]
    assert not (tmp_path / "out").exists()


def test_an_english_deck_exports_in_english_with_noto_sans_and_no_chinese(tmp_path):
    folder, out = english_deck(tmp_path / "deck"), tmp_path / "out"
    for extra in ([], ["--handout"], ["--quiz"]):
        result = run_casebook("export", str(folder), "--out", str(out), "--format", "pdf", *extra)
        assert result.returncode == 0, result.stderr
    for pdf in sorted(out.glob("*.pdf")):
        text = pdf_text(pdf)
        assert not re.search(r"[\u2e80-\u9fff\uff00-\uffef]", text), (pdf.name, text)
        assert "Chinese" not in text and "quoted verbatim)" in text, pdf.name
        fonts = pdf_fonts(pdf)  # DejaVu Sans only for the symbols Noto Sans lacks (−, →)
        assert "NotoSans-Regular" in fonts and all(f.startswith(("NotoSans-", "DejaVuSans")) for f in fonts), fonts
    assert "The article: “Brewline" in pdf_text(out / "brewline-quiz.pdf")


def test_a_french_and_english_deck_shows_french_with_english_app_words(tmp_path):
    folder, out = english_deck(tmp_path / "deck", languages=("fr", "en")), tmp_path / "out"
    result = run_casebook("export", str(folder), "--out", str(out), "--format", "pdf", "--lang", "fr", "--quiz")
    assert result.returncode == 0, result.stderr
    text = pdf_text(out / "brewline-quiz.pdf")
    assert "Brewline Coffee (fr)" in text and "own stores' share of sales (fr)" in text and "Answer key" in text
    assert "The article: “Brewline" in text, "a question falls back to English whole, and so reads the article as is"
    assert "(quoted verbatim, in English)" in text, "the sources of a French page name the article's language"
    asked = questions(folder)
    assert all(list(q["prompt"]) == ["fr", "en"] for q in asked)
    assert all(q["prompt"]["fr"] == q["prompt"]["en"] for q in asked), "questions fall back to English whole"


def test_a_one_language_deck_offers_no_language_switch(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.deck import load_deck
    from desktop.ui.export_dialog import ExportDialog
    from desktop.ui.settings import Settings
    from desktop.ui.window import PresentationWindow

    def language_menu(window):
        view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
        return next(a for a in view.actions() if a.text() == "&Language")

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    english = PresentationWindow(load_deck(english_deck(tmp_path / "en")).deck, settings, "en", "light", True)
    qtbot.addWidget(english)
    assert not language_menu(english).isEnabled()
    dialog = ExportDialog(english.presenting.deck, english.look(), tmp_path)  # File > Export… asks no language
    qtbot.addWidget(dialog)
    assert not dialog.lang.isEnabled() and dialog.lang.currentData() == "en"
    both = PresentationWindow(
        load_deck(english_deck(tmp_path / "fr", languages=("fr", "en"))).deck, settings, "fr", "light", True
    )
    qtbot.addWidget(both)
    menu = language_menu(both)
    assert menu.isEnabled() and [a.text() for a in menu.menu().actions()] == ["French (fr)", "English (en)"]
