"""How questions about figures read, in Chinese and English; numbers always come from format_value."""

from __future__ import annotations

import re

from desktop.deck.figures import derivation, format_period, format_value, render
from desktop.deck.model import Figure, Text
from desktop.words import tr_in

LANGS = ("zh", "en")
ACCORDING = {"zh": "根据文章，", "en": "According to the article, "}
# "超12亿元" also makes "超8亿元" true, and TOP1 is also TOP3: such choices ask for the article's own words.
_STATED = {"zh": "（选文章给出的说法）", "en": " (Choose what the article states.)"}
_FILL = {"zh": "\n填空：", "en": "\nType the number: "}
_VERBS = ("提升", "高出", "增长", "下降")  # a measure that ends in a verb asks '…提升了多少？', not '…提升是？'
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def both(make) -> Text:
    """A Text from a function of the language."""
    return Text.of(**{lang: make(lang) for lang in LANGS})


def period_text(period: str, lang: str) -> str:
    """'2023' -> '2023年' / '2023'; '2023Q2' -> '2023年Q2' / 'Q2 2023'; a span '2020→2023' names its end."""
    end = period.split("→")[-1].strip()
    if lang != "zh":
        return format_period(end, lang)
    match = re.fullmatch(r"(\d{4})(Q[1-4])?", end)
    return f"{match.group(1)}年{match.group(2) or ''}" if match else end


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


def value_text(figure: Figure, lang: str) -> str:
    """The figure as the article states it; a fall says so in words ('下降83%', 'down 83%')."""
    text = format_value(figure, lang)
    if is_fall(figure):
        return ("下降" if lang == "zh" else "down ") + text
    return text


def with_value(figure: Figure, value) -> Figure:
    """The figure with another value, for formatting a distractor (10× faster than dataclasses.replace)."""
    f = figure
    return Figure(f.id, value, f.unit, f.period, f.measures, f.role, f.qualifier, f.source, f.caveat, f.derived, f.mark)


def blank(figure: Figure, lang: str) -> str:
    """The answer's shape with the number left out: '超___亿元', 'more than ¥___ bn', '下降约___%'."""
    shape = format_value(with_value(figure, 0.0), lang)
    if is_fall(figure):
        shape = ("下降" if lang == "zh" else "down ") + shape
    return _NUMBER.sub("___", shape, count=1)


def label(figure: Figure, lang: str) -> str:
    """What a figure measures, with its period: '2023年抖音广告收入占比', "advertising's share … (2023)"."""
    measure = figure.measures.get(lang)
    period = period_text(figure.period, lang) if figure.period else ""
    if not period or period.removesuffix("年") in measure:
        return measure
    return f"{period}{measure}" if lang == "zh" else f"{measure} in {period}"


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
    period = period_text(figure.period, lang) if figure.period else ""
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
    if partner is None:
        return f"{lead}what was {noun_phrase(measure)}{when}?"
    verb = rise_word(before, after, lang)
    if figure is after:
        return f"{lead}{noun_phrase(measure)}{when} {verb} from {value_text(before, lang)} to what?"
    return f"{lead}{noun_phrase(measure)}{when} {verb} to {value_text(after, lang)} from what?"


def recall_prompt(figure: Figure, partner: Figure | None, lang: str) -> str:
    note = _STATED[lang] if figure.qualifier in ("more-than", "rank") else ""
    return figure_question(figure, partner, lang, numeric=False) + note


def numeric_prompt(figure: Figure, partner: Figure | None, lang: str) -> str:
    return figure_question(figure, partner, lang, numeric=True) + _FILL[lang] + blank(figure, lang)


def fill_line(shape: str, lang: str) -> str:
    return _FILL[lang] + shape


def quote(source: str, lang: str, written_in: str) -> str:
    """'The article: “…”', naming the article's language when it is not the one shown: '(in Chinese)'."""
    return tr_in("source", lang, written_in, source=source)


def derived_line(figure: Figure, figures: dict[str, Figure], lang: str) -> str:
    """A derived figure, marked as our arithmetic: never passed off as the article's."""
    if lang == "zh":
        return f"推算（我们的算术，不是文章给出的数字）：{label(figure, lang)}，{derivation(figure, figures, lang)}"
    return f"Derived (our arithmetic, not the article's): {label(figure, lang)}: {derivation(figure, figures, lang)}"


def figure_explanation(
    figure: Figure,
    partner: Figure | None,
    derived: list[Figure],
    figures: dict[str, Figure],
    lang: str,
    written_in: str,
) -> str:
    """The answer, what it measures, the sentence it comes from, its caveat and any arithmetic built on it."""
    if partner is None:
        what = label(figure, lang)
    else:
        before, after = (figure, partner) if figure.role == "before" else (partner, figure)
        what = f"{label(figure, lang)}{'：' if lang == 'zh' else ': '}"
        what += f"{value_text(before, lang)} → {value_text(after, lang)}"
    stated = value_text(figure, lang)
    answer = f"答案：{stated}（{what}）。" if lang == "zh" else f"Answer: {stated} ({what})."
    lines = [answer, quote(figure.source or "", lang, written_in)]
    if figure.caveat is not None:
        note = render(figure.caveat, lang, figures)
        lines.append(f"注意：{note}" if lang == "zh" else f"Note: {note}")
    lines += [derived_line(d, figures, lang) for d in derived]
    return "\n".join(lines)
