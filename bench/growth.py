"""Growth benchmarks: cost per slide and peak memory as generated decks grow (tests/decks.py).

Cost is CPU time in a fresh process per measurement, with the verb's imports loaded before the clock
starts (bench/verb.py), less the same on a deck of BASE slides: the cost of each slide beyond those,
with no fixed cost spread over it. Peak memory is the whole process's high-water mark (VmHWM).
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench.common import Child, Row, run_child
from tests.decks import write_deck

BASE, SMALL, LARGE = 10, 50, 400
RUNS = {"validate": 5, "questions": 5, "export": 1}  # an export of 50 slides takes seconds: noise is small
UHD_8K = "7680x4320"


def _verb(verb: str, deck: Path, *options: str) -> Child:
    return run_child(["bench/verb.py", verb, str(deck), *options])


def _failed(child: Child) -> str:
    last = child.err.strip().splitlines()[-1:] or [f"exit {child.code}"]
    return last[0][:60]


def _without_quiz(deck: Path) -> str:
    """--slides for every slide of `deck` but its quiz slides."""
    from desktop.deck import load_deck

    slides = load_deck(deck).deck.slides
    return ",".join(str(n) for n, slide in enumerate(slides, 1) if slide.kind != "quiz")


class _Exports:
    """PNG exports, each in a fresh process. While quiz slides crash export, they are left out and said so."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.notes: list[str] = []

    def run(self, deck: Path, size: str = "1920x1080", slides: str = "") -> Child:
        out = Path(tempfile.mkdtemp(dir=self.folder))
        options = ["--out", str(out), "--size", size, *(["--slides", slides] if slides else [])]
        child = _verb("export", deck, *options)
        if child.code != 0 and not slides:
            self.notes.append(f"quiz slides left out ({_failed(child)})")
            return self.run(deck, size, _without_quiz(deck))
        return child


def growth_rows() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        decks = {n: write_deck(work / f"deck-{n}", slides=n) for n in (BASE, SMALL, LARGE)}
        rows = []
        for verb, options in (("validate", ()), ("questions", ("--json",))):
            cpu = {
                n: statistics.median(_cpu(_verb(verb, deck, *options)) for _ in range(RUNS[verb]))
                for n, deck in decks.items()
            }
            rows.append(_per_slide_row(f"`{verb}`", cpu))
        exports = _Exports(work)
        done = {n: exports.run(deck) for n, deck in decks.items()}
        rows.append(_per_slide_row("`export` PNG 1920×1080", {n: _cpu(child) for n, child in done.items()}))
        large = done[LARGE]
        one = exports.run(decks[LARGE], slides="2")
        rows.append(_memory_row(f"{LARGE} slides at 1920×1080", large, one))
        uhd, uhd_one = exports.run(decks[SMALL], UHD_8K), exports.run(decks[SMALL], UHD_8K, slides="2")
        rows.append(_memory_row(f"{SMALL} slides at 7680×4320", uhd, uhd_one))
        for row in rows[2:]:
            if exports.notes:
                row.floor += f"; {exports.notes[0]}"
                row.ok = False
    return rows


def _cpu(child: Child) -> float:
    return float(child.out.split()[0]) if child.code == 0 else float("nan")


def _peak_mb(child: Child) -> float:
    return float(child.out.split()[1]) if child.code == 0 else float("nan")


def _per_slide_row(what: str, cpu: dict[int, float]) -> Row:
    """CPU ms a slide beyond the first BASE, at LARGE slides against SMALL."""
    per_slide = {n: (cpu[n] - cpu[BASE]) / (n - BASE) for n in (SMALL, LARGE)}
    ratio = per_slide[LARGE] / per_slide[SMALL]
    return Row(
        f"{what}, CPU per slide at {LARGE} slides",
        per_slide[LARGE],
        "≤ 1.3× floor",
        f"at {SMALL} slides: {per_slide[SMALL]:.2f} ms (×{ratio:.2f})",
        ratio <= 1.3,
    )


def _memory_row(what: str, export: Child, one: Child) -> Row:
    return Row(
        f"PNG export peak RSS, {what}",
        _peak_mb(export),
        "≤ 250 MB",
        f"the same export of one (chart) slide: {_peak_mb(one):.0f} MB (×{_peak_mb(export) / _peak_mb(one):.2f})",
        _peak_mb(export) <= 250,
        unit="MB",
    )
