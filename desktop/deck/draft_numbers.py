"""The numbers one sentence (or table row) states: value, unit, qualifier, period, and a guess at the role."""

from __future__ import annotations

import re

from desktop.deck.model import Record

# Full-width digits and signs read as ASCII, one character for one, so positions stay those of the article.
_WIDE = str.maketrans("０１２３４５６７８９％．，～－", "0123456789%.,~-")
_YEAR = r"(?:19|20)\d\d"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUARTERS = {"一": "1", "二": "2", "三": "3", "四": "4", "first": "1", "second": "2", "third": "3", "fourth": "4"}

# Periods, most specific first; each names the years (and quarter) it captures.
_PERIODS = (
    (
        re.compile(rf"(?:\b[Ff]rom\s+|从)({_YEAR})\s*年?\s*(?:to|until|through|至|到)\s*({_YEAR})(?!\d)\s*年?"),
        "{0}→{1}",
    ),
    (re.compile(rf"\b[Bb]etween\s+({_YEAR})\s+and\s+({_YEAR})(?!\d)"), "{0}–{1}"),
    (re.compile(rf"(?<![\d.])(?<!\d,)({_YEAR})\s*年?\s*(?:-|–|—|~|至|到)\s*({_YEAR})(?!\d)\s*年?"), "{0}–{1}"),
    (re.compile(rf"(?<![\d.])(?<!\d,)({_YEAR})\s*年?\s*Q([1-4])(?!\d)"), "{0}Q{1}"),
    (re.compile(rf"\bQ([1-4])\s*(?:of\s+)?({_YEAR})(?!\d)"), "{1}Q{0}"),
    (re.compile(rf"(?<![\d.])(?<!\d,)({_YEAR})年第([一二三四1-4])季度"), "{0}Q{1}"),
    (re.compile(rf"\b(first|second|third|fourth) quarter (?:of )?({_YEAR})(?!\d)", re.I), "{1}Q{0}"),
    (re.compile(rf"(?<![\d.$€£¥])(?<!\d,)(?:FY\s?)?({_YEAR})(?!\d|[,.]\d|\s?%)(?:\s*年)?"), "{0}"),
)

