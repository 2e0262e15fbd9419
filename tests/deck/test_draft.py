"""`casebook draft ARTICLE --out FOLDER`: the figures an article states, with their sentences, as a deck skeleton."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bench.draft import measure
from tests.conftest import REPO, run_casebook, write
from tests.full_disk import run_with_file_limit

BUNDLED = REPO / "content" / "douyin-exit-matrix"

COFFEE = """\
# Brewline Coffee: from franchising to owned stores

Brewline Coffee began in Portland in 2009 as a single kiosk. By 2019 it had become a franchise network.

## Where the money comes from
Brewline earned $12.4 million in Q3 2023, up from $9.8 million a year earlier. More than 40% of sales now come \
through its app.

## Stores
From 2019 to 2023, the chain grew to 9,000 stores in 14 countries. An owned store makes 3 to 5 times the margin of \
a franchised one.

## Members
The loyalty programme has about 7.9 million members. Average waits fell from 7.5 minutes to 4 minutes.

| Measure | 2019 | 2023 |
|---|---|---|
| Franchised share of stores | 85% | 40% |
"""

NUMBERS_ZH = """\
一、规模
1. 门店数量从1,200家增至3,450家。
2023年营收约12.5亿元，同比增长３～５倍。
会员占比达６２．５％，较2020年提升8个百分点。
二、效率
平均等待时长为3-5分钟，复购率超过45%，在同业中排名第二。
"""


def draft(tmp_path: Path, article: str, name: str = "article.txt") -> tuple[Path, list[dict]]:
    """Drafts `article` through the command line; the deck folder and its figures, in order."""
    source = write(tmp_path / name, article)
    out = tmp_path / "deck"
    result = run_casebook("draft", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return out, figures_in(out)


def figures_in(folder: Path) -> list[dict]:
    deck = yaml.safe_load((folder / "deck.yaml").read_text(encoding="utf-8"))
    sections = [yaml.safe_load((folder / name).read_text(encoding="utf-8")) for name in deck["sections"]]
    return [figure for section in sections for figure in section.get("figures", [])]


def stated(figures: list[dict]) -> set[tuple]:
    """(value, unit, qualifier, period) of each figure, a range's value as a tuple."""
    return {
        (tuple(f["value"]) if isinstance(f["value"], list) else f["value"], f.get("unit"), f.get("qualifier", "exact"))
        + (f.get("period"),)
        for f in figures
    }


