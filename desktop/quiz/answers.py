"""Reading what a student typed, and judging it against a question's answer and tolerance."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from desktop.deck.figures import format_value, number
from desktop.deck.model import EMPTY_TEXT, Figure
from desktop.deck.units import MAGNITUDES, form, multiplier
from desktop.quiz.model import NumericAnswer, Question

_MINUS = str.maketrans({"−": "-", "–": "-", "—": "-"})
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_MAGNITUDE = re.compile(rf"(?<![a-z])({'|'.join(MAGNITUDES)})(?![a-z])", re.IGNORECASE)


@lru_cache(maxsize=4096)  # asked of each figure and each distractor, at each build of a bank
def decimals(value: float) -> int:
    """How many decimals the article wrote: 92.7 -> 1, 52 -> 0."""
    return len(number(abs(value)).partition(".")[2])


def tolerance(*values: float) -> float:
    """Half a unit of the last digit the article wrote: 0.5 for 52, 0.05 for 92.7."""
    return 0.5 * 10 ** -max(decimals(v) for v in values)


def readings(figure: Figure) -> tuple[float, ...]:
    """Other values the figure's caveat says it may mean, written in its unit ('提升3.2倍' may be 4.2倍)."""
    if figure.caveat is None or isinstance(figure.value, tuple) or figure.unit is None:
        return ()
    found: dict[float, None] = {}
    for lang, text in figure.caveat.by_lang:
        suffix = re.escape(form(figure.unit, lang)[0].replace("{}", "").strip())
        for match in re.finditer(rf"(\d+(?:\.\d+)?)\s*{suffix}" if suffix else r"(?!)", text):
            found.setdefault(float(match.group(1)), None)
    return tuple(v for v in found if v != abs(figure.value))


def _normal(text: str) -> str:
    """Full-width digits and signs to ASCII (NFKC), every kind of minus to '-'."""
    text = unicodedata.normalize("NFKC", text).translate(_MINUS)
    return _THOUSANDS.sub("", re.sub(r"([-+])\s+(?=\d)", r"\1", text))


def parse_number(text: str) -> float | None:
    """The one number in '52', '５２', ' 52 % ', '−32个百分点', '12亿元', '3.2倍', '1,200'; None if none or several."""
    found = _NUMBER.findall(_normal(text))
    return float(found[0]) if len(found) == 1 else None


def is_correct(question: Question, response: int | str, lang: str | None = None) -> bool:
    """A choice index, or typed text within the question's tolerance (亿元 read per `lang`: English types ¥ bn)."""
    # A response that names its magnitude (亿, bn) is read in it; with no language, either reading passes.
    answer = question.answer
    if not isinstance(answer, NumericAnswer):
        if isinstance(response, str):
            response = int(response) if response.strip().isdigit() else -1
        return not isinstance(response, bool) and response == answer
    value = parse_number(str(response))
    if value is None:
        return False
    if question.kind == "numeric":
        value = abs(value)  # the prompt carries the direction: '下降___%' expects 83 and forgives '-83'
    readings = [value]
    scale = form(answer.unit, "en")[1]  # English shows some units at another scale: 12亿元 is ¥1.2 bn
    if scale != 1:
        named = _MAGNITUDE.search(_normal(str(response)))
        if named:
            readings = [value * MAGNITUDES[named.group(1).lower()] / multiplier(answer.unit)]
        else:
            readings = {"zh": [value], None: [value, value / scale]}.get(lang, [value / scale])
    allowed = (question.tolerance or 0.0) + 1e-9
    return any(abs(reading - right) <= allowed for reading in readings for right in (answer.value, *answer.also))


def answer_text(question: Question, lang: str) -> str:
    """The right answer as the student should read it: the choice, or '超12亿元' / '−32 pp'."""
    answer = question.answer
    if not isinstance(answer, NumericAnswer):
        return question.choices[answer].get(lang)
    role = "change" if question.kind == "points" else "level"
    texts = [
        format_value(
            Figure("answer", v, answer.unit, None, EMPTY_TEXT, role, answer.qualifier, None),
            lang,
            signed=question.kind == "points",
        )
        for v in (answer.value, *answer.also)
    ]
    # The caveat's other reading is right too, and the explanation's note says why.
    return texts[0] + "".join(f"（或{t}）" if lang == "zh" else f" (or {t})" for t in texts[1:])
