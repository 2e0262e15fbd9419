"""The presenter console: current and next, notes, timers; it drives the same Show as the audience window."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QCursor, QFont, QTextDocument
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStatusBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.deck.figures import render
from desktop.deck.markup import plain
from desktop.render.canvas import Look
from desktop.render.ink import COLOURS, Stroke
from desktop.render.text import to_html
from desktop.ui.keys import CONSOLE_BINDINGS, console_action_for
from desktop.ui.overlays import HelpOverlay
from desktop.ui.stage import SceneCache
from desktop.ui.still import BACKDROP, HOLD_MS, Pictures, SlideStill
from desktop.ui.talk_clock import TalkClock, clock_text
from desktop.words import tr

URGENCY = {"": "#e8e8e8", "amber": "#f2a541", "red": "#ff5a5f"}
FOLLOW = QEvent.Type(QEvent.registerEventType())


def _alt(slide, lang: str, figures) -> str:
    """What the slide's picture shows, above the notes: the presenter can say it for those who cannot see it."""
    if slide.alt is None:
        return ""
    return f"<p><i>{to_html(tr('picture-alt', lang) + render(slide.alt, lang, figures))}</i></p>"


def choose_screens(screens: int, primary: int, swapped: bool = False) -> tuple[int, int]:
    """(audience screen, console screen): the console stays on the laptop (primary) unless swapped."""
    if screens < 2:
        return primary, primary
    other = next(i for i in range(screens) if i != primary)
    return (primary, other) if swapped else (other, primary)


