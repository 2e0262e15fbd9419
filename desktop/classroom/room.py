"""The room: who is in, what is asked, and what each phone answered — one object, owned by the server's thread.

Every method is plain and synchronous: it checks a phone's message, records what must be kept (in `Results`,
before the phone hears back), queues each phone's replies in its outbox and hands a fresh `Tally` to `on_tally`.
"""

from __future__ import annotations

import asyncio
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from desktop.classroom.names import PinGuard, clean_name, unique_name
from desktop.classroom.poll import Poll, Tally
from desktop.classroom.results import Results

MOST_STUDENTS = 500
OUTBOX = 64  # messages a phone may fall behind by before it is let go (it reconnects and gets the state afresh)
_LANG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-")


@dataclass(eq=False)
class Phone:
    """One open WebSocket: where it comes from, who joined on it, and its messages waiting to be sent."""

    address: str
    outbox: asyncio.Queue = field(default_factory=lambda: asyncio.Queue(OUTBOX))
    token: str | None = None
    langs: tuple[str, ...] = ()  # the phone's languages, its preferred first

    def send(self, message: dict | None) -> None:
        """Queues `message` (None: close); a phone too far behind is closed instead."""
        try:
            self.outbox.put_nowait(message)
        except asyncio.QueueFull:
            while not self.outbox.empty():
                self.outbox.get_nowait()
            self.outbox.put_nowait(None)

    def lang(self, poll: Poll) -> str:
        """The deck's language this phone reads: its first that the deck has, else the projector's."""
        for lang in self.langs:
            for offered in poll.languages:
                if lang == offered or lang.partition("-")[0] == offered.partition("-")[0]:
                    return offered
        return poll.lang


@dataclass
class _Answer:
    response: int | float
    right: bool
    value: float | None  # a number question: the estimate in the figure's unit