_FIGURE = re.compile(
    rf"(?P<sign>(?<![\w.,])[-−](?=[$€£¥\d]))?(?P<currency>US\$|\$|€|£|¥|￥)?\s?(?P<low>{_NUMBER})"
    rf"(?:\s?(?P<to>-|–|—|~|〜|至|到|\bto\b)\s?(?:US\$|\$|€|£|¥|￥)?(?P<high>{_NUMBER}))?"
)
_ZH_DIGITS = {c: str(i) for i, c in enumerate("一二三四五六七八九十", 1)}
# A rank: TOP1, No. 1, #1, 排名第一, 位居第2, 第3名 (not 第三方, 第一次: 第 alone is no rank).
_RANK = re.compile(
    r"(?<![A-Za-z])TOP\s?(\d+)|\bNo\.\s?(\d+)\b|#(\d+)\b|"
    r"(?:排名|位居|位列|名列|排在|排)第([一二三四五六七八九十]|\d+)|第([一二三四五六七八九十]|\d+)名"
)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9}
# "7.9 million", or an abbreviation written on the number: "$12.4m", "$2bn" ("5 m" may be metres).
_SCALE = re.compile(r"(?:\s?(thousand|million|billion)|(bn|mn|[kmb]))(?![A-Za-z])", re.I)
_CURRENCY_SCALE = {1e3: "k", 1e6: "m", 1e9: "bn"}
# What follows a number, longest first: the unit as a deck writes it (None: as the article writes it).
_MEASURE_ZH = r"美元|港元|欧元|元|分钟|小时|个月|[天周秒年条家个人次名位款台件户单座所项场篇部辆套张]"
_UNITS = (
    (re.compile(r"\s?(?:percentage points?|pp\b)|个百分点|百分点"), "pp"),
    (re.compile(r"\s?(?:%|per ?cent\b)"), "%"),
    (re.compile(r"倍|\s?(?:×|x\b|times\b|-?fold\b)"), "×"),
    (re.compile(rf"(?:万亿|亿|万|千)?(?:{_MEASURE_ZH})|万亿|亿|万"), None),  # 亿元, 万家, 分钟, 条, 万
)
# Words after a number that are no unit of it ("40 of them", "3 new markets").
_NOT_UNIT = re.compile(
    r"(?:"
    r"a|an|the|of|in|on|at|to|by|for|from|and|or|but|than|per|with|as|is|are|was|were|be|been|its|their|"
    r"our|this|that|these|those|more|less|new|other|additional|further|extra|same|each|every|"
    r"ago|later|earlier|last|next|first|higher|lower|up|down|over|after|before|since|while|when|which|who|"
    r"where)\Z"
)
_WORD = re.compile(r"\s([a-z][a-z-]*[a-z])\b")
# Words just before or after a number that say it is not exact.
_MORE = r"超过|超出|超|突破|逾|多于|高于|more than|over|above|in excess of|upwards of|exceeding|exceeded|surpassed"
_ABOUT = r"大约|约|接近|将近|近|大概|about|around|nearly|approximately|roughly|almost|close to|~|≈"
_ABOUT += r"|up to|as (?:much|many) as"  # no qualifier says "at most": "about" is the nearest honest one
_VERB_ZH = r"(?:提升至|增至|降至|提升|下降|增长|减少|降低|上升|达到|增|降|升|占|为|达|减)?"
_BEFORE = re.compile(rf"(?:({_MORE})|({_ABOUT})){_VERB_ZH}\s*\Z", re.I)
_AFTER_MORE = re.compile(r"\s?(?:以上|多|余|\+|or more\b)")
_AFTER_ABOUT = re.compile(r"\s?左右")
_FALL = re.compile(
    r"(?:下降|降低|减少|下滑|缩减|降|减|跌)(?:了)?(?:约|超|超过|近)?\s*\Z|"
    r"\b(?:fell|dropped|declined|decreased|shrank|down|lost|cut)(?: by)?"
    r"(?: (?:about|around|nearly|more than|over))?\s*\Z",
    re.I,
)
_CHANGE = re.compile(
    r"(?:提升|增长|增加|增|下降|降低|减少|降|上升|高出|低于|增速|减)(?:了)?(?:约|超|超过|近)?\s*\Z|"
    r"\b(?:rose|grew|increased|fell|dropped|declined|decreased|up|down|gained|lost|growth of|rise of)(?: by)?"
    r"(?: (?:about|around|nearly|more than|over))?\s*\Z",
    re.I,
)
_FROM = re.compile(r"(?:从|由|\bfrom)\s*(?:\S{0,6}的)?\s*\Z", re.I)
_TO = re.compile(r"(?:至|到|\bto)\s*(?:\S{0,6}的)?\s*\Z", re.I)
_BENCHMARK = re.compile(r"(?:行业平均|平均|同期|\bindustry average|\bvs\.?|\bversus|\bcompared with)\S{0,4}\s*\Z", re.I)
_COMPARED = re.compile(r"(?:较|比|相比|相较于?|\bcompared with\b|\bsince\b|\bfrom\b)\s*\Z", re.I)
_NOT_FIGURE_BEFORE = re.compile(
    r"(?:[A-Za-z]|[A-Za-z]-|第|\b(?:section|chapter|part|step|phase|page|figure|table|grade|level|version)\s|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s|:)\Z",
    re.I,
)
_NOT_FIGURE_AFTER = re.compile(r"[A-Z]|[a-z](?<!x)|:\d|[月日号]")
_ORDINAL = re.compile(r"\s*(?:\d{1,2}[.、)）]|[(（]\d{1,2}[)）])(?!\d)")
_CLAUSE = re.compile(r"[,，;；:：](?!\d)\s*")  # not the comma of 9,000
_JUST_AFTER = re.compile(r"\s*(?:(?:in|during|for|by|as of|at the end of|as at)\s+)?")


