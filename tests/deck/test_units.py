"""Units and numbers that belong to the case: any unit, known ones per language, the article's own forms."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from tests.conftest import run_casebook, write

ARTICLE = """\
Brewline opened 9,000 stores by 2023.
Revenue reached $7.9 million, 110% of its 2022 level.
An order takes 7 minutes from till to cup.
Franchised stores fell from 85 percent of the chain in 2019 to 40 per cent in 2023.
A new store pays back in 3 to 5 years.
The loyalty club has 7.9 million members.
The average ticket is $5.80.
"""

FIGURES = """\
  - {id: stores, value: 9000, unit: stores, measures: stores, role: level,
     source: "Brewline opened 9,000 stores by 2023."}
  - {id: revenue, value: 7.9, unit: "$m", measures: revenue, role: level,
     source: "Revenue reached $7.9 million, 110% of its 2022 level."}
  - {id: revenue-index, value: 110, unit: "%", measures: revenue against 2022, role: level,
     source: "Revenue reached $7.9 million, 110% of its 2022 level."}
  - {id: order-time, value: 7, unit: min, measures: time to serve, role: level,
     source: "An order takes 7 minutes from till to cup."}
  - {id: franchised-2019, value: 85, unit: "%", period: "2019", measures: franchised share, role: before,
     source: "Franchised stores fell from 85 percent of the chain in 2019 to 40 per cent in 2023."}
  - {id: franchised-2023, value: 40, unit: "%", period: "2023", measures: franchised share, role: after,
     source: "Franchised stores fell from 85 percent of the chain in 2019 to 40 per cent in 2023."}
  - {id: franchised-change, derived: franchised-2023 - franchised-2019, unit: pp, measures: change, role: change}
  - {id: payback, value: [3, 5], unit: years, qualifier: range, measures: payback, role: level,
     source: "A new store pays back in 3 to 5 years."}
  - {id: members, value: 7900000, measures: members, role: level,
     source: "The loyalty club has 7.9 million members."}
  - {id: ticket, value: 5.80, unit: $, measures: average ticket, role: level,
     source: "The average ticket is $5.80."}
