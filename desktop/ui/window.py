"""The presentation window: the slide, the overview and overlays, keys, full screen and the two screens."""

from __future__ import annotations

import sys
from functools import cached_property, partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QStackedLayout, QWidget

from desktop.deck.figures import render
from desktop.deck.markup import plain
from desktop.deck.model import Deck
from desktop.render.canvas import Look
from desktop.render.fonts import deck_family
from desktop.render.scene import SlideScene
from desktop.render.theme import load_themes
from desktop.ui.deck_files import DeckFiles
from desktop.ui.keys import action_for
from desktop.ui.menus import Menus
from desktop.ui.reload import DeckWatcher
from desktop.ui.settings import Settings
from desktop.ui.show import Show
from desktop.ui.stage import ANIMATION_MS, SceneCache, SlideView
from desktop.words import language_name, tr

if TYPE_CHECKING:
    from desktop.ui.class_controls import ClassControls
    from desktop.ui.overlays import Badge, Cover, GoToList, HelpOverlay
    from desktop.ui.overview import Overview
    from desktop.ui.problems_panel import ProblemsPanel

BLANKS = {"black": "#000000", "white": "#ffffff"}


class PresentationWindow(Menus, DeckFiles, QMainWindow):
    """The audience's window: the slide at its step, with what lies over it and the presenter's keys."""

    def __init__(self, deck: Deck, settings: Settings, lang: str, theme: str, reduced_motion: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self._told: set[str] = set()  # broken theme files, said once
        self._read_themes(deck)
        self.presenting = Show(deck, lang, self._offered(theme, deck), tuple(self._themes), reduced_motion)
        self.cache = SceneCache()
        self._digits = ""
        self.family, self.font_warning = deck_family(deck)

        # The first slide is painted before what lies over it or beside it is made (each is made when first
        # used, see below): their modules and the Qt classes they touch cost a tenth of the start-up.
        self.view = SlideView()
        stage = QWidget()
        self.pages = QStackedLayout(stage)
        self.pages.addWidget(self.view)
        self.setCentralWidget(stage)
        self.console = None
        self.swapped = False
        self.call_mode = False  # sharing the audience window in a video call: never full screen
        self.duration: int | None = None
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resize(1280, 760)

        show = self.presenting
        self._open_ink(deck)
        self.view.follow_ink(show)
        show.sigPosition.connect(self._show_position)
        show.sigLook.connect(self._refresh_look)
        show.sigDeck.connect(self._deck_changed)
        show.sigBlank.connect(lambda colour: self.cover.cover(BLANKS.get(colour, "")))
        self.view.sigClicked.connect(lambda forward: show.next() if forward else show.back())
        self.view.sigWheel.connect(lambda forward: show.next() if forward else show.back())
        self.watcher: DeckWatcher | None = None
        self._watch(deck)
        self.build_menus()
        self._retitle()

    # Made when first used
    @cached_property
    def overview(self) -> Overview:
        from desktop.ui.overview import Overview

        overview = Overview()
        self.pages.addWidget(overview)
        overview.sigChosen.connect(self._chosen)
        return overview

    @cached_property
    def cover(self) -> Cover:
        from desktop.ui.overlays import Cover

        return Cover(self.centralWidget())

    @cached_property
    def help(self) -> HelpOverlay:
        from desktop.ui.overlays import HelpOverlay

        return HelpOverlay(self.centralWidget())

    @cached_property
    def go_to_list(self) -> GoToList:
        from desktop.ui.overlays import GoToList

        go_to_list = GoToList(self.centralWidget())
        go_to_list.sigChosen.connect(self._chosen)
        return go_to_list

    @cached_property
    def badge(self) -> Badge:
        from desktop.ui.overlays import Badge

        return Badge(self.centralWidget())

    @cached_property
    def problems(self) -> ProblemsPanel:
        from desktop.ui.problems_panel import ProblemsPanel

        problems = ProblemsPanel()
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, problems)
        return problems

    def _visible(self, part: str) -> bool:
        """Whether a part made on first use is on screen (asking never makes it)."""
        return part in self.__dict__ and getattr(self, part).isVisible()

    def _hide(self, part: str) -> None:
        if part in self.__dict__:  # never made: nothing to hide
            getattr(self, part).hide()

    # What is shown
    def look(self) -> Look:
        show = self.presenting
        show.theme = self._offered(show.theme, show.deck)
        return Look(self._themes[show.theme], show.lang, self.family, show.reduced_motion)

    def _offered(self, theme: str, deck: Deck) -> str:
        """`theme` if it is offered; else (a broken file, a theme of the deck shown before) the deck's, or light."""
        return next(t for t in (theme, deck.theme, "light") if t in self._themes)

    def _read_themes(self, deck: Deck) -> None:
        """The themes offered with `deck`; a broken one is said once, on stderr and in the corner, and left out."""
        self._themes, told = load_themes(deck.folder)
        for line in told:
            if line not in self._told:
                self._told.add(line)
                print(f"casebook: {line}", file=sys.stderr)
                QTimer.singleShot(0, self, lambda line=line: self.badge.say(line))  # once the window has its size

    def scene(self, index: int | None = None) -> SlideScene:
        return self.cache.get(self.presenting, self.look(), self.presenting.index if index is None else index)

    def _show_position(self, index: int, step: int, animate: bool) -> None:
        self.view.show_scene(self.scene(index), step, animate)
        if index + 1 < self.presenting.count:
            QTimer.singleShot(ANIMATION_MS + 100, self, lambda: self._prebuild(index + 1))

    def _prebuild(self, index: int) -> None:
        """Builds the next slide ahead, unless the talk has moved on (a stale build would push the current out)."""
        if index == self.presenting.index + 1 < self.presenting.count:
            self.scene(index)

    def _refresh_look(self) -> None:
        self._show_position(self.presenting.index, self.presenting.step, False)
        if "class_controls" in self.__dict__:
            self.class_controls.refresh()
        self.build_menus()
        self._retitle()

    def _deck_changed(self) -> None:
        self.family, self.font_warning = deck_family(self.presenting.deck)
        self._read_themes(self.presenting.deck)  # the deck's own theme files may have been edited
        self.presenting.themes = tuple(self._themes)
        self._retitle()

    def _retitle(self) -> None:
        deck = self.presenting.deck
        self.setWindowTitle(f"{plain(render(deck.title, self.presenting.lang, deck.figures))} — Casebook")

    # Keys
    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab opens the overview; it never moves focus

    def keyPressEvent(self, event) -> None:
        show = self.presenting
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return super().keyPressEvent(event)
        if show.blank or self._visible("help"):
            show.set_blank("")
            self._hide("help")
            return
        if "class_controls" in self.__dict__ and self.class_controls.key(event.key()):
            return
        action = action_for(event.key())
        if action == "digit":
            self._digits = (self._digits + event.text())[-3:]
            self.badge.say(tr("jump", show.lang, n=self._digits))
            return
        if action == "next" and self._digits and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            show.go(int(self._digits) - 1)
            action = None
        self._digits = ""
        if self._visible("badge"):
            self.badge.say("")
        if action:
            self.do(action)

    def do(self, action: str) -> None:
        """Carries out a named action of the key table (also used by menus and tests)."""
        show = self.presenting
        if action in ("next", "back", "first", "last", "replay"):
            self._close_overview()
            self.view.finish()
            getattr(show, action)()
        elif action in ("black", "white"):
            show.set_blank(action)
        elif action == "language" and len(show.deck.languages) < 2:
            self.badge.say(tr("one-language", show.lang, language=language_name(show.deck.languages[0], show.lang)))
        elif action == "language":
            show.toggle_lang()
        elif action == "theme":
            show.cycle_theme()
        elif action == "help":
            self.help.open(show.lang, show.deck.languages)
        elif action == "quiz":
            self.class_controls.pose_here()
        elif action == "phones":
            self.class_controls.join_key()
        elif action == "console":
            self.toggle_console()
        elif action == "swap":
            self.swapped = not self.swapped
            self.place_windows()
        elif action == "go-to":
            titles = [plain(render(s.title, show.lang, show.deck.figures)) or s.id for s in show.deck.slides]
            self.go_to_list.open(titles, show.index, show.lang)
        elif action == "overview":
            self.toggle_overview()
        elif action == "fullscreen":
            self.toggle_fullscreen()
        elif action == "escape":
            self.escape()

    def toggle_console(self) -> None:
        """Opens the presenter console beside this window (on the laptop when there are two screens)."""
        from desktop.ui.console import ConsoleWindow

        if self.console is not None and self.console.isVisible():
            self.console.close()
            return
        if self.console is None:  # the first console: follow projectors plugged in or out from now on
            from PySide6.QtGui import QGuiApplication

            QGuiApplication.instance().screenAdded.connect(lambda _: self.place_windows())
            QGuiApplication.instance().screenRemoved.connect(lambda _: self.place_windows())
        self.console = ConsoleWindow(self, self.presenting.lang, self.duration)
        self.console.last_time = self.settings.rehearsal(self.presenting.deck.folder)
        if "class_controls" in self.__dict__:
            self.console.show_class(self.class_controls.class_line(self.console.lang))
        self.console.show()
        self.place_windows()

    def place_windows(self) -> None:
        """With two screens: audience full screen on the projector, console on the laptop (X swaps them).

        Also when a projector is plugged in or out during the talk. With one screen, or in a video call,
        the two stay ordinary windows where they are.
        """
        from PySide6.QtGui import QGuiApplication

        from desktop.ui.console import choose_screens

        screens = QGuiApplication.screens()
        if self.console is None or not self.console.isVisible() or len(screens) < 2 or self.call_mode:
            return
        audience, console = choose_screens(len(screens), screens.index(QGuiApplication.primaryScreen()), self.swapped)
        for widget, screen in ((self.console, screens[console]), (self, screens[audience])):
            if widget.isFullScreen():
                widget.showNormal()  # a full-screen window moves to another screen only once it is normal
            widget.windowHandle().setScreen(screen)
            widget.setGeometry(screen.availableGeometry())
        self.showFullScreen()

    @cached_property
    def class_controls(self) -> ClassControls:
        """The class quiz: its room, overlay and join card, made when a question is first put to the room."""
        from desktop.ui.class_controls import ClassControls

        return ClassControls(self)

    def escape(self) -> None:
        """Closes the topmost thing: the zoom, an overlay, the overview, then full screen."""
        if self.presenting.zoom is not None:
            self.presenting.set_zoom(None)
            return
        for part in ("help", "go_to_list"):
            if self._visible(part):
                getattr(self, part).hide()
                self.setFocus()
                return
        if self.pages.currentWidget() is not self.view:  # the overview
            self._close_overview()
        elif self.isFullScreen():
            self.toggle_fullscreen()

    def toggle_overview(self) -> None:
        if self.pages.currentWidget() is not self.view:  # the overview
            self._close_overview()
            return
        self.pages.setCurrentWidget(self.overview)
        from desktop.ui.overview import thumbnail

        pictures = partial(thumbnail, self.cache, self.presenting, self.look())
        self.overview.open(self.presenting.count, self.presenting.index, pictures)
        self.overview.setFocus()

    def _close_overview(self) -> None:
        if self.pages.currentWidget() is not self.view:  # the overview
            self.pages.setCurrentWidget(self.view)
            self.setFocus()

    def _chosen(self, index: int) -> None:
        self._hide("go_to_list")
        self._close_overview()
        self.presenting.go(index)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.menuBar().show()
        else:
            self.menuBar().hide()
            self.showFullScreen()

    def start(self, index: int) -> None:
        """Shows slide `index` and says once if no installed font covers the deck."""
        if self.font_warning:
            print(f"casebook: {self.font_warning}", file=sys.stderr)
        self.presenting.go(index, animate=True)
        QTimer.singleShot(ANIMATION_MS + 100, _warm_up)

    def closeEvent(self, event) -> None:
        if self.console is not None:
            self.console.close()
        if "class_controls" in self.__dict__:
            self.class_controls.stop()  # nothing listens once the window is gone
        s, show = self.settings, self.presenting
        s.set_geometry(self.saveGeometry())
        s.set("theme", show.theme)
        s.set("lang", show.lang)
        s.set("reduced-motion", "1" if show.reduced_motion else "")
        s.set_last_slide(show.deck.folder, show.index)
        s.sync()
        super().closeEvent(event)


def _warm_up() -> None:
    """Imports the chart code (and pyqtgraph), the overlays and the overview while the first slide is on screen,
    not at the first chart or key."""
    import desktop.render.kinds.chart  # noqa: F401
    import desktop.ui.overlays  # noqa: F401
    import desktop.ui.overview  # noqa: F401
