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

    # Slide change: a slide not built yet, and one already built, from the move to the frame painted. Every
    # slide is shown once first, so fonts and glyphs are loaded as they are a few slides into a talk.
    for index in range(len(deck.slides)):
        window.presenting.go(index)
        view.viewport().repaint()
    alone = _slide_changes(app, window)
    for name, times in (("not yet built", alone["cold"]), ("built", alone["warm"])):
        rows.append(
            Row(
                f"slide change, slide {name} (median)",
                statistics.median(times),
                "≤ 50 ms",
                ok=statistics.median(times) <= 50,
            )
        )
    rows.append(
        Row("slide change, slide not yet built (worst)", max(alone["cold"]), "≤ 50 ms", ok=max(alone["cold"]) <= 50)
    )
    rss = _rss_mb()
    rows += _console_rows(app, window, charts, alone)
    rows.append(Row("memory after visiting every slide (RSS)", rss, "≤ 300 MB", ok=rss <= 300, unit="MB"))
    window.close()
    return rows


def _slide_changes(app, window, console=None) -> dict[str, list[float]]:
    """Every slide, first not yet built (backwards, so none was built as the one after) and then built:
    ms from the move to the audience's frame, and ("… both") to the console's frame after it."""
    marks: dict[str, float] = {}
    window.view.sigPainted.connect(lambda: marks.setdefault("audience", time.perf_counter()))
    if console is not None:  # the console's frame: its last slide view painted (both paint in one pass)
        for still in (console.current, console.next):
            still.sigPainted.connect(lambda: marks.__setitem__("console", time.perf_counter()))
    times: dict[str, list[float]] = {"cold": [], "warm": [], "cold both": [], "warm both": []}
    window.cache.cached().clear()
    count = window.presenting.count
    for kind, order in (("cold", range(count - 1, -1, -1)), ("warm", [*range(1, count), 0])):
        for index in order:
            marks.clear()
            began = time.perf_counter()
            window.presenting.go(index)
            while len(marks) < (1 if console is None else 2):
                app.processEvents()
            times[kind].append((marks["audience"] - began) * 1000)
            times[kind + " both"].append((max(marks.values()) - began) * 1000)
    return times


def _console_rows(app, window, charts: list[int], alone: dict[str, list[float]]) -> list[Row]:
    """The console beside the audience window: how soon it shows a step, and what it adds to a slide change."""
    from desktop.ui.console import ConsoleWindow

    console = ConsoleWindow(window, window.presenting.lang)
    console.resize(1280, 800)
    console.show()
    app.processEvents()
    painted: dict[str, float] = {}
    window.view.sigPainted.connect(lambda: painted.setdefault("audience", time.perf_counter()))
    for still in (console.current, console.next):
        still.sigPainted.connect(lambda: painted.__setitem__("console", time.perf_counter()))
    lags = []
    for index in charts:
        window.presenting.go(index, 0)
        app.processEvents()
        painted.clear()
        window.presenting.next()
        while len(painted) < 2:
            app.processEvents()
        lags.append((painted["console"] - painted["audience"]) * 1000)
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
    both = _slide_changes(app, window, console)
    for name, kind in (("not yet built", "cold"), ("built", "warm")):
        floor = statistics.median(alone[kind])
        median = statistics.median(both[kind])
        rows.append(
            Row(
                f"slide change with the console, slide {name} (median)",
                median,
                "≤ 1.3× floor",
                f"without the console: {floor:.1f} ms (×{median / floor:.2f})",
                median <= 1.3 * floor,
            )
        )
        total = statistics.median(both[kind + " both"])
        rows.append(
            Row(
                f"  … until the console has followed too, slide {name} (median)",
                total,
                "—",
                f"without the console: {floor:.1f} ms (×{total / floor:.2f})",
            )
        )
    console.close()
    return rows
