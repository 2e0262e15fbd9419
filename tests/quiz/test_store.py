"""Progress in SQLite: one transaction per answer, WAL, a schema version, damage set aside, nothing lost to a kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.quiz.schedule import review
from desktop.quiz.store import SCHEMA_VERSION, Store, StoreError
from desktop.resources import data_dir
from tests.conftest import REPO
from tests.full_disk import break_a_page, fill_disk, free_disk, rows
from tests.quiz.conftest import NOW


def test_the_data_folder_is_the_flag_then_the_environment_then_the_platforms(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEBOOK_DATA_DIR", str(tmp_path / "env"))
    assert data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("CASEBOOK_DATA_DIR")
    assert data_dir(None).name == "Casebook"


def test_a_new_store_is_wal_with_the_schema_version(store):
    assert rows(store.path, "PRAGMA journal_mode") == [("wal",)]
    assert rows(store.path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_an_answer_and_its_card_are_one_committed_transaction(store):
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    state = store.record_answer("recall:ad-share-2023", True, "good", 4.5, "2", NOW)
    store._db.set_trace_callback(None)
    writes = [s.split()[0] for s in statements if not s.startswith("SELECT")]
    assert writes == ["BEGIN", "INSERT", "INSERT", "COMMIT"]
    assert state == review(None, "recall:ad-share-2023", "good", NOW), "it returns what it changed"
    assert rows(store.path, "SELECT question_id, correct, rating, seconds, response FROM answers") == [
        ("recall:ad-share-2023", 1, "good", 4.5, "2")
    ]
    assert rows(store.path, "SELECT reps FROM cards") == [(1,)], "committed: another connection sees it"


def answer_until_held(store: Store) -> int:
    """Answers new questions until one does not fit on the disk; returns how many were answered."""
    for i in range(200):
        store.record_answer(f"q{i}", i % 2 == 0, "good" if i % 2 == 0 else "again", 4, "x", NOW + timedelta(hours=i))
        if store.unsaved:
            return i + 1
    raise AssertionError("the disk never filled")


def test_an_answer_the_disk_cannot_take_is_kept_and_written_with_a_later_one(store):
    fill_disk(store)
    answered = answer_until_held(store)
    assert store.unsaved == 1 and "full" in store.problem
    assert rows(store.path, "SELECT COUNT(*) FROM answers") == [(answered - 1,)], "a failed write leaves nothing"
    held = store.card(f"q{answered - 1}")
    assert held is not None, "reads see the held answer"
    regraded = store.regrade(f"q{answered - 1}", "easy", NOW + timedelta(days=30))
    assert store.unsaved == 1, "a regrade is not another answer"
    free_disk(store)
    store.record_answer("later", True, "good", 4, "x", NOW + timedelta(days=31))
    assert store.unsaved == 0 and store.problem == ""
    assert rows(store.path, "SELECT COUNT(*) FROM answers WHERE overrides IS NULL") == [(answered + 1,)]
    assert store.card(f"q{answered - 1}") == regraded
    assert rows(store.path, "SELECT overrides FROM answers WHERE rating = 'easy'") == [(answered,)]


def test_close_writes_what_is_held_once_the_disk_has_room(store):
    fill_disk(store)
    answered = answer_until_held(store)
    free_disk(store)
    store.close()
    assert rows(store.path, "SELECT COUNT(*) FROM answers") == [(answered,)]


@pytest.mark.parametrize("damage", ["garbage", "pages"])
def test_a_damaged_file_is_set_aside_and_a_fresh_store_works(tmp_path, damage):
    path = tmp_path / "progress.db"
    if damage == "garbage":
        path.write_bytes(b"\x00garbage\xff" * 500)
    else:
        store, _ = Store.open(path)
        for i in range(200):
            store.record_answer(f"q{i}", True, "good", 5, "x" * 200, NOW)
        store.close()
        data = bytearray(path.read_bytes())
        data[100:] = b"\xa5" * (len(data) - 100)
        path.write_bytes(bytes(data))
    broken = path.read_bytes()
    store, notice = Store.open(path, now=NOW)
    try:
        aside = tmp_path / "progress.db.damaged-20260302-090000"
        assert str(notice) == f"progress.db was damaged; it was moved to {aside.name} and a fresh one started"
        assert aside.read_bytes() == broken
        store.record_answer("q", False, "again", 3, "x", NOW)
        assert store.mistakes() == ["q"]
    finally:
        store.close()


def test_what_can_still_be_read_of_a_damaged_file_is_copied_into_the_fresh_one(tmp_path):
    path = tmp_path / "progress.db"
    store, _ = Store.open(path)
    for i in range(300):
        store.record_answer(
            f"q{i % 40}", i % 3 != 0, "good" if i % 3 else "again", 5, "x" * 30, NOW + timedelta(hours=i)
        )
    store.regrade("q19", "easy", NOW + timedelta(days=30))
    store.flag("q3", "wrong", NOW)
    store.suspend("q4", True, NOW)
    store.close()
    answers = set(rows(path, "SELECT * FROM answers"))
    cards = set(rows(path, "SELECT * FROM cards"))
    break_a_page(path, "answers")
    store, notice = Store.open(path, now=NOW)
    try:
        salvaged = set(rows(path, "SELECT * FROM answers"))
        assert salvaged < answers and len(salvaged) > 250, "all but the rows on the broken page"
        assert str(notice).endswith(
            f"a fresh one started with the {len(salvaged) - 1} answers that could still be read"
        )
        assert set(rows(path, "SELECT * FROM cards")) == cards
        assert store.card("q19") is not None and store.mistakes(), "the student's progress is back"
        assert store.flags() == [("q3", NOW, "wrong")] and store.suspended() == {"q4"}
        assert (tmp_path / "progress.db.damaged-20260302-090000").exists()
    finally:
        store.close()


def test_files_set_aside_in_the_same_second_are_all_kept(tmp_path):
    path = tmp_path / "progress.db"
    for damage in (b"first", b"second"):
        path.write_bytes(damage * 100)
        store, _ = Store.open(path, now=NOW)
        store.close()
    assert (tmp_path / "progress.db.damaged-20260302-090000").read_bytes() == b"first" * 100
    assert (tmp_path / "progress.db.damaged-20260302-090000-2").read_bytes() == b"second" * 100


def test_a_file_from_a_newer_casebook_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "progress.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as refused:
        Store.open(path)
    assert "newer Casebook" in str(refused.value) and "\n" not in str(refused.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.db"]


def test_a_regrade_replaces_the_rating_from_the_state_before_the_answer(store):
    first = store.record_answer("q", True, "good", 10, "1", NOW)
    later = NOW + timedelta(days=3)
    second = store.record_answer("q", False, "again", 10, "2", later)
    regraded = store.regrade("q", "easy", later + timedelta(seconds=5))
    assert regraded == review(first, "q", "easy", later) != second
    assert store.regrade("q", "easy", later + timedelta(seconds=9)) == regraded, "twice is the same as once"
    assert store.card("q") == regraded
    ratings = rows(store.path, "SELECT rating, overrides FROM answers ORDER BY id")
    assert ratings == [("good", None), ("again", None), ("easy", 2), ("easy", 2)]
    assert store.history() == [(date(2026, 3, 2), 1, 1), (date(2026, 3, 5), 1, 0)], "a regrade is not an answer"
    with pytest.raises(StoreError):
        store.regrade("never-answered", "good", NOW)


def test_due_seen_and_mistakes(store):
    store.record_answer("a", True, "good", 5, "x", NOW)  # due in 10 minutes
    store.record_answer("b", False, "again", 5, "x", NOW)  # due in 1 minute
    store.record_answer("c", True, "easy", 5, "x", NOW)  # due in days
    assert store.due(NOW) == []
    assert store.due(NOW + timedelta(minutes=10)) == ["b", "a"]
    assert store.seen() == {"a", "b", "c"}
    assert store.mistakes() == ["b"]
    store.record_answer("b", True, "good", 5, "x", NOW + timedelta(minutes=2))
    assert store.mistakes() == []


def test_history_counts_answers_per_day_in_the_given_zone(store):
    store.record_answer("a", True, "good", 5, "x", datetime(2026, 3, 1, 20, 0, tzinfo=UTC))
    store.record_answer("b", False, "again", 5, "x", datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    assert store.history() == [(date(2026, 3, 1), 1, 1), (date(2026, 3, 2), 1, 0)]
    assert store.history(timezone(timedelta(hours=8))) == [(date(2026, 3, 2), 2, 1)]


def test_mastery_is_the_share_of_a_sections_questions_in_review_and_last_answered_right(store, bank):
    section3 = [q for q in bank if q.section == 3]
    store.record_answer(section3[0].id, True, "easy", 3, "x", NOW)  # review state, right
    store.record_answer(section3[1].id, True, "good", 9, "x", NOW)  # still learning
    mastery = store.mastery(bank)
    assert mastery[3] == pytest.approx(1 / len(section3))
    assert set(mastery) == set(range(1, 9)) and mastery[1] == 0


CHILD = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from desktop.quiz.store import Store

    store, _ = Store.open(Path(sys.argv[1]))
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    for i in range(100_000):
        question = f"recall:q{i % 37}"
        store.record_answer(question, i % 4 != 0, "good", 5.0, str(i), start + timedelta(seconds=i))
        print(i, question, flush=True)
    """
)


