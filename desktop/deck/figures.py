"""Figures as words: numbers, units and qualifiers formatted per language, never re-typed."""

from __future__ import annotations

import re

from desktop.deck.model import Figure, Slide, Table, Text
from desktop.deck.numbers import number
from desktop.deck.reader import PLACEHOLDER

# unit -> (Chinese suffix, English suffix); 亿元 is converted to billions of yuan in English.
_SUFFIX = {
    "%": ("%", "%"),
    "pp": ("个百分点", " pp"),
    "亿元": ("亿元", " bn yuan"),
    "分钟": ("分钟", " min"),
    "条": ("条", ""),
    "×": ("倍", "×"),
    None: ("", ""),
}
_QUALIFIER = {"more-than": ("超", "more than "), "about": ("约", "about ")}


def _magnitude(figure: Figure, lang: str) -> str:
    scale = 0.1 if figure.unit == "亿元" and lang != "zh" else 1
    if isinstance(figure.value, tuple):
        low, high = figure.value
        dash = "-" if lang == "zh" else "–"
        return f"{number(low * scale)}{dash}{number(high * scale)}"
    return number(abs(figure.value) * scale)


def format_value(figure: Figure, lang: str, qualifier: bool = True, signed: bool = False) -> str:
    """The figure as the article states it: '超12亿元', 'about 62%', '3-5倍', 'TOP1'.

    `signed` puts + or − before a change (for charts); in prose the words carry a change's direction.
    """
    if figure.qualifier == "rank":
        rank = number(figure.value)
        return f"TOP{rank}" if lang == "zh" else ("No. 1" if rank == "1" else f"top {rank}")
    zh = lang == "zh"
    text = _magnitude(figure, lang) + _SUFFIX[figure.unit][0 if zh else 1]
    if figure.unit == "亿元" and not zh:
        text = "¥" + text.removesuffix(" bn yuan") + " bn"
    # "超40%" (more than 40%) already says which way: it needs no "+"; "about" says nothing, so it keeps its sign.
    if signed and not isinstance(figure.value, tuple):
        plain_rise = figure.value > 0 and qualifier and figure.qualifier == "more-than"
        text = text if plain_rise else ("−" if figure.value < 0 else "+") + text
    elif figure.role != "change" and not isinstance(figure.value, tuple) and figure.value < 0:
        text = "−" + text  # a level below zero (a loss, a deficit): no word in the prose says so, its sign must
    if qualifier and figure.qualifier in _QUALIFIER:
        text = _QUALIFIER[figure.qualifier][0 if zh else 1] + text
    return text


def format_period(period: str, lang: str) -> str:
    """'2021Q3' as the article writes it in Chinese, 'Q3 2021' in English; ranges get spaced arrows."""
    if lang == "zh":
        return period
    period = re.sub(r"(\d{4})Q([1-4])", r"Q\2 \1", period)
    return re.sub(r"\s*([→–])\s*", r" \1 ", period)


def stated_forms(figure: Figure) -> tuple[str, ...]:
    """How the number can be written in the source (Chinese, or English as the slides write it), no qualifier."""
    # The article writes the magnitude; the direction of a negative figure is in its words (亏损, 下降).
    negative = not isinstance(figure.value, tuple) and figure.value < 0
    stated = figure.replace(value=-figure.value) if negative else figure
    text = format_value(stated, "zh", qualifier=False)
    english = format_value(stated, "en", qualifier=False)  # an English source, as the slides write it
    if figure.unit == "%" and figure.qualifier != "rank":
        return (text, text.replace("%", "％"))
    return (text, english)


def render(text: Text, lang: str, figures: dict[str, Figure]) -> str:
    """A Text in `lang` with its {figure-id} placeholders filled in."""

    def fill(match) -> str:
        figure = figures.get(match.group(1))
        if figure is None:
            return match.group(0)
        return format_value(figure, lang, qualifier=not match.group(0).endswith(":value}"))

    return PLACEHOLDER.sub(fill, text.get(lang))


def derivation(figure: Figure, figures: dict[str, Figure], lang: str) -> str:
    """A derived figure's arithmetic in words: '25% = 67% − 42个百分点'."""
    parts = []
    for i, (sign, ident) in enumerate(figure.derived.terms):
        term = format_value(figures[ident], lang, qualifier=False)
        parts.append(term if i == 0 and sign > 0 else f"{'+' if sign > 0 else '−'} {term}")
    return f"{format_value(figure, lang)} = {' '.join(parts)}"


def slide_figures(slide: Slide, tables: dict[str, Table]) -> list[str]:
    """Ids of the figures a slide shows, in order of first appearance, each once."""
    ids: list[str] = []
    if slide.chart:
        ids += [i for pair in slide.chart.pairs for i in (pair.first, pair.second)]
    ids += list(slide.figures)
    ids += [e.figure for e in slide.events if e.figure]
    texts = [slide.title, *slide.bullets, *slide.questions, *(e.label for e in slide.events)]
    texts += [t for t in (slide.subtitle, slide.caption, slide.quote, slide.alt) if t]
    table = tables.get(slide.table or "")
    if table:
        texts += [cell for row in table.rows for cell in row]
    ids += [m.group(1) for text in texts for _, value in text.by_lang for m in PLACEHOLDER.finditer(value)]
    return list(dict.fromkeys(ids))
