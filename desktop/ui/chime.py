"""A soft chime when a class question's time is up, played by the system's own player (Qt's sound module is not in
PySide6-Essentials, and a sound is not worth the 100 MB of the rest)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import threading

from desktop.resources import bundled

PLAYERS = ("pw-play", "paplay", "aplay", "afplay")  # PipeWire, PulseAudio, ALSA, macOS


def chime() -> None:
    """Plays assets/sounds/time-up.wav without waiting for it; where no player is found, the system's beep."""
    sound = bundled("assets") / "sounds" / "time-up.wav"
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(sound), winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT)
        return
    player = next((found for name in PLAYERS if (found := shutil.which(name))), None)
    if player is None:
        from PySide6.QtWidgets import QApplication

        QApplication.beep()
        return
    threading.Thread(target=_play, args=(player, str(sound)), daemon=True).start()  # waited for, off the UI thread


def _play(player: str, sound: str) -> None:
    # A player that cannot play: the countdown's zero on screen says it as well.
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        subprocess.run([player, sound], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10, check=False)
