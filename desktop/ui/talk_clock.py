"""The talk's clock: elapsed time that really pauses, time left against a planned length, time per slide.

Pure Python with an injected clock (`now` returns seconds), so tests drive it with a fake one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

AMBER_SHARE = 0.2  # time left turns amber in the last fifth of the talk
RED_SECONDS = 120  # and red in the last two minutes


def parse_duration(text: str) -> int:
    """'45m', '1h30m', '90s', '45' (minutes) -> seconds; ValueError for anything else."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text) * 60
    match = re.fullmatch(r"(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?\s*(?:(\d+)s)?", text)
    if not match or not any(match.groups()):
        raise ValueError(f"'{text}' is not a length like 45m, 1h30m or 90s")
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def clock_text(seconds: float) -> str:
    seconds = int(abs(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class TalkClock:
    def __init__(self, now: Callable[[], float], duration: int | None = None) -> None:
        self.now, self.duration = now, duration
        self._banked = 0.0  # seconds run before the current start
        self._started: float | None = None
        self._slide: int | None = None
        self._slide_since = 0.0  # elapsed() when the current slide came on
        self.per_slide: dict[int, float] = {}

    @property
    def running(self) -> bool:
        return self._started is not None

    def elapsed(self) -> float:
        return self._banked + (self.now() - self._started if self._started is not None else 0.0)

    def start(self) -> None:
        if self._started is None:
            self._started = self.now()

    def pause(self) -> None:
        if self._started is not None:
            self._banked += self.now() - self._started
            self._started = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        self._banked, self._started, self.per_slide = 0.0, None, {}
        self._slide_since = 0.0

    def left(self) -> float | None:
        return None if self.duration is None else self.duration - self.elapsed()

    def urgency(self) -> str:
        """'', 'amber' near the end, 'red' in the last minutes and after."""
        left = self.left()
        if left is None:
            return ""
        if left <= RED_SECONDS:
            return "red"
        return "amber" if left <= self.duration * AMBER_SHARE else ""

    def on_slide(self, index: int) -> None:
        """Charges the time since the last change to the slide that was showing (rehearsal record)."""
        now = self.elapsed()
        if self._slide is not None:
            self.per_slide[self._slide] = self.per_slide.get(self._slide, 0.0) + now - self._slide_since
        self._slide, self._slide_since = index, now