class Found(Record):
    """One number a sentence states, as a figure would hold it."""

    start: int
    end: int
    value: object  # a float, or (low, high) for a range
    unit: str | None
    qualifier: str
    period: str | None
    role: str  # a guess, for the author to confirm
    cite: str = ""  # ":value" when the sentence says the qualifier in a word before it (超{id:value})


def numbers(sentence: str) -> list[Found]:
    """Every figure `sentence` states, in order; years become periods, list ordinals and names are skipped."""
    text = sentence.translate(_WIDE)
    periods = _periods(text)
    # Periods, then ranks, are blanked out (same length) before numbers are looked for: "in 2019 to 52%" is no range.
    text = _blank(text, [(s, e) for s, e, _ in periods])
    found = []
    for match in _RANK.finditer(text):
        rank = next(g for g in match.groups() if g)
        start = match.start() + max(0, match.group(0).find("第"))  # 排名第二: the slide's text keeps 排名
        found.append(_found(text, start, match.end(), float(_ZH_DIGITS.get(rank, rank)), None, "rank", periods))
    text = _blank(text, [(f.start, f.end) for f in found])
    match = _FIGURE.search(text)
    while match:
        skipped = _skipped(text, match)
        found += [] if skipped else [_figure(text, match, periods)]
        # A "from 18 to 26" match is cut after 18: the search goes on from there, to find 26.
        match = _FIGURE.search(text, match.end() if skipped else max(found[-1].end, match.end("low")))
    return sorted(found, key=lambda f: f.start)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + "\0" * (end - start) + text[end:]
    return text


def _periods(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for pattern, form in _PERIODS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e, _ in spans):
                continue
            if form == "{0}" and not _bare_year(text, match):
                continue
            parts = [_QUARTERS.get(g.lower(), g) for g in match.groups()]
            spans.append((start, end, form.format(*parts)))
    return sorted(spans)


def _bare_year(text: str, match: re.Match) -> bool:
    """`2019年`, `in 2023`, `2023 revenue`: a year; `2000家`, `2000万`: a count (English writes 2,000 stores)."""
    return not (_SCALE.match(text, match.end()) or any(p.match(text, match.end()) for p, _ in _UNITS))


def _skipped(text: str, match: re.Match) -> bool:
    """A list ordinal (1. 一、), a name (5G, GMV2, COVID-19), a date (5月), a time (10:30) or a chapter number."""
    start = match.start("currency") if match.group("currency") else match.start("low")
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and _ORDINAL.match(text, line_start):
        return True
    if _NOT_FIGURE_BEFORE.search(text[max(0, start - 12) : start]):
        return True
    after = text[match.end() :]
    return bool(_NOT_FIGURE_AFTER.match(after)) and not (_SCALE.match(after) or any(p.match(after) for p, _ in _UNITS))


def _figure(text: str, match: re.Match, periods) -> Found:
    start = match.start("currency") if match.group("currency") else match.start("low")
    values = [_number(match.group("low"))]
    end = match.end("low")
    # "from 18 to 26 posts", "从18到26": a before and an after, not a range
    if match.group("high") and (match.group("to") in "-–—~〜" or not _FROM.search(text[:start])):
        values, end = [*values, _number(match.group("high"))], match.end()
    currency = match.group("currency")
    scale = _SCALE.match(text, end)
    multiplier = 1.0
    if scale:
        multiplier, end = _SCALES[(scale.group(1) or scale.group(2)).lower()], scale.end()
    unit = None
    if currency:
        unit = currency.replace("￥", "¥") + _CURRENCY_SCALE.get(multiplier, "")
        multiplier = 1.0 if multiplier in _CURRENCY_SCALE else multiplier
    qualifier = "range" if len(values) == 2 else "exact"
    more = _AFTER_MORE.match(text, end)
    if more and qualifier == "exact":
        qualifier, end = "more-than", more.end()
    if unit is None:
        unit, end = _unit(text, end)
    value = tuple(v * multiplier for v in values) if qualifier == "range" else values[0] * multiplier
    found = _found(text, start, end, value, unit, qualifier, periods)
    if match.group("sign") and not isinstance(value, tuple):
        found = found.replace(start=match.start(), value=-value)
    return found


