"""Casebook's benchmarks: `python bench/run.py` prints each figure, its target and its floor.

Every floor is measured in the same run as the figure it is compared with, so a slow
machine moves both. Times are medians over repeated runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


@dataclass
class Row:
    figure: str
    value_ms: float
    target: str
    floor: str = "—"
    ok: bool = True


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def process_ms(args: list[str], runs: int = 15) -> float:
    """Median wall time of a whole process, start to exit, with bytecode cached as on a user's machine."""
    run = [sys.executable, *args]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(run, cwd=REPO, env=env, capture_output=True, check=True)  # warm caches, write .pyc
    return median_ms(lambda: subprocess.run(run, cwd=REPO, env=env, capture_output=True, check=True), runs)


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


def main() -> int:
    rows = deck_rows()
    width = max(len(r.figure) for r in rows)
    print(f"{'figure':<{width}}  {'measured':>9}  {'target':<13}  floor")
    for r in rows:
        mark = "" if r.ok else "  MISSED"
        print(f"{r.figure:<{width}}  {r.value_ms:>6.1f} ms  {r.target:<13}  {r.floor}{mark}")
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
