"""Casebook's benchmarks: `python bench/run.py` prints each figure, its target and its floor.

Every floor is measured in the same run as the figure it is compared with, so a slow
machine moves both. Times are medians over repeated runs unless a row says otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.deck import deck_rows  # noqa: E402
from bench.export import export_rows  # noqa: E402
from bench.presentation import presentation_rows  # noqa: E402
from bench.quiz import quiz_rows  # noqa: E402


def main() -> int:
    rows = deck_rows() + presentation_rows() + quiz_rows() + export_rows()
    width = max(len(r.figure) for r in rows)
    print(f"{'figure':<{width}}  {'measured':>11}  {'target':<13}  floor")
    for r in rows:
        mark = "" if r.ok else "  MISSED"
        print(f"{r.figure:<{width}}  {r.value:>8.1f} {r.unit:<2}  {r.target:<13}  {r.floor}{mark}")
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
