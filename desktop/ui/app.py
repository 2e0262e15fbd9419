"""Starting the Qt side: one QApplication, then the window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.deck.model import Deck
from desktop.resources import bundled


def qapp() -> QApplication:
    """The process's QApplication, created on first use."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Casebook")
    app.setOrganizationName("Casebook")
    app.setWindowIcon(QIcon(str(bundled("assets") / "icons" / "casebook.svg")))
    return app


def run(deck: Deck, args: argparse.Namespace) -> int:
    from desktop.ui.window import DeckWindow

    app = qapp()
    window = DeckWindow(deck, lang=args.lang or deck.languages[0])
    if args.slide:
        window.go_to(args.slide - 1)
    window.show()
    return app.exec()
