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


def quiz_rows() -> list[Row]:
    from desktop.deck import load_deck
    from desktop.quiz.generate import build_bank
    from desktop.quiz.store import Store
    from desktop.resources import bundled_deck
    from desktop.ui.app import qapp
    from desktop.ui.quiz_window import QuizWindow

    deck = load_deck(bundled_deck()).deck
    bank_ms = median_ms(lambda: build_bank(deck), 15)
    app = qapp()
    times = []
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
            window.repaint()
            if window.question is not None:  # the last answer leads to the summary, not a question
                times.append((time.perf_counter() - began) * 1000)
        window.close()
        store.close()
    p95 = statistics.quantiles(times, n=20)[-1]
    return [
        Row("question bank for the bundled deck (median)", bank_ms, "≤ 10 ms", ok=bank_ms <= 10),
        Row(
            "answer → next question shown, incl. commit (median)",
            statistics.median(times),
            "≤ 30 ms",
            ok=statistics.median(times) <= 30,
        ),
        Row("answer → next question shown, incl. commit (p95)", p95, "≤ 30 ms", ok=p95 <= 30),
    ]
