"""How questions about figures read, in Chinese and English; numbers always come from format_value."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from desktop.deck.figures import derivation, format_period, format_value, render
from desktop.deck.model import EMPTY_TEXT, Figure, Table, Text
from desktop.words import tr_in

LANGS = ("zh", "en")
ACCORDING = {"zh": "根据文章，", "en": "According to the article, "}
_BLANK = {"zh": "\n文章的说法：{}。空格里是？", "en": "\nThe article says: {}. What goes in the blank?"}
_FILL = {"zh": "\n填空：", "en": "\nType the number: "}
_VERBS = ("提升", "高出", "增长", "下降")  # a measure that ends in a verb asks '…提升了多少？', not '…提升是？'
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")  # 8,600 is one number


class LazyText(Text):
    """A Text worked out on first read: a bank builds in milliseconds, and a session reads a few of its texts."""

    make: object  # a function of the language

    def __getattr__(self, name: str):
        if name != "by_lang":
            raise AttributeError(name)
        self.__dict__["by_lang"] = by_lang = tuple((lang, self.make(lang)) for lang in LANGS)
        return by_lang

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self.by_lang == other.by_lang

    def __hash__(self) -> int:
        return hash(self.by_lang)

    def __repr__(self) -> str:
        return f"Text(by_lang={self.by_lang!r})"


def both(make) -> Text:
    """A Text from a function of the language, worked out when first read."""
    return LazyText(make)


def period_text(period: str, lang: str) -> str:
    """'2023' -> '2023年' / '2023'; '2023Q2' -> '2023年Q2' / 'Q2 2023'; a span '2020→2023' -> '2020年至2023年' /
    '2020–2023': a change over years is never asked 'in 2023'."""
    if "→" in period:
        start, end = (period_text(p.strip(), lang) for p in period.split("→"))
        return f"{start}至{end}" if lang == "zh" else f"{start}–{end}"
    if lang != "zh":
        return format_period(period, lang).replace(" – ", "–")  # inside a sentence: 'in 2020–2023'
    match = re.fullmatch(r"(\d{4})(Q[1-4])?", period)
    return f"{match.group(1)}年{match.group(2) or ''}" if match else period


_STOP = frozenset(
    ("a", "an", "and", "the", "of", "in", "on", "for", "to", "from", "with", "by", "its", "it", "this", "that")
    + ("as", "at", "or", "per", "over", "under", "into", "not", "no", "their", "share", "rate", "number", "total")
)


@cache  # each section's title is matched against every figure of the deck
def content_words(text: str, lang: str) -> frozenset[str]:
    """Words a reader would match across two texts: English words without their plural 's' and small words,
    Chinese as pairs of characters ('创作者生态' shares '创作' with '创作者月均发布条数')."""
    if lang == "zh":
        han = re.findall(r"[\u4e00-\u9fff]+", text)
        return frozenset(run[i : i + 2] for run in han for i in range(len(run) - 1))
    words = (w.lower() for w in re.findall(r"[A-Za-z]+", text))  # 'Store-level' is 'store', "creators'" 'creator'
    return frozenset(w.removesuffix("s") if len(w) > 4 else w for w in words if w not in _STOP and len(w) > 2)


def lower_first(text: str) -> str:
    """'Matrix phase' -> 'matrix phase' inside a sentence; 'US market share' and 'New Creator plan' stay."""
    words = text.split()
    if len(text) > 1 and text[0].isupper() and text[1].islower() and not any(w[:1].isupper() for w in words[1:]):
        return text[0].lower() + text[1:]
    return text


def noun_phrase(text: str) -> str:
    """An English measure as a noun phrase: 'the open rate …', but "advertising's share …", 'posts per …'."""
    words = text.split()
    first = words[0] if words else ""
    possessive = any(w.endswith(("'s", "s'")) for w in words[:2])
    plural = first.endswith("s") and not first.endswith("ss")
    return text if first[:1].isupper() or possessive or plural else "the " + text


def split_measure(measure: str, lang: str) -> tuple[str | None, str]:
    """'新作者计划：百万粉丝账号增长' -> ('新作者计划', '百万粉丝账号增长'); the first part is context."""
    head, sep, rest = measure.partition("：" if lang == "zh" else ": ")
    return (head, rest) if sep and rest else (None, measure)


def is_fall(figure: Figure) -> bool:
    return figure.role == "change" and not isinstance(figure.value, tuple) and figure.value < 0


def value_text(figure: Figure, lang: str, value=None) -> str:
    """The figure (or `value` in its unit) as the article states it; a fall says so ('下降83%', 'down 83%')."""
    value = figure.value if value is None else value
    return _stated(value, figure.unit, figure.qualifier, figure.role == "change", lang)


@lru_cache(maxsize=8192)  # a bank formats each figure and its distractors in two languages, again at each build
def _stated(value, unit: str | None, qualifier: str, change: bool, lang: str) -> str:
    figure = Figure("v", value, unit, None, EMPTY_TEXT, "change" if change else "level", qualifier, None)
    text = format_value(figure, lang)
    if is_fall(figure):
        return ("下降" if lang == "zh" else "down ") + text
    return text


def with_value(figure: Figure, value, qualifier: str | None = None) -> Figure:
    """The figure with another value (and qualifier), for formatting a distractor (10× faster than
    dataclasses.replace)."""
    f = figure
    q = qualifier or f.qualifier
    return Figure(f.id, value, f.unit, f.period, f.measures, f.role, q, f.source, f.caveat, f.derived, f.mark)


def is_qualified(figure: Figure) -> bool:
    """'超12亿元' also makes '超8亿元' true, and TOP1 is also TOP3: such a figure is asked as its blank."""
    return figure.qualifier in ("more-than", "rank")


def blank_choice(figure: Figure, value, lang: str) -> str:
    """What fills the blank of a qualified figure: '12' for '超___亿元', '1.2' for 'more than ¥___ bn'."""
    return _NUMBER.search(format_value(with_value(figure, abs(value), "exact"), lang)).group(0)


def blank(figure: Figure, lang: str) -> str:
    """The answer's shape with the number left out: '超___亿元', 'more than ¥___ bn', '下降约___%'."""
    shape = format_value(with_value(figure, 0.0), lang)
    if is_fall(figure):
        shape = ("下降" if lang == "zh" else "down ") + shape
    return _NUMBER.sub("___", shape, count=1)


