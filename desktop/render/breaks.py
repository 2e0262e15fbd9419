"""Where a line of slide text may break, and which breaks read best: Chinese and English rules, no Qt.

A break is an index into the text: the line ends before it. A break after a space drops the space.
"""

from __future__ import annotations

import re

# Chinese typesetting's kinsoku: these never start a line, those never end one.
CLOSING = set("，。、：；！？）」』”’》〉】〕〗｝…—%‰·・々～,.;:!?)]}")
OPENING = set("（「『“‘《〈【〔〖｛([{")
_CJK = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e]")
# A number stays with what makes it a quantity: its sign or currency before, its unit after, a range's
# second end ("3–5倍"), a quarter's year ("Q3 2021"). Units are the ones the decks and the app write.
_UNITS_ZH = (
    "万亿元|亿美元|万亿|亿元|万元|美元|个百分点|百分点|分钟|小时|季度|"  # longest first: "亿元" before "亿"
    "亿|万|元|倍|年|月|日|天|条|个|人|家|款|次|名|位|秒|岁|周"
)
_UNITS_EN = r"(?:pp|bn|m|min|mins|minutes|hours|days|years|million|billion|trillion|times|points|%)\+?"
_QUANTITY = re.compile(
    rf"[¥$€£+\-−]?(?:Q[1-4]\s)?\d[\d.,]*(?:\s?[–~-]\s?\d[\d.,]*)?"
    rf"(?:\s?[%‰×x倍]|\s?(?:{_UNITS_ZH})|\s{_UNITS_EN}(?![A-Za-z]))?\+?"
    rf"|第[\d一二三四五六七八九十]+[个条位名季]?"
)
# A short note in brackets, "（推算）" or "(estimate)", is read as one word.
_NOTE = re.compile(r"[（(][^（()）]{1,8}[）)]")
_WORD_END = re.compile(r"(?:^|[^A-Za-z])[A-Za-z]{3,}$")  # "live-|commerce" may break, "E-|commerce" not
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DASHES = re.compile(r"——|……|⋯⋯")


def is_cjk(text: str, i: int) -> bool:
    return 0 <= i < len(text) and bool(_CJK.match(text[i]))


def kept_together(text: str) -> list[tuple[int, int]]:
    """Spans of `text` no line may break inside: numbers with their units, short bracketed notes, doubled dashes."""
    spans = [m.span() for pattern in (_QUANTITY, _NOTE, _DASHES) for m in pattern.finditer(text)]
    return [(a, b) for a, b in spans if b - a > 1]


def opportunities(text: str) -> list[int]:
    """Every index a line may break before, by the rules of both languages."""
    inside = bytearray(len(text) + 1)
    for a, b in kept_together(text):
        inside[a + 1 : b] = b"\x01" * (b - a - 1)
    cjk = bytearray(len(text) + 1)
    for m in _CJK.finditer(text):
        cjk[m.start()] = 1
    found = []
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if inside[i] or after.isspace() or after in CLOSING or before in OPENING:
            continue
        # After a space, beside a Chinese character, after a dash or slash between words of three letters, or after
        # punctuation that follows Chinese ("投,2023年": the article's own commas).
        if (
            before.isspace()
            or cjk[i - 1]
            or cjk[i]
            or (before in "-–—/" and re.match(r"[A-Za-z]{3}", text[i : i + 3]) and _WORD_END.search(text, 0, i - 1))
            or (before in CLOSING and i > 1 and cjk[i - 2])
        ):
            found.append(i)
    return found


def content(line: str) -> int:
    """How much a line says: its Chinese characters and its words, punctuation and spaces not counted."""
    return len(_IDEOGRAPH.findall(line)) + len(re.findall(r"[A-Za-z0-9]+", line))


def greedy(x: list[float], text: str, breaks: list[int], width: float) -> list[int]:
    """The fewest lines: each line as long as fits (a piece wider than `width` stands alone)."""
    chosen, start, previous = [], 0, 0
    for candidate in [*breaks, len(text)]:
        if previous > start and span(x, text, start, candidate) > width:
            chosen.append(previous)
            start = previous
        previous = candidate
    return chosen


def span(x: list[float], text: str, start: int, end: int) -> float:
    """The width of text[start:end] set as one line: a space it ends on is dropped at the break."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return x[end] - x[start]


def best(text: str, x: list[float], width: float, balance: bool) -> list[int]:
    """The breaks that set `text` in as few lines as greedy filling, reading best.

    `x[i]` is where character i starts on one unbroken line (x[len(text)] its end). With `balance`
    (titles, quotes, captions) every line is about as long as the others; otherwise only the last line
    may be short. A last line is never one character or one word when another choice exists.
    """
    breaks = opportunities(text)
    lines = len(greedy(x, text, breaks, width)) + 1
    if lines == 1:
        return []
    ends = [*breaks, len(text)]
    # cost[k][j]: the least cost of setting text up to ends[j] in k + 1 lines (dynamic programming).
    inf = float("inf")
    cost = [[inf] * len(ends) for _ in range(lines)]
    back = [[-1] * len(ends) for _ in range(lines)]
    for j, end in enumerate(ends):
        width_j = span(x, text, 0, end)
        if width_j > width and j:
            break
        cost[0][j] = _slack(width, width_j, last=end == len(text), balance=balance)
    for k in range(1, lines):
        for j, end in enumerate(ends):
            last = end == len(text)
            for i in range(j - 1, -1, -1):
                line = span(x, text, ends[i], end)
                if line > width and i < j - 1:
                    break
                if cost[k - 1][i] == inf:
                    continue
                total = cost[k - 1][i] + _slack(width, line, last=last, balance=balance)
                if last and content(text[ends[i] : end]) < 2:
                    total += width * width * 4  # an orphan costs more than any unevenness
                if text[ends[i] - 1] in "-–—/" and not is_cjk(text, ends[i] - 2):
                    total += width * width / 4  # a word torn at its hyphen only when nothing else fits
                if total < cost[k][j]:
                    cost[k][j], back[k][j] = total, i
    chosen, j = [], len(ends) - 1
    for k in range(lines - 1, 0, -1):
        j = back[k][j]
        chosen.append(ends[j])
    return chosen[::-1]


def _slack(width: float, line: float, last: bool, balance: bool) -> float:
    """What a line's unfilled width costs: the last line's only when lines should balance, or when it is a stub."""
    if last and not balance:
        return 0.0 if line >= width / 4 else (width / 4 - line) ** 2
    return (width - line) ** 2
