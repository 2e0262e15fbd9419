"""A user's file that could not be read (progress, ink) is moved out of the way, kept and never deleted."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class SetAside:
    """A file that could not be read, moved out of the way (kept, never deleted), and what was read back from it."""

    path: Path
    aside: Path
    salvaged: int = 0  # answers copied from it into the fresh file

    def __str__(self) -> str:
        kept = f" with the {self.salvaged} answers that could still be read" if self.salvaged else ""
        return f"{self.path.name} was damaged; it was moved to {self.aside.name} and a fresh one started{kept}"


def aside_name(name: Callable[[str], Path], now: datetime) -> Path:
    """`name` of the time, with -2, -3 … after it if that is taken: an earlier file set aside is never replaced."""
    stamp = f"{now.astimezone(UTC):%Y%m%d-%H%M%S}"
    candidates = (name(stamp if n == 1 else f"{stamp}-{n}") for n in itertools.count(1))
    return next(path for path in candidates if not path.exists())
