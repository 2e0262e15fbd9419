"""The class quiz in the presentation window: what Q, J, Enter, C and Esc do, and the Quiz menu's class items.

The window makes this part when the class quiz is first used; it owns the room (the one state), the projector's
overlay and the join card, and says on stderr and on the console what a phone needs to join.
"""

from __future__ import annotations

import sys
from functools import cached_property

from PySide6.QtCore import Qt

from desktop.quiz.model import Question
from desktop.render.scene import build_scene
from desktop.resources import data_dir
from desktop.ui.chime import chime
from desktop.ui.class_join import JoinCard
from desktop.ui.class_quiz import ClassQuiz, pick_question
from desktop.ui.class_room import ClassRoom
from desktop.ui.keys import action_for
from desktop.words import tr

PORT = 8765  # the menu's first choice; the next free one after it if taken
HOST = "0.0.0.0"  # every network the laptop is on: the room's Wi-Fi, or its own hotspot


class ClassControls:
    def __init__(self, window) -> None:
        self.window = window
        self.room = ClassRoom(window, chime)
        self.room.sound = window.settings.get("class-sound") != "off"
        self.asked: set[str] = set()
        self._bank: tuple[object, list[Question]] | None = None  # (the deck it was built from, its questions)
        self.overlay = ClassQuiz(window.centralWidget(), self.room, self._final_scene)
        self.room.sigChanged.connect(self._console_line)
        self.room.sigCounted.connect(self._console_line)
        self._deck_id = window.presenting.deck.id  # whose results file the phones' answers go to
        window.presenting.sigDeck.connect(self._deck_changed)
        window.presenting.sigPosition.connect(self._arrived)

    @cached_property
    def card(self) -> JoinCard:
        return JoinCard(self.window.centralWidget(), self.room)

    def bank(self) -> list[Question]:
        """The deck's questions, built again after a reload or another deck (never a stale deck's)."""
        from desktop.quiz.generate import build_bank

        deck = self.window.presenting.deck
        if self._bank is None or self._bank[0] is not deck:
            self._bank = (deck, build_bank(deck))
        return self._bank[1]

    def _final_scene(self):
        """The slide the question comes from (a warm-up's may be far from where the talk is), built afresh."""
        window, deck = self.window, self.window.presenting.deck
        wanted = self.room.question.slide if self.room.question else None
        index = next((i for i, s in enumerate(deck.slides) if s.id == wanted), window.presenting.index)
        return build_scene(deck, index, window.look())

    def refresh(self) -> None:
        """The deck's theme, font and the projector's language, as the window now shows them."""
        window, show = self.window, self.window.presenting
        join = (
            tr("class-on", show.lang, address=self.room.address(), pin=self.room.server.pin) if self.room.phones else ""
        )
        self.overlay.set_look(window.look().theme, window.family, show.lang, show.deck.source_language, join)
        if "card" in self.__dict__ and self.card.isVisible():
            self.card.open(window.look().theme, window.family, show.lang)

    # Phones
    def start_phones(self, host: str = HOST, port: int = PORT, tries: int = 1) -> None:
        """Starts the server (raises ServerError); `tries` > 1 walks up from `port` past ports in use."""
        from desktop.classroom.results import results_file
        from desktop.classroom.server import ServerError  # aiohttp is imported only when phones are wanted

        folder = data_dir()
        self._deck_id = self.window.presenting.deck.id
        for attempt in range(tries):
            try:
                self.room.start_phones(results_file(folder, self.window.presenting.deck.id), host, port + attempt)
                break
            except ServerError:
                if attempt == tries - 1:
                    raise
        self.refresh()
        self.show_card()
        self.window.build_menus()

    def join_line(self) -> str:
        return f"class quiz: {self.room.address()} PIN {self.room.server.pin}"

    def toggle_phones(self) -> None:
        """The menu's item: starts the class quiz on phones (and says how to join), or stops it."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.classroom.server import ServerError

        if self.room.phones:
            self.room.stop_phones()
            self.card.hide()
            self.refresh()
            self.window.build_menus()
            return
        try:
            self.start_phones(tries=10)
        except ServerError as error:
            lang = self.window.presenting.lang
            QMessageBox.warning(self.window, tr("quiz", lang), tr("class-failed", lang, reason=error))
            return
        print(self.join_line(), flush=True)

    def _deck_changed(self) -> None:
        """Another deck opened: its questions are not the lecture's, so the class quiz of the last one ends."""
        deck = self.window.presenting.deck
        if deck.id == self._deck_id:
            return  # a reload of the same deck: the lecture goes on
        self.room.warm_up.clear()
        self.room.close()
        if self.room.phones:
            self.toggle_phones()
        self._deck_id = deck.id

    def show_card(self) -> None:
        show = self.window.presenting
        self.card.open(self.window.look().theme, self.window.family, show.lang)

    def stop(self) -> None:
        self.room.stop_phones()

    # Asking
    def _arrived(self, index: int, step: int, _animate: bool) -> None:
        """With phones on, a quick-check slide puts its own question to the room as the talk reaches it (once)."""
        slide = self.window.presenting.deck.slides[index]
        if self.room.phones and self.room.question is None and slide.kind == "quiz" and step == 0:
            question = self._slide_question(slide)
            if question.id not in self.asked:
                self.asked.add(question.id)
                self._pose(question)

    def _slide_question(self, slide) -> Question:
        from desktop.quiz.generate import slide_question
        from desktop.quiz.index import DeckIndex

        deck = self.window.presenting.deck
        return slide_question(deck.figures[slide.figures[0]], DeckIndex.of(deck))

    def pose_here(self) -> None:
        """Q: a question about the current slide; on a quick-check slide with phones, the slide's own question."""
        show = self.window.presenting
        slide = show.deck.slides[show.index]
        if slide.kind == "quiz" and self.room.phones:
            question = self._slide_question(slide)
        else:
            section = show.deck.section_of(slide.id)
            question = pick_question(self.bank(), slide, section.number if section else None, self.asked)
        if question is None:
            self.window.badge.say(tr("no-questions", show.lang))
            return
        self.asked.add(question.id)
        self._pose(question)

    def _pose(self, question: Question) -> None:
        show = self.window.presenting
        self._hide_card()
        self.refresh()
        self.room.pose(question, show.deck.languages, show.lang)

    def warm_up(self) -> None:
        """The questions the class missed most last time, posed one after another (Enter moves on)."""
        show = self.window.presenting
        ids = self._missed_last_time()
        by_id = {q.id: q for q in self.bank()}
        questions = [by_id[i] for i in ids if i in by_id]
        if not questions:
            self.window.badge.say(tr("class-no-warm-up", show.lang))
            return
        self._hide_card()
        self.refresh()
        self.room.start_warm_up(questions, show.deck.languages, show.lang)

    def _missed_last_time(self) -> list[str]:
        from desktop.classroom.results import Results, ResultsError, results_file

        path = results_file(data_dir(), self.window.presenting.deck.id)
        if not path.exists():
            return []
        try:
            results, _ = Results.open(path)
        except (OSError, ResultsError) as error:
            print(f"casebook: {error}", file=sys.stderr)
            return []
        try:
            # Warm up from the lectures before this one; with no class quiz on, from every lecture kept.
            return results.warm_up(self.room.server.lecture if self.room.phones else sys.maxsize)
        finally:
            results.close()

    def results(self) -> None:
        from desktop.classroom.results import results_file
        from desktop.ui.class_results import ClassResultsDialog

        show = self.window.presenting
        ClassResultsDialog(
            results_file(data_dir(), show.deck.id), self.bank(), show.deck, show.lang, self.window
        ).exec()

    def toggle_sound(self) -> None:
        self.room.sound = not self.room.sound
        self.window.settings.set("class-sound", "" if self.room.sound else "off")

    # Keys
    def key(self, key: int) -> bool:
        """Keys while the class quiz is up: a "next" key (Enter, →, Space, a clicker's PageDown) reveals, then closes
        (or poses the next warm-up); a "back" key or Esc closes; C the countdown; J the join card. Others pass
        through (and put the join card away): the talk never moves unseen under the question."""
        room, show = self.room, self.window.presenting
        if "card" in self.__dict__ and self.card.isVisible():
            self._hide_card()
            if key in (Qt.Key.Key_J, Qt.Key.Key_Escape):
                return True
        if room.question is None:
            return False
        action = action_for(key)
        if action == "next":
            if not room.revealed:
                room.reveal()
            elif not room.next_warm_up(show.deck.languages, show.lang):
                room.close()
        elif action in ("back", "escape"):
            room.warm_up.clear()
            room.warm_up_total = 0
            room.close()
        elif key == Qt.Key.Key_C:
            room.toggle_countdown()
        else:
            return False
        return True

    def join_key(self) -> None:
        """J: the join card again for latecomers; before the class quiz is on, starts it."""
        if self.room.phones:
            self.show_card()
        else:
            self.toggle_phones()

    def _hide_card(self) -> None:
        if "card" in self.__dict__:
            self.card.hide()

    def _console_line(self) -> None:
        console = self.window.console
        if console is not None:
            console.show_class(self.class_line(console.lang))

    def class_line(self, lang: str) -> str:
        """What the console says of the class quiz: how to join, who has answered, the keys."""
        room = self.room
        lines = []
        if room.phones:
            lines.append(tr("class-on", lang, address=room.address(), pin=room.server.pin))
            tally = room.tally
            if tally is not None and room.question is not None:
                lines.append(tr("class-answered", lang, n=tally.answered, total=tally.joined))
            elif tally is not None:
                lines.append(tr("class-joined", lang, n=tally.joined))
        if room.question is not None:
            lines.append(tr("class-console-keys", lang))
        return "\n".join(lines)
