"""The bundled deck and its question bank, built once; progress stores copied from a template."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta

import pytest

from desktop.deck import load_deck
from desktop.quiz.generate import build_bank
from desktop.quiz.store import Store
from tests.conftest import REPO

DOUYIN = REPO / "content" / "douyin-exit-matrix"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def deck():
    loaded = load_deck(DOUYIN)
    assert loaded.ok, [p.format() for p in loaded.problems]
    return loaded.deck


@pytest.fixture(scope="session")
def bank(deck):
    return build_bank(deck)


@pytest.fixture(scope="session")
def template(tmp_path_factory, bank):
    """A progress file with a week of answers: the first 20 questions, every third one wrong."""
    path = tmp_path_factory.mktemp("template") / "progress.db"
    store, _ = Store.open(path)
    for i, question in enumerate(bank[:20]):
        when = NOW - timedelta(days=7) + timedelta(hours=8 * i)
        store.record_answer(question.id, i % 3 != 0, "again" if i % 3 == 0 else "good", 10.0, "x", when)
    store.close()
    return path


@pytest.fixture
def answered(tmp_path, template):
    """A copy of the template progress file, opened."""
    path = tmp_path / "answered" / "progress.db"
    path.parent.mkdir()
    shutil.copy(template, path)
    store, notice = Store.open(path)
    assert notice is None
    yield store
    store.close()
