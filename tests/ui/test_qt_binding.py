"""The Qt binding itself: a build that leaks references to None crashes a long talk midway."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive():
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that returns
    # nothing; after a few thousand calls the process aborts ("deallocating None").
    item = QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        item.setObjectName("slide")
    assert sys.getrefcount(None) - before > -100
