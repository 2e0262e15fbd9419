"""Reading what can still be read of a damaged SQLite file, row by row around its broken pages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.sqlite_file import journals

CHUNK = 512  # rows read at once while the pages are sound
GIVE_UP = 4  # chunks in a row with nothing readable, when the table's last rowid cannot be read


def readable_rows(path: Path, table: str, columns: tuple[str, ...]) -> list[tuple]:
    """The rows of `table` (by rowid) that can still be read from the file at `path`; none if it cannot be opened.

    A range of rowids whose pages are broken is halved until what fails is single rows, which are skipped.
    """
    made = [journal for journal in journals(path) if not journal.exists()]  # SQLite makes them even to read
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
        try:
            last, known = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0, True
        except sqlite3.DatabaseError:  # the last pages are broken: at most as many rows as fit the file
            last, known = path.stat().st_size // 40, False
        found, empty = [], 0
        for start in range(1, last + 1, CHUNK):
            chunk = rows(start, min(start + CHUNK - 1, last))
            found += chunk
            empty = 0 if chunk else empty + 1
            if not known and empty == GIVE_UP:  # rowids are dense: this far past the end, nothing is left to find
                break
        return found
    except sqlite3.DatabaseError:
        return []
    finally:
        db.close()
        for journal in made:
            journal.unlink(missing_ok=True)
