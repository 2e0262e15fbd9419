"""Finds the bundled content/ and assets/ folders (in a checkout or an installed wheel), and the user's folders."""

from __future__ import annotations

import os
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


def data_dir(override: Path | None = None) -> Path:
    """Where progress and ink live: `override`, else $CASEBOOK_DATA_DIR, else the platform's user data folder."""
    if override is not None:
        return Path(override)
    if os.environ.get("CASEBOOK_DATA_DIR"):
        return Path(os.environ["CASEBOOK_DATA_DIR"])
    import platformdirs

    return Path(platformdirs.user_data_dir("Casebook", appauthor=False))


def config_dir() -> Path:
    """The user's own settings (their themes): $CASEBOOK_CONFIG_DIR, else the platform's user config folder."""
    if os.environ.get("CASEBOOK_CONFIG_DIR"):
        return Path(os.environ["CASEBOOK_CONFIG_DIR"])
    import platformdirs

    return Path(platformdirs.user_config_dir("Casebook", appauthor=False))
