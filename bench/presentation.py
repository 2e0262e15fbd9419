"""Presentation benchmarks: start-up, animation frames, slide changes and memory, offscreen at 1920×1080."""

from __future__ import annotations

import os
import statistics
import time

from bench.common import Row, process_ms

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def presentation_rows() -> list[Row]:
    start = process_ms(
        ["main.py"], runs=5, env={"CASEBOOK_QUIT_AFTER_PAINT": "1", "XDG_CONFIG_HOME": "/tmp/casebook-bench"}
    )
    floor = process_ms(["-c", "import PySide6.QtWidgets as w, pyqtgraph; w.QApplication([])"], runs=5)
    rows = [
        Row(
            "process start to first slide painted",
            start,
            "≤ 1000 ms",
            f"Qt + pyqtgraph + QApplication: {floor:.0f} ms (×{start / floor:.2f})",
            start <= 1000,
        ),
    ]
    from PySide6.QtCore import QSettings

    from desktop.deck import load_deck
    from desktop.resources import bundled_deck
    from desktop.ui.app import qapp
    from desktop.ui.settings import Settings
    from desktop.ui.window import PresentationWindow

    app = qapp()
    deck = load_deck(bundled_deck()).deck
    settings = Settings(QSettings("/tmp/casebook-bench.ini", QSettings.Format.IniFormat))
    window = PresentationWindow(deck, settings, "zh", "light")
    window.menuBar().hide()
    window.resize(1920, 1080)
    window.show()
    window.start(0)
    app.processEvents()
    view = window.view

    # Animation: update the chart and paint the whole view, frame by frame.
    charts = [i for i, s in enumerate(deck.slides) if s.chart]
    frames = []
    for index in charts:
        window.presenting.go(index, 0)
        scene = window.scene()
        view.viewport().repaint()
        for k in range(1, 61):
            began = time.perf_counter()
            scene.set_state(1, k / 60)
            view.viewport().repaint()
            frames.append((time.perf_counter() - began) * 1000)
    p95 = statistics.quantiles(frames, n=20)[-1]
    worst = max(frames)
    rows.append(Row(f"chart frame, update + paint, p95 ({len(frames)} frames)", p95, "≤ 8 ms", ok=p95 <= 8))
    rows.append(Row("chart frame, update + paint, worst", worst, "≤ 16 ms", ok=worst <= 16))

    # Frames the real animation delivers in a second.
    painted = []
    view.sigPainted.connect(lambda: painted.append(time.perf_counter()))
    window.presenting.go(charts[0], 0)
    app.processEvents()
    painted.clear()
    window.presenting.next()
    while view.animation.state() == view.animation.State.Running:
        app.processEvents()
    rate = len(painted) / (painted[-1] - painted[0]) if len(painted) > 1 else 0.0
    rows.append(Row("animation frames delivered a second", rate, "≥ 55 /s", ok=rate >= 55, unit="/s"))

    # Slide change: a slide not built yet, and one already built, each shown and painted.
    cold, warm = [], []
    window.cache.cached().clear()
    for index in range(len(deck.slides)):
        for times in (cold, warm):
            began = time.perf_counter()
            window.presenting.go(index)
            view.viewport().repaint()
            times.append((time.perf_counter() - began) * 1000)
    rows.append(
        Row(
            "slide change, slide not yet built (median)",
            statistics.median(cold),
            "≤ 50 ms",
            ok=statistics.median(cold) <= 50,
        )
    )
    rows.append(Row("slide change, slide not yet built (worst)", max(cold), "≤ 50 ms", ok=max(cold) <= 50))
    rows.append(
        Row("slide change, slide built (median)", statistics.median(warm), "≤ 50 ms", ok=statistics.median(warm) <= 50)
    )
    rss = _rss_mb()
    rows += _console_rows(app, window, charts, statistics.median(warm), statistics.median(cold))
    rows.append(Row("memory after visiting every slide (RSS)", rss, "≤ 300 MB", ok=rss <= 300, unit="MB"))
    window.close()
    return rows


def _console_rows(app, window, charts: list[int], warm_alone: float, cold_alone: float) -> list[Row]:
    """The console beside the audience window: how soon it shows a step, and what it adds to a slide change."""
    from desktop.ui.console import ConsoleWindow

    console = ConsoleWindow(window, window.presenting.lang)
    console.resize(1280, 800)
    console.show()
    app.processEvents()
    painted: dict[str, float] = {}
    window.view.sigPainted.connect(lambda: painted.setdefault("audience", time.perf_counter()))
    console.current.sigPainted.connect(lambda: painted.setdefault("console", time.perf_counter()))
    lags = []
    for index in charts:
        window.presenting.go(index, 0)
        app.processEvents()
        painted.clear()
        window.presenting.next()
        while len(painted) < 2:
            app.processEvents()
        lags.append(abs(painted["console"] - painted["audience"]) * 1000)
    worst = max(lags)
    rows = [
        Row(
            "a step on the audience, shown on the console (worst lag)",
            worst,
            "≤ 16.7 ms",
            "one frame at 60 Hz",
            worst <= 1000 / 60,
        )
    ]
    window.cache.cached().clear()
    cold, warm = [], []
    for index in range(window.presenting.count):
        for times in (cold, warm):
            began = time.perf_counter()
            window.presenting.go(index)
            window.view.viewport().repaint()
            console.current.viewport().repaint()
            console.next.viewport().repaint()
            times.append((time.perf_counter() - began) * 1000)
    for name, both, alone in (("not yet built", cold, cold_alone), ("built", warm, warm_alone)):
        median = statistics.median(both)
        rows.append(
            Row(
                f"slide change with the console, slide {name} (median)",
                median,
                "≤ 1.3× floor",
                f"without the console: {alone:.1f} ms (×{median / alone:.2f})",
                median <= 1.3 * alone,
            )
        )
    console.close()
    return rows
