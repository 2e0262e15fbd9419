"""Starting the Qt side: one QApplication, remembered settings, then the window."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.deck.model import Deck
from desktop.resources import bundled


def qapp() -> QApplication:
    """The process's QApplication, created on first use (without the windows' icon: see `give_icon`)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Casebook")
    app.setOrganizationName("Casebook")
    return app


def give_icon(app: QApplication) -> None:
    """The icon of every window: reading the SVG loads Qt's SVG plugin (5 ms), which an export never needs."""
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(bundled("assets") / "icons" / "casebook.svg")))


def start_look(args: argparse.Namespace, settings, deck: Deck, themes: tuple[str, ...]) -> tuple[str, str]:
    """(language, theme) to start with: the command line wins, then what was remembered, then the deck's."""
    remembered_lang, remembered_theme = settings.get("lang"), settings.get("theme")
    lang = args.lang or (remembered_lang if remembered_lang in deck.languages else deck.languages[0])
    theme = getattr(args, "theme", None) or (remembered_theme if remembered_theme in themes else deck.theme)
    return lang, theme


def run(deck: Deck, args: argparse.Namespace) -> int:
    app = qapp()
    from desktop.render.theme import theme_ids
    from desktop.ui.settings import Settings
    from desktop.ui.window import PresentationWindow

    settings = Settings()
    lang, theme = start_look(args, settings, deck, theme_ids(deck.folder))
    window = PresentationWindow(deck, settings, lang, theme, reduced_motion=bool(settings.get("reduced-motion")))
    geometry = settings.geometry()
    if geometry is not None:
        window.restoreGeometry(geometry)
    window.duration = args.duration
    window.show()
    window.start((args.slide or 1) - 1)
    if args.presenter:
        window.toggle_console()
    if args.class_port is not None and not _start_phones(window, args.class_host, args.class_port):
        window.close()
        return 2
    # What start-up made lives as long as the app. A full collection walked it in 65-125 ms (a dropped slide
    # change when one struck mid-talk); frozen, the collector walks only what the talk itself makes.
    gc.freeze()
    # The taskbar's icon can come a moment after the slide: painting the slide first is what the audience sees.
    window.view.sigPainted.connect(
        lambda: QTimer.singleShot(0, lambda: give_icon(app)), Qt.ConnectionType.SingleShotConnection
    )
    if os.environ.get("CASEBOOK_QUIT_AFTER_PAINT"):  # bench/: the first slide painted, and the CPU time it took
        window.view.sigPainted.connect(lambda: (print(time.process_time(), flush=True), app.quit()))
    return app.exec()


def _start_phones(window, host: str, port: int) -> bool:
    """--class-port: the class quiz's server at once, and its address and PIN on stdout (a script reads them)."""
    from desktop.classroom.server import ServerError

    try:
        window.class_controls.start_phones(host, port)
    except ServerError as error:
        print(f"casebook: --class-port: {error}", file=sys.stderr)
        return False
    print(window.class_controls.join_line(), flush=True)
    return True


def run_quiz(deck: Deck, store, set_aside, args: argparse.Namespace) -> int:
    app = qapp()
    give_icon(app)
    from desktop.quiz.generate import build_bank
    from desktop.ui.quiz_window import QuizWindow
    from desktop.ui.settings import Settings

    lang = start_look(args, Settings(), deck, ())[0]
    window = QuizWindow(deck, build_bank(deck), store, lang, set_aside=set_aside)
    window.show()
    code = app.exec()
    store.close()
    return code
