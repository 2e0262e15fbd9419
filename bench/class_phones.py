"""200 phones in one process, for bench/classroom.py: `python bench/class_phones.py URL PIN COUNT SPREAD_S`.

Each phone opens the class quiz's WebSocket, joins with the PIN, and answers the first question within SPREAD_S
seconds of seeing it (evenly spread, so answers stream in). Prints one JSON object: when each phone got the
question and sent its answer (time.monotonic, comparable with the window's clock on the same machine) and how
many answers were locked.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

import aiohttp


async def phone(session, url: str, pin: str, n: int, count: int, spread: float, joined, got, sent, locked):
    async with session.ws_connect(url + "ws", headers={"Origin": url.rstrip("/")}) as ws:
        await ws.send_json({"type": "join", "pin": pin, "name": f"phone {n}", "lang": "en"})
        async for message in ws:
            data = json.loads(message.data)
            if data["type"] == "joined":
                joined.append(n)
            elif data["type"] == "question":
                got.append(time.monotonic())
                await asyncio.sleep(spread * n / count)  # spread the answers over SPREAD_S seconds
                choice = n % 4 if data["kind"] == "choice" else str(n)
                sent.append(time.monotonic())
                await ws.send_json({"type": "answer", "round": data["round"], "answer": choice})
            elif data["type"] == "locked":
                locked.append(n)
            elif data["type"] in ("reveal", "ended"):
                return


async def main(url: str, pin: str, count: int, spread: float) -> None:
    joined, got, sent, locked = [], [], [], []
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        phones = [phone(session, url, pin, n, count, spread, joined, got, sent, locked) for n in range(count)]
        await asyncio.wait_for(asyncio.gather(*phones), timeout=120)  # bounded: a lost reveal ends the run
    report = {"joined": len(joined), "got": sorted(got), "sent": sorted(sent), "locked": len(locked)}
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    url, pin, count, spread = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    asyncio.run(main(url, pin, count, spread))