def _unit(text: str, end: int) -> tuple[str | None, int]:
    for pattern, unit in _UNITS:
        match = pattern.match(text, end)
        if match:
            return unit or match.group(0), match.end()
    word = _WORD.match(text, end)
    if word and not _NOT_UNIT.match(word.group(1)):
        # "610 franchised stores": a participle is no thing counted; the unit is what it describes
        noun = _WORD.match(text, word.end()) if word.group(1).endswith("ed") else None
        if noun and not _NOT_UNIT.match(noun.group(1)):
            return f"{word.group(1)} {noun.group(1)}", noun.end()
        return word.group(1), word.end()
    return None, end


def _found(text: str, start: int, end: int, value, unit, qualifier: str, periods) -> Found:
    before = text[max(0, start - 24) : start]
    said = _BEFORE.search(before)
    cite = ""
    if said and qualifier == "exact":
        qualifier, cite = "more-than" if said.group(1) else "about", ":value"
    if qualifier == "exact" and _AFTER_ABOUT.match(text, end):
        qualifier, end = "about", _AFTER_ABOUT.match(text, end).end()
    fall = _FALL.search(before) and qualifier not in ("range", "rank")
    value = -value if fall else value
    role = "change" if fall else _role(before)  # a fall is written as a signed change
    return Found(start, end, value, unit, qualifier, _period(text, start, end, periods, role), role, cite)


def _role(before: str) -> str:
    if _BENCHMARK.search(before) or before.rstrip().endswith(("(", "（")):
        return "benchmark"
    if _CHANGE.search(before):
        return "change"
    if _FROM.search(before):
        return "before"
    if _TO.search(before):
        return "after"
    return "level"


def _period(text: str, start: int, end: int, periods, role: str) -> str | None:
    """The period of the number at start:end: one written just after it (84% in 2019), else the nearest before it
    in its clause (2019年的84%), else the sentence's own (its only one, or one in an opening clause that states no
    number), unless the number is what it grew from; a year it is compared with (较2020年) runs to the period of
    the clauses before (2020→2023)."""
    clause = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    following = _CLAUSE.search(text, end)
    clause_end = following.start() if following else len(text)
    first = _CLAUSE.search(text)
    # An opening clause that states no number sets the period of the sentence ("2023年Q2数据显示," "In 2023,").
    setting = first is not None and not re.search(r"\d", text[: first.start()])
    opening = [p for s, e, p in periods if setting and e <= first.start()]
    after = [(s, p) for s, e, p in periods if end <= s and e <= clause_end]
    if after and _JUST_AFTER.fullmatch(text, end, after[0][0]):
        return after[0][1]
    before = [(s, p) for s, e, p in periods if clause <= s and e <= start]
    if before:
        at, period = before[-1]
        earlier = [p for s, e, p in periods if e <= clause]
        if _COMPARED.search(text[:at]) and earlier and earlier[-1][:4] > period and len(period) == 4:
            return f"{period}→{earlier[-1]}"
        return period
    if after:
        return after[0][1]
    if role == "before":
        return None
    stated = [p for s, e, p in periods if not _COMPARED.search(text[:s])]  # not a year it is compared with
    if len(stated) == 1:
        return stated[0]
    return opening[0] if opening and first is not None and start > first.start() else None


def _number(text: str) -> float:
    return float(text.replace(",", ""))
