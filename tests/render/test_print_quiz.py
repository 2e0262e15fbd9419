"""The printed quiz as a teacher hands it out: `export --quiz`, read back from the PDF's text."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import REPO, run_casebook

DOUYIN, BREWLINE = REPO / "content" / "douyin-exit-matrix", REPO / "content" / "brewline-coffee"
LETTERS = "ABCDEFGH"
NUMBER = re.compile(r"^\s*(\d+)\.(?:\s|$)", re.MULTILINE)


def squeeze(text: str) -> str:
    """Text without any white space: a line wrapped in the PDF still matches the question's text."""
    return re.sub(r"\s+", "", text)


class Printed:
    """One printed quiz: its pages' text, each question's text and key entry, and the bank entry it prints."""

    def __init__(self, deck: Path, out: Path, lang: str, seed: str = "", *options: str) -> None:
        chosen = ("--seed", seed) if seed else ()
        result = run_casebook("export", str(deck), "--quiz", "--out", str(out), "--lang", lang, *chosen, *options)
        assert result.returncode == 0, result.stderr
        (self.path,) = out.glob("*-quiz.pdf")
        self.pages = len(PdfReader(self.path).pages)
        text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(self.path), "-"], capture_output=True)
        self.texts = text.stdout.decode().split("\f")
        self.cover = self.texts[0]
        key = next(n for n, page in enumerate(self.texts) if ("每题的答案" in page or "Answer key" in page) and n)
        end = next((n for n in range(key, len(self.texts)) if _sources(self.texts[n])), len(self.texts))
        self.key_page, self.sources_page = key, end
        self.questions = _numbered("\n".join(self.texts[1:key]))
        self.key = _numbered("\n".join(self.texts[key:end]))
        bank = json.loads(run_casebook("questions", str(deck), "--json", "--seed", seed or "0").stdout)
        self.asked = [_which(bank, text, lang) for text in self.questions]
        self.lang = lang


def _sources(page: str) -> bool:
    return "本文件中出现的每一个数字" in page or re.search(r"^\s*Sources\b", page, re.MULTILINE) is not None


def _numbered(text: str) -> list[str]:
    """The text of each numbered entry, 1, 2, 3 … in order (a number out of order is the entry's own text)."""
    entries, n, start = [], 1, None
    for match in NUMBER.finditer(text):
        if int(match[1]) == n:
            if start is not None:
                entries.append(text[start : match.start()])
            start, n = match.end(), n + 1
    if start is not None:
        entries.append(text[start:])
    return entries


def _which(bank: list[dict], printed: str, lang: str) -> dict:
    """The bank's question that a printed one is: its prompt (but the fill-in line) and its choices are all there."""
    flat = squeeze(printed)
    found = [
        q
        for q in bank
        if all(squeeze(line) in flat for line in q["prompt"][lang].split("\n") if "___" not in line)
        and all(squeeze(f"{LETTERS[i]}.{c[lang]}") in flat for i, c in enumerate(q["choices"]))
        and bool(q["choices"]) == ("A." in flat)
    ]
    assert len(found) == 1, (printed, [q["id"] for q in found])
    return found[0]


def answer(q: dict, lang: str) -> str:
    """What a student must find: the right choice, or the number (with its unit) the key gives."""
    if q["choices"]:
        return q["choices"][q["answer"]][lang]
    first = q["explanation"][lang].split("\n")[0]
    shown = re.split(r"[（(。]|\.$|\. ", first.split("：" if lang == "zh" else ": ", 1)[1])[0]
    return re.sub(r"^(超|约|more than |about )", "", shown)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[tuple[str, str], Printed]:
    """Both bundled decks in each of their languages, with the default number of questions."""
    out = tmp_path_factory.mktemp("printed")
    cases = [("douyin", DOUYIN, "zh"), ("douyin", DOUYIN, "en"), ("brewline", BREWLINE, "en")]
    return {(name, lang): Printed(deck, out / f"{name}-{lang}", lang) for name, deck, lang in cases}


