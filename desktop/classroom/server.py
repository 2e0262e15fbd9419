"""The class quiz server: aiohttp in its own thread and asyncio loop, serving the student page and one WebSocket.

The window calls `pose`, `reveal`, `close_poll` and `stop` from its own thread; each crosses into the server's
loop with `call_soon_threadsafe`. The room's state lives on the server's thread only, and every change goes back
as a whole `Tally` through `on_tally` (called on the server's thread: the window turns it into a queued signal).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import logging
import socket
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path

from aiohttp import WSMsgType, web

from desktop.classroom.names import Buckets
from desktop.classroom.poll import Poll, Tally
from desktop.classroom.results import Results, ResultsError
from desktop.classroom.room import Phone, Room
from desktop.words import LANGS, WORDS

LOGGER = logging.getLogger("casebook.classroom")
LARGEST_MESSAGE = 4096  # bytes: a join or an answer is a few dozen
HTTP_RATE, HTTP_BURST = 100.0, 400.0  # requests a second from one address: a room of 200 phones behind one NAT passes
MESSAGE_RATE, MESSAGE_BURST = 5.0, 20.0  # messages a second on one WebSocket
START_SECONDS = 30.0
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
    " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_WORDS_MARK = "<!--words-->"


class ServerError(Exception):
    """The class server could not start; the message is one line a lecturer can act on."""


def lan_address() -> str:
    """The address other machines in the room reach this one at; 127.0.0.1 when there is no network."""
    # Connecting a UDP socket sends nothing; it only makes the system choose the interface a packet would leave by.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"
    return address if address != "0.0.0.0" else "127.0.0.1"


@cache
def page_files() -> dict[str, tuple[bytes, str]]:
    """The student page's three files, read once from the package: path -> (body, content type)."""
    folder = resources.files("desktop.classroom") / "page"
    words = {
        lang: {key.removeprefix("phone-"): pair[i] for key, pair in WORDS.items() if key.startswith("phone-")}
        for i, lang in enumerate(LANGS)
    }
    block = json.dumps(words, ensure_ascii=False).replace("<", "\\u003c")  # cannot close the script element
    html = (folder / "index.html").read_text(encoding="utf-8").replace(_WORDS_MARK, block)
    return {
        "/": (html.encode(), "text/html"),
        "/student.js": ((folder / "student.js").read_bytes(), "text/javascript"),
        "/student.css": ((folder / "student.css").read_bytes(), "text/css"),
    }


def make_app(room: Room, files: dict[str, tuple[bytes, str]], log: Callable[[str], None]) -> web.Application:
    """The server's routes and guards around `room`: the page's three files and the WebSocket, nothing else."""
    requests = Buckets(HTTP_RATE, HTTP_BURST)

    @web.middleware
    async def guard(request: web.Request, handler):
        allowed, first = requests.take(request.remote or "", asyncio.get_running_loop().time())
        if not allowed:
            if first:
                log(f"class quiz: refused requests from {request.remote}: more than {HTTP_RATE:.0f} a second")
            response = web.Response(status=429, text="busy")
        else:
            try:
                response = await handler(request)
            except web.HTTPException as error:
                response = web.Response(status=error.status, text=error.reason)
        if not response.prepared:
            response.headers.update(HEADERS)
        return response

    def serve(path: str):
        body, content_type = files[path]

        async def handler(request: web.Request) -> web.Response:
            return web.Response(body=body, content_type=content_type, charset="utf-8")

        return handler

    async def websocket(request: web.Request) -> web.StreamResponse:
        origin = request.headers.get("Origin")
        # Browsers always send Origin on a WebSocket; a page of another site must not drive a student's phone.
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            log(f"class quiz: refused a WebSocket from {request.remote} opened by another site's page")
            return web.Response(status=403, text="forbidden")
        ws = web.WebSocketResponse(max_msg_size=LARGEST_MESSAGE, heartbeat=20.0)
        await ws.prepare(request)
        phone = Phone(request.remote or "")
        messages = Buckets(MESSAGE_RATE, MESSAGE_BURST)
        room.arrive(phone)
        sender = asyncio.create_task(_send(ws, phone))
        try:
            async for message in ws:
                if message.type == WSMsgType.ERROR:
                    log(f"class quiz: closed the WebSocket from {phone.address}: {ws.exception()}")
                    break
                allowed, first = messages.take("", asyncio.get_running_loop().time())
                if not allowed:
                    if first:
                        log(f"class quiz: refused messages from {phone.address}: more than {MESSAGE_RATE:.0f} a second")
                        phone.send({"type": "refused", "reason": "busy"})
                    continue
                if message.type != WSMsgType.TEXT:
                    room.receive(phone, None)
                    continue
                try:
                    data = json.loads(message.data)
                except ValueError:
                    data = None
                room.receive(phone, data)
        finally:
            room.leave(phone)
            phone.send(None)
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(sender, 1.0)
        return ws

    app = web.Application(middlewares=[guard])
    for path in files:
        app.router.add_get(path, serve(path))
    app.router.add_get("/ws", websocket)
    return app


