"""Easing: how far along an animation looks at raw progress t; pure, so tests need no animation."""

from __future__ import annotations


def ease(t: float) -> float:
    """Ease-out cubic: fast start, gentle landing; 0 -> 0, 1 -> 1, clamped outside."""
    t = min(1.0, max(0.0, t))
    return 1 - (1 - t) ** 3


def reveal(t: float, index: int, count: int) -> float:
    """Opacity of the `index`-th of `count` items revealed one after another over t in [0, 1]."""
    return min(1.0, max(0.0, t * count - index))
