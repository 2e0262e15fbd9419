"""`pip install .` gives a wheel that carries the decks and assets, finds them from anywhere, and says what it is."""

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
    assert "[console_scripts]\ncasebook = desktop.cli:main\n" in dist_info(wheel, "entry_points.txt")


def dist_info(wheel: Path, name: str) -> str:
    """A file of the wheel's metadata folder, as text."""
    archive = zipfile.ZipFile(wheel)
    return archive.read(next(n for n in archive.namelist() if n.endswith(f".dist-info/{name}"))).decode()


def test_a_windows_user_gets_a_command_without_a_console_window(wheel):
    assert "[gui_scripts]\ncasebook-gui = desktop.cli:main\n" in dist_info(wheel, "entry_points.txt")


def test_the_wheel_leaves_the_readme_screenshots_out(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "desktop/_data/assets/themes/light.yaml" in names
    assert not [n for n in names if "screenshots" in n or n.endswith(".png")]
    assert wheel.stat().st_size < 600_000, "the app's own files (code, decks, themes, a Latin font): a few hundred KB"


def test_the_license_file_matches_the_declared_license(wheel):
    metadata = dist_info(wheel, "METADATA")
    assert "\nLicense-Expression: MIT\n" in metadata
    assert "\nLicense-File: LICENSE\n" in metadata
    license = dist_info(wheel, "licenses/LICENSE")
    assert license == (REPO / "LICENSE").read_text(encoding="utf-8")
    assert license.startswith("MIT License\n\nCopyright (c) 2026 Casebook contributors\n")
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in license


def test_the_metadata_says_what_casebook_is(wheel):
    metadata = dist_info(wheel, "METADATA")
    for line in (
        "Author: Casebook contributors",
        "Classifier: Intended Audience :: Education",
        "Classifier: Topic :: Multimedia :: Graphics :: Presentation",
        "Classifier: Environment :: X11 Applications :: Qt",
    ):
        assert f"\n{line}\n" in metadata
    keywords = next(line for line in metadata.splitlines() if line.startswith("Keywords: "))
    assert {"presentation", "quiz", "teaching"} <= set(keywords.removeprefix("Keywords: ").split(","))


def test_one_version_string_from_the_package_to_the_wheel_and_the_command(wheel, tmp_path):
    import tomllib

    import desktop

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and project["dynamic"] == ["version"]
    assert f"\nVersion: {desktop.__version__}\n" in dist_info(wheel, "METADATA")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    result = subprocess.run(
        [sys.executable, "-c", "import sys, desktop.cli; sys.exit(desktop.cli.main())", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
        timeout=60,
    )
    assert result.stdout == f"casebook {desktop.__version__}\n"


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
