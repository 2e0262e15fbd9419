"""Generated decks of any size: every slide kind, every chart kind, figures that quote a generated article.

`write_deck(folder, slides=400)` writes a deck that validates with no errors; tests and `bench/` use it
to try the app at sizes and with values the bundled deck never has.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

# One section's slides, in order: every kind the schema has, every chart kind.
SECTION_KINDS = (
    "bullets",
    "chart-before-after",
    "table",
    "big-number",
    "chart-composition",
    "timeline",
    "chart-benchmark",
    "quote",
    "discussion",
    "quiz",
)


def _q(text: str) -> str:
    """A YAML scalar that is always text (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _text(zh: str, en: str, languages: tuple[str, ...]) -> str:
    parts = {"zh": zh, "en": en}
    return "{" + ", ".join(f"{lang}: {_q(parts[lang])}" for lang in languages) + "}"


class _Section:
    def __init__(self, number: int, rng: random.Random, languages: tuple[str, ...]) -> None:
        self.number, self.rng, self.languages = number, rng, languages
        self.figures: list[str] = []
        self.sentences: list[str] = []

    def t(self, zh: str, en: str) -> str:
        return _text(zh, en, self.languages)

    def figure(self, name: str, value: float, unit: str, role: str, period: str | None = None) -> str:
        ident = f"s{self.number}-{name}"
        shown = f"{value:g}"
        suffix = {"%": "%", "pp": "个百分点", "亿元": "亿元", "分钟": "分钟"}[unit]
        when = f"{period}年" if period else ""
        sentence = f"第{self.number}部分的{name}指标在{when}为{shown}{suffix}。"
        self.sentences.append(sentence)
        lines = [
            f"  - id: {ident}",
            f"    value: {shown}",
            f"    unit: {_q(unit)}",
            f"    measures: {self.t(f'{name}指标', f'{name} measure')}",
            f"    role: {role}",
            f"    source: {_q(sentence)}",
        ]
        if period:
            lines.insert(3, f'    period: "{period}"')
        self.figures.append("\n".join(lines))
        return ident

    def pair(self, name: str, unit: str = "%") -> tuple[str, str]:
        before, after = self.rng.randint(5, 60), self.rng.randint(5, 60)
        return (
            self.figure(f"{name}-before", before, unit, "before", "2019"),
            self.figure(f"{name}-after", after, unit, "after", "2023"),
        )

    def slide(self, kind: str, index: int) -> str:
        ident = f"s{self.number}-slide-{index}"
        head = [f"  - id: {ident}"]
        title = self.t(f"第{self.number}部分 第{index}页", f"Part {self.number}, slide {index}")
        notes = f"    notes: {self.t('讲解要点。', 'What to say here.')}"
        body: list[str]
        if kind == "bullets":
            a, _ = self.pair(f"b{index}")
            body = [
                "    kind: bullets",
                "    bullets:",
                f"      - {self.t(f'要点：{{{a}}}', f'A point: {{{a}}}')}",
                f"      - {self.t('第二个要点', 'A second point')}",
            ]
        elif kind.startswith("chart-"):
            chart_kind = kind.removeprefix("chart-")
            if chart_kind == "composition":
                first, second = self.rng.randint(10, 80), self.rng.randint(10, 80)
                parts = [
                    (self.figure(f"c{index}-a-before", first, "%", "before", "2019"),
                     self.figure(f"c{index}-a-after", second, "%", "after", "2023")),
                    (self.figure(f"c{index}-b-before", 100 - first, "%", "before", "2019"),
                     self.figure(f"c{index}-b-after", 100 - second, "%", "after", "2023")),
                ]  # fmt: skip
                pairs = [
                    f"{{label: {self.t(name, name)}, before: {b}, after: {a}}}"
                    for name, (b, a) in zip(("A", "B"), parts, strict=True)
                ]
            elif chart_kind == "benchmark":
                ours = self.figure(f"k{index}-ours", self.rng.randint(1, 90), "%", "level")
                theirs = self.figure(f"k{index}-theirs", self.rng.randint(1, 90), "%", "benchmark")
                pairs = [
                    f"{{label: {self.t('对比', 'Compared')}, ours: {ours}, "
                    f"ours_name: {self.t('我们', 'Us')}, theirs: {theirs}, theirs_name: {self.t('行业', 'Industry')}}}"
                ]
            else:
                b1, a1 = self.pair(f"p{index}-x")
                b2, a2 = self.pair(f"p{index}-y", "分钟")
                pairs = [
                    f"{{label: {self.t('占比', 'Share')}, before: {b1}, after: {a1}}}",
                    f"{{label: {self.t('时长', 'Time')}, before: {b2}, after: {a2}}}",
                ]
            body = ["    kind: chart", "    chart:", f"      kind: {chart_kind}", "      pairs:"]
            body += [f"        - {p}" for p in pairs]
        elif kind == "table":
            b, a = self.pair(f"t{index}")
            body = ["    kind: table", f"    table: s{self.number}-table-{index}"]
            self.tables.append(
                "\n".join(
                    [
                        f"  - id: s{self.number}-table-{index}",
                        "    compare: true",
                        f"    columns: [{self.t('维度', 'Dimension')}, {self.t('之前', 'Before')}, "
                        f"{self.t('之后', 'After')}]",
                        "    rows:",
                        f'      - [{self.t("指标", "Measure")}, "{{{b}}}", "{{{a}}}"]',
                        f"      - [{self.t('方式', 'Approach')}, {self.t('旧', 'Old')}, {self.t('新', 'New')}]",
                    ]
                )
            )
        elif kind == "big-number":
            a = self.figure(f"n{index}", self.rng.randint(2, 900), "亿元", "level", "2023")
            b = self.figure(f"m{index}", self.rng.randint(2, 99), "%", "level", "2023")
            body = ["    kind: big-number", f"    figures: [{a}, {b}]"]
        elif kind == "timeline":
            f = self.figure(f"e{index}", self.rng.randint(2, 99), "%", "level", "2021")
            body = [
                "    kind: timeline",
                "    events:",
                f'      - {{period: "2019", label: {self.t("起步", "Start")}}}',
                f'      - {{period: "2021Q3", label: {self.t("转折", "Turn")}, figure: {f}}}',
                f'      - {{period: "2023", label: {self.t("成熟", "Mature")}}}',
            ]
        elif kind == "quote":
            body = ["    kind: quote", f"    quote: {self.t('从聚合到深耕。', 'From aggregation to depth.')}"]
        elif kind == "discussion":
            body = ["    kind: discussion", "    questions:", f"      - {self.t('为什么？', 'Why?')}"]
        else:
            asked = self.figure(f"q{index}", self.rng.randint(2, 99), "%", "level", "2022")
            body = ["    kind: quiz", f"    figures: [{asked}]"]
        return "\n".join([*head, body[0], f"    title: {title}", *body[1:], notes])

    def write(self, path: Path, slides: int) -> None:
        self.tables: list[str] = []
        kinds = [SECTION_KINDS[i % len(SECTION_KINDS)] for i in range(slides)]
        slide_texts = [self.slide(kind, i + 1) for i, kind in enumerate(kinds)]
        lines = [
            f"id: section-{self.number}",
            f"title: {self.t(f'第{self.number}部分', f'Part {self.number}')}",
            "figures:",
            *self.figures,
        ]
        if self.tables:
            lines += ["tables:", *self.tables]
        lines += ["slides:", *slide_texts]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_deck(
    folder: Path, slides: int = 400, seed: int = 0, languages: tuple[str, ...] = ("zh", "en"), per_section: int = 10
) -> Path:
    """A valid deck of `slides` slides (a title slide, then sections of every kind) in `folder`; returns it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    names, sentences, remaining, number = [], [], slides - 1, 0
    intro = [
        "id: intro",
        f"title: {_text('导言', 'Introduction', languages)}",
        "slides:",
        "  - id: opening",
        "    kind: title",
        f"    title: {_text('生成的案例', 'A generated case', languages)}",
        f"    notes: {_text('开场。', 'Opening.', languages)}",
    ]
    (folder / "intro.yaml").write_text("\n".join(intro) + "\n", encoding="utf-8")
    names.append("intro.yaml")
    while remaining > 0:
        number += 1
        count = min(per_section, remaining)
        section = _Section(number, rng, languages)
        section.write(folder / f"section-{number}.yaml", count)
        sentences += section.sentences
        names.append(f"section-{number}.yaml")
        remaining -= count
    (folder / "article.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    deck = [
        f"id: generated-{slides}",
        f"title: {_text('生成的案例', 'A generated case', languages)}",
        f"languages: [{', '.join(languages)}]",
        f"source: {{file: article.txt, title: {_text('原文', 'The article', languages)}}}",
        "sections:",
        *(f"  - {name}" for name in names),
    ]
    (folder / "deck.yaml").write_text("\n".join(deck) + "\n", encoding="utf-8")
    return folder


# -- one small section without a source document, to hold odd values -----------------------------------------

QUIZ_SLIDE = """\
  - id: check
    kind: quiz
    title: {zh: 检查, en: Check}
    figures: [asked]
    notes: {zh: 讲解。, en: Say this.}
"""


def figure_yaml(ident: str, value: str, unit: str = "条", role: str = "level", **more: str) -> str:
    """One figure of `small_deck`, its value written exactly as given."""
    lines = [
        f"  - id: {ident}",
        f"    value: {value}",
        f"    unit: {unit}",
        f"    measures: {{zh: 数{ident}, en: n {ident}}}",
    ]
    lines += [f"    role: {role}", "    source: 一句话。"] + [f"    {key}: {text}" for key, text in more.items()]
    return "\n".join(lines) + "\n"


def small_deck(folder: Path, figures: str, slides: str = QUIZ_SLIDE, sections: str = "[part.yaml]") -> Path:
    """A deck of one section without a source document (so any value is allowed to stand)."""
    folder.mkdir(exist_ok=True)
    deck = f"id: odd\ntitle: {{zh: 奇, en: Odd}}\nlanguages: [zh, en]\nsections: {sections}\n"
    (folder / "deck.yaml").write_text(deck, encoding="utf-8")
    part = f"id: part\ntitle: {{zh: 部分, en: Part}}\nfigures:\n{figures}slides:\n{slides}"
    (folder / "part.yaml").write_text(part, encoding="utf-8")
    return folder
