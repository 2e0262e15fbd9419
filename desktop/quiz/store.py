"""Progress in SQLite: every answer and every card state, each answer committed in one transaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from desktop.quiz.model import Question
from desktop.quiz.schedule import CardState, review, utc
from desktop.resources import data_dir  # noqa: F401 - where progress lives, for the verbs that keep it

SCHEMA_VERSION = 1
_HEADER = b"SQLite format 3\x00"
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
"""


class StoreError(Exception):
    """The progress file cannot be used; the message is one line for the user."""


class _Damaged(sqlite3.DatabaseError):
    """The file is SQLite but its pages are not sound."""


def _damaged(error: sqlite3.DatabaseError) -> bool:
    """Damage (not a database, corrupt pages), as opposed to a file that is merely busy or unreadable."""
    return isinstance(error, _Damaged) or getattr(error, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT")


def progress_file(folder: Path, deck_id: str) -> Path:
    """One progress file a deck, so two decks that share figure ids never share cards."""
    return folder / deck_id / "progress.db"


def _stamp(moment: datetime) -> str:
    return utc(moment).isoformat(timespec="microseconds")


def _state(row) -> CardState:
    qid, due, card, reps, lapses = row
    return CardState(qid, datetime.fromisoformat(due), card, reps, lapses)


def _header_version(path: Path) -> int | None:
    """The user_version in a SQLite file's header, or None when the file is not SQLite at all."""
    with path.open("rb") as file:
        header = file.read(100)
    if not header.startswith(_HEADER) or len(header) < 100:
        return None
    return int.from_bytes(header[60:64], "big")


class Store:
    """One student's progress file. Open it with `Store.open`."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db, self.path = db, path

    @classmethod
    def open(cls, path: Path, now: datetime | None = None) -> tuple[Store, str | None]:
        """The store at `path`, and a one-line notice if a damaged file had to be set aside (named by `now`)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size:
            version = _header_version(path)
            if version is not None and version > SCHEMA_VERSION:
                raise cls._newer(path, version)
            if version is not None:
                try:
                    return cls._connect(path), None
                except sqlite3.DatabaseError as error:
                    if not _damaged(error):
                        raise StoreError(f"cannot open {path}: {error}") from error
            aside = cls._set_aside(path, now or datetime.now(UTC))
            store = cls._connect(path)
            return store, f"{path.name} was damaged; it was moved to {aside.name} and a fresh one started"
        return cls._connect(path), None

    @staticmethod
    def _newer(path: Path, version: int) -> StoreError:
        return StoreError(
            f"{path} was written by a newer Casebook (progress schema {version}, this one reads {SCHEMA_VERSION});"
            " it was left untouched"
        )

    @classmethod
    def _connect(cls, path: Path) -> Store:
        db = sqlite3.connect(path, isolation_level=None)  # autocommit: transactions are explicit below
        try:
            (version,) = db.execute("PRAGMA user_version").fetchone()
            if version > SCHEMA_VERSION:
                raise cls._newer(path, version)
            if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise _Damaged("quick_check found damage")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")  # a committed answer survives a power cut, not only a kill
            db.executescript(f"BEGIN; {_SCHEMA} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;")
        except BaseException:
            db.close()
            raise
        return cls(db, path)

    @staticmethod
    def _set_aside(path: Path, now: datetime) -> Path:
        aside = path.with_name(f"{path.name}.damaged-{utc(now):%Y%m%d-%H%M%S}")
        try:
            path.replace(aside)
            for suffix in ("-wal", "-shm"):
                journal = path.with_name(path.name + suffix)
                if journal.exists():
                    journal.replace(aside.with_name(aside.name + suffix))
        except OSError as error:
            raise StoreError(f"{path} is damaged and could not be moved aside: {error.strerror}") from error
        return aside

    def _write(self, work):
        """Runs `work` in one transaction and commits before returning its result."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                result = work()
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise StoreError(f"could not save progress to {self.path}: {error}") from error
        return result

    def record_answer(
        self, question_id: str, correct: bool, rating: str, seconds: float, response: str, now: datetime
    ) -> CardState:
        """Writes the answer and the new card state together, commits, and returns the new state."""

        def work() -> CardState:
            before = self.card(question_id)
            after = review(before, question_id, rating, now)
            self._db.execute(
                "INSERT INTO answers (question_id, answered_at, correct, rating, seconds, response, before)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (question_id, _stamp(now), int(correct), rating, float(seconds), str(response), _dump(before)),
            )
            self._put(after)
            return after

        return self._write(work)

    def regrade(self, question_id: str, rating: str, now: datetime) -> CardState:
        """Replaces the rating of the question's last answer and returns the card it gives."""
        # The override is its own row (pointing at the answer it overrides), and the card is re-reviewed from the
        # state that answer started from, at that answer's time: regrading twice is the same as once, and the card
        # is always what the answers table says it should be.

        def work() -> CardState:
            row = self._db.execute(
                "SELECT id, answered_at, correct, seconds, response, before FROM answers"
                " WHERE question_id = ? AND overrides IS NULL ORDER BY id DESC LIMIT 1",
                (question_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"no answer to regrade for {question_id}")
            answer_id, answered_at, correct, seconds, response, before = row
            after = review(_load(question_id, before), question_id, rating, datetime.fromisoformat(answered_at))
            self._db.execute(
                "INSERT INTO answers (question_id, answered_at, correct, rating, seconds, response, before, overrides)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (question_id, _stamp(now), correct, rating, seconds, response, before, answer_id),
            )
            self._put(after)
            return after

        return self._write(work)

    def _put(self, state: CardState) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO cards (question_id, due, card, reps, lapses) VALUES (?, ?, ?, ?, ?)",
            (state.question_id, _stamp(state.due), state.card_json, state.reps, state.lapses),
        )

    def card(self, question_id: str) -> CardState | None:
        row = self._db.execute(
            "SELECT question_id, due, card, reps, lapses FROM cards WHERE question_id = ?", (question_id,)
        ).fetchone()
        return _state(row) if row else None

    def due(self, now: datetime) -> list[str]:
        """Questions whose card is due at `now`, the longest overdue first."""
        query = "SELECT question_id FROM cards WHERE due <= ? ORDER BY due, question_id"
        rows = self._db.execute(query, (_stamp(now),))
        return [qid for (qid,) in rows]

    def seen(self) -> set[str]:
        return {qid for (qid,) in self._db.execute("SELECT question_id FROM cards")}

    def _last_answers(self) -> list[tuple[str, bool, str]]:
        """(question id, right, answered at) of each question's last answer, most recent first."""
        rows = self._db.execute(
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
        for at, correct in self._db.execute("SELECT answered_at, correct FROM answers WHERE overrides IS NULL"):
            counts = days.setdefault(datetime.fromisoformat(at).astimezone(tz).date(), [0, 0])
            counts[0] += 1
            counts[1] += correct
        return [(day, answered, right) for day, (answered, right) in sorted(days.items())]

    def mastery(self, bank: list[Question]) -> dict[int | None, float]:
        """Per pillar, the share of its questions mastered: card in FSRS's review state and last answer right."""
        # A question never answered counts as not mastered; learning and relearning cards are not mastered yet.
        right = {qid for qid, correct, _ in self._last_answers() if correct}
        reviewing = {qid for qid in self.seen() if self.card(qid).state == "review"}
        totals: dict[int | None, list[int]] = {}
        for question in bank:
            counts = totals.setdefault(question.pillar, [0, 0])
            counts[0] += question.id in right and question.id in reviewing
            counts[1] += 1
        return {pillar: done / total for pillar, (done, total) in totals.items()}

    def close(self) -> None:
        self._db.close()


def _dump(state: CardState | None) -> str | None:
    if state is None:
        return None
    return json.dumps({"due": _stamp(state.due), "card": state.card_json, "reps": state.reps, "lapses": state.lapses})


def _load(question_id: str, text: str | None) -> CardState | None:
    if text is None:
        return None
    data = json.loads(text)
    return CardState(question_id, datetime.fromisoformat(data["due"]), data["card"], data["reps"], data["lapses"])
