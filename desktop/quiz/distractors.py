"""Wrong but plausible values for a figure: its neighbours in the deck first, then nearby numbers."""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from itertools import chain

from desktop.deck.model import Figure
from desktop.quiz.answers import decimals, readings
from desktop.quiz.index import DeckIndex
from desktop.quiz.wording import LANGS, value_text

# Nearby numbers: within ±50 % first (in an order the seed picks), then closer and further out.
_NEAR = (0.75, 1.25, 0.5, 1.5, 0.6, 1.4, 0.8, 1.2)
_FAR = (0.9, 1.1, 0.95, 1.05, 0.85, 1.15, 0.4, 1.75, 2.0, 0.3, 2.5, 3.0)
_RANKS = (1, 3, 5, 10, 2, 20)


def rng_for(seed: int, question_id: str) -> random.Random:
    """Each question's own randomness: an edit elsewhere in the deck never changes its distractors."""
    return random.Random(f"{seed}:{question_id}")


def round_like(value: float, places: int) -> float:
    """Rounds half up to the figure's precision (Python's round(44.5) would give 44)."""
    scale = 10**places
    return math.floor(value * scale + 0.5) / scale


def fits(figure: Figure, magnitude: float) -> bool:
    """Inside the unit's range: a share within 0–100 %, a fall of at most 100 %, a rank a whole number ≥ 1;
    a figure the deck states beyond that range (a change of 300 pp) widens it to its own size."""
    if magnitude <= 0:
        return False
    if figure.qualifier == "rank":
        return float(magnitude).is_integer()
    if figure.unit == "pp" or (figure.unit == "%" and (figure.role != "change" or figure.value < 0)):
        return magnitude <= max(100, abs(figure.value))
    return True


def _peer(figure: Figure, other: Figure) -> bool:
    """Another stated figure that could be confused with this one: same unit, kind, and sign."""
    return (
        not isinstance(other.value, tuple)
        and other.unit == figure.unit
        and (other.role == "change") == (figure.role == "change")
        and (other.qualifier == "rank") == (figure.qualifier == "rank")
        and (other.value < 0) == (figure.value < 0)
    )


def _similar(figure: Figure, other: Figure, factor: float) -> bool:
    """Within a factor: 6.8% is not asked among 41% and 89%, which give it away."""
    size, other_size = abs(figure.value), abs(other.value)
    return size / factor <= other_size <= size * factor


def _peers(figure: Figure, index: DeckIndex) -> tuple[tuple[Figure, ...], tuple[Figure, ...], Figure | None]:
    """Stated figures fit to stand in for this one: from its slides, from the rest of its section; its partner."""
    near, rest = index.neighbours(figure)
    partner = index.counterpart(figure)

    def usable(other: Figure, factor: float) -> bool:  # a figure asked alike would be a second right answer
        return (
            _peer(figure, other)
            and _similar(figure, other, factor)
            and other is not partner  # the index's own figures: one object each
            and not index.alike(figure, other)
        )

    # A figure of the same chart is a fair distractor within a factor of three; one from another slide only when
    # close (within two): a US market share of 37% is not asked among staff shares of 89% and 92%.
    return tuple(f for f in near if usable(f, 3)), tuple(f for f in rest if usable(f, 2)), partner


def _candidates(figure: Figure, index: DeckIndex, rng: random.Random, shown: Figure | None) -> Iterable:
    if isinstance(figure.value, tuple):
        return _ranges(*figure.value, rng)
    near, rest, partner = index.once(("peers", figure.id), lambda: _peers(figure, index))
    near, rest = list(near), list(rest)
    rng.shuffle(near)
    rng.shuffle(rest)
    first = [partner] if partner is not None and partner is not shown and _peer(figure, partner) else []
    stated = [abs(f.value) for f in first + near + rest]
    magnitude, places = abs(figure.value), decimals(figure.value)
    if figure.qualifier == "rank":
        return stated + list(_RANKS)
    ordered = list(_NEAR)
    rng.shuffle(ordered)
    # Last, the nearest values the figure's precision can write: a 0 or a 0.001 has no multiples to offer.
    steps = (round_like(magnitude + k * 10**-places, places) for k in (1, -1, 2, -2, 3, -3))
    multiples = (round_like(magnitude * k, places) for k in ordered + list(_FAR))
    return chain(stated, multiples, steps)  # worked out only as far as three distractors need


def _ranges(low: float, high: float, rng: random.Random) -> list[tuple[float, float]]:
    """Ranges as wide as this one, shifted or doubled; a range of falls ([-5, -3]) is mirrored, then back."""
    if high <= 0:
        return [(-b, -a) for a, b in _ranges(-high, -low, rng)]
    width = high - low
    shifted = [(low - width, high - width), (low + width, high + width), (low * 2, high * 2)]
    rng.shuffle(shifted)
    return [r for r in [*shifted, (low + 2 * width, high + 2 * width)] if r[0] > 0]


def _direction(figure: Figure, shown: Figure | None):
    """With the other end of a change in the prompt ('从78%升至多少？'), a choice must keep its direction."""
    if shown is None:
        return lambda value: True
    rises = (figure.value > shown.value) if figure.role == "after" else (shown.value > figure.value)
    if figure.role == "after":
        return lambda value: (value > shown.value) if rises else (value < shown.value)
    return lambda value: (value < shown.value) if rises else (value > shown.value)


def _right(figure: Figure) -> dict[str, frozenset[str]]:
    """The figure's value as written per language, with every reading its caveat allows (each a right answer)."""
    values = (figure.value, *readings(figure))
    return {lang: frozenset(value_text(figure, lang, v) for v in values) for lang in LANGS}


def distractor_values(
    figure: Figure, index: DeckIndex, rng: random.Random, shown: Figure | None = None, count: int = 3
) -> list:
    """Up to `count` values, signed like the figure, distinct in text; never `shown`, the end the prompt states."""
    keeps_direction = _direction(figure, shown)
    sign = -1 if not isinstance(figure.value, tuple) and figure.value < 0 else 1
    taken = {lang: set(texts) for lang, texts in index.once(("taken", figure.id), lambda: _right(figure)).items()}
    values = []
    for candidate in _candidates(figure, index, rng, shown):
        if not isinstance(candidate, tuple) and not fits(figure, candidate):
            continue
        value = candidate if isinstance(candidate, tuple) else sign * candidate
        if not isinstance(value, tuple) and not keeps_direction(value):
            continue
        texts = {lang: value_text(figure, lang, value) for lang in LANGS}
        if any(texts[lang] in taken[lang] for lang in LANGS):
            continue
        for lang in LANGS:
            taken[lang].add(texts[lang])
        values.append(value)
        if len(values) == count:
            break
    return values
