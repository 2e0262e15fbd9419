"""Units a deck may write: the ones the app knows are written per language, any other as the deck wrote it."""

from __future__ import annotations

import unicodedata
from functools import cache

# A row: (names a deck may write, Chinese form, English form, English scale, English form for exactly one).
# "{}" stands for the number; the English number is the deck's value times the scale (12亿元 = ¥1.2 bn).
# A language other than Chinese reads the English form.
_ROWS = [
    (("%", "％", "percent"), "{}%", "{}%", 1, None),
    (("pp", "个百分点", "百分点", "percentage points"), "{}个百分点", "{} pp", 1, None),
    (("×", "倍", "x", "times"), "{}倍", "{}×", 1, None),
    (("万",), "{}万", "{} million", 0.01, None),
    (("亿",), "{}亿", "{} bn", 0.1, None),
    (("秒", "s", "seconds"), "{}秒", "{} s", 1, None),
    (("分钟", "min", "minutes"), "{}分钟", "{} min", 1, None),
    (("小时", "h", "hours"), "{}小时", "{} hours", 1, "{} hour"),
    (("天", "days"), "{}天", "{} days", 1, "{} day"),
    (("周", "weeks"), "{}周", "{} weeks", 1, "{} week"),
    (("个月", "months"), "{}个月", "{} months", 1, "{} month"),
    (("年", "years"), "{}年", "{} years", 1, "{} year"),
    (("人", "people"), "{}人", "{} people", 1, "{} person"),
]
# Chinese measure words: English counts the thing with the number alone (the figure's measure names it).
_ROWS += [((word,), "{}" + word, "{}", 1, None) for word in "条家个件辆台名位座款"]
# Money: (symbol, Chinese name); each in units, 10 thousands (万), millions, 100 millions (亿) and billions.
CURRENCIES = (("¥", "元"), ("$", "美元"), ("€", "欧元"), ("£", "英镑"))
for sign, name in CURRENCIES:
    _ROWS += [
        ((sign, name), "{}" + name, sign + "{}", 1, None),
        (("万" + name,), "{}万" + name, sign + "{}k", 10, None),
        ((sign + "m", sign + " million", "百万" + name), "{}百万" + name, sign + "{} million", 1, None),
        (("亿" + name,), "{}亿" + name, sign + "{} bn", 0.1, None),
        ((sign + "bn", sign + " billion", "十亿" + name), "{}十亿" + name, sign + "{} bn", 1, None),
    ]
KNOWN = {name: row[1:] for row in _ROWS for name in row[0]}
CENTS = frozenset(unit for currency in CURRENCIES for unit in currency)  # money in ones is written with its cents
GROUPING = {"zh": ""}  # thousands separator per language; others group with ","


def _signs(unit: str) -> str:
    """The currency signs a unit starts with: "$" of "$/kg", "" of "stores"."""
    return unit[: next((i for i, c in enumerate(unit) if unicodedata.category(c) != "Sc"), len(unit))]


def _as_written(unit: str) -> str:
    """An unknown unit's form: a currency sign goes before the number, a word after it with a space."""
    sign = _signs(unit)
    rest = unit[len(sign) :]
    word = rest[:1].isalpha() and unicodedata.east_asian_width(rest[0]) not in "WF"
    return sign + "{}" + (" " if word else "") + rest.replace("{", "{{").replace("}", "}}")  # "pts{1}" as written


def form(unit: str | None, lang: str, one: bool = False) -> tuple[str, float]:
    """(how a number is written in `unit` in `lang`, "{}" standing for it; the scale its value is shown at)."""
    if unit is None:
        return "{}", 1
    if unit not in KNOWN:
        return _as_written(unit), 1
    zh, en, scale, en_one = KNOWN[unit]
    if lang == "zh":
        return zh, 1
    return (en_one if one and en_one else en), scale


# Words for powers of ten an article writes after a number ("790万", "7.9 million"), longest first.
MAGNITUDES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "十亿": 1e9, "亿": 1e8, "万": 1e4, "千": 1e3}
MAGNITUDES |= {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3, "tn": 1e12, "bn": 1e9, "mn": 1e6}
_SHORT = {"m": 1e6, "k": 1e3}  # only after a currency sign: "$m" is millions of dollars, "m" alone is metres


@cache  # a deck has a few units and many figures
def multiplier(unit: str | None) -> float:
    """How many ones a unit's one stands for: 1e8 for 亿元, 1e6 for "$m", 1 for "%" or "stores"."""
    if unit is None:
        return 1
    rest = unit.lstrip(_signs(unit)).strip()
    if rest != unit.strip() and rest in _SHORT:
        return _SHORT[rest]
    word = next((w for w in MAGNITUDES if rest.startswith(w)), None)
    if word is None or (word.isascii() and rest[len(word) : len(word) + 1].isalpha()):
        return 1
    return MAGNITUDES[word]