class ConsoleWindow(QMainWindow):
    """Observes the window's Show; its own language may differ from the audience's."""

    def __init__(self, window, lang: str, duration: int | None = None, now=time.monotonic) -> None:
        super().__init__()
        self.window, self.show_state, self.lang = window, window.presenting, lang
        self.clock = TalkClock(now, duration)
        self.last_time: dict[int, float] = {}
        self.current_cache, self.next_cache = SceneCache(), SceneCache()
        self.notes_px = 20
        self.both = False  # notes in every language of the deck, side by side
        self._documents: dict[str, QTextDocument] = {}  # the notes, by their html
        self._urgency = ""
        self.setWindowTitle(f"{tr('console', lang)} — Casebook")
        pictures = Pictures()
        self.current = SlideStill(pictures)
        self.next = SlideStill(pictures, leader=self.current)
        self.notes = QTextBrowser()
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrows move the talk, never a text cursor
        self.slides = QListWidget()  # every slide by title: a click jumps there, unseen by the audience
        self.slides.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slides.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long titles end in …
        self.slides.itemClicked.connect(lambda item: self.show_state.go(self.slides.row(item)))
        self._listed: tuple = (None, "")  # the deck and language the list shows
        self.status, self.up_next = QLabel(), QLabel()
        self.classroom = QLabel(wordWrap=True)  # the class quiz: how to join, how many answered, its keys
        self.classroom.setTextFormat(Qt.TextFormat.PlainText)
        self.classroom.hide()
        self.timer_label, self.wall, self.blank_label = QLabel(), QLabel(), QLabel()
        sizes = (
            (self.status, 22),
            (self.timer_label, 40),
            (self.wall, 22),
            (self.blank_label, 22),
            (self.slides, 18),
            (self.classroom, 18),
        )
        for widget, px in sizes:
            font = QFont(widget.font())
            font.setPixelSize(px)
            font.setBold(widget is self.timer_label)
            widget.setFont(font)
        self.up_next.setStyleSheet("color: #9aa3ad;")
        side = QVBoxLayout()
        side.addWidget(self.up_next)
        side.addWidget(self.next, stretch=1)
        for widget in (self.status, self.timer_label, self.wall, self.blank_label, self.classroom):
            side.addWidget(widget)
        grid = QGridLayout()
        grid.addWidget(self.current, 0, 0)
        grid.addLayout(side, 0, 1)
        grid.addWidget(self.notes, 1, 0)
        grid.addWidget(self.slides, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        body = QWidget()
        body.setLayout(grid)
        body.setStyleSheet(f"background: {BACKDROP}; color: #e8e8e8;")
        self.setCentralWidget(body)
        self.help = HelpOverlay(body)
        self.resize(1280, 800)
        self.current.sigClicked.connect(lambda forward: self.show_state.next() if forward else self.show_state.back())
        self.current.follow_ink(self.show_state)
        self.current.sigDraw.connect(self.draw)
        self.current.sigHold.connect(lambda at: self.show_state.set_pointer(None if at is None else (at.x(), at.y())))
        self.tool, self.colour, self._stroke, self._zoom_from = "", COLOURS[0], None, None
        self._pointer_key: tuple[int, bool] | None = None  # K is down: when, and whether the pointer was on
        self._behind = False  # the audience has moved and the console has yet to follow
        for signal, slot in self._listening():
            signal.connect(slot)
        self.ticker = QTimer(self, interval=500)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self.clock.start()
        self.follow()

    def show_class(self, text: str) -> None:
        """The class quiz's line (ui/class_controls.py), in this window's language; empty hides it."""
        self.classroom.setText(text)
        self.classroom.setVisible(bool(text))

    def look(self) -> Look:
        audience = self.window.look()
        return Look(audience.theme, self.lang, audience.family, audience.reduced_motion)

    def _listening(self) -> tuple:
        show = self.show_state
        return (
            (show.sigPosition, self._follow_soon),
            (show.sigLook, self._follow_soon),
            (show.sigDeck, self._keep_lang),
            (show.sigDeck, self._follow_soon),
            (show.sigBlank, self._tick),
        )

    def _follow_soon(self, *_) -> None:
        """The audience first: the console follows once the audience window has painted the change.

        The event is posted below the priority of a window's repaint (measured on xcb and offscreen:
        it is handled after the audience's paint, a few milliseconds later, never a frame later).
        """
        if not self._behind:
            self._behind = True
            QCoreApplication.postEvent(self, QEvent(FOLLOW), Qt.EventPriority.LowEventPriority.value - 1)

    def event(self, event) -> bool:
        if event.type() == FOLLOW:
            self._behind = False
            if self.isVisible():  # not once closed
                self.follow()
            return True
        return super().event(event)

    def follow(self) -> None:
        """Shows what the audience sees, and what comes next, in the console's language."""
        show, look = self.show_state, self.look()
        index, step = show.index, show.step
        self.clock.on_slide(index)
        # In the audience's language the console shows the very scenes the audience window built; only a
        # later step of the same slide needs a scene of its own (a scene has one state at a time).
        same = look == self.window.look()
        shared = self.window.cache if same else self.current_cache
        self.current.show_scene(shared.get(show, look, index), step, drive=not same)
        steps = show.steps(index)
        after = (index, step + 1) if step + 1 < steps else (index + 1, 0) if index + 1 < show.count else None
        self.up_next.setText(
            tr("up-end", self.lang) if after is None else tr("up-step" if after[0] == index else "up-slide", self.lang)
        )
        if after is None:
            self.next.hide()
        else:
            self.next.show()
            cache = self.next_cache if after[0] == index else shared
            self.next.show_scene(cache.get(show, look, after[0]), after[1])
        self._list_slides(index)
        slide = show.deck.slides[index]
        langs = show.deck.languages if self.both else (self.lang,)
        cells = "".join(
            f"<td width='{100 // len(langs)}%' valign='top' style='padding-right:16px'>"
            f"{_alt(slide, lang, show.deck.figures)}{to_html(render(slide.notes, lang, show.deck.figures))}</td>"
            for lang in langs
        )
        notes = f"<table style='font-size:{self.notes_px}px'><tr>{cells}</tr></table>"
        document = self._documents.get(notes)  # laid out once, kept: a slide seen before costs nothing
        if document is None:
            document = self._documents[notes] = QTextDocument(self)
            document.setHtml(notes)
        if document is not self.notes.document():  # a step of the same slide keeps where the notes scrolled to
            self.notes.setDocument(document)
        self._tick()

    def _list_slides(self, index: int) -> None:
        """The slide list, in the console's language, with the slide on screen selected and in view."""
        deck = self.show_state.deck
        if self._listed[0] is not deck or self._listed[1] != self.lang:
            self._listed = (deck, self.lang)
            self.slides.clear()
            self.slides.addItems(
                [
                    f"{n}  {plain(render(s.title, self.lang, deck.figures)) or s.id}"
                    for n, s in enumerate(deck.slides, 1)
                ]
            )
        self.slides.setCurrentRow(index)
        self.slides.scrollToItem(self.slides.item(index))

    def set_lang(self, lang: str, both: bool = False) -> None:
        self.lang, self.both = lang, both
        self.follow()

    def cycle_lang(self) -> None:
        """Shift+L: each language in turn, then all of them side by side (notes), then round again."""
        langs = self.show_state.deck.languages
        if len(langs) < 2:
            return  # one language: nothing to switch to, and one column is no side by side
        if self.both:
            self.set_lang(langs[0])
        elif self.lang == langs[-1]:
            self.set_lang(self.lang, both=True)
        else:
            self.set_lang(langs[langs.index(self.lang) + 1] if self.lang in langs else langs[0])

    def _keep_lang(self) -> None:
        """Another deck: the console keeps its language if the deck is written in it, else speaks the audience's."""
        show = self.show_state
        if self.lang not in show.deck.languages:
            self.lang = show.lang
        self.both = self.both and len(show.deck.languages) > 1

    def zoom_notes(self, delta: int) -> None:
        self.notes_px = max(12, min(48, self.notes_px + delta))
        self.follow()

    def reset_timer(self) -> bool:
        """Asks first: a reset loses the talk's time so far."""
        answer = QMessageBox.question(self, tr("console", self.lang), tr("reset-timer", self.lang))
        if answer == QMessageBox.StandardButton.Yes:
            self.clock.reset()
            self._tick()
            return True
        return False

    def _tick(self, *_) -> None:
        """The status line, timers and wall clock; a label is touched only when its text changes."""
        show, lang, clock = self.show_state, self.lang, self.clock
        status = tr("slide-of", lang, n=show.index + 1, total=show.count)
        if show.index in self.last_time:
            status += "   " + tr("last-time", lang, time=clock_text(self.last_time[show.index]))
        if self.tool:
            status += f"   ✎ {tr('tool-' + self.tool, lang)}"
        left = clock.left()
        timer = clock_text(clock.elapsed()) + ("" if clock.running else f"  ({tr('paused', lang)})")
        if left is not None:
            timer += "   " + tr("time-left", lang, time=("−" if left < 0 else "") + clock_text(left))
        blank = tr(f"audience-{show.blank}", lang) if show.blank else ""
        for label, text in (
            (self.status, status),
            (self.timer_label, timer),
            (self.wall, datetime.now().strftime("%H:%M")),
            (self.blank_label, blank),
        ):
            if label.text() != text:
                label.setText(text)
        if clock.urgency() != self._urgency:
            self._urgency = clock.urgency()
            self.timer_label.setStyleSheet(f"color: {URGENCY[self._urgency]};")

    def set_tool(self, tool: str) -> None:
        """'', 'pointer', 'pen', 'highlighter', 'eraser' or 'zoom'; the same key again puts it away."""
        self.tool = "" if tool == self.tool else tool
        self.current.drawing = bool(self.tool)
        self.current.setMouseTracking(self.tool == "pointer")
        if self.tool != "pointer":
            self.show_state.set_pointer(None)
        self._tick()

    def draw(self, phase: str, at: QPointF) -> None:
        """Mouse on the console's slide: the pointer, a stroke, the eraser, or a zoom rectangle."""
        show, point = self.show_state, (at.x(), at.y())
        if self.tool == "pointer":
            show.set_pointer(point)
        elif self.tool in ("pen", "highlighter"):
            if phase == "press":
                self._stroke = Stroke(self.tool, self.colour, [point])
                show.ink.add(*show.place, self._stroke)
            elif self._stroke is not None:
                self._stroke.points.append(point)
            if phase == "release":
                self._stroke = None
                self._save_ink()
            show.sigInk.emit()
        elif self.tool == "eraser":
            show.ink.erase_near(*show.place, point)
            if phase == "release":
                self._save_ink()
            show.sigInk.emit()
        elif self.tool == "zoom":
            if phase == "press":
                self._zoom_from = point
            elif self._zoom_from is not None:
                (x0, y0), (x1, y1) = self._zoom_from, point
                rect = (min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
                self.current.set_band(rect if phase == "move" else None)  # the presenter sees what they drag
                if phase == "release":
                    if rect[2] > 20 and rect[3] > 20:
                        show.set_zoom(rect)
                    self._zoom_from = None

    def _save_ink(self) -> None:
        """Saves the ink; when the disk will not take it, says so here (not to the audience) and keeps it."""
        try:
            self.show_state.ink.save()
            message = ""
        except OSError as error:
            message = tr("ink-not-saved", self.lang, reason=error.strerror or error)
        if message or self.findChild(QStatusBar):  # the bar appears with the first failure, not before
            self.statusBar().showMessage(message)

    def closeEvent(self, event) -> None:
        """A closed console stops following and keeps this talk's times (once: closing twice changes nothing)."""
        if self.ticker.isActive():
            self.ticker.stop()
            for signal, slot in self._listening():
                signal.disconnect(slot)
            self.clock.on_slide(self.show_state.index)  # charge the slide on screen, then keep the record
            self.window.settings.set_rehearsal(self.show_state.deck.folder, self.clock.per_slide)
        super().closeEvent(event)

    def keyReleaseEvent(self, event) -> None:
        """K held down is the pointer while it is held; a tap leaves it on, and the next tap puts it away."""
        if event.key() == Qt.Key.Key_K and not event.isAutoRepeat() and self._pointer_key is not None:
            (pressed, was_on), self._pointer_key = self._pointer_key, None
            held = event.timestamp() - pressed >= HOLD_MS
            if self.tool == "pointer" and (held or was_on):
                self.set_tool("pointer")
        else:
            super().keyReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        """The console's own keys (ui/keys.py, CONSOLE_BINDINGS); every other key goes to the audience window."""
        show = self.show_state
        action = console_action_for(event.key(), event.modifiers())
        if self.help.isVisible():
            self.help.hide()  # any key closes the help, and does nothing else
        elif self.tool in ("pen", "highlighter") and event.text() and event.text() in "123456789":
            self.colour = COLOURS[int(event.text()) - 1]  # while drawing, digits pick colours, not slides
        elif action == "pointer":
            if not event.isAutoRepeat():
                self._pointer_key = (event.timestamp(), self.tool == "pointer")
                if self.tool != "pointer":
                    self.set_tool("pointer")
                    at = self.current.mapFromGlobal(QCursor.pos()).toPointF()
                    if self.current.rect().contains(at.toPoint()):
                        self.draw("move", self.current.mapToScene(at))  # the dot appears where the mouse is
        elif action in ("pen", "highlighter", "eraser", "zoom"):
            self.set_tool(action)
        elif action in ("undo", "clear"):
            getattr(show.ink, action)(*show.place)
            self._save_ink()
            show.sigInk.emit()
        elif action == "pause":
            self.clock.toggle()
            self._tick()
        elif action in ("notes-bigger", "notes-smaller"):
            self.zoom_notes(2 if action == "notes-bigger" else -2)
        elif action == "reset":
            self.reset_timer()
        elif action == "console-language":
            self.cycle_lang()
        elif action == "help":
            self.help.open(self.lang, show.deck.languages, CONSOLE_BINDINGS)
        elif event.key() == Qt.Key.Key_Escape and show.zoom is not None:
            show.set_zoom(None)  # Esc closes the topmost thing: the zoom, then a tool, then what the window has
        elif event.key() == Qt.Key.Key_Escape and self.tool:
            self.set_tool(self.tool)
        else:
            self.window.keyPressEvent(event)  # every presenting key works here too, on the same Show
