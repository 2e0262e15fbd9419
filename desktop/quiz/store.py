"""Progress in SQLite: every answer and every card state, each answer committed in one transaction.

When the file cannot take a write (a full disk), the answer is kept in memory and written with the next one,
or by `save`; a damaged file is set aside and what can still be read of it is copied into a fresh one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from functools import cache
from pathlib import Path
from typing import TypeVar

from desktop.quiz.model import Question
from desktop.quiz.salvage import readable_rows
from desktop.quiz.schedule import RATINGS, CardState, review, utc
from desktop.set_aside import SetAside
from desktop.sqlite_file import connect, journals, open_kept

T = TypeVar("T")

SCHEMA_VERSION = 2  # 2 added flags and suspended; a version 1 file gets them when opened
_SCHEMA = """
CREATE TABLE IF NOT EXISTS cards (
    question_id TEXT PRIMARY KEY,
    due TEXT NOT NULL,              -- ISO 8601 in UTC, fixed width, so text order is time order
    card TEXT NOT NULL,             -- the fsrs card as JSON
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    question_id TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    correct INTEGER NOT NULL,
    rating TEXT NOT NULL,
    seconds REAL NOT NULL,
    response TEXT NOT NULL,
    before TEXT,                    -- the card state this answer was reviewed from (JSON; NULL for a new card)
    overrides INTEGER REFERENCES answers(id)  -- set on a regrade: the answer whose rating it replaces
);
CREATE INDEX IF NOT EXISTS answers_by_question ON answers (question_id, id);
CREATE TABLE IF NOT EXISTS flags (
    question_id TEXT PRIMARY KEY,
    flagged_at TEXT NOT NULL,
    reason TEXT NOT NULL            -- 'wrong' or 'unclear', for the deck's author
);
CREATE TABLE IF NOT EXISTS suspended (
    question_id TEXT PRIMARY KEY,
    suspended_at TEXT NOT NULL
);
"""


class StoreError(Exception):
    """The progress file cannot be used; the message is one line for the user."""


def progress_file(folder: Path, deck_id: str) -> Path:
    """One progress file a deck, so two decks that share figure ids never share cards."""
    return folder / deck_id / "progress.db"


def _stamp(moment: datetime) -> str:
    return utc(moment).isoformat(timespec="microseconds")


def _state(row) -> CardState:
    qid, due, card, reps, lapses = row
    return CardState(qid, datetime.fromisoformat(due), card, reps, lapses)


class Store:
    """One student's progress file. Open it with `Store.open`."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db, self.path = db, path
        self._held: list[Callable[[sqlite3.Connection], object]] = []  # changes the file could not take yet
        self._memory: sqlite3.Connection | None = None  # while changes are held: the file's state with them
        self.unsaved = 0  # answers held in memory
        self.problem = ""  # why the file could not take them (SQLite's words)

    @classmethod
    def open(cls, path: Path, now: datetime | None = None) -> tuple[Store, SetAside | None]:
        """The store at `path`, and what was done if a damaged file had to be set aside (named by `now`)."""
        store, aside, version = open_kept(path, now, SCHEMA_VERSION, cls._connect, cls._fresh, cls._newer, StoreError)
        if aside is None:
            return store, None
        return store, SetAside(Path(path), aside, store._salvage(aside) if version is not None else 0)

    @classmethod
    def _fresh(cls, path: Path) -> Store:
        """A new, empty progress file; if it cannot be made, nothing of it (file, journals, folders) is left."""
        missing = [folder for folder in (path.parent, *path.parent.parents) if not folder.exists()]
        made = [name for name in (path, *journals(path)) if not name.exists()]
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return cls._connect(path)
        except sqlite3.Error as error:
            for name in made:
                name.unlink(missing_ok=True)
            for folder in missing:
                if not any(folder.iterdir()):
                    folder.rmdir()
            raise StoreError(f"cannot keep progress in {path.parent}: {error}") from error

    @staticmethod
    def _newer(path: Path, version: int) -> StoreError:
        return StoreError(
            f"{path} was written by a newer Casebook (progress schema {version}, this one reads {SCHEMA_VERSION});"
            " it was left untouched"
        )

    @classmethod
    def _connect(cls, path: Path) -> Store:
        def only_ours(db: sqlite3.Connection) -> None:
            others = sorted(name for name, columns in _tables(db).items() if _our_tables().get(name) != columns)
            if others:
                raise StoreError(
                    f"{path} is not a Casebook progress file (it holds the tables {', '.join(others)});"
                    " it was left untouched: move it elsewhere to start afresh"
                )

        return cls(connect(path, SCHEMA_VERSION, _SCHEMA, cls._newer, only_ours), path)

    def _salvage(self, damaged: Path) -> int:
        """Copies the answers, cards, flags and suspensions that can still be read from a damaged file; returns how
        many answers."""
        answers = [row for row in readable_rows(damaged, "answers", _ANSWER_COLUMNS) if _sound_answer(row)]
        cards = [row for row in readable_rows(damaged, "cards", _CARD_COLUMNS) if _sound_card(row)]
        flags = [row for row in readable_rows(damaged, "flags", _FLAG_COLUMNS) if _sound_mark(row, _REASONS)]
        suspended = [row for row in readable_rows(damaged, "suspended", _SUSPENDED_COLUMNS) if _sound_mark(row)]
        tables = (
            ("answers", _ANSWER_COLUMNS, answers),
            ("cards", _CARD_COLUMNS, cards),
            ("flags", _FLAG_COLUMNS, flags),
            ("suspended", _SUSPENDED_COLUMNS, suspended),
        )

        def work(db: sqlite3.Connection) -> None:
            for table, columns, rows in tables:
                marks = ", ".join("?" * len(columns))
                db.executemany(f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

        salvaged = sum(1 for row in answers if row[-1] is None)  # a regrade is not an answer
        if any(rows for _, _, rows in tables):
            self._write(work, salvaged)
        return salvaged

    def _write(self, work: Callable[[sqlite3.Connection], T], answers: int) -> T:
        """Commits `work` to the file; when the file cannot take it, keeps it in memory to write later (`save`)."""
        if self._memory is None:
            try:
                return _transaction(self._db, work)
            except sqlite3.Error as error:
                self._memory = self._copy()
                self.problem = str(error)
        result = _transaction(self._memory, work)
        self._held.append(work)
        self.unsaved += answers
        self.save()
        return result

    def _copy(self) -> sqlite3.Connection:
        """The file's committed state, in memory: reads go there while changes wait to be written."""
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            self._db.backup(memory)
        except sqlite3.Error as error:
            memory.close()
            raise StoreError(f"could not save progress to {self.path}, nor read it: {error}") from error
        return memory

    def save(self) -> bool:
        """Writes the changes kept in memory to the file, all in one transaction; True when nothing is unsaved."""
        if not self._held:
            return True
        try:
            _transaction(self._db, lambda db: [work(db) for work in self._held])
        except sqlite3.Error as error:
            self.problem = str(error)
            return False
        self._held.clear()
        self._memory.close()
        self._memory, self.unsaved, self.problem = None, 0, ""
        return True

    @property
    def _reads(self) -> sqlite3.Connection:
        """Where reads go: the file, or its copy in memory with the changes the file could not take yet."""
        return self._db if self._memory is None else self._memory

    def record_answer(
        self, question_id: str, correct: bool, rating: str, seconds: float, response: str, now: datetime
    ) -> CardState:
        """Commits the answer and the new card state together (held in memory while the file cannot take them)."""

        def work(db: sqlite3.Connection) -> CardState:
            before = _card(db, question_id)
            after = review(before, question_id, rating, now)
            db.execute(
                "INSERT INTO answers (question_id, answered_at, correct, rating, seconds, response, before)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (question_id, _stamp(now), int(correct), rating, float(seconds), str(response), _dump(before)),
            )
            _put(db, after)
            return after

        return self._write(work, 1)

    def regrade(self, question_id: str, rating: str, now: datetime) -> CardState:
        """Replaces the rating of the question's last answer and returns the card it gives."""
        # The override is its own row (pointing at the answer it overrides), and the card is re-reviewed from the
        # state that answer started from, at that answer's time: regrading twice is the same as once, and the card
        # is always what the answers table says it should be.

        def work(db: sqlite3.Connection) -> CardState:
            row = db.execute(
                "SELECT id, answered_at, correct, seconds, response, before FROM answers"
                " WHERE question_id = ? AND overrides IS NULL ORDER BY id DESC LIMIT 1",
                (question_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"no answer to regrade for {question_id}")
            answer_id, answered_at, correct, seconds, response, before = row
            after = review(_load(question_id, before), question_id, rating, datetime.fromisoformat(answered_at))
            db.execute(
                "INSERT INTO answers (question_id, answered_at, correct, rating, seconds, response, before, overrides)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (question_id, _stamp(now), correct, rating, seconds, response, before, answer_id),
            )
            _put(db, after)
            return after

        return self._write(work, 0)

    def undo(self, question_id: str) -> CardState | None:
        """Takes back the question's last answer (and its regrades): the card is as before it, in one transaction."""

        def work(db: sqlite3.Connection) -> CardState | None:
            row = db.execute(
                "SELECT id, before FROM answers WHERE question_id = ? AND overrides IS NULL ORDER BY id DESC LIMIT 1",
                (question_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"no answer to undo for {question_id}")
            answer_id, before = row
            db.execute("DELETE FROM answers WHERE id = ? OR overrides = ?", (answer_id, answer_id))
            state = _load(question_id, before)
            if state is None:
                db.execute("DELETE FROM cards WHERE question_id = ?", (question_id,))
            else:
                _put(db, state)
            return state

        return self._write(work, 0)

    def flag(self, question_id: str, reason: str | None, now: datetime) -> None:
        """Flags the question as 'wrong' or 'unclear' for the author; None takes the flag away."""

        def work(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM flags WHERE question_id = ?", (question_id,))
            if reason is not None:
                db.execute("INSERT INTO flags VALUES (?, ?, ?)", (question_id, _stamp(now), reason))

        self._write(work, 0)

    def flags(self) -> list[tuple[str, datetime, str]]:
        """(question id, when, reason) of each flagged question, the oldest flag first."""
        rows = self._reads.execute("SELECT question_id, flagged_at, reason FROM flags ORDER BY flagged_at, question_id")
        return [(qid, datetime.fromisoformat(at), reason) for qid, at, reason in rows]

    def flag_of(self, question_id: str) -> str | None:
        """The question's flag ('wrong' or 'unclear'), or None."""
        row = self._reads.execute("SELECT reason FROM flags WHERE question_id = ?", (question_id,)).fetchone()
        return row[0] if row else None

    def suspend(self, question_id: str, suspended: bool, now: datetime) -> None:
        """A suspended question is never asked until it is unsuspended."""

        def work(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM suspended WHERE question_id = ?", (question_id,))
            if suspended:
                db.execute("INSERT INTO suspended VALUES (?, ?)", (question_id, _stamp(now)))

        self._write(work, 0)

    def suspended(self) -> set[str]:
        return {qid for (qid,) in self._reads.execute("SELECT question_id FROM suspended")}

    def answered_since(self, start: datetime) -> tuple[int, int]:
        """(new questions, reviews) answered since `start`: what a day's limits count; regrades are not answers."""
        stamp = _stamp(start)
        new, reviews = self._reads.execute(
            "SELECT COALESCE(SUM(before IS NULL), 0), COALESCE(SUM(before IS NOT NULL AND question_id NOT IN"
            " (SELECT question_id FROM answers WHERE before IS NULL AND overrides IS NULL AND answered_at >= ?)), 0)"
            " FROM answers WHERE overrides IS NULL AND answered_at >= ?",
            (stamp, stamp),
        ).fetchone()
        return new, reviews

    def card(self, question_id: str) -> CardState | None:
        return _card(self._reads, question_id)

    def due(self, now: datetime) -> list[str]:
        """Questions whose card is due at `now`, the longest overdue first."""
        query = "SELECT question_id FROM cards WHERE due <= ? ORDER BY due, question_id"
        rows = self._reads.execute(query, (_stamp(now),))
        return [qid for (qid,) in rows]

    def seen(self) -> set[str]:
        return {qid for (qid,) in self._reads.execute("SELECT question_id FROM cards")}

    def _last_answers(self) -> list[tuple[str, bool, str]]:
        """(question id, right, answered at) of each question's last answer, most recent first."""
        rows = self._reads.execute(
            "SELECT question_id, correct, answered_at FROM answers WHERE id IN"
            " (SELECT MAX(id) FROM answers WHERE overrides IS NULL GROUP BY question_id) ORDER BY id DESC"
        )
        return [(qid, bool(correct), at) for qid, correct, at in rows]

    def mistakes(self) -> list[str]:
        """Questions whose last answer was wrong, the most recent first."""
        return [qid for qid, correct, _ in self._last_answers() if not correct]

    def history(self, tz: tzinfo = UTC) -> list[tuple[date, int, int]]:
        """(day, answered, right) for each day with answers, oldest first; regrades are not answers."""
        days: dict[date, list[int]] = {}
        for at, correct in self._reads.execute("SELECT answered_at, correct FROM answers WHERE overrides IS NULL"):
            counts = days.setdefault(datetime.fromisoformat(at).astimezone(tz).date(), [0, 0])
            counts[0] += 1
            counts[1] += correct
        return [(day, answered, right) for day, (answered, right) in sorted(days.items())]

    def mastery(self, bank: list[Question]) -> dict[int | None, float]:
        """Per section number, the share of its questions mastered: in FSRS's review state and last answer right."""
        # A question never answered counts as not mastered; learning and relearning cards are not mastered yet.
        right = {qid for qid, correct, _ in self._last_answers() if correct}
        reviewing = {qid for qid in self.seen() if self.card(qid).state == "review"}
        totals: dict[int | None, list[int]] = {}
        for question in bank:
            counts = totals.setdefault(question.section, [0, 0])
            counts[0] += question.id in right and question.id in reviewing
            counts[1] += 1
        return {number: done / total for number, (done, total) in totals.items()}

    def close(self) -> None:
        """Saves what is held if the file now takes it, then closes; `unsaved` says what could not be saved."""
        self.save()
        self._db.close()
        if self._memory is not None:
            self._memory.close()


def _dump(state: CardState | None) -> str | None:
    if state is None:
        return None
    return json.dumps({"due": _stamp(state.due), "card": state.card_json, "reps": state.reps, "lapses": state.lapses})


def _load(question_id: str, text: str | None) -> CardState | None:
    if text is None:
        return None
    data = json.loads(text)
    return CardState(question_id, datetime.fromisoformat(data["due"]), data["card"], data["reps"], data["lapses"])


def _transaction(db: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    """Runs `work(db)` in one transaction and commits it; on any error none of it stays."""
    db.execute("BEGIN IMMEDIATE")
    try:
        result = work(db)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # SQLite itself rolls back after some errors (a full disk among them)
            db.execute("ROLLBACK")
        raise
    return result


def _card(db: sqlite3.Connection, question_id: str) -> CardState | None:
    row = db.execute(
        "SELECT question_id, due, card, reps, lapses FROM cards WHERE question_id = ?", (question_id,)
    ).fetchone()
    return _state(row) if row else None


def _put(db: sqlite3.Connection, state: CardState) -> None:
    db.execute(
        "INSERT OR REPLACE INTO cards (question_id, due, card, reps, lapses) VALUES (?, ?, ?, ?, ?)",
        (state.question_id, _stamp(state.due), state.card_json, state.reps, state.lapses),
    )


def _tables(db: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """Each table's column names."""
    names = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {name: tuple(row[1] for row in db.execute("SELECT * FROM pragma_table_info(?)", (name,))) for name in names}


@cache
def _our_tables() -> dict[str, tuple[str, ...]]:
    """The tables of a progress file, to tell another program's SQLite file from ours."""
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(_SCHEMA)
        return _tables(db)
    finally:
        db.close()


_ANSWER_COLUMNS = (
    "id",
    "question_id",
    "answered_at",
    "correct",
    "rating",
    "seconds",
    "response",
    "before",
    "overrides",
)
_CARD_COLUMNS = ("question_id", "due", "card", "reps", "lapses")
_FLAG_COLUMNS = ("question_id", "flagged_at", "reason")
_SUSPENDED_COLUMNS = ("question_id", "suspended_at")
_REASONS = ("wrong", "unclear")


def _sound_answer(row: tuple) -> bool:
    """Whether a salvaged answer row holds what an answer must: damaged pages can hold anything."""
    answer_id, question_id, answered_at, correct, rating, seconds, response, before, overrides = row
    try:
        datetime.fromisoformat(answered_at)
        _load(question_id, before)
    except (ValueError, TypeError, KeyError):
        return False
    return (
        type(answer_id) is int
        and isinstance(question_id, str)
        and correct in (0, 1)
        and rating in RATINGS
        and isinstance(seconds, int | float)
        and isinstance(response, str)
        and (overrides is None or type(overrides) is int)
    )


def _sound_card(row: tuple) -> bool:
    try:
        return isinstance(row[0], str) and type(row[3]) is int and type(row[4]) is int and bool(_state(row).card)
    except (ValueError, TypeError, KeyError):
        return False


def _sound_mark(row: tuple, reasons: tuple[str, ...] | None = None) -> bool:
    """A salvaged flag (with its reason) or suspension: a question id and a time."""
    try:
        datetime.fromisoformat(row[1])
    except (ValueError, TypeError):
        return False
    return isinstance(row[0], str) and (reasons is None or row[2] in reasons)
