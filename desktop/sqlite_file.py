"""Opening a file the app keeps in SQLite (progress, class results): a newer one refused, a damaged one set aside.

The quiz's progress and the class quiz's results go through the same steps, here once: an empty or missing file
is made afresh; one from a newer Casebook is left untouched with a one-line reason; one that is damaged (not a
database, or pages that fail SQLite's check) is moved aside, kept, and a fresh one started.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from desktop.set_aside import aside_name

HEADER = b"SQLite format 3\x00"
T = TypeVar("T")


class Damaged(sqlite3.DatabaseError):
    """The file is SQLite but its pages are not sound."""


def journals(path: Path) -> tuple[Path, ...]:
    """The files SQLite keeps beside a database while it is open."""
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def schema_version(path: Path) -> int | None:
    """The user_version in a SQLite file's header, or None when the file is not SQLite at all."""
    with path.open("rb") as file:
        header = file.read(100)
    if not header.startswith(HEADER) or len(header) < 100:
        return None
    return int.from_bytes(header[60:64], "big")


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """Damage (not a database, corrupt pages), as opposed to a file that is merely busy or unreadable."""
    return isinstance(error, Damaged) or getattr(error, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT")


def check(db: sqlite3.Connection) -> None:
    """Raises Damaged when SQLite's quick check finds a page that is not sound."""
    if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
        raise Damaged("quick_check found damage")


def connect(
    path: Path,
    newest: int,
    schema: str,
    newer: Callable[[Path, int], Exception],
    vet: Callable[[sqlite3.Connection], None] = lambda db: None,
) -> sqlite3.Connection:
    """The file opened in autocommit (transactions are explicit), WAL and full sync (a committed answer survives a
    power cut, not only a kill), its pages checked and `vet`ted; an older schema gains the tables it lacks (its rows
    kept), while a current file is not written to here, so a full disk still opens it."""
    db = sqlite3.connect(path, isolation_level=None)  # its thread only: each thread that keeps a file opens its own
    try:
        (version,) = db.execute("PRAGMA user_version").fetchone()
        if version > newest:
            raise newer(path, version)
        check(db)
        vet(db)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        if version < newest:
            db.executescript(f"BEGIN; {schema} PRAGMA user_version={newest}; COMMIT;")
    except BaseException:
        db.close()
        raise
    return db


def open_kept(
    path: Path,
    now: datetime | None,
    newest: int,
    connect: Callable[[Path], T],
    fresh: Callable[[Path], T],
    newer: Callable[[Path, int], Exception],
    failure: Callable[[str], Exception],
) -> tuple[T, Path | None, int | None]:
    """(the file opened, where a damaged one was moved or None, that one's schema version or None if not SQLite).

    `newest` is the schema this Casebook reads; `connect` opens a file that exists, `fresh` makes one; `newer`
    and `failure` make the one-line errors for a file from a newer Casebook and for one that cannot be opened.
    """
    path = Path(path)
    if not path.exists() or not path.stat().st_size:
        return fresh(path), None, None
    version = schema_version(path)
    if version is not None and version > newest:
        raise newer(path, version)
    if version is not None:
        try:
            return connect(path), None, None
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise failure(f"cannot open {path}: {error}") from error
    aside = aside_name(lambda tag: path.with_name(f"{path.name}.damaged-{tag}"), now or datetime.now(UTC))
    try:
        path.replace(aside)
        for journal in journals(path):
            if journal.exists():
                journal.replace(aside.with_name(aside.name + journal.name.removeprefix(path.name)))
    except OSError as error:
        raise failure(f"{path} is damaged and could not be moved aside: {error.strerror}") from error
    return fresh(path), aside, version
