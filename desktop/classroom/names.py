"""What a phone may send, cleaned or rationed: nicknames, and buckets that stop one client from flooding the room."""

from __future__ import annotations

import re
import unicodedata

LONGEST_NAME = 24  # characters: fits a phone's line and the projector's list
_SPACES = re.compile(r"\s+")
_DROPPED = {"Cc", "Cf", "Cs", "Co", "Cn"}  # control, format (bidi overrides, zero width), surrogates, unassigned


def clean_name(sent: str) -> str:
    """A nickname as the room shows it: NFC, no control or format characters, one space between words, at most
    24 characters; '' when nothing is left. HTML stays text (every view shows it as text)."""
    text = unicodedata.normalize("NFC", sent[: LONGEST_NAME * 8])  # a 10,000-character name costs nothing more
    text = "".join(" " if c.isspace() else c for c in text if c.isspace() or unicodedata.category(c) not in _DROPPED)
    return _SPACES.sub(" ", text).strip()[:LONGEST_NAME].strip()


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or `name 2`, `name 3` … when another student of the lecture has it already."""
    if name not in taken:
        return name
    n = 2
    while True:
        suffix = f" {n}"
        candidate = name[: LONGEST_NAME - len(suffix)].rstrip() + suffix
        if candidate not in taken:
            return candidate
        n += 1


class Bucket:
    """A token bucket: `rate` a second, at most `burst` saved up; `take` says whether one more is allowed."""

    def __init__(self, rate: float, burst: float, now: float) -> None:
        self.rate, self.burst = rate, burst
        self._tokens, self._at = burst, now

    def take(self, now: float) -> bool:
        self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
        self._at = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True


class Buckets:
    """One bucket a key (an IP address); a flood tells the log once, not again until it has been quiet a minute."""

    def __init__(self, rate: float, burst: float, most: int = 10_000, quiet: float = 60.0) -> None:
        self.rate, self.burst, self._most, self._quiet = rate, burst, most, quiet
        self._buckets: dict[str, Bucket] = {}
        self._refused: dict[str, float] = {}  # key -> when it was last refused

    def take(self, key: str, now: float) -> tuple[bool, bool]:
        """(allowed, the first refusal of a flood): the caller logs only the first."""
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self._most:  # a bounded table: forget the oldest
                del self._buckets[next(iter(self._buckets))]
            bucket = self._buckets[key] = Bucket(self.rate, self.burst, now)
        if bucket.take(now):
            return True, False
        last = self._refused.pop(key, None)
        if len(self._refused) >= self._most:
            del self._refused[next(iter(self._refused))]
        self._refused[key] = now
        return False, last is None or now - last >= self._quiet


class PinGuard:
    """At most `tries` wrong PINs a minute from one address; then that address is told "busy" for a minute."""

    def __init__(self, tries: int = 10, window: float = 60.0) -> None:
        self.tries, self.window = tries, window
        self._wrong: dict[str, list[float]] = {}
        self._locked: dict[str, float] = {}

    def locked(self, key: str, now: float) -> bool:
        until = self._locked.get(key)
        if until is None:
            return False
        if now >= until:
            del self._locked[key]
            return False
        return True

    def wrong(self, key: str, now: float) -> bool:
        """Counts a wrong PIN; True when this one locks the address out."""
        recent = [t for t in self._wrong.get(key, []) if now - t < self.window] + [now]
        if len(recent) >= self.tries:
            self._wrong.pop(key, None)
            self._locked[key] = now + self.window
            return True
        self._wrong[key] = recent
        return False
