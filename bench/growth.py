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


def _export(folder: Path, deck: Path, size: str = "1920x1080", slides: str = "") -> Child:
    """A PNG export in a fresh process, into a folder of its own."""
    out = Path(tempfile.mkdtemp(dir=folder))
    return _verb("export", deck, "--out", str(out), "--size", size, *(["--slides", slides] if slides else []))


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
        done = {n: _export(work, deck) for n, deck in decks.items()}
        rows.append(_per_slide_row("`export` PNG 1920×1080", {n: _cpu(child) for n, child in done.items()}))
        one = _export(work, decks[LARGE], slides="2")
        rows.append(_memory_row(f"{LARGE} slides at 1920×1080", done[LARGE], one))
        uhd, uhd_one = _export(work, decks[SMALL], UHD_8K), _export(work, decks[SMALL], UHD_8K, slides="2")
        rows.append(_memory_row(f"{SMALL} slides at 7680×4320", uhd, uhd_one))
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
