"""What every benchmark shares: a row of the table, and timing helpers."""

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


@dataclass
class Row:
    figure: str
    value: float
    target: str
    floor: str = "—"
    ok: bool = True
    unit: str = "ms"


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def process_ms(args: list[str], runs: int = 15, env: dict[str, str] | None = None) -> float:
    """Median wall time of a whole process, start to exit, with bytecode cached as on a user's machine."""
    run = [sys.executable, *args]
    full_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | (env or {})
    subprocess.run(run, cwd=REPO, env=full_env, capture_output=True, check=True)  # warm caches, write .pyc
    return median_ms(lambda: subprocess.run(run, cwd=REPO, env=full_env, capture_output=True, check=True), runs)
