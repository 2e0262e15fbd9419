"""The student page ships inside the wheel, beside the server that reads it through importlib.resources."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from desktop.classroom.server import page_files
from tests.conftest import REPO


def test_the_wheel_carries_the_student_page(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("casebook-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("index.html", "student.js", "student.css"):
        assert f"desktop/classroom/page/{name}" in names


def test_the_pages_words_are_a_json_block_that_cannot_close_its_script():
    html = page_files()["/"][0].decode()
    block = html.split('<script type="application/json" id="words">')[1].split("</script>")[0]
    assert '"waiting": "You’re in, {name} — look at the projector"' in block and "<" not in block
    assert "<!--words-->" not in html
