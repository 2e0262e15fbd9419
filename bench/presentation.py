"""Presentation benchmarks: start-up, animation frames, slide changes and memory, offscreen at 1920×1080."""

from __future__ import annotations

import gc
import os
import statistics
import tempfile
import time

from bench.common import Row, first_line_ms

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUNDS = 4  # slide changes without and with the console, in turns, so both see the same load on the machine
SETTLE = 5  # passes of the event loop between two slide changes


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def start_rows(runs: int = 9) -> list[Row]:
    """`main.py` to its first painted slide against a bare PySide6 window to its first paint, run in turns."""
    app, bare = [], []
    with tempfile.TemporaryDirectory() as config:
        env = {"CASEBOOK_QUIT_AFTER_PAINT": "1", "XDG_CONFIG_HOME": config}
        for turn in range(runs + 1):  # the first turn writes .pyc files and warms the disk cache
            measured = first_line_ms(["main.py"], env), first_line_ms(["bench/bare_window.py"], env)
            if turn:
                app.append(measured[0])
                bare.append(measured[1])
    wall, floor = statistics.median(w for w, _ in app), statistics.median(w for w, _ in bare)
    cpu = statistics.median(c for _, c in app) / statistics.median(c for _, c in bare)
    return [
        Row(
            f"`main.py` start to first slide painted (median of {runs})",
            wall,
            "≤ 1.4× floor",
            f"bare PySide6 window painted: {floor:.0f} ms (×{wall / floor:.2f}; CPU ×{cpu:.2f})",
            wall <= 1.4 * floor,
        )
    ]


def presentation_rows() -> list[Row]:
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
    gc.freeze()  # as app.run does once the first slide is up
    view = window.view
    rows = []

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

    # Every slide is shown once first, so fonts and glyphs are loaded as they are a few slides into a talk.
    for index in range(len(deck.slides)):
        window.presenting.go(index)
        view.viewport().repaint()
    rss = _rss_mb()
    rows += _change_rows(app, window, charts)
    rows.append(Row("memory after visiting every slide (RSS)", rss, "≤ 300 MB", ok=rss <= 300, unit="MB"))
    window.close()
    return rows


class _Changes:
    """Slide changes, from the move to the audience's frame painted, and to the console's after it."""

    def __init__(self, app, window) -> None:
        self.app, self.window = app, window
        self.marks: dict[str, float] = {}
        window.view.sigPainted.connect(self._audience_painted)

    def _audience_painted(self) -> None:
        if "audience" not in self.marks:
            self.marks.update({"audience": time.perf_counter(), "audience cpu": time.thread_time()})

    def open_console(self):
        """The console as S opens it; its frame is its last slide view painted (both paint in one pass)."""
        self.window.toggle_console()
        console = self.window.console
        for still in (console.current, console.next):
            still.sigPainted.connect(lambda: self.marks.__setitem__("console", time.perf_counter()))
        self.app.processEvents()
        return console

    def idle(self, ms: int) -> None:
        """The event loop runs for `ms` with nothing else to do: timers due in that time fire."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def settle(self) -> None:
        """Lets the last change finish what it queued (as the pause between two keys does), so it is not
        counted in the next one."""
        for _ in range(SETTLE):
            self.app.processEvents()

    def walk(self, times: dict[str, list[float]], console: bool) -> None:
        """Every slide, first not yet built (backwards, so none was built as the one after), then built.

        Kept per kind: wall ms to the audience's frame, the main thread's CPU ms to it ("… cpu", what a
        busy machine does not stretch), and wall ms to the console's frame ("… both")."""
        from desktop.ui.stage import ANIMATION_MS

        self.idle(ANIMATION_MS + 200)  # the last walk's slides built ahead come due now, not among these
        self.window.cache.cached().clear()
        count = self.window.presenting.count
        for kind, order in (("cold", range(count - 1, -1, -1)), ("warm", [*range(1, count), 0])):
            for index in order:
                self.settle()
                self.marks.clear()
                began, cpu = time.perf_counter(), time.thread_time()
                self.window.presenting.go(index)
                while len(self.marks) < (3 if console else 2):
                    self.app.processEvents()
                times.setdefault(kind, []).append((self.marks["audience"] - began) * 1000)
                times.setdefault(kind + " cpu", []).append((self.marks["audience cpu"] - cpu) * 1000)
                times.setdefault(kind + " both", []).append((self.marks.get("console", began) - began) * 1000)

    def step_lags(self, charts: list[int]) -> list[float]:
        """A chart's step on the audience, then on the console: ms between the two frames."""
        lags = []
        for index in charts:
            self.window.presenting.go(index, 0)
            self.app.processEvents()
            self.marks.clear()
            self.window.presenting.next()
            while len(self.marks) < 3:
                self.app.processEvents()
            lags.append((self.marks["console"] - self.marks["audience"]) * 1000)
        return lags


def _change_rows(app, window, charts: list[int]) -> list[Row]:
    """Slide changes alone and with the console open, in turns; the console's lag behind a step."""
    changes = _Changes(app, window)
    changes.open_console()
    lags = changes.step_lags(charts)  # also warms the console: its fonts, pictures and notes
    changes.walk({}, console=True)
    window.toggle_console()
    alone: dict[str, list[float]] = {}
    both: dict[str, list[float]] = {}
    for _ in range(ROUNDS):
        changes.walk(alone, console=False)
        changes.open_console()
        changes.walk(both, console=True)
        window.toggle_console()
    rows = []
    for name, kind in (("not yet built", "cold"), ("built", "warm")):
        median = statistics.median(alone[kind])
        rows.append(Row(f"slide change, slide {name} (median)", median, "≤ 50 ms", ok=median <= 50))
    worst = max(alone["cold"])
    rows.append(Row("slide change, slide not yet built (worst)", worst, "≤ 50 ms", ok=worst <= 50))
    rows.append(
        Row(
            "a step on the audience, shown on the console (worst lag)",
            max(lags),
            "≤ 16.7 ms",
            "one frame at 60 Hz",
            max(lags) <= 1000 / 60,
        )
    )
    for name, kind in (("not yet built", "cold"), ("built", "warm")):
        floor = statistics.median(alone[kind])
        median = statistics.median(both[kind])
        cpu = statistics.median(both[kind + " cpu"]) / statistics.median(alone[kind + " cpu"])
        rows.append(
            Row(
                f"slide change with the console, slide {name} (median of {len(both[kind])})",
                median,
                "≤ 1.3× floor",
                f"without the console: {floor:.1f} ms (×{median / floor:.2f}; CPU ×{cpu:.2f})",
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
    return rows