def test_on_the_bundled_article_it_finds_nine_in_ten_stated_figures_with_their_sentences(tmp_path):
    out = tmp_path / "douyin"
    result = run_casebook("draft", str(BUNDLED / "source.zh.txt"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    found = measure(out, BUNDLED)
    print(f"recall {found.recall:.0%}, precision {found.precision:.0%}")
    print("missed:", *found.misses, sep="\n  ")
    print("not figures of the deck:", *found.extras, sep="\n  ")
    assert found.recall >= 0.9
    assert found.stated >= 45  # the ground truth is the deck's stated figures, not an empty list


def test_on_the_english_bundled_article_it_finds_every_number_with_its_sentence(tmp_path):
    brewline = REPO / "content" / "brewline-coffee"
    out = tmp_path / "brewline"
    assert run_casebook("draft", str(brewline / "source.en.txt"), "--out", str(out)).returncode == 0
    found = measure(out, brewline)
    # The misses left are the author's choice of unit: "$1.05 billion" kept as $1,050 million, "1.1 million" counted
    # in "million members"; the same number and sentence are in the draft.
    assert found.drafted == found.stated == 31 and found.recall >= 0.85, found.misses
    drafted = yaml.safe_load((out / "part-2.yaml").read_text(encoding="utf-8"))["figures"]
    units = {str(f["value"]): f.get("unit") for f in drafted}
    assert units["610"] == "franchised stores", "a participle describes the thing counted"
    assert units["[3, 4]"] == "years", "a range keeps its unit"


def test_a_draft_validates_but_for_its_todos_each_at_its_line_and_clean_once_they_are_filled(tmp_path):
    out = tmp_path / "douyin"
    assert run_casebook("draft", str(BUNDLED / "source.zh.txt"), "--out", str(out)).returncode == 0
    result = run_casebook("validate", str(out))
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines()[:-1] if ": warning: " not in line]
    todo = re.compile(r"(.+\.yaml):(\d+):\d+: TODO: (say what this figure measures|give the figure's role: .*)\Z")
    assert errors and all(todo.match(line) for line in errors), result.stdout
    for line in errors:
        file, number, message = todo.match(line).groups()
        written = Path(file).read_text(encoding="utf-8").splitlines()[int(number) - 1]
        assert written.strip().startswith("measures: TODO" if message.startswith("say") else "role: TODO")
    assert len(errors) == 2 * len(figures_in(out))
    # The values, units, qualifiers and sentences it wrote pass every check once an author fills in the TODOs
    # (here with the role it guessed in a comment).
    for section in out.glob("*.yaml"):
        text = re.sub(r"role: TODO  # (\w+)\?", r"role: \1", section.read_text(encoding="utf-8"))
        section.write_text(text.replace("measures: TODO", "measures: x"), encoding="utf-8")
    filled = run_casebook("validate", str(out))
    assert filled.returncode == 0, filled.stdout


def test_an_english_article_becomes_an_english_deck_with_its_own_figures_units_and_periods(tmp_path):
    out, figures = draft(tmp_path, COFFEE, "brewline.txt")
    assert stated(figures) >= {
        (12.4, "$m", "exact", "2023Q3"),
        (9.8, "$m", "exact", None),
        (40, "%", "more-than", None),
        (9000, "stores", "exact", "2019→2023"),
        (14, "countries", "exact", "2019→2023"),
        ((3, 5), "×", "range", None),
        (7900000, "members", "about", None),
        (7.5, "minutes", "exact", None),
        (4, "minutes", "exact", None),
        (85, "%", "exact", "2019"),
        (40, "%", "exact", "2023"),
    }
    assert len(figures) == 11  # the years (2009, 2019, 2023) are periods, not figures
    sources = {f["value"] if not isinstance(f["value"], list) else 3: f["source"] for f in figures}
    assert sources[12.4] == "Brewline earned $12.4 million in Q3 2023, up from $9.8 million a year earlier."
    assert sources[7900000] == "The loyalty programme has about 7.9 million members."
    assert sources[85] == "| Franchised share of stores | 85% | 40% |"
    deck = yaml.safe_load((out / "deck.yaml").read_text(encoding="utf-8"))
    assert deck["languages"] == ["en"]
    assert deck["title"] == "Brewline Coffee: from franchising to owned stores"
    assert deck["source"]["file"] == "source.en.txt"
    assert (out / "source.en.txt").read_text(encoding="utf-8") == COFFEE
    titles = [yaml.safe_load((out / name).read_text(encoding="utf-8"))["title"] for name in deck["sections"]]
    assert titles == [deck["title"], "Where the money comes from", "Stores", "Members"]  # the intro, then by heading


def test_chinese_numbers_keep_their_decimals_thousands_full_width_signs_and_ranges(tmp_path):
    out, figures = draft(tmp_path, NUMBERS_ZH)
    assert stated(figures) == {
        (1200, "家", "exact", None),
        (3450, "家", "exact", None),
        (12.5, "亿元", "about", "2023"),
        ((3, 5), "×", "range", "2023"),
        (62.5, "%", "exact", None),
        (8, "pp", "exact", "2020"),
        ((3, 5), "分钟", "range", None),
        (45, "%", "more-than", None),
        (2, None, "rank", None),
    }  # neither the list's "1." nor the years are figures
    sources = {f["source"] for f in figures}
    assert sources >= {"会员占比达６２．５％，较2020年提升8个百分点。", "1. 门店数量从1,200家增至3,450家。"}
    deck = yaml.safe_load((out / "deck.yaml").read_text(encoding="utf-8"))
    assert (deck["languages"], deck["sections"]) == (["zh"], ["part-1.yaml", "part-2.yaml"])


def test_a_bullets_slide_a_section_cites_its_figures_where_the_article_states_them(tmp_path):
    out, _ = draft(tmp_path, NUMBERS_ZH)
    section = yaml.safe_load((out / "part-2.yaml").read_text(encoding="utf-8"))
    assert section["slides"] == [
        {
            "id": "part-2-figures",
            "kind": "bullets",
            "title": "效率",
            "bullets": ["平均等待时长为{p2-f1}，复购率超过{p2-f2:value}，在同业中排名{p2-f3}。"],
            "figures": ["p2-f1", "p2-f2", "p2-f3"],
        }
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a UTF-8 text file"),
        ("Caf\xe9 sales rose 5%.".encode("latin-1"), "not a UTF-8 text file"),
        (b" \n\n", "is empty"),
        (b"---\n|---|\n", "no sentences"),
    ],
    ids=["missing", "binary", "latin-1", "empty", "only-rules"],
)
def test_an_article_it_cannot_read_is_one_line_and_nothing_is_written(tmp_path, content, message):
    article = tmp_path / "article.txt"
    if content is not None:
        article.write_bytes(content)
    result = run_casebook("draft", str(article), "--out", str(tmp_path / "deck"))
    assert result.returncode == 2
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert not (tmp_path / "deck").exists()