def test_a_printed_quiz_fits_16_pages_with_its_sources(printed):
    for case, quiz in printed.items():
        assert quiz.pages <= 16, (case, quiz.pages)


def test_a_printed_quiz_asks_24_questions_by_default(printed):
    for case, quiz in printed.items():
        assert len(quiz.questions) == 24, case


def test_questions_and_seed_choose_how_many_and_which(tmp_path, printed):
    ten = Printed(DOUYIN, tmp_path / "ten", "en", "1", "--questions", "10")
    assert len(ten.questions) == len(ten.key) == 10
    other = Printed(DOUYIN, tmp_path / "other", "en", "2")
    assert {q["id"] for q in other.asked} != {q["id"] for q in printed["douyin", "en"].asked}


def test_no_fact_is_asked_twice(printed):
    """A fill-in and a choice on one figure, or 'which section' on a figure asked already, would be one question."""
    for case, quiz in printed.items():
        figures = [q["id"].split(":", 1)[1] for q in quiz.asked if q["kind"] != "pair"]
        assert len(figures) == len(set(figures)), (case, sorted(f for f in figures if figures.count(f) > 1))
        tables = [q["id"].rsplit(":", 1)[0] for q in quiz.asked if q["kind"] == "pair"]
        assert len(tables) == len(set(tables)), case


def test_no_question_shows_another_ones_answer(printed):
    for case, quiz in printed.items():
        for n, q in enumerate(quiz.asked):
            if q["kind"] == "section":
                continue  # every which-section question lists the sections
            shown = re.compile(rf"(?<![\d.]){re.escape(squeeze(answer(q, quiz.lang)))}(?!\d)")
            for m, text in enumerate(quiz.questions):
                assert m == n or not shown.search(squeeze(text)), (case, q["id"], quiz.asked[m]["id"])


def test_a_balanced_mix_of_kinds(printed):
    for case, quiz in printed.items():
        kinds = [q["kind"] for q in quiz.asked]
        assert 1 <= kinds.count("section") <= 4, case
        assert kinds.count("recall") >= 6 and kinds.count("numeric") >= 6, case
        assert sum(k not in ("recall", "numeric", "section") for k in kinds) >= 2, case


def test_fill_ins_have_room_to_write(printed):
    for case, quiz in printed.items():
        for q, text in zip(quiz.asked, quiz.questions, strict=True):
            if not q["choices"]:
                assert re.search(r"_{20,}", text), (case, q["id"])


def test_the_key_gives_every_answer_with_its_source(printed):
    for case, quiz in printed.items():
        assert len(quiz.key) == len(quiz.questions), case
        for q, entry in zip(quiz.asked, quiz.key, strict=True):
            flat = squeeze(entry)
            assert squeeze(answer(q, quiz.lang)).lower() in flat.lower(), (case, q["id"])
            if q["choices"]:
                assert flat.startswith(LETTERS[q["answer"]]), (case, q["id"])
        assert quiz.key_page < quiz.sources_page < len(quiz.texts), "the sources come after the key"


def test_the_cover_says_nothing_internal(printed, tmp_path):
    for case, quiz in printed.items():
        assert not re.search(r"版本|[Vv]ersion|seed|题目顺序", quiz.cover), case
    version = Printed(DOUYIN, tmp_path / "b", "zh", "1")
    assert "B 卷" in version.cover and "B 卷" in version.texts[version.key_page], "the key says which version it is"


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--quiz", "--questions", "0"], "'0' is not a number of questions"),
        (["--quiz", "--questions", "500"], "--questions 500: only "),
        (["--questions", "10"], "use them with --quiz"),
        (["--seed", "1", "--handout"], "use them with --quiz"),
    ],
)
def test_a_question_count_the_deck_cannot_print_is_said_in_one_line(tmp_path, options, said):
    result = run_casebook("export", str(BREWLINE), "--out", str(tmp_path / "out"), *options)
    assert result.returncode == 2
    assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