class Room:
    """The lecture's students and the current round. Open phones are `phones`; `end` says goodbye to them all."""

    def __init__(
        self,
        results: Results,
        lecture: int,
        pin: str,
        on_tally: Callable[[Tally], None],
        log: Callable[[str], None],
        now: Callable[[], datetime],
        clock: Callable[[], float],
    ) -> None:
        self.results, self.lecture, self.pin = results, lecture, pin
        self._on_tally, self._log, self._now, self._clock = on_tally, log, now, clock
        self.students = results.students(lecture)
        self.last_round = results.last_round(lecture)
        self.phones: set[Phone] = set()
        self.pins = PinGuard()
        self.poll: Poll | None = None
        self.taking = False  # answers to the poll are taken: posed, not yet revealed or closed
        self.revealed = False
        self.closed = False  # the poll is over and phones wait; its tally stays for the projector
        self._posed_at = 0.0
        self._answers: dict[str, _Answer] = {}
        self.ended = False

    # -- the window's side --------------------------------------------------------------------------------------

    def pose(self, poll: Poll) -> None:
        """Puts `poll` to the room; posing a round the file already has (after a restart) keeps its answers."""
        question = poll.question
        try:
            self.results.pose(self.lecture, poll.round, question.id, question.section, question.kind, self._now())
        except sqlite3.Error as error:  # the room is asked all the same; its answers are tried one by one
            self._log(f"class quiz: round {poll.round} could not be saved: {error}")
        self.poll, self.taking, self.revealed, self.closed = poll, True, False, False
        self._posed_at = self._clock()
        self.last_round = max(self.last_round, poll.round)
        self._answers = {}
        for token, (response, right, lang) in self.results.graded(self.lecture, poll.round).items():
            shown = int(response) if not question.is_numeric else response
            value = poll.in_unit(response, lang or poll.lang) if question.is_numeric else None
            self._answers[token] = _Answer(shown, right, value)
        for phone in self._joined():
            phone.send(self.state(phone))
        self._tally()

    def reveal(self) -> None:
        if self.poll is None or self.revealed or self.closed:
            return
        self.taking, self.revealed = False, True
        for phone in self._joined():
            phone.send(self.state(phone))
        self._tally()

    def close_poll(self) -> None:
        if self.poll is None or self.closed:
            return
        self.taking, self.closed = False, True
        for phone in self._joined():
            phone.send({"type": "waiting"})
        self._tally()

    def end(self) -> None:
        """Tells every phone the quiz is over and closes them; no tally after this."""
        self.ended = True
        for phone in self.phones:
            phone.send({"type": "ended"})
            phone.send(None)

    # -- the phones' side ---------------------------------------------------------------------------------------

    def arrive(self, phone: Phone) -> None:
        self.phones.add(phone)

    def leave(self, phone: Phone) -> None:
        self.phones.discard(phone)
        if phone.token is not None and not self.ended:
            self._tally()

    def receive(self, phone: Phone, message: object) -> None:
        """Handles one message from a phone: a join or an answer; anything else is refused as "bad"."""
        if self.ended:
            return phone.send(_refused("ended"))
        kind = message.get("type") if isinstance(message, dict) else None
        try:
            if kind == "join":
                return self._join(phone, message)
            if kind == "answer":
                return self._answer(phone, message)
        except sqlite3.Error as error:  # a full disk, say: nothing was kept, so the phone may try again
            return self._refuse(phone, "busy", f"a {kind} from {phone.address}: it could not be saved ({error})")
        self._refuse(phone, "bad", f"a message of unknown type from {phone.address}")

    def _join(self, phone: Phone, message: dict) -> None:
        langs = _langs(message.get("langs"), message.get("lang"))
        if langs is None:
            return self._refuse(phone, "bad", f"a join with a malformed language from {phone.address}")
        now = self._clock()
        if self.pins.locked(phone.address, now):
            return self._refuse(phone, "busy", f"a join from {phone.address} while it is locked out")
        token = message.get("token")
        if token is not None:
            if not isinstance(token, str) or token not in self.students:
                return self._wrong(phone, now, "old", "an unknown token")
            name = self.students[token]
        else:
            pin, sent = message.get("pin"), message.get("name")
            if not isinstance(pin, str) or not isinstance(sent, str):
                return self._refuse(phone, "bad", f"a join without a PIN or name from {phone.address}")
            if not secrets.compare_digest(pin.strip().encode(), self.pin.encode()):
                return self._wrong(phone, now, "pin", "a wrong PIN")
            name = clean_name(sent)
            if not name:
                return self._refuse(phone, "name", f"an empty name from {phone.address}")
            if len(self.students) >= MOST_STUDENTS:
                return self._refuse(phone, "full", f"a join from {phone.address}: the class is full")
            if name != sent:
                self._log(f"class quiz: a name from {phone.address} was cleaned to {name!r}")
            name = unique_name(name, set(self.students.values()))
            token = secrets.token_urlsafe(16)  # 128 bits: the phone's only key to its name and answers
            self.results.join(self.lecture, token, name, self._now())
            self.students[token] = name
        phone.token, phone.langs = token, langs
        phone.send({"type": "joined", "token": token, "name": name})
        phone.send(self.state(phone))
        self._tally()

    def _wrong(self, phone: Phone, now: float, code: str, what: str) -> None:
        locks = self.pins.wrong(phone.address, now)
        then = "; it is locked out for a minute" if locks else ""
        self._refuse(phone, code, f"{what} from {phone.address}{then}")

    def _answer(self, phone: Phone, message: dict) -> None:
        poll, token, round = self.poll, phone.token, message.get("round")
        if token is None or type(round) is not int:
            return self._refuse(phone, "bad", f"an answer without a join or a round from {phone.address}")
        if poll is None or not self.taking or round != poll.round:
            return self._refuse(phone, "old", f"an answer to round {round} from {phone.address}: not taken now")
        if token in self._answers:
            return self._refuse(phone, "locked", f"a second answer to round {round} from {phone.address}")
        response = poll.read(message.get("answer"))
        if response is None:
            return self._refuse(phone, "bad", f"an answer that is not one from {phone.address}")
        lang = phone.lang(poll)
        right = poll.grade(response, lang)
        seconds = max(0.0, self._clock() - self._posed_at)
        if not self.results.answer(self.lecture, round, token, response, right, seconds, self._now(), lang=lang):
            return self._refuse(phone, "locked", f"a second answer to round {round} from {phone.address}")
        value = poll.in_unit(response, lang) if poll.question.is_numeric else None
        self._answers[token] = _Answer(response, right, value)
        for other in self._joined(token):  # the same student on a second tab locks there too
            other.send({"type": "locked", "round": round, "yours": response})
        self._tally()

    def _refuse(self, phone: Phone, code: str, line: str) -> None:
        self._log(f"class quiz: refused {line}")
        phone.send(_refused(code))

    # -- what is sent -------------------------------------------------------------------------------------------

    def state(self, phone: Phone) -> dict:
        """What a joined phone should show now: waiting, the question (with its own answer), or its reveal."""
        poll = self.poll
        if poll is None or self.closed:
            return {"type": "waiting"}
        mine = self._answers.get(phone.token)
        response = mine.response if mine else None
        if self.revealed:
            return poll.revealing(response, phone.lang(poll))
        left = max(0, round(poll.seconds - (self._clock() - self._posed_at))) if poll.seconds else None
        return poll.asking() | {"left": left, "yours": response}

    def tally(self) -> Tally:
        poll = self.poll
        joined = len({phone.token for phone in self._joined()})
        if poll is None:
            return Tally(joined, 0, 0, 0)
        answers = self._answers.values()
        counts: tuple[int, ...] = ()
        values: tuple[float, ...] = ()
        if poll.question.is_numeric:
            values = tuple(a.value for a in answers)
        else:
            counts = tuple(sum(a.response == i for a in answers) for i in range(poll.choices))
        right = sum(a.right for a in answers)
        return Tally(joined, poll.round, len(self._answers), right, counts, values, self.revealed)

    def _tally(self) -> None:
        if self.ended:
            return
        try:
            self._on_tally(self.tally())
        except Exception as error:  # the window's trouble must not take the room down with it
            self._log(f"class quiz: the window could not take a tally: {error!r}")

    def _joined(self, token: str | None = None) -> list[Phone]:
        return [p for p in self.phones if p.token is not None and (token is None or p.token == token)]


def _refused(code: str) -> dict:
    return {"type": "refused", "reason": code}


def _langs(sent: object, first: object) -> tuple[str, ...] | None:
    """A phone's languages ("langs" list, else "lang"), each a short tag; None when malformed."""
    found = sent if sent is not None else ([first] if first is not None else [])
    if not isinstance(found, list) or len(found) > 16:
        return None
    if not all(isinstance(tag, str) and 0 < len(tag) <= 35 and set(tag) <= _LANG_CHARS for tag in found):
        return None
    return tuple(found)