def own_period(figure: Figure, lang: str) -> str:
    """The figure's period as a question names it; a span whose start the measure names ('较2020年的提升',
    'compared with 2020') gives only its end, never '…compared with 2020 in 2020–2023'."""
    if not figure.period:
        return ""
    start, _, end = figure.period.partition("→")
    if end and start.strip()[:4] in figure.measures.get(lang):
        return period_text(end.strip(), lang)
    return period_text(figure.period, lang)


def label(figure: Figure, lang: str) -> str:
    """What a figure measures, with its period: '2023年抖音广告收入占比', "advertising's share … (2023)"."""
    measure = figure.measures.get(lang)
    period = own_period(figure, lang)
    if not period or period.removesuffix("年") in measure:
        return measure
    return f"{period}{measure}" if lang == "zh" else with_period(measure, period)


_COMPARED = " compared with "


def with_period(measure: str, period: str) -> str:
    """'rise in X in 2023 compared with 2020', not '…compared with 2020 in 2023' (as if 2020 were in 2023)."""
    head, found, tail = measure.partition(_COMPARED)
    return f"{head} in {period}{found}{tail}" if found else f"{measure} in {period}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def rise_word(before: Figure, after: Figure, lang: str) -> str:
    rises = after.value >= before.value
    if lang == "zh":
        return ("增至" if rises else "减至") if after.unit == "条" else ("升至" if rises else "降至")
    return "rose" if rises else "fell"


def figure_question(figure: Figure, partner: Figure | None, lang: str, numeric: bool) -> str:
    """'根据文章，2023年抖音广告收入占比是？'; with a partner, '…从78%升至多少？' says which end is asked."""
    context, measure = split_measure(figure.measures.get(lang), lang)
    period = own_period(figure, lang)
    before, after = (figure, partner) if figure.role == "before" else (partner, figure)
    if lang == "zh":
        lead = ACCORDING[lang] + period + ("，" if period and context else "")
        lead += f"在{context}中，" if context else ""
        if partner is None and measure.endswith(_VERBS) and not measure.endswith("的提升"):
            return f"{lead}{measure}{'' if measure.endswith('高出') else '了'}多少？"
        if partner is None:
            return f"{lead}{measure}是{'多少' if numeric else ''}？"
        verb = rise_word(before, after, lang)
        if figure is after:
            return f"{lead}{measure}从{value_text(before, lang)}{verb}多少？"
        return f"{lead}{measure}从多少{verb}{value_text(after, lang)}？"
    lead = ACCORDING[lang] + (f"in the {lower_first(context)}, " if context else "")
    when = f" in {period}" if period else ""
    if period and _COMPARED in measure:
        measure, when = with_period(measure, period), ""
    if partner is None:
        return f"{lead}what was {noun_phrase(measure)}{when}?"
    verb = rise_word(before, after, lang)
    if figure is after:
        return f"{lead}{noun_phrase(measure)}{when} {verb} from {value_text(before, lang)} to what?"
    return f"{lead}{noun_phrase(measure)}{when} {verb} to {value_text(after, lang)} from what?"


