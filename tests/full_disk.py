"""Full disks and damaged files for real, without root: SQLite's page limit, the file-size limit, broken pages."""

from __future__ import annotations

import resource
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REPO


def fill_disk(store) -> None:
    """From now on the progress file cannot grow: SQLite reports a full disk (SQLITE_FULL) for real."""
    (pages,) = store._db.execute("PRAGMA page_count").fetchone()
    store._db.execute(f"PRAGMA max_page_count = {pages}")


def free_disk(store) -> None:
    store._db.execute("PRAGMA max_page_count = 1073741823")


@contextmanager
def file_size_limit(size: int):
    """No file of this process may grow past `size` bytes (Python ignores SIGXFSZ, so writes fail with EFBIG)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def run_with_file_limit(size: int, *args: str) -> subprocess.CompletedProcess:
    """The real command in a fresh process whose files cannot grow past `size` bytes: a full disk."""
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size)),
    )


def rows(path: Path, query: str) -> list[tuple]:
    """What another process would read from the file."""
    db = sqlite3.connect(path)
    try:
        return db.execute(query).fetchall()
    finally:
        db.close()


def break_a_page(path: Path, table: str) -> None:
    """Overwrites one leaf page of `table` in the middle of the file, as a bad sector would."""
    db = sqlite3.connect(path)
    try:
        (page_size,) = db.execute("PRAGMA page_size").fetchone()
        leaves = [n for (n,) in db.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,))]
    finally:
        db.close()
    page = sorted(leaves)[len(leaves) // 2]
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(b"\xa5" * page_size)
