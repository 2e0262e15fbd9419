"""What comes back at the next start: theme, language, geometry, recent decks and their last slide."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

RECENT = 8


class Settings:
    """A typed face on QSettings; tests pass their own QSettings file."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def get(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    def set(self, key: str, value: str) -> None:
        self.store.setValue(key, value)

    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self.store.setValue("window/geometry", value)

    def recent(self) -> list[Path]:
        value = self.store.value("recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items if Path(p).exists()]

    def add_recent(self, folder: Path) -> None:
        items = [str(folder), *(str(p) for p in self.recent() if p != folder)][:RECENT]
        self.store.setValue("recent", items)

    def last_slide(self, folder: Path) -> int:
        value = self.store.value(f"slide/{_key(folder)}", 0)
        return int(value) if str(value).isdigit() else 0

    def set_last_slide(self, folder: Path, index: int) -> None:
        self.store.setValue(f"slide/{_key(folder)}", index)

    def rehearsal(self, folder: Path) -> dict[int, float]:
        """Seconds spent on each slide (0-based) in the last talk of this deck."""
        value = self.store.value(f"rehearsal/{_key(folder)}", "")
        pairs = (item.split("=") for item in str(value).split(",") if "=" in item)
        return {int(slide): float(seconds) for slide, seconds in pairs}

    def set_rehearsal(self, folder: Path, per_slide: dict[int, float]) -> None:
        text = ",".join(f"{slide}={seconds:.0f}" for slide, seconds in sorted(per_slide.items()))
        self.store.setValue(f"rehearsal/{_key(folder)}", text)

    def sync(self) -> None:
        self.store.sync()


def _key(folder: Path) -> str:
    """A settings key for a folder (slashes would make nested groups)."""
    return str(folder).replace("/", "|").replace("\\", "|")
