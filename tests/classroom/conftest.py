"""Questions to pose, a started class server, and phones that talk to it over a real WebSocket."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import UTC, datetime

import aiohttp
import pytest

from desktop.classroom.poll import Poll, Tally, poll_of
from desktop.classroom.server import ClassServer
from desktop.deck.model import Text
from desktop.quiz.model import NumericAnswer, Question

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SOURCE = "抖音广告收入占比从2019年的84%降至2023年的52%。"
EXPLANATION = Text.of(zh="2023 年广告占比为 52%。", en="Advertising was 52% of revenue in 2023.")
WAIT = 5.0  # seconds any one expected message or tally may take on a slow CI machine

CHOICE = Question(
    id="ads-2023-recall",
    section=1,
    kind="recall",
    prompt=Text.of(zh="2023 年广告收入占比是多少？", en="What share of revenue was advertising in 2023?"),
    choices=tuple(Text.of(zh=c, en=c) for c in ("84%", "61%", "52%", "40%")),
    answer=2,
    tolerance=None,
    explanation=EXPLANATION,
    slide="ads-chart",
    source=SOURCE,
    figure="ads-2023",
)
NUMBER = Question(
    id="ads-2023-numeric",
    section=1,
    kind="numeric",
    prompt=Text.of(zh="2023 年广告收入占比是 ___%？", en="Advertising's share of revenue in 2023 was ___%?"),
    choices=(),
    answer=NumericAnswer(52.0, "%"),
    tolerance=1.0,
    explanation=EXPLANATION,
    slide="ads-chart",
    source=SOURCE,
    figure="ads-2023",
)


def poll(question: Question = CHOICE, round: int = 7, seconds: int = 30, lang: str = "en") -> Poll:
    return poll_of(question, round, ("zh", "en"), lang, seconds)


class Tallies:
    """Every tally the server sent, and a wait for the newest to be as expected."""

    def __init__(self) -> None:
        self.seen: list[Tally] = []
        self._changed = threading.Condition()

    def __call__(self, tally: Tally) -> None:
        with self._changed:
            self.seen.append(tally)
            self._changed.notify_all()

    def wait(self, expected: Callable[[Tally], bool]) -> Tally:
        with self._changed:
            assert self._changed.wait_for(lambda: self.seen and expected(self.seen[-1]), WAIT), self.seen[-3:]
            return self.seen[-1]

    @property
    def last(self) -> Tally:
        with self._changed:
            return self.seen[-1]


class Log(list):
    """The server's log lines, and a wait for a line that the server's thread writes."""

    def __init__(self) -> None:
        super().__init__()
        self._changed = threading.Condition()

    def append(self, line: str) -> None:
        with self._changed:
            super().append(line)
            self._changed.notify_all()

    def about(self, *words: str) -> list[str]:
        with self._changed:
            return [line for line in self if all(word in line for word in words)]

    def wait(self, *words: str) -> list[str]:
        with self._changed:
            assert self._changed.wait_for(lambda: self.about(*words), WAIT), (words, self[-3:])
            return self.about(*words)


@pytest.fixture
def results_path(tmp_path):
    return tmp_path / "data" / "tiny" / "class.db"


@pytest.fixture
def tallies():
    return Tallies()


@pytest.fixture
def log():
    return Log()


@pytest.fixture
def server(results_path, tallies, log):
    started = ClassServer(results_path, tallies, log=log.append, now=lambda: NOW)
    started.start("127.0.0.1", 0)
    yield started
    started.stop()


async def receive(ws: aiohttp.ClientWebSocketResponse) -> dict:
    """The next message, as JSON; fails rather than hangs."""
    return await asyncio.wait_for(ws.receive_json(), WAIT)


async def join(
    session: aiohttp.ClientSession, server: ClassServer, name: str = "Ana", lang: str = "en", token: str | None = None
) -> tuple[aiohttp.ClientWebSocketResponse, dict, dict]:
    """A phone that joined (with the PIN and `name`, or its `token`): its socket, "joined" and the state after it."""
    ws = await session.ws_connect(f"{server.url()}ws")
    message = {"type": "join", "lang": lang} | ({"token": token} if token else {"pin": server.pin, "name": name})
    await ws.send_json(message)
    joined = await receive(ws)
    assert joined["type"] == "joined", joined
    return ws, joined, await receive(ws)


def run(scenario) -> None:
    """Runs an async test scenario to its end."""
    asyncio.run(asyncio.wait_for(scenario, 30))
