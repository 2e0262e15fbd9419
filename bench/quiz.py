"""Quiz benchmarks: building the question bank, and an answer to the next question on screen."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Row, median_ms

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _first_paint_ms(app, make) -> float:
    """From making a window to its first paint, at 1920×1080: `make` builds it (not shown)."""
    from PySide6.QtCore import QEvent, QObject

    painted = []

    class Watch(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    watch = Watch()
    began = time.perf_counter()
    window = make()
    window.installEventFilter(watch)
    window.resize(1920, 1080)
    window.show()
    while not painted:  # the window paints its children in the same pass, before the event loop goes on
        app.processEvents()
    app.processEvents()
    ms = (time.perf_counter() - began) * 1000
    window.close()
    window.deleteLater()
    app.processEvents()
    return ms


def first_paint_rows(runs: int = 5) -> list[Row]:
    """The quiz window's first paint against the presentation window's, made in turns in one process."""
    from PySide6.QtCore import QSettings

    from desktop.deck import load_deck
    from desktop.quiz.generate import build_bank
    from desktop.quiz.store import Store
    from desktop.resources import bundled_deck
    from desktop.ui.app import qapp
    from desktop.ui.quiz_window import QuizWindow
    from desktop.ui.settings import Settings
    from desktop.ui.window import PresentationWindow

    app = qapp()
    deck = load_deck(bundled_deck()).deck
    quiz, shown = [], []
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(QSettings(str(Path(folder) / "bench.ini"), QSettings.Format.IniFormat))
        store, _ = Store.open(Path(folder) / "progress.db")

        def presentation():
            window = PresentationWindow(deck, settings, "zh", "light")
            window.start(0)
            return window

        for turn in range(runs + 1):  # the first turn loads fonts and warms caches for both
            measured = (
                _first_paint_ms(app, lambda: QuizWindow(deck, build_bank(deck), store, "zh")),
                _first_paint_ms(app, presentation),
            )
            if turn:
                quiz.append(measured[0])
                shown.append(measured[1])
        store.close()
    ratio = statistics.median(quiz) / statistics.median(shown)
    return [
        Row(
            f"quiz window made → first paint, incl. bank (median of {runs})",
            statistics.median(quiz),
            "≤ 1.5× presentation",
            f"presentation window: {statistics.median(shown):.0f} ms (×{ratio:.2f})",
            ok=ratio <= 1.5,
        )
    ]


def quiz_rows() -> list[Row]:
    from PySide6.QtCore import QEvent

    from desktop.deck import load_deck
    from desktop.quiz.generate import build_bank
    from desktop.quiz.store import Store
    from desktop.resources import bundled_deck
    from desktop.ui.app import qapp
    from desktop.ui.quiz_window import QuizWindow

    deck = load_deck(bundled_deck()).deck
    bank_ms = median_ms(lambda: build_bank(deck), 15)
    app = qapp()
    times, paints = [], []
    with tempfile.TemporaryDirectory() as folder:
        store, _ = Store.open(Path(folder) / "progress.db")
        window = QuizWindow(deck, build_bank(deck), store, "zh", now=lambda: datetime.now(UTC))
        window.resize(1100, 760)
        window.show()
        window.start("due")
        app.processEvents()
        while window.question is not None:  # a review session: its new questions, all answered right
            question = window.question
            if question.is_numeric:
                window.entry.setText(f"{question.answer.value:g}")
            else:
                window.choose(question.answer)
            began = time.perf_counter()
            window.submit()  # judge, commit to SQLite, show feedback
            window.next_question()
            app.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # laid out as the event loop would, then painted
            window.repaint()
            if window.question is not None:  # the last answer leads to the summary, not a question
                times.append((time.perf_counter() - began) * 1000)
                began = time.perf_counter()
                window.repaint()  # the floor: painting the same question again, nothing else
                paints.append((time.perf_counter() - began) * 1000)
        window.close()
        store.close()
    p95 = statistics.quantiles(times, n=20)[-1]
    return [
        Row("question bank for the bundled deck (median)", bank_ms, "≤ 10 ms", ok=bank_ms <= 10),
        Row(
            "answer → next question shown, incl. commit (median)",
            statistics.median(times),
            "≤ 10 ms",
            f"its paint alone: {statistics.median(paints):.1f} ms",
            ok=statistics.median(times) <= 10,
        ),
        Row("answer → next question shown, incl. commit (p95)", p95, "≤ 30 ms", ok=p95 <= 30),
        *first_paint_rows(),
    ]
