"""Draft recall: how many of the bundled deck's stated figures `casebook draft` finds in its article."""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bench.common import Row


@dataclass
class Recall:
    """The bundled deck's stated figures (value, unit, sentence) against those a draft of its article holds."""

    stated: int
    drafted: int
    misses: list[str] = field(default_factory=list)  # stated figures the draft lacks
    extras: list[str] = field(default_factory=list)  # drafted numbers that are no figure of the deck

    @property
    def recall(self) -> float:
        return (self.stated - len(self.misses)) / self.stated

    @property
    def precision(self) -> float:
        return (self.drafted - len(self.extras)) / self.drafted


def _key(value, unit, source) -> tuple:
    from desktop.deck.units import form

    value = tuple(float(v) for v in value) if isinstance(value, (list, tuple)) else float(value)
    return value, form(unit, "en"), source  # one unit however it is spelt: "min" is "minutes"


def measure(drafted: Path, deck: Path) -> Recall:
    """Compares the draft in `drafted` with the deck's figures that quote a sentence (derived ones do not)."""
    from desktop.deck import load_deck

    truth = Counter(_key(f.value, f.unit, f.source) for f in load_deck(deck).deck.figures.values() if f.derived is None)
    found: Counter = Counter()
    for file in sorted(drafted.glob("*.yaml")):
        for figure in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get("figures") or []:
            found[_key(figure["value"], figure.get("unit"), figure["source"])] += 1
    show = lambda key: f"{key[1][0].format(key[0])} in: {key[2]}"  # noqa: E731 - one line, two uses
    return Recall(
        stated=sum(truth.values()),
        drafted=sum(found.values()),
        misses=[show(k) for k in (truth - found).elements()],
        extras=[show(k) for k in (found - truth).elements()],
    )


def draft_rows() -> list[Row]:
    from desktop.deck.draft import write_draft
    from desktop.resources import bundled_deck

    deck = bundled_deck()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "draft"
        write_draft(deck / "source.zh.txt", out)
        result = measure(out, deck)
    return [
        Row(
            "`draft` recall: the bundled deck's stated figures found, with their sentences",
            result.recall * 100,
            "≥ 90 %",
            f"precision {result.precision * 100:.0f}% ({len(result.extras)} of {result.drafted} are no figure)",
            ok=result.recall >= 0.9,
            unit="%",
        )
    ]
