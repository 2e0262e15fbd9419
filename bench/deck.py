"""Deck benchmarks: loading and validating, in-process and as a whole `validate` process."""

from __future__ import annotations

from bench.common import Row, median_ms, process_ms


def deck_rows() -> list[Row]:
    from desktop.deck import load_deck
    from desktop.resources import bundled_deck

    deck = bundled_deck()
    cold = median_ms(lambda: load_deck(deck), 1)
    warm = median_ms(lambda: load_deck(deck), 30)
    validate = process_ms(["main.py", "validate"])
    bare = process_ms(["-c", "import yaml"])
    return [
        Row("load + validate bundled deck, in-process (first run)", cold, "≤ 50 ms", ok=cold <= 50),
        Row("load + validate bundled deck, in-process (median)", warm, "≤ 50 ms", ok=warm <= 50),
        Row(
            "`main.py validate`, whole process",
            validate,
            "≤ 2.0× floor",
            f"python -c 'import yaml': {bare:.0f} ms (×{validate / bare:.2f})",
            ok=validate <= 2 * bare,
        ),
    ]
