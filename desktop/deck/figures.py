"""Figures as words: numbers, units and qualifiers formatted per language, never re-typed."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from desktop.deck.model import Figure, Slide, Table, Text
from desktop.deck.numbers import number
from desktop.deck.reader import PLACEHOLDER
from desktop.deck.units import CENTS, GROUPING, KNOWN, MAGNITUDES, form, multiplier

_WIDE = str.maketrans("０１２３４５６７８９．", "0123456789.")  # one character for one: positions stay
_MAGNITUDE = "|".join(MAGNITUDES)
_NUMBER = re.compile(
    rf"(?<![0-9.])(\d{{1,3}}(?:[, \u00a0\u202f\u2009]\d{{3}})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:\s*({_MAGNITUDE})(?![A-Za-z]))?",
    re.IGNORECASE,
)
_GROUPS = re.compile(r"[, \u00a0\u202f\u2009]")
_SPACE = re.compile(r"[ \u00a0\u202f\u2009]")
_TO = re.compile(r"\s*(?:-|–|—|~|～|to|至|到)\s*[-−]?")  # "-3--1": the second bound's minus sign
_QUALIFIER = {"more-than": ("超", "more than "), "about": ("约", "about ")}


def _magnitude(figure: Figure, lang: str, scale: float) -> str:
    grouping, cents = GROUPING.get(lang, ","), figure.unit in CENTS
    if isinstance(figure.value, tuple):
        low, high = figure.value
        dash = "-" if lang == "zh" else "–"
        return f"{_written(low * scale, grouping, cents)}{dash}{_written(high * scale, grouping, cents)}"
    return _written(abs(figure.value) * scale, grouping, cents)


def _written(value: float, grouping: str, cents: bool) -> str:
    text = number(value, grouping)
    if not cents or "." not in text:
        return text
    whole, _, decimals = text.partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}"  # $5.80, not $5.8


def is_multiple(unit: str | None) -> bool:
    """Whether figures in `unit` are multiples (3.2倍, 3.2×): a factor, never a difference."""
    return unit is not None and KNOWN.get(unit) == KNOWN["×"]


def format_value(figure: Figure, lang: str, qualifier: bool = True, signed: bool = False) -> str:
    """The figure as the article states it: '超12亿元', 'about 62%', '3-5倍', 'TOP1'.

    `signed` puts + or − before a change (for charts); in prose the words carry a change's direction. A
    multiple keeps the article's words: '+3.2倍' would pick one reading of '提升3.2倍' (3.2 or 4.2 times).
    """
    if figure.qualifier == "rank":
        rank = number(figure.value)
        return f"TOP{rank}" if lang == "zh" else ("No. 1" if rank == "1" else f"top {rank}")
    zh = lang == "zh"
    template, scale = form(figure.unit, lang, one=figure.value == 1 or figure.value == -1)
    text = template.format(_magnitude(figure, lang, scale))
    # "超40%" (more than 40%) already says which way: it needs no "+"; "about" says nothing, so it keeps its sign.
    if signed and not isinstance(figure.value, tuple) and not is_multiple(figure.unit):
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


def stated_form(figure: Figure, lang: str) -> str:
    """How an article in `lang` writes the figure: its magnitude and unit, without qualifier or sign."""
    # The article writes the magnitude; the direction of a negative figure is in its words (亏损, 下降).
    negative = not isinstance(figure.value, tuple) and figure.value < 0
    return format_value(figure.replace(value=-figure.value) if negative else figure, lang, qualifier=False)


def _numbers(text: str):
    """(start, end, number, power of ten its word names or None) of each number in `text`: '790万' is 790, 1e4."""
    for match in _NUMBER.finditer(text.translate(_WIDE)):
        digits, start = match.group(1), match.start()
        word = match.group(2)
        scale = MAGNITUDES[word.lower()] if word else None
        yield start, match.end(), float(_GROUPS.sub("", digits)), scale
        if _SPACE.search(digits):  # "3 500" may be 3,500 or two numbers ("chapter 3 500 stores")
            for part in re.finditer(r"[\d.]+", digits):
                yield start + part.start(), start + part.end(), float(part.group()), None


def stated_at(figure: Figure, sentence: str) -> int | None:
    """Where `sentence` states the figure's value (9,000 / 9000 / 9 000; 7.9 million / 790万; 3–5 / 3 to 5)."""
    ones = multiplier(figure.unit)

    def same(value: float, scale: float | None, wanted: float) -> bool:
        stated, meant = (value, wanted) if scale is None else (value * scale, wanted * ones)
        return abs(stated - meant) <= 1e-9 * max(1.0, abs(meant))

    if not isinstance(figure.value, tuple):
        return next((s for s, _, value, scale in _numbers(sentence) if same(value, scale, abs(figure.value))), None)
    numbers = sorted(_numbers(sentence), key=lambda n: n[:2])  # a space-grouped number's parts after it
    low, high = (abs(bound) for bound in figure.value)  # "−3 to 5": the sign is in the words, like a single's
    for (start, end, first, one), (begin, _, second, other) in zip(numbers, numbers[1:], strict=False):
        if _TO.fullmatch(sentence, end, begin) and same(first, one or other, low) and same(second, other, high):
            return start
    return None


def render(text: Text, lang: str, figures: dict[str, Figure]) -> str:
    """A Text in `lang` with its {figure-id} placeholders filled in."""

    def fill(match) -> str:
        figure = figures.get(match.group(1))
        if figure is None:
            return match.group(0)
        return format_value(figure, lang, qualifier=not match.group(0).endswith(":value}"))

    return PLACEHOLDER.sub(fill, text.get(lang))


def half_up(value: float, places: int) -> float:
    """Rounds halves away from zero, as people do (Python's round(10.5) is 10)."""
    scale = 10**places
    return math.copysign(math.floor(abs(value) * scale + 0.5 + 1e-9) / scale, value)


def stated_places(value: float) -> int:
    """Decimals a stated number has: 92.7 has one, 18 none."""
    text = number(value)
    return len(text.partition(".")[2])


def derived_value(terms: Sequence[tuple[int, Figure]]) -> float:
    """The sum of signed figures, to no more decimals than its least precise term: 92.7% − 18 pp is 75%,
    not 74.7% (the article's 18 is itself rounded)."""
    values = [(sign, float(f.value)) for sign, f in terms if not isinstance(f.value, tuple)]
    exact = sum(sign * value for sign, value in values)
    return half_up(exact, min((stated_places(value) for _, value in values), default=0))


def derivation(figure: Figure, figures: dict[str, Figure], lang: str) -> str:
    """A derived figure's arithmetic in words: '25% = 67% − 42个百分点', '75% ≈ 92.7% − 18 pp' (rounded)."""
    terms = [(sign, figures[ident]) for sign, ident in figure.derived.terms]
    exact = sum(sign * f.value for sign, f in terms if not isinstance(f.value, tuple))
    equals = "=" if math.isclose(exact, figure.value, abs_tol=1e-9) else "≈"
    parts = []
    for i, (sign, ident) in enumerate(figure.derived.terms):
        term = figures[ident]
        # A term below zero flips its operator: 40% + (−5 pp) reads 40% − 5 pp.
        below = not isinstance(term.value, tuple) and term.value < 0
        text = format_value(term.replace(value=abs(term.value)) if below else term, lang, qualifier=False)
        operator = "−" if (sign < 0) != below else "+"
        if i == 0:
            parts.append(text if operator == "+" else f"−{text}")
        else:
            parts.append(f"{operator} {text}")
    return f"{format_value(figure, lang, signed=figure.role == 'change')} {equals} {' '.join(parts)}"


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
