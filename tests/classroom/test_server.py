"""The class server for real: started on 127.0.0.1, phones on real WebSockets, the window's calls from this thread."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
import sqlite3
from pathlib import Path

import aiohttp
import pytest
from yarl import URL

from desktop.classroom.server import ClassServer, ServerError, lan_address
from tests.classroom.conftest import CHOICE, EXPLANATION, NOW, NUMBER, SOURCE, join, poll, receive, run


def test_a_phone_joins_with_the_pin_and_waits(server, tallies):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            ws, joined, state = await join(session, server, "Ana")
            assert joined["name"] == "Ana" and len(joined["token"]) >= 22
            assert state == {"type": "waiting"}
            assert tallies.wait(lambda t: t.joined == 1).round == 0
            await ws.close()
            tallies.wait(lambda t: t.joined == 0)

    run(scenario())
    assert server.url() == f"http://127.0.0.1:{server.port}/" and server.lecture == 1 and server.last_round == 0


def test_a_wrong_pin_is_refused_and_ten_a_minute_lock_the_address_out(server, log):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            ws = await session.ws_connect(f"{server.url()}ws")
            wrong = f"{(int(server.pin) + 1) % 10_000:04d}"
            for _ in range(10):
                await ws.send_json({"type": "join", "pin": wrong, "name": "Eve", "lang": "en"})
                assert await receive(ws) == {"type": "refused", "reason": "pin"}
            await ws.send_json({"type": "join", "pin": server.pin, "name": "Eve", "lang": "en"})
            assert await receive(ws) == {"type": "refused", "reason": "busy"}

    run(scenario())
    assert len(log.about("wrong PIN")) == 10 and len(log.about("locked out")) == 2


def test_an_answer_is_locked_counted_once_and_a_second_one_is_refused(server, tallies, log):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            ana, _, _ = await join(session, server, "Ana")
            bo, _, _ = await join(session, server, "Bo")
            server.pose(poll(CHOICE, round=7))
            asked = await receive(ana)
            assert (await receive(bo))["round"] == 7 and asked["left"] == 30 and asked["yours"] is None
            await ana.send_json({"type": "answer", "round": 7, "answer": 2})
            assert await receive(ana) == {"type": "locked", "round": 7, "yours": 2}
            tally = tallies.wait(lambda t: t.answered == 1)
            assert (tally.joined, tally.round, tally.right, tally.counts, tally.revealed) == (
                2,
                7,
                1,
                (0, 0, 1, 0),
                False,
            )
            await ana.send_json({"type": "answer", "round": 7, "answer": 0})
            assert await receive(ana) == {"type": "refused", "reason": "locked"}
            await bo.send_json({"type": "answer", "round": 6, "answer": 0})
            assert await receive(bo) == {"type": "refused", "reason": "old"}
            await bo.send_json({"type": "answer", "round": 7, "answer": 0})
            assert (await receive(bo))["type"] == "locked"
            tally = tallies.wait(lambda t: t.answered == 2)
            assert tally.counts == (1, 0, 1, 0) and tally.right == 1

    run(scenario())
    assert len(log.about("second answer")) == 1 and len(log.about("round 6")) == 1
    assert server.last_round == 7


def test_the_asking_payload_never_carries_the_answer(server):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            ws, _, _ = await join(session, server)
            server.pose(poll(CHOICE, round=7, seconds=30))
            asked = await receive(ws)
            assert asked["type"] == "question" and asked["kind"] == "choice"
            assert not {"answer", "explanation", "source", "right", "notes"} & set(asked)
            text = json.dumps(asked, ensure_ascii=False)
            assert SOURCE not in text and EXPLANATION.get("en") not in text and EXPLANATION.get("zh") not in text
            assert CHOICE.answer not in _numbers(asked), "the right choice's index appears nowhere"
            assert asked["texts"]["en"]["choices"] == ["84%", "61%", "52%", "40%"]

    run(scenario())


def _numbers(value) -> list:
    """Every number anywhere in a JSON value."""
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in _numbers(v)]
    return [value] if isinstance(value, int | float) and not isinstance(value, bool) else []


def test_the_reveal_tells_each_phone_its_own_result_and_close_sends_them_back_to_waiting(server, tallies):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            right, _, _ = await join(session, server, "Ana")
            wrong, _, _ = await join(session, server, "Bo")
            silent, _, _ = await join(session, server, "Cy", lang="zh")
            server.pose(poll(CHOICE, round=1))
            for ws in (right, wrong, silent):
                await receive(ws)
            await right.send_json({"type": "answer", "round": 1, "answer": 2})
            await wrong.send_json({"type": "answer", "round": 1, "answer": 0})
            await receive(right), await receive(wrong)
            server.reveal()
            shown = [await receive(ws) for ws in (right, wrong, silent)]
            assert [(s["answered"], s["right"]) for s in shown] == [(True, True), (True, False), (False, False)]
            assert shown[0]["answer"] == "52%" and shown[0]["source"] == SOURCE
            assert shown[0]["explanation"] == EXPLANATION.get("en") and shown[2]["explanation"] == EXPLANATION.get("zh")
            assert tallies.wait(lambda t: t.revealed).right == 1
            await right.send_json({"type": "answer", "round": 1, "answer": 1})
            assert await receive(right) == {"type": "refused", "reason": "old"}
            server.close_poll()
            assert [await receive(ws) for ws in (right, wrong, silent)] == [{"type": "waiting"}] * 3

    run(scenario())


def test_a_number_is_read_as_typed_and_tallied_in_the_figures_unit(server, tallies):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            ana, _, _ = await join(session, server, "Ana")
            bo, _, _ = await join(session, server, "Bo")
            server.pose(poll(NUMBER, round=2))
            asked = await receive(ana)
            await receive(bo)
            assert asked["kind"] == "number" and asked["texts"]["en"]["unit"] == {"before": "", "after": "%"}
            await ana.send_json({"type": "answer", "round": 2, "answer": "52.5"})
            assert await receive(ana) == {"type": "locked", "round": 2, "yours": 52.5}
            await bo.send_json({"type": "answer", "round": 2, "answer": "lots"})
            assert await receive(bo) == {"type": "refused", "reason": "bad"}
            await bo.send_json({"type": "answer", "round": 2, "answer": 61})
            await receive(bo)
            tally = tallies.wait(lambda t: t.answered == 2)
            assert tally.values == (52.5, 61.0) and tally.right == 1 and tally.counts == ()

    run(scenario())


def test_the_server_serves_its_page_and_nothing_else(server):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            page = await session.get(server.url())
            html = await page.text()
            assert page.status == 200 and page.content_type == "text/html"
            assert 'id="words"' in html and "You’re in, {name}" in html
            assert page.headers["Content-Security-Policy"].startswith("default-src 'none'; script-src 'self';")
            assert page.headers["X-Content-Type-Options"] == "nosniff"
            assert page.headers["Referrer-Policy"] == "no-referrer" and page.headers["Cache-Control"] == "no-store"
            script = await session.get(f"{server.url()}student.js")
            assert script.status == 200 and script.content_type == "text/javascript"
            again = await session.get(f"{server.url()}student.js?x")
            assert await again.read() == await script.read(), "a query string changes nothing"
            for path in (
                "/../deck.yaml",
                "/%2e%2e/deck.yaml",
                "/content/douyin-exit-matrix/deck.yaml",
                "/page/index.html",
                "/desktop/classroom/page/student.js",
                "/class.db",
                "/index.html",
            ):
                missing = await session.get(URL(f"{server.url().rstrip('/')}{path}", encoded=True))
                assert missing.status == 404, path
                assert missing.headers["X-Content-Type-Options"] == "nosniff"

    run(scenario())


def test_bad_messages_are_refused_with_one_log_line_each_and_change_nothing(server, tallies, log):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            ws, _, _ = await join(session, server, "Ana")
            server.pose(poll(CHOICE, round=1))
            await receive(ws)
            before = tallies.wait(lambda t: t.round == 1)
            for sent in (
                "not json",
                "[1, 2]",
                '{"type": "dance"}',
                '{"type": "answer", "round": "1", "answer": 0}',
                '{"type": "answer", "round": 1, "answer": true}',
                '{"type": "answer", "round": 1, "answer": 9}',
                '{"type": "join", "pin": 1234, "name": "x"}',
                '{"type": "join", "pin": "1", "name": "x", "lang": "<script>"}',
            ):
                await ws.send_str(sent)
                assert await receive(ws) == {"type": "refused", "reason": "bad"}, sent
            assert tallies.last == before

    run(scenario())
    assert len(log.about("refused")) == 8


def test_an_oversized_message_closes_only_its_own_socket(server, tallies, log):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            ana, _, _ = await join(session, server, "Ana")
            eve, _, _ = await join(session, server, "Eve")
            await eve.send_str(json.dumps({"type": "answer", "round": 1, "answer": "9" * 5000}))
            closing = await asyncio.wait_for(eve.receive(), 5)
            assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            tallies.wait(lambda t: t.joined == 1)
            server.pose(poll(CHOICE, round=1))
            assert (await receive(ana))["type"] == "question"

    run(scenario())
    assert len(log.about("closed the WebSocket")) == 1


def test_a_websocket_opened_by_another_sites_page_is_refused(server, log):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            # the handshake by hand: aiohttp's client leaks the connection of a refused ws_connect
            handshake = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13"}
            handshake |= {"Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": "http://evil.example"}
            async with session.get(f"{server.url()}ws", headers=handshake) as refused:
                assert refused.status == 403
            ws = await session.ws_connect(f"{server.url()}ws", origin=server.url().rstrip("/"))
            await ws.send_json({"type": "join", "pin": server.pin, "name": "Ana", "lang": "en"})
            assert (await receive(ws))["type"] == "joined"

    run(scenario())
    assert len(log.about("another site")) == 1


def test_a_flood_from_one_client_is_refused_in_one_log_line_and_others_still_join(server, tallies, log):
    async def scenario():
        flooder = aiohttp.TCPConnector(local_addr=("127.0.0.2", 0), limit=50, force_close=False)
        async with aiohttp.ClientSession(connector=flooder) as flood, aiohttp.ClientSession() as session:

            async def hit() -> int:
                async with flood.get(server.url()) as response:
                    await response.read()
                    return response.status

            async def students() -> list[tuple]:
                return [await join(session, server, f"S{n}") for n in range(20)]

            statuses, joined = await asyncio.gather(asyncio.gather(*(hit() for _ in range(1000))), students())
            assert set(statuses) == {200, 429}, "the first 400 pass, then about 100 a second"
            assert len({j["name"] for _, j, _ in joined}) == 20
            tallies.wait(lambda t: t.joined == 20)

    run(scenario())
    assert len(log.about("127.0.0.2")) == 1, log.about("127.0.0.2")[:3]


def test_a_nickname_with_html_or_ten_thousand_characters_is_cleaned_or_refused(server, tallies, log):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            phones = [await join(session, server, "<img src=x onerror=alert(1)>")]
            phones.append(await join(session, server, "y" * 4000))
            phones.append(await join(session, server, "<img src=x onerror=alert(1)>"))
            names = [joined["name"] for _, joined, _ in phones]
            assert names == ["<img src=x onerror=alert", "y" * 24, "<img src=x onerror=ale 2"]
            empty = await session.ws_connect(f"{server.url()}ws")
            await empty.send_json({"type": "join", "pin": server.pin, "name": " \u200b\x00 ", "lang": "en"})
            assert await receive(empty) == {"type": "refused", "reason": "name"}
            # 10,000 characters cannot fit in a message the server takes (4 KB): the socket is closed, nothing joins
            huge = await session.ws_connect(f"{server.url()}ws")
            await huge.send_json({"type": "join", "pin": server.pin, "name": "z" * 10_000, "lang": "en"})
            assert (await asyncio.wait_for(huge.receive(), 5)).type in (
                aiohttp.WSMsgType.CLOSE,
                aiohttp.WSMsgType.CLOSED,
            )
            assert tallies.wait(lambda t: t.joined == 3)

    run(scenario())
    assert len(log.about("cleaned")) == 3 and len(log.about("empty name")) == 1
    assert len(log.wait("closed the WebSocket")) == 1


def test_a_phone_that_reconnects_keeps_its_name_and_its_answer(server, tallies):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            ws, joined, _ = await join(session, server, "Ana")
            server.pose(poll(CHOICE, round=3))
            await receive(ws)
            await ws.send_json({"type": "answer", "round": 3, "answer": 1})
            await receive(ws)
            await ws.close()
            tallies.wait(lambda t: t.joined == 0 and t.answered == 1)
            back, rejoined, state = await join(session, server, token=joined["token"])
            assert rejoined == joined and state["type"] == "question" and state["yours"] == 1
            await back.send_json({"type": "answer", "round": 3, "answer": 2})
            assert await receive(back) == {"type": "refused", "reason": "locked"}
            assert tallies.wait(lambda t: t.joined == 1).answered == 1
            stranger = await session.ws_connect(f"{server.url()}ws")
            await stranger.send_json({"type": "join", "token": "x" * 22, "lang": "en"})
            assert await receive(stranger) == {"type": "refused", "reason": "old"}

    run(scenario())


def test_a_restart_within_the_lecture_keeps_its_pin_students_rounds_and_answers(results_path, tallies, log):
    first = ClassServer(results_path, tallies, log=log.append, now=lambda: NOW)
    first.start("127.0.0.1", 0)
    token = {}

    async def before():
        async with aiohttp.ClientSession() as session:
            ws, joined, _ = await join(session, first, "Ana")
            token["ana"] = joined["token"]
            first.pose(poll(CHOICE, round=4))
            await receive(ws)
            await ws.send_json({"type": "answer", "round": 4, "answer": 2})
            await receive(ws)

    run(before())
    first.stop()
    second = ClassServer(results_path, tallies, log=log.append, now=lambda: NOW)
    second.start("127.0.0.1", 0)
    try:
        assert (second.pin, second.lecture, second.last_round) == (first.pin, first.lecture, 4)

        async def after():
            async with aiohttp.ClientSession() as session:
                ws, joined, state = await join(session, second, token=token["ana"])
                assert joined["name"] == "Ana" and state == {"type": "waiting"}
                second.pose(poll(CHOICE, round=4))
                assert (await receive(ws))["yours"] == 2
                tally = tallies.wait(lambda t: t.round == 4 and t.joined == 1)
                assert (tally.answered, tally.right, tally.counts) == (1, 1, (0, 0, 1, 0))

        run(after())
    finally:
        second.stop()


def test_stop_tells_the_phones_and_frees_the_port_and_a_port_in_use_is_one_line(server):
    async def scenario():
        async with aiohttp.ClientSession() as session:
            ws, _, _ = await join(session, server, "Ana")
            await asyncio.get_running_loop().run_in_executor(None, server.stop)
            assert await receive(ws) == {"type": "ended"}

    port = server.port
    taken = ClassServer(server.results_path, lambda tally: None)
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        with pytest.raises(ServerError) as refused:
            taken.start("127.0.0.1", holder.getsockname()[1])
        assert (
            str(refused.value)
            == f"port {holder.getsockname()[1]} is in use: try --class-port {holder.getsockname()[1] + 1}"
        )
    run(scenario())
    server.stop()
    with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
        probe.connect(("127.0.0.1", port))
    with socket.socket() as again:
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # closed connections may linger in TIME_WAIT
        again.bind(("127.0.0.1", port))
        again.listen()
    server.pose(poll())  # nothing listens, nothing happens


def test_a_full_class_refuses_one_more_and_a_failing_window_does_not_stop_the_room(results_path, log, monkeypatch):
    monkeypatch.setattr("desktop.classroom.room.MOST_STUDENTS", 2)

    def broken(tally):
        raise RuntimeError("the window is gone")

    started = ClassServer(results_path, broken, log=log.append, now=lambda: NOW)
    started.start("127.0.0.1", 0)

    async def scenario():
        async with aiohttp.ClientSession() as session:
            phones = [await join(session, started, "Ana"), await join(session, started, "Bo")]
            ws = await session.ws_connect(f"{started.url()}ws")
            await ws.send_json({"type": "join", "pin": started.pin, "name": "Cy", "lang": "en"})
            assert await receive(ws) == {"type": "refused", "reason": "full"}
            back, _, _ = await join(session, started, token=phones[0][1]["token"])
            assert back is not None, "a student of the lecture still comes back"

    try:
        run(scenario())
    finally:
        started.stop()
    assert len(log.about("class is full")) == 1 and log.about("could not take a tally")


def test_a_results_file_from_a_newer_casebook_stops_the_start_in_one_line(results_path, log):
    results_path.parent.mkdir(parents=True)
    db = sqlite3.connect(results_path)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    server = ClassServer(results_path, lambda tally: None, log=log.append)
    with pytest.raises(ServerError) as refused:
        server.start("127.0.0.1", 0)
    assert "newer Casebook" in str(refused.value) and "\n" not in str(refused.value)
    server.stop()  # nothing started, nothing to stop


def test_the_lan_address_is_an_ipv4_address_and_a_server_on_every_interface_shows_it():
    address = lan_address()
    assert ipaddress.ip_address(address).version == 4
    server = ClassServer(Path("unused.db"), lambda tally: None)
    server.host, server.port = "0.0.0.0", 8765
    assert server.url() == f"http://{address}:8765/"
    assert server.url("192.168.1.20") == "http://192.168.1.20:8765/"
