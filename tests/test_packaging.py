"""`pip install .` gives a wheel that carries the decks and assets and finds them from anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (path,) = out.glob("casebook-*.whl")
    return path


def test_the_wheel_carries_decks_assets_and_the_command(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "desktop/cli.py",
        "desktop/_data/content/douyin-exit-matrix/deck.yaml",
        "desktop/_data/content/douyin-exit-matrix/source.zh.txt",
        "desktop/_data/content/authoring-guide/deck.yaml",
        "desktop/_data/assets/icons/casebook.svg",
    ):
        assert name in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "casebook = desktop.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_package_finds_its_deck_from_any_folder(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, desktop.cli; print(desktop.cli.__file__); sys.exit(desktop.cli.main())",
            "validate",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(str(site))
    assert str(site / "desktop" / "_data" / "content" / "douyin-exit-matrix") in lines[-1]
    assert lines[-1].endswith("0 errors, 0 warnings")