def recall_prompt(figure: Figure, partner: Figure | None, lang: str) -> str:
    note = _BLANK[lang].format(blank(figure, lang)) if is_qualified(figure) else ""
    return figure_question(figure, partner, lang, numeric=False) + note


def numeric_prompt(figure: Figure, partner: Figure | None, lang: str) -> str:
    return figure_question(figure, partner, lang, numeric=True) + _FILL[lang] + blank(figure, lang)


def fill_line(shape: str, lang: str) -> str:
    return _FILL[lang] + shape


def quote(source: str, lang: str, written_in: str) -> str:
    """'The article: “…”', naming the article's language when it is not the one shown: '(in Chinese)'."""
    return tr_in("source", lang, written_in, source=source)


def row_text(table: Table, row: int, lang: str, figures: dict[str, Figure]) -> str:
    """A table row as a reader reads it: '电商佣金——2019年占比：4%；2023年占比：30%' /
    'E-commerce commission — Share in 2019: 4%; Share in 2023: 30%'."""
    cells = [render(cell, lang, figures) for cell in table.rows[row]]
    colon, glue, dash = ("：", "；", "——") if lang == "zh" else (": ", "; ", " — ")
    pairs = [f"{column.get(lang)}{colon}{cell}" for column, cell in zip(table.columns[1:], cells[1:], strict=False)]
    return cells[0] + dash + glue.join(pairs)


def cite(source: str, lang: str, written_in: str, index) -> str:
    """The article's sentence quoted; a quoted table row ('电商佣金 | 4% | 30% |') read out with its columns."""
    if "|" not in source:
        return quote(source, lang, written_in)
    found = index.quoted_row(source)
    if found is None:
        cells = [c.strip() for c in source.split("|") if c.strip()]
        glue = ("：", "，") if written_in == "zh" else (": ", "; ")
        return quote(cells[0] + glue[0] + glue[1].join(cells[1:]), lang, written_in)
    table, row = found
    return ("文章的表格：" if lang == "zh" else "The article’s table: ") + row_text(table, row, lang, index.figures)


_ARITHMETIC_NOTE = re.compile(r"\s*[（(][^（）()]*(?:our arithmetic|我们|推算)[^（）()]*[)）]")


def derived_line(figure: Figure, figures: dict[str, Figure], lang: str) -> str:
    """A derived figure, marked as our arithmetic once: its measure's own '(our arithmetic)' note is dropped."""
    what = _ARITHMETIC_NOTE.sub("", label(figure, lang))
    if lang == "zh":
        return f"推算（我们的算术，不是文章给出的数字）：{what}，{derivation(figure, figures, lang)}"
    return f"Derived (our arithmetic, not the article’s): {what}: {derivation(figure, figures, lang)}"


def figure_explanation(
    figure: Figure,
    partner: Figure | None,
    derived: list[Figure],
    index,
    lang: str,
) -> str:
    """The answer, what it measures, the sentence it comes from, its caveat and any arithmetic built on it."""
    figures = index.figures
    if partner is None:
        what = label(figure, lang)
    else:
        before, after = (figure, partner) if figure.role == "before" else (partner, figure)
        what = f"{label(figure, lang)}{'：' if lang == 'zh' else ': '}"
        what += f"{value_text(before, lang)} → {value_text(after, lang)}"
    stated = value_text(figure, lang)
    answer = f"答案：{stated}（{what}）。" if lang == "zh" else f"Answer: {stated} ({what})."
    lines = [answer, cite(figure.source or "", lang, index.deck.source_language, index)]
    if figure.caveat is not None:
        note = render(figure.caveat, lang, figures)
        lines.append(f"注意：{note}" if lang == "zh" else f"Note: {note}")
    lines += [derived_line(d, figures, lang) for d in derived]
    return "\n".join(lines)
