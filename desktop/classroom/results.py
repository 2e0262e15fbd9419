"""The class's answers in SQLite, one file a deck: lectures, students, rounds posed, and each answer in one transaction.

A restart of the server within a lecture reads its PIN, students, rounds and answers back from here, and the next
lecture's warm-up reads which questions the class missed. Like the progress store, a damaged file is set aside.
"""

from __future__ import annotations

import csv
import io
import secrets
import sqlite3
import statistics
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.set_aside import SetAside
from desktop.sqlite_file import connect, open_kept

SCHEMA_VERSION = 1
LECTURE_HOURS = 6  # a restart within this long of a lecture's start continues it
WARM_UP_BELOW = 0.8  # a question the class got at least this share right needs no warm-up
_SCHEMA = """
CREATE TABLE IF NOT EXISTS lectures (
    id INTEGER PRIMARY KEY,
    pin TEXT NOT NULL,
    started TEXT NOT NULL           -- ISO 8601 in UTC, fixed width, so text order is time order
);
CREATE TABLE IF NOT EXISTS students (
    lecture INTEGER NOT NULL REFERENCES lectures(id),
    token TEXT NOT NULL,
    name TEXT NOT NULL,
    joined TEXT NOT NULL,
    PRIMARY KEY (lecture, token)
);
CREATE TABLE IF NOT EXISTS rounds (
    lecture INTEGER NOT NULL REFERENCES lectures(id),
    round INTEGER NOT NULL,
    question TEXT NOT NULL,
    section INTEGER,
    kind TEXT NOT NULL,
    posed TEXT NOT NULL,
    PRIMARY KEY (lecture, round)
);
CREATE TABLE IF NOT EXISTS answers (
    lecture INTEGER NOT NULL,
    round INTEGER NOT NULL,
    token TEXT NOT NULL,
    response REAL NOT NULL,         -- a choice index, or a number as typed in the phone's form of the unit
    right INTEGER NOT NULL,
    seconds REAL NOT NULL,
    answered TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT '',  -- the language it was typed and graded in (a number's unit form)
    PRIMARY KEY (lecture, round, token)
);
"""


class ResultsError(Exception):
    """The class results file cannot be used; the message is one line for the lecturer."""


@dataclass(frozen=True)
class Lecture:
    id: int
    pin: str
    started: datetime


@dataclass(frozen=True)
class QuestionResult:
    """How the room did on one question in one lecture."""

    question: str  # question id
    section: int | None
    kind: str
    asked: int  # times posed in that lecture
    answered: int  # answers to it
    right: int
    median_seconds: float | None  # time to answer, median over answers

    @property
    def share_right(self) -> float | None:
        return self.right / self.answered if self.answered else None


