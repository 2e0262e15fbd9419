"""Numbers a slide can print: the bounds validate enforces, and the digits `number` writes."""

from __future__ import annotations

import math

# A float holds 15 significant digits faithfully; a slide's largest figure is a trillion (yuan, users…).
MAX_VALUE = 10**12
MAX_DIGITS = 15
MAX_DECIMALS = 6
LIMITS = f"numbers up to ±{MAX_VALUE:,}, at most {MAX_DIGITS} digits, {MAX_DECIMALS} of them after the point"


def places(value: float) -> int:
    """Decimals a number keeps: six, fewer when its whole part is long (15 digits in all)."""
    magnitude = abs(value)
    if magnitude < 10 ** (MAX_DIGITS - MAX_DECIMALS):  # every figure a deck has: asked for in every label
        return MAX_DECIMALS
    if not math.isfinite(value):
        return 0
    return max(0, MAX_DIGITS - len(str(int(magnitude))))


def number(value: float, grouping: str = "") -> str:
    """67 -> '67', 92.7 -> '92.7', 74.70000000000001 -> '74.7'; one more decimal for ¥ bn (亿元 ÷ 10).

    `grouping` separates thousands in the whole part: 9000 -> '9,000' with ",".
    """
    text = f"{value:.{places(value) + 1}f}".rstrip("0").rstrip(".")
    if text == "-0":
        return "0"
    if not grouping or -1000 < value < 1000:  # most numbers: nothing to group
        return text
    whole, point, decimals = text.partition(".")
    return f"{int(whole):,}".replace(",", grouping) + point + decimals


def unprintable(value: float) -> str | None:
    """Why a slide cannot print `value` (not finite, too large, too many digits), or None."""
    if abs(value) > MAX_VALUE or not math.isfinite(value):  # in this order: a 400-digit int is no float
        return "is beyond what a slide can show"
    if round(value, places(value)) != value:
        return "has more digits than a slide can show"
    return None
