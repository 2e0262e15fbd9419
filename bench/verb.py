"""One verb of the command line in this fresh process, what it imports loaded first: prints its CPU ms.

`python bench/verb.py export DECK --out DIR` runs `casebook export DECK --out DIR` in-process and prints
one line: the CPU ms (every thread) from reading the deck to the last file written, and the process's
peak RSS in MB. bench/growth.py starts one such process per measurement, so each starts from the same state.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["QT_QPA_PLATFORM"] = "offscreen"

# Loaded before the clock starts: a fixed cost of the verb, not a cost of the deck's slides.
IMPORTS = {
    "validate": ("desktop.cli", "desktop.deck"),
    "questions": ("desktop.cli", "desktop.deck", "desktop.quiz.generate", "json"),
    "export": ("desktop.cli", "desktop.deck", "desktop.render.export", "desktop.render.kinds.chart", "desktop.ui.app"),
}


def main() -> int:
    verb = sys.argv[1]
    for module in IMPORTS[verb]:
        importlib.import_module(module)
    if verb == "export":
        from desktop.ui.app import qapp

        qapp()
    from desktop.cli import main as casebook

    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        began = time.process_time()
        code = casebook(sys.argv[1:])
        cpu = time.process_time() - began
    print(cpu * 1000, _peak_mb())
    return code


def _peak_mb() -> float:
    """VmHWM: unlike ru_maxrss (from getrusage or wait4), it does not start from the size of the parent
    this process was forked from, which Linux carries over exec (a 590 MB bench process showed through)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))


if __name__ == "__main__":
    sys.exit(main())
