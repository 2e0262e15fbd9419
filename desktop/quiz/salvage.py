"""Reading what can still be read of a damaged SQLite file, row by row around its broken pages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

CHUNK = 512  # rows read at once while the pages are sound


def readable_rows(path: Path, table: str, columns: tuple[str, ...]) -> list[tuple]:
    """The rows of `table` (by rowid) that can still be read from the file at `path`; none if it cannot be opened.

    A range of rowids whose pages are broken is halved until what fails is single rows, which are skipped.
    """
    journals = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    made = [journal for journal in journals if not journal.exists()]  # SQLite makes them even to read: not ours
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    query = f"SELECT {', '.join(columns)} FROM {table} WHERE rowid BETWEEN ? AND ? ORDER BY rowid"

    def rows(low: int, high: int) -> list[tuple]:
        try:
            return db.execute(query, (low, high)).fetchall()
        except sqlite3.DatabaseError:
            if low == high:
                return []
            middle = (low + high) // 2
            return rows(low, middle) + rows(middle + 1, high)

    try:
        db.execute(f"SELECT {', '.join(columns)} FROM {table} LIMIT 0")  # the schema itself is readable
        last = _last_rowid(db, table, path)
        return [row for start in range(1, last + 1, CHUNK) for row in rows(start, min(start + CHUNK - 1, last))]
    except sqlite3.DatabaseError:
        return []
    finally:
        db.close()
        for journal in made:
            journal.unlink(missing_ok=True)


def _last_rowid(db: sqlite3.Connection, table: str, path: Path) -> int:
    """The table's largest rowid; when its pages cannot say, as many rows as the file could hold (40 bytes a row)."""
    try:
        return db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        return path.stat().st_size // 40
