"""Generated decks of any size: every slide kind, every chart kind, figures that quote a generated article.

`write_deck(folder, slides=400)` writes a deck that validates with no errors; tests and `bench/` use it
to try the app at sizes and with values the bundled deck never has.
"""

from __future__ import annotations

import json
import random
import struct
import zlib
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
    parts = {"zh": zh, "en": en}  # any other language: the English text marked with its code, "Opening. (fr)"
    return "{" + ", ".join(f"{lang}: {_q(parts.get(lang, f'{en} ({lang})'))}" for lang in languages) + "}"


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
            # A measure of its own in every section: a question asks each figure as a real deck's would.
            f"    measures: {self.t(f'第{self.number}部分{name}指标', f'part {self.number} {name} measure')}",
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
                f"      - {self.t('**第二个**要点：*强调*', 'A **second** point, *stressed*')}",
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
            asked = self.t("为什么？\n*想一想*", "Why?\n*Think*")  # a line break and italic in one Text
            body = ["    kind: discussion", "    questions:", f"      - {asked}"]
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
            f"number: {self.number}",
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
    (folder / "themes").mkdir(exist_ok=True)  # the deck's own theme, changing a few colours of a built-in one
    (folder / "themes" / "forest.yaml").write_text('base: dark\nbackground: "#1b2a22"\naccent: "#e0a030"\n')
    deck = [
        f"id: generated-{slides}",
        f"title: {_text('生成的案例', 'A generated case', languages)}",
        f"languages: [{', '.join(languages)}]",
        "theme: forest",
        f"source: {{file: article.txt, language: zh, title: {_text('原文', 'The article', languages)}}}",
        f"section_word: {_text('章', 'Chapter', languages)}",
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


# -- small valid decks of odd but legal values, one per seed ---------------------------------------------------

# Values at the edges of what validate accepts: zero, signs, the finest decimal, the largest number, 15 digits.
ODD_VALUES = (0, 1, -3, 0.5, 0.000001, -0.000001, 12.25, 99.9, 100, 42, 10**12, -(10**12), 123456789.123456)
ODD_UNITS = ("%", "pp", "亿元", "分钟", "条", "×", None, "$m", "万元", "stores", "€", "pts{1}")
ODD_PERIODS = (None, "2019", "2023Q2", "2020→2023", "2019–2023")
ODD_KINDS = ("title", "bullets", "table", "chart", "big-number", "timeline", "quote", "discussion", "quiz", "image")
# Picture sizes in pixels: wide, tall, square, and one small enough to be warned about.
ODD_PICTURES = ((1200, 800), (300, 900), (820, 820), (64, 48))


def png_bytes(width: int, height: int, rgb: tuple[int, int, int] = (31, 78, 121)) -> bytes:
    """A PNG of one colour, written without Qt."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = (b"\x00" + bytes(rgb) * width) * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}">
<rect width="{w}" height="{h}" fill="#f0ede6"/><circle cx="{r}" cy="{r}" r="{r}" fill="#c8102e"/></svg>
"""


class _OddDeck:
    """One seed's deck: figures of every qualifier, unit and role, and every slide and chart kind over them."""

    def __init__(self, seed: int) -> None:
        self.rng = rng = random.Random(seed)
        self.languages = rng.choice((("zh", "en"), ("en", "zh"), ("zh",), ("en",)))
        self.with_source = rng.random() < 0.5
        self.sentences: list[str] = []
        self.stated: list[str] = []  # ids of figures the article states (a quiz slide asks only these)
        self.shown: list[str] = []  # every figure id, derived ones too
        self.values: dict[str, tuple[float, str | None]] = {}  # plain values, for derivations
        self.numbered = 0  # sections given a number so far
        self.pictures: dict[str, bytes] = {}  # file name in the deck folder -> its bytes

    def picture(self) -> list[str]:
        """An `image:` line (a new PNG or SVG file) and, mostly, its `alt`."""
        width, height = self.rng.choice(ODD_PICTURES)
        name = f"pictures/p{len(self.pictures)}.{self.rng.choice(('png', 'svg'))}"
        small = min(width, height) // 2
        self.pictures[name] = (
            SVG.format(w=width, h=height, r=small).encode() if name.endswith("svg") else png_bytes(width, height)
        )
        return [f"    image: {_q(name)}"] + ([f"    alt: {self.t('what it shows')}"] if self.rng.random() < 0.8 else [])

    def t(self, words: str) -> str:
        """A Text: per language, or a plain string; sometimes citing a figure."""
        if self.shown and self.rng.random() < 0.3:
            words += f" {{{self.rng.choice(self.shown)}{self.rng.choice(('', ':value'))}}}"
        if self.rng.random() < 0.2:
            return _q(words)
        return "{" + ", ".join(f"{lang}: {_q(f'{words} ({lang})')}" for lang in self.languages) + "}"

    def figure(self, ident: str) -> str:
        from desktop.deck.figures import stated_form
        from desktop.deck.model import EMPTY_TEXT, Figure

        rng = self.rng
        qualifier = rng.choice(("exact", "exact", "exact", "more-than", "about", "range", "rank"))
        unit = None if qualifier == "rank" else rng.choice(ODD_UNITS)
        role = rng.choice(("before", "after", "benchmark", "change", "level"))
        if qualifier == "rank":
            value = rng.choice((1, 2, 3, 10, 100))
        elif qualifier == "range":
            value = tuple(sorted(rng.sample([v for v in ODD_VALUES if abs(v) <= 100], 2)))
        else:
            value = rng.choice(ODD_VALUES)
        if unit == "%" and role != "change" and not isinstance(value, tuple):
            value = min(100, abs(value))  # a share is 0–100
        period = rng.choice(ODD_PERIODS)
        lines = [f"  - id: {ident}", f"    value: {list(value) if isinstance(value, tuple) else value}"]
        lines += [f"    unit: {_q(unit)}"] if unit else []
        lines += [f'    period: "{period}"'] if period else []
        lines += [f"    measures: {self.t(f'measure {ident}')}", f"    role: {role}", f"    qualifier: {qualifier}"]
        if self.with_source:
            stated = Figure(ident, value, unit, period, EMPTY_TEXT, role, qualifier, None)
            word = {"more-than": "超", "about": "约"}.get(qualifier, "为")
            self.sentences.append(f"{ident}指标{word}{stated_form(stated, 'zh')}。")
            lines.append(f"    source: {_q(self.sentences[-1])}")
        else:
            lines.append(f"    source: {_q(f'{ident} as stated.')}")
        if rng.random() < 0.2:
            lines.append(f"    caveat: {self.t('a caveat')}")
        self.stated.append(ident)
        self.shown.append(ident)
        if not isinstance(value, tuple) and qualifier != "rank":
            self.values[ident] = (value, unit)
        return "\n".join(lines)

    def derived(self, ident: str) -> str | None:
        """a ± b over two plain figures of one unit, when the result stays within what a slide prints."""
        rng = self.rng
        if not self.values:
            return None
        a = rng.choice(list(self.values))
        same = [i for i, (_, unit) in self.values.items() if unit == self.values[a][1] and i != a]
        if not same:
            return None
        b, sign = rng.choice(same), rng.choice("+-")
        result = self.values[a][0] + (1 if sign == "+" else -1) * self.values[b][0]
        if abs(result) > 10**12:
            return None
        self.shown.append(ident)
        unit = self.values[a][1]
        return "\n".join(
            [f"  - id: {ident}", f"    derived: {a} {sign} {b}"]
            + ([f"    unit: {_q(unit)}"] if unit else [])
            + [f"    measures: {self.t(f'measure {ident}')}", "    role: change"]
        )

    def slide(self, kind: str, ident: str, tables: list[str]) -> str:
        rng, pick = self.rng, self.rng.choice
        head = [f"  - id: {ident}", f"    kind: {kind}"]
        if kind != "quote" or rng.random() < 0.5:
            head.append(f"    title: {self.t(f'slide {ident}')}")
        if rng.random() < 0.9:
            head.append(f"    notes: {self.t('notes')}")
        body: list[str] = []
        if kind == "title" and rng.random() < 0.5:
            body = [f"    subtitle: {self.t('subtitle')}"]
        elif kind == "bullets":
            body = ["    bullets:", *(f"      - {self.t('point')}" for _ in range(rng.randint(1, 4)))]
            if rng.random() < 0.5:
                body.append(f"    figures: [{pick(self.shown)}]")
            if rng.random() < 0.3:
                body += self.picture()
        elif kind == "image":
            body = self.picture() + ([f"    caption: {self.t('caption')}"] if rng.random() < 0.5 else [])
        elif kind == "table":
            table = f"{ident}-table"
            compare = rng.random() < 0.6
            width = 3 if compare else rng.randint(1, 4)
            rows = [f"      - [{', '.join(self.t('cell') for _ in range(width))}]" for _ in range(rng.randint(1, 4))]
            columns = f"    columns: [{', '.join(self.t('column') for _ in range(width))}]"
            tables.append(
                "\n".join([f"  - id: {table}", f"    compare: {str(compare).lower()}", columns, "    rows:", *rows])
            )
            body = [f"    table: {table}"]
        elif kind == "chart":
            chart_kind = pick(("before-after", "composition", "benchmark"))
            names = ("ours", "theirs") if chart_kind == "benchmark" else ("before", "after")
            body = ["    chart:", f"      kind: {chart_kind}", "      pairs:"]
            for _ in range(rng.randint(1, 4)):
                pair = f"label: {self.t('label')}, {names[0]}: {pick(self.shown)}, {names[1]}: {pick(self.shown)}"
                if chart_kind == "benchmark":
                    pair += f", ours_name: {self.t('us')}, theirs_name: {self.t('them')}"
                body.append(f"        - {{{pair}}}")
            if chart_kind == "composition" and rng.random() < 0.3:
                body.append(f"      total: {pick((100, 1, 10**12))}")
            if rng.random() < 0.5:
                body.append(f"    caption: {self.t('caption')}")
        elif kind == "big-number":
            body = [f"    figures: [{', '.join(rng.sample(self.shown, min(len(self.shown), rng.randint(1, 4))))}]"]
        elif kind == "timeline":
            body = ["    events:"]
            for _ in range(rng.randint(1, 5)):
                cited = f", figure: {pick(self.shown)}" if rng.random() < 0.5 else ""
                body.append(f'      - {{period: "{pick(ODD_PERIODS[1:])}", label: {self.t("event")}{cited}}}')
        elif kind == "quote":
            body = [f"    quote: {self.t('a quote')}"] + (
                [f"    attribution: {self.t('who')}"] if rng.random() < 0.5 else []
            )
        elif kind == "discussion":
            body = ["    questions:", *(f"      - {self.t('why')}" for _ in range(rng.randint(1, 3)))]
        elif kind == "quiz":
            body = [f"    figures: [{pick(self.stated)}]"]
        return "\n".join(head + body)

    def section(self, number: int, figures: int, kinds: list[str]) -> str:
        declared = [self.figure(f"f{number}-{i}") for i in range(figures)]
        if self.rng.random() < 0.5:
            declared.append(self.derived(f"d{number}") or "")
        tables: list[str] = []
        slides = [self.slide(kind, f"s{number}-{i}", tables) for i, kind in enumerate(kinds)]
        lines = [f"id: section-{number}", f"title: {self.t(f'section {number}')}"]
        if self.rng.random() < 0.7:  # numbered sections count 1, 2, 3… among themselves
            self.numbered += 1
            lines.append(f"number: {self.numbered}")
        lines += ["figures:", *filter(None, declared)]
        lines += ["tables:", *tables] if tables else []
        return "\n".join([*lines, "slides:", *slides]) + "\n"


def write_odd_deck(folder: Path, seed: int) -> Path:
    """A small deck that validates with no errors, of odd but legal values: 1–3 sections (the last with a
    single figure), every slide kind, one or two languages, with or without a source article."""
    odd = _OddDeck(seed)
    folder.mkdir(parents=True, exist_ok=True)
    kinds = list(ODD_KINDS) + odd.rng.choices(ODD_KINDS, k=odd.rng.randint(0, 4))
    odd.rng.shuffle(kinds)
    count = odd.rng.randint(1, 3)
    names = []
    for number in range(1, count + 1):
        mine = kinds[number - 1 :: count]
        figures = 1 if number == count else odd.rng.randint(2, 6)
        (folder / f"part-{number}.yaml").write_text(odd.section(number, figures, mine), encoding="utf-8")
        names.append(f"part-{number}.yaml")
    deck = [f"id: odd-{seed}", f"title: {odd.t('an odd deck')}", f"languages: [{', '.join(odd.languages)}]"]
    if odd.with_source:
        (folder / "article.txt").write_text("\n".join(odd.sentences) + "\n", encoding="utf-8")
        deck.append(f"source: {{file: article.txt, language: zh, title: {odd.t('the article')}}}")
    word = odd.rng.choice((None, "Unit", "节", _text("支柱", "Pillar", odd.languages)))
    deck += [f"section_word: {word}"] if word else []
    deck += [f"theme: {odd.rng.choice(('light', 'dark', 'projector'))}", f"sections: [{', '.join(names)}]"]
    for name, data in odd.pictures.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "deck.yaml").write_text("\n".join(deck) + "\n", encoding="utf-8")
    return folder
