"""What every benchmark shares: a row of the table, and timing helpers."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
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


@dataclass(frozen=True)
class Child:
    """A finished child process: exit code, wall and CPU ms (all its threads), its output."""

    code: int
    wall_ms: float
    cpu_ms: float
    out: str
    err: str


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _env(env: dict[str, str] | None) -> dict[str, str]:
    """The environment of a child: bytecode cached as on a user's machine, Qt offscreen."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return base | {"QT_QPA_PLATFORM": "offscreen"} | (env or {})


def process_ms(args: list[str], runs: int = 15, env: dict[str, str] | None = None) -> float:
    """Median wall time of a whole process, start to exit, with bytecode cached as on a user's machine."""
    run = [sys.executable, *args]
    full_env = _env(env)
    subprocess.run(run, cwd=REPO, env=full_env, capture_output=True, check=True)  # warm caches, write .pyc
    return median_ms(lambda: subprocess.run(run, cwd=REPO, env=full_env, capture_output=True, check=True), runs)


def run_child(args: list[str], env: dict[str, str] | None = None) -> Child:
    """`python ARGS` in a fresh process; its CPU time comes from wait4, so it is that process's alone."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        child = subprocess.Popen([sys.executable, *args], cwd=REPO, env=_env(env), stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = (time.perf_counter() - began) * 1000
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Child(
            code=child.returncode,
            wall_ms=wall,
            cpu_ms=(usage.ru_utime + usage.ru_stime) * 1000,
            out=out.read().decode(errors="replace"),
            err=err.read().decode(errors="replace"),
        )


def first_line_ms(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall ms from starting `python ARGS` until it prints a line, the CPU ms it prints on that line)."""
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, *args], cwd=REPO, env=_env(env), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    line = child.stdout.readline()
    wall = (time.perf_counter() - began) * 1000
    child.communicate()
    if child.returncode != 0 or not line.strip():
        raise RuntimeError(f"{' '.join(args)} exited with {child.returncode} before it painted")
    return wall, float(line) * 1000