def test_an_out_folder_that_holds_files_is_refused_and_left_alone(tmp_path):
    article = write(tmp_path / "article.txt", COFFEE)
    out = tmp_path / "deck"
    out.mkdir()
    write(out / "notes.md", "mine")
    result = run_casebook("draft", str(article), "--out", str(out))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "not an empty folder" in result.stderr
    assert [p.name for p in out.iterdir()] == ["notes.md"]
    (out / "notes.md").unlink()  # an empty folder is fine
    assert run_casebook("draft", str(article), "--out", str(out)).returncode == 0


BIKES = """\
Pedalway: Scaling a Bike-Share Network

Pedalway launched in Lisbon in March 2018 with 250 bikes.

1. Growth
Revenue reached €41.5m in FY2023, up 64% year on year. The fleet now counts 42,000 bikes, of which around 60% are \
electric. Each e-bike costs €1,450; maintenance eats up to 22% of revenue per bike.

2. Competition
Pedalway is the No. 2 operator in Europe. Its rival runs more than 55,000 bikes. Costs fell by 10-15% in 2023.
"""


def test_english_money_ranks_fiscal_years_and_falls(tmp_path):
    _, figures = draft(tmp_path, BIKES)
    assert stated(figures) == {
        (250, "bikes", "exact", "2018"),
        (41.5, "€m", "exact", "2023"),
        (64, "%", "exact", "2023"),
        (42000, "bikes", "exact", None),
        (60, "%", "about", None),
        (1450, "€", "exact", None),
        (22, "%", "about", None),  # "up to": no qualifier says "at most"; "about" is the nearest honest one
        (2, None, "rank", None),
        (55000, "bikes", "more-than", None),
        ((10, 15), "%", "range", "2023"),
    }


def test_every_heading_gets_its_own_section_even_when_two_read_alike(tmp_path):
    out, figures = draft(tmp_path, "## Sales\nSales rose 5%.\n## Costs\nCosts rose 5%.\n## Sales\nSales rose 5%.\n")
    deck = yaml.safe_load((out / "deck.yaml").read_text(encoding="utf-8"))
    assert deck["sections"] == ["part-1.yaml", "part-2.yaml", "part-3.yaml"]
    assert [f["id"] for f in figures] == ["p1-f1", "p2-f1", "p3-f1"]


def test_on_a_full_disk_it_says_so_in_one_line_and_leaves_no_half_drafted_deck(tmp_path):
    out = tmp_path / "deck"
    result = run_with_file_limit(4000, "draft", str(BUNDLED / "source.zh.txt"), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"casebook: cannot write {out}: File too large"]
    assert list(tmp_path.iterdir()) == []
