"""A bug that gets through: its traceback goes to a log file, and the user reads one line naming that file."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from desktop import __version__


def _log_folders() -> list[Path]:
    folders = []
    try:
        from desktop.resources import data_dir

        folders.append(data_dir() / "logs")
    except Exception:  # the bug may be in that very import: the temporary folder still takes the log
        pass
    return [*folders, Path(tempfile.gettempdir())]


def write_log(error: BaseException) -> Path | None:
    """A new log file holding `error`'s traceback, in the user data folder or else the temporary one."""
    name = f"casebook-bug-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    text = (
        f"Casebook {__version__}, Python {sys.version.split()[0]} on {sys.platform}\n"
        f"command: {' '.join(sys.argv)}\n\n" + "".join(traceback.format_exception(error))
    )
    for folder in _log_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            with path.open("a", encoding="utf-8") as log:  # "a": two bugs in one second share the file
                log.write(text + "\n")
            return path
        except OSError:
            continue
    return None


def report(error: BaseException) -> str:
    """Logs `error` and prints the one line a user sees (also returned, for a window to show)."""
    path = write_log(error)
    where = f"details in {path}" if path else f"{type(error).__name__}: {error} (no folder could take a log)"
    line = f"casebook: a bug in Casebook; {where}. Please report it."
    print(line, file=sys.stderr)  # a no-op with pythonw (no console): the window shows the line instead
    return line


class EventLoopBugs:
    """`sys.excepthook` while a window runs: an exception in a Qt slot is logged, told once, and the app goes on.

    A lecturer in front of a class keeps the slide on the projector: one failed key press or paint must not
    close the window. The exit code is still 3 afterwards (`told`), so a script sees that a bug happened.
    """

    def __init__(self) -> None:
        self.told: set[str] = set()  # tracebacks already told: a paint that fails every frame is told once

    def __enter__(self) -> EventLoopBugs:
        self.previous, sys.excepthook = sys.excepthook, self
        return self

    def __exit__(self, *exc) -> None:
        sys.excepthook = self.previous

    def __call__(self, kind, error, trace) -> None:
        key = "".join(traceback.format_exception(kind, error, trace))
        if key in self.told:
            return
        self.told.add(key)
        _show_in_window(report(error))


def _show_in_window(line: str) -> None:
    """The line in the status bar of the window in use (the console when presenting), for 20 seconds."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QStatusBar

    windows = [QApplication.activeWindow(), *QApplication.topLevelWidgets()]
    window = next((w for w in windows if isinstance(w, QMainWindow) and w.isVisible()), None)
    if window is None:
        return
    fresh = window.findChild(QStatusBar) is None
    bar = window.statusBar()
    if fresh:  # a bar made for this note goes away with it, giving the slide its room back
        bar.messageChanged.connect(lambda text: bar.setVisible(bool(text)))
    bar.showMessage(line, 20_000)
