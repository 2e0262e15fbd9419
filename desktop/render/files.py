"""Files written whole or not at all: a temporary name in the same folder, then one rename."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

# What a temporary adds to the name it stands for: "." before, and mkstemp's ".XXXXXXXX.part" after
# (8 random characters today; room for 16 in case Python draws longer ones).
TEMPORARY_EXTRA = len(".") + len(".") + 16 + len(".part")
NAME_MAX = 255
# A temporary of ours: ".NAME.XXXXXXXX.part", or ".pikepdf..NAME.XXXXXXXX.partYYYYYYYY" that pikepdf's
# own save left beside it before PDFs were saved from memory.
_TEMPORARY = re.compile(r"\.(?:pikepdf\.\.)?(?P<name>.+)\.[a-z0-9_]{8}\.part(?:[a-z0-9_]{8})?")


@contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """Yields a temporary path beside `path`; on success it replaces `path`, on any error it is removed.

    Other files in the folder are never touched, and `path` is either the old file or the whole new one.
    """
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _settle(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _settle(temporary: Path) -> None:
    """Gives the file an ordinary new file's mode (not mkstemp's 0600) and puts it on the disk before the rename.

    A full disk that delayed allocation hid so far says so here, while the old file is still in place.
    """
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)
    handle = os.open(temporary, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_whole(path: Path, data: bytes | memoryview) -> Path:
    """Writes `data` to `path` whole or not at all (an error leaves the old file and no temporary)."""
    with atomic(path) as temporary:
        temporary.write_bytes(data)
    return path


def remove_stale(folder: Path, names: Iterable[str]) -> None:
    """Removes temporaries of `names` that a killed export left in `folder`; every other file stays."""
    names = set(names)
    with os.scandir(folder) as entries:
        for entry in entries:
            match = _TEMPORARY.fullmatch(entry.name)
            if match and match["name"] in names and entry.is_file(follow_symlinks=False):
                Path(entry.path).unlink(missing_ok=True)


def name_limit(folder: Path) -> int:
    """The longest file name `folder` takes, in bytes (255 on most file systems)."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):  # a system that does not say
        return NAME_MAX


def fitting_name(stem: str, suffix: str, limit: int = NAME_MAX, keep: str = "") -> str:
    """`stem + suffix`, or, if its temporary would be a name too long for `limit`, the stem cut short.

    A cut stem keeps its prefix `keep` and ends in a hash of the whole stem: the name stays unique and stable.
    """
    room = limit - TEMPORARY_EXTRA - len(suffix.encode())
    if len(stem.encode()) <= room:
        return stem + suffix
    digest = "-" + hashlib.sha256(stem.encode()).hexdigest()[:12]
    cut = stem.encode()[: max(len(keep.encode()), room - len(digest))].decode(errors="ignore")
    return cut + digest + suffix