def results_file(folder: Path, deck_id: str) -> Path:
    """One class file a deck, beside its progress file."""
    return folder / deck_id / "class.db"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class Results:
    """The class results of one deck. Open it with `Results.open`; use it on the thread that opened it."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db, self.path = db, path

    @classmethod
    def open(cls, path: Path, now: datetime | None = None) -> tuple[Results, SetAside | None]:
        """The results at `path`, and what was done if a damaged file had to be set aside (named by `now`)."""
        results, aside, _ = open_kept(path, now, SCHEMA_VERSION, cls._connect, cls._fresh, cls._newer, ResultsError)
        return results, None if aside is None else SetAside(Path(path), aside)

    @classmethod
    def _fresh(cls, path: Path) -> Results:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls._connect(path)
        except (OSError, sqlite3.Error) as error:
            raise ResultsError(f"cannot keep class results in {path.parent}: {error}") from error

    @staticmethod
    def _newer(path: Path, version: int) -> ResultsError:
        return ResultsError(
            f"{path} was written by a newer Casebook (class results schema {version}, this one reads"
            f" {SCHEMA_VERSION}); it was left untouched"
        )

    @classmethod
    def _connect(cls, path: Path) -> Results:
        # check_same_thread stays on: the server opens it on its own thread and only that thread uses it
        return cls(connect(path, SCHEMA_VERSION, _SCHEMA, cls._newer), path)

    def lecture(self, now: datetime) -> Lecture:
        """The lecture going on: the last one if it started less than six hours before `now`, else a new one."""
        last = self._lecture("SELECT id, pin, started FROM lectures ORDER BY id DESC LIMIT 1")
        if last is not None and now - last.started < timedelta(hours=LECTURE_HOURS):
            return last
        pin = f"{secrets.randbelow(10_000):04d}"
        cursor = self._db.execute("INSERT INTO lectures (pin, started) VALUES (?, ?)", (pin, _stamp(now)))
        return Lecture(cursor.lastrowid, pin, now.astimezone(UTC))

    def _lecture(self, query: str) -> Lecture | None:
        row = self._db.execute(query).fetchone()
        return Lecture(row[0], row[1], datetime.fromisoformat(row[2])) if row else None

    def lectures(self) -> list[Lecture]:
        """Every lecture, the newest first."""
        rows = self._db.execute("SELECT id, pin, started FROM lectures ORDER BY id DESC")
        return [Lecture(i, pin, datetime.fromisoformat(started)) for i, pin, started in rows]

    def last_round(self, lecture: int) -> int:
        (found,) = self._db.execute(
            "SELECT COALESCE(MAX(round), 0) FROM rounds WHERE lecture = ?", (lecture,)
        ).fetchone()
        return found

    def students(self, lecture: int) -> dict[str, str]:
        """token -> name of each student who joined the lecture, in the order they joined."""
        rows = self._db.execute("SELECT token, name FROM students WHERE lecture = ? ORDER BY rowid", (lecture,))
        return dict(rows.fetchall())

    def join(self, lecture: int, token: str, name: str, now: datetime) -> None:
        self._db.execute(
            "INSERT INTO students (lecture, token, name, joined) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (lecture, token) DO UPDATE SET name = excluded.name",
            (lecture, token, name, _stamp(now)),
        )

    def pose(self, lecture: int, round: int, question_id: str, section: int | None, kind: str, now: datetime) -> None:
        """Records that `round` asks `question_id`; posing a round again (after a restart) keeps the first."""
        self._db.execute(
            "INSERT INTO rounds (lecture, round, question, section, kind, posed) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (lecture, round) DO NOTHING",
            (lecture, round, question_id, section, kind, _stamp(now)),
        )

    def answer(
        self,
        lecture: int,
        round: int,
        token: str,
        response: float,
        right: bool,
        seconds: float,
        now: datetime,
        lang: str = "",
    ) -> bool:
        """Commits one answer; False, with nothing written, when this token already answered the round."""
        cursor = self._db.execute(
            "INSERT INTO answers (lecture, round, token, response, right, seconds, answered, lang)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (lecture, round, token, float(response), int(right), float(seconds), _stamp(now), lang),
        )
        return cursor.rowcount == 1

    def answers(self, lecture: int, round: int) -> dict[str, float]:
        """token -> response of the round's answers, in the order they came."""
        rows = self._db.execute(
            "SELECT token, response FROM answers WHERE lecture = ? AND round = ? ORDER BY rowid", (lecture, round)
        )
        return dict(rows.fetchall())

    def graded(self, lecture: int, round: int) -> dict[str, tuple[float, bool, str]]:
        """token -> (response, right, language) of the round's answers: what a restart needs to tally them again."""
        rows = self._db.execute(
            "SELECT token, response, right, lang FROM answers WHERE lecture = ? AND round = ? ORDER BY rowid",
            (lecture, round),
        )
        return {token: (response, bool(right), lang) for token, response, right, lang in rows}

    def summary(self, lecture: int) -> list[QuestionResult]:
        """Each question posed in the lecture, in the order first posed."""
        rows = self._db.execute(
            "SELECT r.question, r.section, r.kind, r.round, a.right, a.seconds FROM rounds r"
            " LEFT JOIN answers a ON a.lecture = r.lecture AND a.round = r.round"
            " WHERE r.lecture = ? ORDER BY r.round",
            (lecture,),
        )
        found: dict[str, tuple[int | None, str, set[int], list[int], list[float]]] = {}
        for question, section, kind, round, right, seconds in rows:
            _, _, rounds, rights, times = found.setdefault(question, (section, kind, set(), [], []))
            rounds.add(round)
            if right is not None:
                rights.append(right)
                times.append(seconds)
        return [
            QuestionResult(
                question,
                section,
                kind,
                len(rounds),
                len(rights),
                sum(rights),
                statistics.median(times) if times else None,
            )
            for question, (section, kind, rounds, rights, times) in found.items()
        ]

    def warm_up(self, lecture: int, n: int = 5) -> list[str]:
        """Questions of earlier lectures whose latest answered showing got under 80 % right, most-missed first."""
        # A showing nobody answered says nothing about the class, so the latest showing with an answer counts.
        rows = self._db.execute(
            "SELECT r.question, COUNT(*), SUM(a.right) FROM rounds r"
            " JOIN answers a ON a.lecture = r.lecture AND a.round = r.round"
            " WHERE r.lecture < ? GROUP BY r.lecture, r.round ORDER BY r.lecture, r.round",
            (lecture,),
        )
        latest: dict[str, float] = {}
        for question, answered, right in rows:
            latest[question] = right / answered
        missed = sorted((share, order, q) for order, (q, share) in enumerate(latest.items()) if share < WARM_UP_BELOW)
        return [question for _, _, question in missed[:n]]

    def csv(self, lecture: int) -> str:
        """The lecture's summary as CSV with a header row: one row a question."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("question", "section", "kind", "asked", "answered", "right", "share right", "median seconds"))
        for r in self.summary(lecture):
            share = "" if r.share_right is None else f"{r.share_right:.3f}"
            median = "" if r.median_seconds is None else f"{r.median_seconds:.1f}"
            section = "" if r.section is None else r.section
            writer.writerow((r.question, section, r.kind, r.asked, r.answered, r.right, share, median))
        return out.getvalue()

    def close(self) -> None:
        self._db.close()
