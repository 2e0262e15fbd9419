"""The class quiz's one state: the question put to the room, its countdown, the phones' tally, the warm-up queue.

The projector's overlay, the join card and the console are views of it; the window forwards keys to it. With
phones on, it owns the server (desktop/classroom, its own thread): it hands the server each poll and reveal, and
the server's tallies come back as a queued signal, so nothing here waits on the network.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.classroom.poll import Poll, Tally, poll_of
from desktop.quiz.model import Question

COUNTDOWN = 30  # seconds the room gets to answer


class ClassRoom(QObject):
    """Asks, counts down, reveals; with phones, also what the room answered."""

    sigChanged = Signal()  # the question, its phase or the phones: views draw again
    sigCounted = Signal()  # only the tally: views change a count (answers stream in: nothing more each time)
    sigTicked = Signal()  # only the countdown's second
    sigTally = Signal(object)  # from the server's thread: Qt queues it to this object's (the window's) thread

    def __init__(self, parent: QObject, chime: Callable[[], None], seconds: int = COUNTDOWN) -> None:
        super().__init__(parent)
        self.chime, self.seconds = chime, seconds
        self.sound = True
        self.server = None
        self._address = ""
        self.question: Question | None = None
        self.poll: Poll | None = None
        self.revealed = False
        self.left = 0  # seconds of the countdown still to run; 0 when none runs
        self.tally: Tally | None = None
        self.warm_up: list[Question] = []  # questions still to pose from last time's misses
        self.warm_up_total = 0
        self._round = 0
        self.timer = QTimer(self, interval=1000)
        self.timer.timeout.connect(self._tick)
        self.sigTally.connect(self._tallied)

    # Phones
    @property
    def phones(self) -> bool:
        return self.server is not None

    def start_phones(self, results: Path, host: str, port: int) -> None:
        """Starts the server (raises ServerError with a one-line reason); rounds continue a lecture restarted."""
        from desktop.classroom.server import ClassServer, lan_address

        server = ClassServer(results, self.sigTally.emit)
        server.start(host, port)
        self.server, self._round = server, server.last_round
        self._address = server.url(lan_address() if server.host in ("0.0.0.0", "::", "") else None)
        self.tally = Tally(0, 0, 0, 0)
        self.sigChanged.emit()

    def stop_phones(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server, self.tally = None, None
            self.sigChanged.emit()

    def address(self) -> str:
        """'http://192.168.1.20:8765/': what a phone in the room opens (found once, as the server starts)."""
        return self._address

    def _tallied(self, tally: Tally) -> None:
        if self.poll is not None and tally.round not in (0, self.poll.round):
            return  # a late tally of an earlier round
        self.tally = tally
        everyone = self.poll is not None and 0 < tally.joined <= tally.answered
        if everyone and not self.revealed:
            self.reveal()  # the whole room has answered: no one waits for the clock (Kahoot's rule)
        else:
            self.sigCounted.emit()

    # Asking
    def pose(self, question: Question, languages: tuple[str, ...], lang: str) -> None:
        """Puts `question` to the room; with phones, to every phone too, with the countdown started."""
        self._round += 1
        self.question, self.revealed = question, False
        self.poll = poll_of(question, self._round, languages, lang, self.seconds if self.phones else 0)
        self.left = 0
        self.timer.stop()
        if self.phones:
            self.tally = Tally(self.tally.joined if self.tally else 0, self._round, 0, 0)
            self.server.pose(self.poll)
            self._count_down()
        self.sigChanged.emit()

    def toggle_countdown(self) -> None:
        """C: starts the countdown, or stops it (the room then answers until Enter)."""
        if self.timer.isActive():
            self.timer.stop()
            self.left = 0
        elif not self.revealed:
            self._count_down()
        self.sigChanged.emit()

    def _count_down(self) -> None:
        self.left = self.seconds
        self.timer.start()

    def _tick(self) -> None:
        self.left -= 1
        if self.left > 0:
            self.sigTicked.emit()
            return
        self.timer.stop()
        if self.sound:
            self.chime()
        self.reveal()

    def reveal(self) -> None:
        if self.question is None or self.revealed:
            return
        self.revealed, self.left = True, 0
        self.timer.stop()
        if self.phones:
            self.server.reveal()
        self.sigChanged.emit()

    def close(self) -> None:
        """Ends the question; in a warm-up, Enter after a reveal poses the next."""
        self.timer.stop()
        self.question, self.poll, self.revealed, self.left = None, None, False, 0
        if self.phones:
            self.server.close_poll()
        self.sigChanged.emit()

    def start_warm_up(self, questions: list[Question], languages: tuple[str, ...], lang: str) -> None:
        self.warm_up, self.warm_up_total = list(questions), len(questions)
        self.next_warm_up(languages, lang)

    def next_warm_up(self, languages: tuple[str, ...], lang: str) -> bool:
        """Poses the next warm-up question; False when there is none left."""
        if not self.warm_up:
            self.warm_up_total = 0
            return False
        self.pose(self.warm_up.pop(0), languages, lang)
        return True

    @property
    def warm_up_place(self) -> tuple[int, int] | None:
        """(this question's place, how many) during a warm-up."""
        if not self.warm_up_total or self.question is None:
            return None
        return self.warm_up_total - len(self.warm_up), self.warm_up_total
