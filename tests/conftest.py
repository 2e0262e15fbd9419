"""Shared fixtures: offscreen Qt, a throwaway settings location, and a small deck to break."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts=false")

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "抖音广告收入占比从2019年的84%降至2023年的52%。\n2023年本地生活GTV突破200亿元。\n"

DECK_FILES = {
    "deck.yaml": """\
        id: tiny
        title: {zh: 小案例, en: A tiny case}
        languages: [zh, en]
        source: {file: article.txt, title: {zh: 原文, en: The article}}
        sections: [part.yaml]
        """,
    "part.yaml": """\
        id: part
        number: 1
        title: {zh: 商业变现, en: Monetisation}
        figures:
          - id: ads-2019
            value: 84
            unit: "%"
            period: "2019"
            measures: {zh: 广告收入占比, en: advertising share}
            role: before
            source: 抖音广告收入占比从2019年的84%降至2023年的52%。
          - id: ads-2023
            value: 52
            unit: "%"
            period: "2023"
            measures: {zh: 广告收入占比, en: advertising share}
            role: after
            source: 抖音广告收入占比从2019年的84%降至2023年的52%。
          - id: ads-change
            derived: ads-2023 - ads-2019
            unit: pp
            measures: {zh: 广告占比变化, en: change in advertising share}
            role: change
        slides:
          - id: ads-chart
            kind: chart
            title: {zh: 广告依赖下降, en: Less reliance on ads}
            chart:
              kind: before-after
              pairs:
                - {label: {zh: 广告, en: Ads}, before: ads-2019, after: ads-2023}
            notes: {zh: 讲解。, en: Say this.}
        """,
    "article.txt": ARTICLE,
}


def write(path: Path, text: str | bytes) -> Path:
    """Writes a deck file; YAML text may be indented (it is dedented)."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    """A valid two-file deck in a temporary folder, to edit and break."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    for name, text in DECK_FILES.items():
        write(folder / name, text)
    return folder


@pytest.fixture(autouse=True)
def user_data(tmp_path, monkeypatch):
    """Progress and ink go to a throwaway folder in every test, never the user's own; no user's own themes either."""
    monkeypatch.setenv("CASEBOOK_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("CASEBOOK_CONFIG_DIR", str(tmp_path / "user-config"))


@pytest.fixture
def store(tmp_path):
    """A fresh progress store in a temporary folder."""
    from desktop.quiz.store import Store

    store, notice = Store.open(tmp_path / "progress.db")
    assert notice is None
    yield store
    store.close()


def run_casebook(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command in a fresh process, as a user runs it."""
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        timeout=120,
    )


def open_window(qtbot, tmp_path: Path, deck: Path, lang: str = "en", start: int = 0):
    """The presentation window on `deck` at slide `start` (reduced motion: a step shows its final state at once)."""
    from PySide6.QtCore import QSettings

    from desktop.deck import load_deck
    from desktop.ui.settings import Settings
    from desktop.ui.window import PresentationWindow

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = PresentationWindow(load_deck(deck).deck, settings, lang, "light", reduced_motion=True)
    qtbot.addWidget(window)
    window.show()
    window.start(start)
    return window