def killed_after(script: str, path: Path, lines: int) -> list[str]:
    """Runs `script` on `path` and kills it (kill -9) once it has printed `lines` lines: every line it printed."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True, env=env)
    printed: list[str] = []
    try:
        for line in child.stdout:
            printed.append(line)
            if len(printed) == lines:
                child.send_signal(signal.SIGKILL)
                break
    finally:
        child.kill()
        rest, _ = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return printed + rest.splitlines(keepends=True)


def test_an_app_killed_mid_session_loses_no_answer_it_committed(tmp_path):
    path = tmp_path / "progress.db"
    printed = killed_after(CHILD, path, 60)
    assert len(printed) >= 60
    store, notice = Store.open(path)
    try:
        assert notice is None
        saved = set(rows(path, "SELECT response, question_id FROM answers"))
        for line in printed:
            number, question = line.split()
            assert (number, question) in saved, line
            assert store.card(question) is not None
    finally:
        store.close()


def test_undo_restores_the_card_before_the_answer_and_its_regrades_in_one_transaction(store):
    first = store.record_answer("q", True, "good", 10, "1", NOW)
    store.record_answer("q", True, "good", 10, "1", NOW + timedelta(days=1))
    store.regrade("q", "easy", NOW + timedelta(days=1, seconds=3))
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    assert store.undo("q") == first == store.card("q")
    store._db.set_trace_callback(None)
    writes = [s.split()[0] for s in statements if not s.startswith("SELECT")]
    assert writes == ["BEGIN", "DELETE", "INSERT", "COMMIT"]
    assert rows(store.path, "SELECT rating FROM answers") == [("good",)], "the answer and its regrade are gone"
    assert store.undo("q") is None and store.card("q") is None and store.seen() == set(), "a new card again"
    with pytest.raises(StoreError):
        store.undo("q")


def test_flags_and_suspensions_are_kept_and_can_be_taken_back(store):
    store.flag("b", "unclear", NOW + timedelta(minutes=1))
    store.flag("a", "wrong", NOW)
    assert store.flags() == [("a", NOW, "wrong"), ("b", NOW + timedelta(minutes=1), "unclear")]
    store.flag("a", None, NOW)
    assert store.flag_of("a") is None and store.flag_of("b") == "unclear"
    store.suspend("c", True, NOW)
    assert store.suspended() == {"c"}
    store.suspend("c", False, NOW)
    assert store.suspended() == set()


def test_answered_since_counts_new_questions_and_reviews_not_regrades(store):
    store.record_answer("old", True, "easy", 5, "x", NOW - timedelta(days=5))
    store.record_answer("old", True, "good", 5, "x", NOW + timedelta(hours=1))  # a review today
    store.record_answer("new", False, "again", 5, "x", NOW + timedelta(hours=1))  # new today …
    store.record_answer("new", True, "good", 5, "x", NOW + timedelta(hours=2))  # … and its learning step
    store.regrade("new", "easy", NOW + timedelta(hours=2))
    assert store.answered_since(NOW) == (1, 1)
    assert store.answered_since(NOW - timedelta(days=6)) == (2, 0), "a card first seen that day is not a review"


def test_a_progress_file_of_schema_1_opens_with_its_answers_and_gains_flags(tmp_path):
    path = tmp_path / "progress.db"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE cards (question_id TEXT PRIMARY KEY, due TEXT NOT NULL, card TEXT NOT NULL,"
        " reps INTEGER NOT NULL, lapses INTEGER NOT NULL);"
        "CREATE TABLE answers (id INTEGER PRIMARY KEY, question_id TEXT NOT NULL, answered_at TEXT NOT NULL,"
        " correct INTEGER NOT NULL, rating TEXT NOT NULL, seconds REAL NOT NULL, response TEXT NOT NULL,"
        " before TEXT, overrides INTEGER REFERENCES answers(id));"
        "PRAGMA user_version=1;"
    )
    state = review(None, "q", "good", NOW)
    old.execute(
        "INSERT INTO cards VALUES ('q', ?, ?, 1, 0)", (state.due.isoformat(timespec="microseconds"), state.card_json)
    )
    old.execute("INSERT INTO answers VALUES (1, 'q', ?, 1, 'good', 4.0, '2', NULL, NULL)", (NOW.isoformat(),))
    old.commit()
    old.close()
    store, notice = Store.open(path)
    try:
        assert notice is None and store.card("q") == state and store.seen() == {"q"}
        store.flag("q", "wrong", NOW)
        assert store.flags() == [("q", NOW, "wrong")]
        assert rows(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    finally:
        store.close()


UNDO_CHILD = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from desktop.quiz.store import Store

    store, _ = Store.open(Path(sys.argv[1]))
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    for i in range(100_000):
        question = f"q{i}"
        store.record_answer(question, True, "good", 5.0, str(i), start + timedelta(seconds=i))
        if i % 2:
            store.undo(question)
            store.flag(question, "unclear", start)
        print(i, flush=True)
    """
)


def test_an_app_killed_while_undoing_and_flagging_keeps_each_committed_step(tmp_path):
    path = tmp_path / "progress.db"
    printed = killed_after(UNDO_CHILD, path, 40)
    store, notice = Store.open(path)
    try:
        assert notice is None
        answered = {qid for (qid,) in rows(path, "SELECT question_id FROM answers")}
        flagged = {qid for qid, _, _ in store.flags()}
        for line in printed:
            i = int(line)
            undone = bool(i % 2)
            assert (f"q{i}" in answered) != undone and (f"q{i}" in store.seen()) != undone
            assert (f"q{i}" in flagged) == undone
        assert answered == store.seen(), "every card has its answer and no more, even the step the kill cut"
    finally:
        store.close()
