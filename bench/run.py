"""Casebook's benchmarks: `python bench/run.py [GROUP ...]` prints each figure, its target and its floor.

Every floor is measured in the same run as the figure it is compared with, so a slow
machine moves both. Times are medians over repeated runs unless a row says otherwise.
Groups: deck, draft, start, presentation, quiz, export, growth, class (the default is all of them, in
that order; growth takes minutes: it exports hundreds of slides, some at 8K).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.classroom import classroom_rows  # noqa: E402
from bench.deck import deck_rows  # noqa: E402
from bench.draft import draft_rows  # noqa: E402
from bench.export import export_rows  # noqa: E402
from bench.growth import growth_rows  # noqa: E402
from bench.presentation import presentation_rows, start_rows  # noqa: E402
from bench.quiz import quiz_rows  # noqa: E402

GROUPS = {
    "deck": deck_rows,
    "draft": draft_rows,
    "start": start_rows,
    "presentation": presentation_rows,
    "quiz": quiz_rows,
    "export": export_rows,
    "growth": growth_rows,
    "class": classroom_rows,
}


def main(names: list[str]) -> int:
    unknown = [n for n in names if n not in GROUPS]
    if unknown:
        print(f"bench/run.py: no group {', '.join(unknown)} (groups: {', '.join(GROUPS)})", file=sys.stderr)
        return 2
    rows = [row for name in names or GROUPS for row in GROUPS[name]()]
    width = max(len(r.figure) for r in rows)
    print(f"{'figure':<{width}}  {'measured':>11}  {'target':<13}  floor")
    for r in rows:
        mark = "" if r.ok else "  MISSED"
        value = f"{r.value:>8.2f}" if abs(r.value) < 10 else f"{r.value:>8.1f}"
        print(f"{r.figure:<{width}}  {value} {r.unit:<2}  {r.target:<13}  {r.floor}{mark}")
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