async def _send(ws: web.WebSocketResponse, phone: Phone) -> None:
    """Sends a phone's outbox in order until it says close (None)."""
    while True:
        message = await phone.outbox.get()
        if message is None or ws.closed:
            break
        try:
            await ws.send_json(message)
        except (ConnectionError, RuntimeError):
            break
    await ws.close()


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ClassServer:
    """The class quiz server of one deck's lecture; `start` it, then pose, reveal and close polls, then `stop`."""

    def __init__(
        self,
        results_path: Path,
        on_tally: Callable[[Tally], None],
        log: Callable[[str], None] | None = None,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.results_path, self._on_tally, self._now = Path(results_path), on_tally, now
        self._log = log or LOGGER.warning
        self.host, self.port, self.pin, self.lecture, self.last_round = "", 0, "", 0, 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._room: Room | None = None
        self._stopping: asyncio.Event | None = None
        self._lock = threading.Lock()

    def start(self, host: str, port: int) -> None:
        """Opens the results, binds `host`:`port` (0: any free port) and returns once listening."""
        if self._thread is not None:
            raise ServerError("the class quiz server is already running")
        ready = threading.Event()
        failed: list[BaseException] = []
        self._thread = threading.Thread(
            target=self._run, args=(host, port, ready, failed), name="casebook-class-server", daemon=True
        )
        self._thread.start()
        if not ready.wait(START_SECONDS):
            raise ServerError(f"the class quiz server did not start within {START_SECONDS:.0f} seconds")
        if failed:
            self._thread.join()
            self._thread = None
            raise failed[0]

    def _run(self, host: str, port: int, ready: threading.Event, failed: list[BaseException]) -> None:
        loop = asyncio.new_event_loop()
        try:
            try:
                runner, results = loop.run_until_complete(self._open(host, port))
            except BaseException as error:
                failed.append(error if isinstance(error, ServerError) else ServerError(f"class quiz: {error}"))
                ready.set()
                return
            self._loop = loop
            ready.set()
            loop.run_until_complete(self._serve(runner, results))
        finally:
            loop.close()

    async def _open(self, host: str, port: int) -> tuple[web.AppRunner, Results]:
        try:
            results, aside = Results.open(self.results_path, self._now())
        except ResultsError as error:
            raise ServerError(str(error)) from error
        try:
            if aside is not None:
                self._log(f"class quiz: {aside}")
            lecture = results.lecture(self._now())
            loop = asyncio.get_running_loop()
            self._room = Room(results, lecture.id, lecture.pin, self._on_tally, self._log, self._now, loop.time)
            self._stopping = asyncio.Event()
            runner = web.AppRunner(
                make_app(self._room, page_files(), self._log),
                access_log=None,
                handle_signals=False,
                shutdown_timeout=1.0,
            )
            await runner.setup()
            try:
                await web.TCPSite(runner, host, port).start()
            except OSError as error:
                await runner.cleanup()
                raise _bind_error(host, port, error) from error
        except BaseException:
            results.close()
            raise
        self.host, self.port = host, runner.addresses[0][1]
        self.pin, self.lecture, self.last_round = lecture.pin, lecture.id, self._room.last_round
        return runner, results

    async def _serve(self, runner: web.AppRunner, results: Results) -> None:
        await self._stopping.wait()
        self._room.end()
        await runner.cleanup()
        results.close()

    def url(self, host: str | None = None) -> str:
        """The address phones open: "http://HOST:PORT/"; a server on every interface shows the LAN address."""
        host = host or (lan_address() if self.host in ("", "0.0.0.0", "::") else self.host)
        return f"http://{f'[{host}]' if ':' in host else host}:{self.port}/"

    def _call(self, work: Callable[..., None], *args) -> None:
        """Runs `work(*args)` on the server's thread; nothing when the server is not running."""
        with self._lock:
            if self._loop is not None and not self._loop.is_closed():
                self._loop.call_soon_threadsafe(work, *args)

    def pose(self, poll: Poll) -> None:
        """From now on answers to `poll.round` are taken; every phone gets the question."""
        self.last_round = max(self.last_round, poll.round)
        if self._room is not None:
            self._call(self._room.pose, poll)

    def reveal(self) -> None:
        """Every phone gets the answer and whether its own was right."""
        if self._room is not None:
            self._call(self._room.reveal)

    def close_poll(self) -> None:
        """Phones go back to waiting."""
        if self._room is not None:
            self._call(self._room.close_poll)

    def stop(self) -> None:
        """Tells the phones the quiz ended and closes the port; safe to call from any thread, and twice."""
        with self._lock:
            thread, loop = self._thread, self._loop
            if thread is None or loop is None:
                return
            if not loop.is_closed():
                loop.call_soon_threadsafe(self._stopping.set)
            self._loop = None
        if thread is not threading.current_thread():
            thread.join()
        self._thread = None


def _bind_error(host: str, port: int, error: OSError) -> ServerError:
    if error.errno == errno.EADDRINUSE:
        return ServerError(f"port {port} is in use: try --class-port {port + 1}")
    if error.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) or isinstance(error, socket.gaierror):
        return ServerError(f"cannot listen on {host}: this machine has no such address; try --class-host 0.0.0.0")
    if error.errno == errno.EACCES:
        return ServerError(f"port {port} needs special rights: try --class-port 8765")
    return ServerError(f"cannot listen on {host}:{port}: {error.strerror or error}")
