"""Finds the bundled content/ and assets/ folders, in a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

# The package folder itself, not importlib.resources: a wheel installs as plain files, and
# importing importlib.resources costs 15 ms of `validate`'s start-up budget.
_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """`content` or `assets`: inside the package when installed, beside it in a checkout."""
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def bundled_deck() -> Path:
    return bundled("content") / "douyin-exit-matrix"
