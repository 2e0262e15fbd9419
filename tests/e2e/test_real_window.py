"""The real app in a real X window (Xvfb), driven by key events from outside the process."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.deck import load_deck
from desktop.render.theme import load_theme
from desktop.ui.show import Show
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb and xdotool (CI installs them)"
)
KEYS = ["Right"] * 8 + ["l", "t"]
GRAB = (
    "import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]); "
    "app.primaryScreen().grabWindow(0).save(sys.argv[1])"
)


@pytest.fixture
def display():
    """A fresh Xvfb screen of 1920×1080; -displayfd says its number once it accepts clients."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"], pass_fds=[write]
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


@contextmanager
def casebook(display: str, config: Path, *args: str):
    """The real app on `display`, its settings under `config`; killed if a test leaves it running."""
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(config)}
    app = subprocess.Popen(
        [sys.executable, str(REPO / "main.py"), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield app, env
    finally:
        if app.poll() is None:
            app.kill()


def quit_cleanly(app: subprocess.Popen, config: Path) -> configparser.ConfigParser:
    """Waits for the app to end (after a Ctrl+Q was typed), checks it ended well, and reads what it saved."""
    _, err = app.communicate(timeout=60)
    assert app.returncode == 0, err
    assert "Traceback" not in err
    settings = configparser.ConfigParser()
    settings.read(config / "Casebook" / "Casebook.conf")
    return settings


def test_open_ten_keys_screenshot_and_quit(display, tmp_path):
    with casebook(display, tmp_path) as (app, env):
        window = _run(env, "search", "--sync", "--onlyvisible", "--name", "Casebook").split()[0]
        _run(env, "windowfocus", "--sync", window)
        _run(env, "key", "--delay", "120", *KEYS)
        shot = tmp_path / "screen.png"
        # The grab runs after the keys are queued; the theme key is the last, so wait for its colour.
        expected = load_theme("dark")[0].background.lower()
        for _ in range(50):
            subprocess.run([sys.executable, "-c", GRAB, str(shot)], env=env, check=True, timeout=60)
            colours = _colours(shot)
            if colours.most_common(1)[0][0] == expected:
                break
        assert colours.most_common(1)[0][0] == expected, colours.most_common(3)
        _run(env, "key", "ctrl+q")
        settings = quit_cleanly(app, tmp_path)

    deck = load_deck(REPO / "content" / "douyin-exit-matrix").deck
    show = Show(deck, "zh", "light", ("light", "dark", "projector"))
    for _ in range(8):
        show.next()
    assert settings["General"]["lang"] == "en"
    assert settings["General"]["theme"] == "dark"
    assert [int(v) for v in settings["slide"].values()] == [show.index]


def test_keys_typed_into_the_real_console_move_the_talk_and_ctrl_q_quits(display, tmp_path):
    """The console takes the keyboard as a presenter uses it: arrows move the talk (not a cursor in the
    notes), and the application's shortcuts work from it too."""
    with casebook(display, tmp_path, "present", "--presenter", "--lang", "en") as (app, env):
        console = _run(env, "search", "--sync", "--onlyvisible", "--name", "Presenter console").split()[0]
        _run(env, "windowfocus", "--sync", console)
        _run(env, "key", "--delay", "120", "Right", "Right", "Right", "Next", "ctrl+q")
        settings = quit_cleanly(app, tmp_path)
    assert [int(v) for v in settings["slide"].values()] == [4], "four presses, none of them lost to the notes"


def test_ctrl_q_quits_from_full_screen_where_the_menu_bar_is_hidden(display, tmp_path):
    with casebook(display, tmp_path, "present", "--lang", "en") as (app, env):
        window = _run(env, "search", "--sync", "--onlyvisible", "--name", "Casebook").split()[0]
        _run(env, "windowfocus", "--sync", window)
        _run(env, "key", "--delay", "120", "Right", "f", "Right", "ctrl+q")
        settings = quit_cleanly(app, tmp_path)
    assert [int(v) for v in settings["slide"].values()] == [2], "both arrows were read, in full screen too"


def _run(env: dict[str, str], *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=env, check=True, capture_output=True, text=True, timeout=60).stdout


def _colours(path) -> Counter:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    pixels = (image.pixelColor(x, y).name() for x in range(0, image.width(), 16) for y in range(0, image.height(), 16))
    return Counter(p for p in pixels if p != "#000000")  # the bare X screen around the window is black