"""

BULLETS = "{stores}; {revenue}; {revenue-index}; {order-time}; {payback}; {members}; {franchised-change}; {ticket}"


def write_deck(folder: Path, figures: str = FIGURES, article: str = ARTICLE, bullets: str = BULLETS) -> Path:
    """A coffee chain's deck, its article in English, its figures in the chain's own units."""
    folder.mkdir()
    write(
        folder / "deck.yaml",
        """\
        id: brewline
        title: {zh: 布鲁咖啡, en: Brewline Coffee}
        languages: [en, zh]
        source: {file: article.txt, title: {zh: 原文, en: The article}}
        sections: [part.yaml]
        """,
    )
    write(folder / "article.txt", article)
    part = textwrap.dedent(
        """\
        id: part
        number: 1
        title: {zh: 直营, en: Going direct}
        figures:
        FIGURES
        slides:
          - id: facts
            kind: bullets
            title: {zh: 数字, en: The figures}
            bullets:
              - {zh: "BULLETS", en: "BULLETS"}
            notes: {zh: 讲解。, en: Say this.}
        """
    )
    write(folder / "part.yaml", part.replace("FIGURES\n", figures).replace("BULLETS", bullets))
    return folder


def pdf_text(deck: Path, out: Path, lang: str) -> str:
    result = run_casebook("export", str(deck), "--format", "pdf", "--out", str(out), "--lang", lang, "--quiet")
    assert result.returncode == 0, result.stderr
    return "\n".join(page.extract_text() for page in PdfReader(out / "brewline.pdf").pages)


def validate(deck: Path, capsys) -> tuple[int, list[str]]:
    """Exit code and the problems `validate` prints (FILE:LINE:COL: message), without its summary line."""
    code = main(["validate", str(deck)])
    return code, capsys.readouterr().out.splitlines()[:-1]


def only_problem(deck: Path, capsys) -> str:
    code, problems = validate(deck, capsys)
    assert code == 1 and len(problems) == 1, problems
    return problems[0]


def test_a_case_in_its_own_units_validates(tmp_path):
    result = run_casebook("validate", str(write_deck(tmp_path / "brewline")))
    assert result.returncode == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stdout


def test_known_units_read_in_each_language_and_unknown_ones_as_written(tmp_path):
    deck = write_deck(tmp_path / "brewline")
    english = " ".join(pdf_text(deck, tmp_path / "en", "en").split())
    for shown in ("9,000 stores", "$7.9 million", "110%", "7 min", "3–5 years", "7,900,000", "$5.80"):
        assert shown in english, shown
    chinese = " ".join(pdf_text(deck, tmp_path / "zh", "zh").split())
    for shown in ("9000 stores", "7.9百万美元", "110%", "7分钟", "3-5年", "7900000", "5.80美元"):
        assert shown in chinese, shown


def test_a_computed_change_keeps_its_sign(tmp_path):
    # The article with % signs: the Casebook before units were free read those too, and failed only here.
    shares = "".join(f"  - {{{figure}\n" for figure in FIGURES.split("  - {") if "franchised" in figure)
    shares = shares.replace(" percent", "%").replace(" per cent", "%")
    article = "Franchised stores fell from 85% of the chain in 2019 to 40% in 2023.\n"
    deck = write_deck(tmp_path / "brewline", shares, article, "{franchised-change}")
    assert "−45 pp = 40% − 85%" in " ".join(pdf_text(deck, tmp_path / "en", "en").split())
    assert "−45个百分点 = 40% − 85%" in " ".join(pdf_text(deck, tmp_path / "zh", "zh").split())


@pytest.mark.parametrize(
    ("value", "unit", "sentence"),
    [
        (9000, "stores", "It runs 9000 stores."),
        (9000, "stores", "It runs 9 000 stores."),
        (7900000, None, "The club has 790万 members."),
        (790, "万", "The club has 7.9 million members."),
        (12, "亿元", "Revenue was RMB 1.2 billion."),
        (7, "分钟", "An order takes 7 min."),
        (7, "分钟", "一杯咖啡7分钟。"),
        (45, "%", "Margins are 45%."),
        ([3, 5], "×", "Sales grew 3–5 times."),
        ([3, 5], "×", "Sales grew 3-5 times."),
    ],
)
def test_the_source_check_reads_the_forms_an_article_uses(tmp_path, capsys, value, unit, sentence):
    unit_line = f", unit: {json.dumps(unit)}" if unit else ""
    qualifier = ", qualifier: range" if isinstance(value, list) else ""
    figures = f'  - {{id: it, value: {value}{unit_line}{qualifier}, measures: it, role: level, source: "{sentence}"}}\n'
    deck = write_deck(tmp_path / "deck", figures, sentence + "\n", "{it}")
    assert validate(deck, capsys) == (0, [])


@pytest.mark.parametrize(
    ("value", "unit", "sentence", "shown"),
    [
        (48, "%", "Margins are 84%.", "'48%'"),
        (200, "stores", "It runs 1,200 stores.", "'200 stores'"),
        (12, "亿元", "营收12万元。", "'12亿元'"),
    ],
)
def test_a_number_typed_wrong_is_still_caught(tmp_path, capsys, value, unit, sentence, shown):
    figures = (
        f'  - {{id: it, value: {value}, unit: {json.dumps(unit)}, measures: it, role: level, source: "{sentence}"}}\n'
    )
    deck = write_deck(tmp_path / "deck", figures, sentence + "\n", "{it}")
    problem = only_problem(deck, capsys)
    assert problem.startswith(f"{deck / 'part.yaml'}:5:5: figure 'it': {shown} does not appear in its source")


@pytest.mark.parametrize("unit", ['" "', '"cups\\na day"'])
def test_a_unit_of_spaces_or_lines_is_a_deck_problem(tmp_path, capsys, unit):
    figures = f'  - {{id: it, value: 7, unit: {unit}, measures: it, role: level, source: "It takes 7 minutes."}}\n'
    deck = write_deck(tmp_path / "deck", figures, "It takes 7 minutes.\n", "{it}")
    assert only_problem(deck, capsys).startswith(f"{deck / 'part.yaml'}:5:30: unit: expected a unit on one line")


def test_only_a_part_of_a_composition_is_held_to_100_percent(tmp_path, capsys):
    deck = write_deck(tmp_path / "brewline")
    part = (deck / "part.yaml").read_text(encoding="utf-8")
    composition = """\
  - id: mix
    kind: chart
    title: {zh: 构成, en: Mix}
    chart:
      kind: composition
      pairs:
        - {label: {zh: 收入, en: Revenue}, before: franchised-2019, after: revenue-index}
    notes: {zh: 讲解。, en: Say this.}
"""
    write(deck / "part.yaml", part + composition)
    code, problems = validate(deck, capsys)
    errors = [p for p in problems if ": warning: " not in p]  # the parts add up to 85 and 110, not 100
    assert code == 1
    assert errors == [
        f"{deck / 'part.yaml'}:9:5: figure 'revenue-index': 110% is outside 0–100 (a part of a composition)"
    ]


@pytest.mark.parametrize(("lang", "typed"), [("en", "35"), ("en", "3.5万"), ("zh", "3.5")])
def test_a_typed_answer_is_read_at_the_scale_the_question_shows(qtbot, store, tmp_path, lang, typed):
    from PySide6.QtCore import Qt

    from desktop.deck import load_deck
    from desktop.quiz.generate import build_bank
    from desktop.ui.quiz_window import QuizWindow

    fee = (
        "  - {id: fee, value: 3.5, unit: 万元, measures: {zh: 加盟费, en: fee}, role: level, source: 加盟费3.5万元。}\n"
    )
    deck = load_deck(write_deck(tmp_path / "deck", fee, "加盟费3.5万元。\n", "{fee}")).deck
    window = QuizWindow(deck, [q for q in build_bank(deck) if q.is_numeric], store, lang)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert ("¥___k" if lang == "en" else "___万元") in window.prompt.text()  # 3.5万元 is ¥35k in English
    window.entry.setText(typed)  # as an input method puts 万 in: QTest cannot type it
    qtbot.keyClick(window.entry, Qt.Key.Key_Return)
    assert window.verdict.text().startswith("✓")
