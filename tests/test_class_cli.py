"""`present --class-port`: the contract a teacher's script reads (one line with the address and PIN), and its errors."""

from __future__ import annotations

import os
import re
import selectors
import socket
import subprocess
import sys
import urllib.request

from tests.conftest import REPO, run_casebook

LINE = re.compile(r"class quiz: (http://127\.0\.0\.1:(\d+)/) PIN (\d{4})")


def first_line(process: subprocess.Popen, seconds: float = 60) -> str:
    """The first line the process prints, waited for with a bound (no sleeps)."""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        assert selector.select(timeout=seconds), "no line on stdout in time"
        return process.stdout.readline()


def test_class_port_prints_the_address_and_pin_at_once_and_serves_the_student_page(tmp_path):
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "CASEBOOK_DATA_DIR": str(tmp_path)}
    command = [sys.executable, str(REPO / "main.py"), "present", "--class-port", "0", "--class-host", "127.0.0.1"]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = first_line(process)
        found = LINE.fullmatch(line.strip())
        assert found, line
        with urllib.request.urlopen(found.group(1), timeout=10) as page:
            html = page.read().decode()
        assert '<label for="pin"' in html and ">PIN<" in html and ">Name<" in html
        assert (tmp_path / "douyin-exit-matrix" / "class.db").exists(), "results are kept in the deck's data folder"
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_a_port_in_use_is_one_line_and_exit_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_casebook("present", "--class-port", str(port), "--class-host", "127.0.0.1")
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if "propagateSizeHints" not in line]
    assert len(lines) == 1 and lines[0].startswith(f"casebook: --class-port: port {port}"), done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_port_out_of_range_is_a_usage_error():
    done = run_casebook("present", "--class-port", "70000")
    assert done.returncode == 2
    assert "'70000' is not a port number" in done.stderr
