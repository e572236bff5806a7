"""The load benchmark's run against the bare broadcast server (bench/bare_server.py), with the same rooms,
rate and message texts as the real run, so the difference is what the real server does besides relaying."""

from __future__ import annotations

import asyncio
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support import free_port

from .load_clients import Watcher, delivered, spawn
from .load_measure import match, mean, percentiles
from .load_mix import Sent
from .load_phases import arrivals, close_all, drive, idle_memory, storm

HERE = Path(__file__).resolve().parent
SEQ = re.compile(r'"seq": ?\d+')


@dataclass
class Relay:
    """Stands in for a session's commands: a member of the room sends a real update's text, numbered. The
    texts are the real run's last few updates in turn, so deflate (which keeps context between messages) finds
    no more repetition here than in the real stream."""

    room: str
    pages: list[Watcher]
    texts: list[str]
    rng: random.Random
    sent: list[Sent] = field(default_factory=list)
    # Numbered far above the saved first frame's seq, so a page that has only that frame never looks caught up.
    seq: int = 1_000_000

    def step(self) -> None:
        self.seq += 1
        self.sent.append(Sent("relay", self.room, time.perf_counter(), self.seq))
        text = SEQ.sub(f'"seq": {self.seq}', self.texts[self.seq % len(self.texts)], count=1)
        spawn(self.rng.choice(self.pages).send_text(text))


class BareServer:
    def __init__(self, first_text: str, env: dict[str, str] | None = None):
        self.env = os.environ | (env or {})
        self.port = free_port()
        self.first = Path(tempfile.mkdtemp(prefix="nplc-bare-")) / "first.json"
        self.first.write_text(first_text)

    def __enter__(self) -> BareServer:
        command = [sys.executable, str(HERE / "bare_server.py"), "--port", str(self.port), "--first", str(self.first)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=self.env)
        for _ in range(300):
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the bare server did not start")

    def __exit__(self, *_exc) -> None:
        self.process.terminate()
        self.process.wait(10)

    def page(self, room: str, sample: bool = False) -> Watcher:
        return Watcher(f"ws://127.0.0.1:{self.port}/ws/{room}?as=seat", sample=sample)


def run_bare(opts, first_text: str, update_texts: list[str]) -> dict:
    with BareServer(first_text) as bare:
        return asyncio.run(_measure(bare, opts, update_texts))


async def _measure(bare: BareServer, opts, update_texts: list[str]) -> dict:
    pid, figures = bare.process.pid, {}
    rooms = {
        f"room{n}": [bare.page(f"room{n}", sample=(n < 4 and i < 3)) for i in range(opts.seats)]
        for n in range(opts.sessions)
    }
    every = [page for group in rooms.values() for page in group]
    figures["memory_per_connection"] = await idle_memory([pid], every)
    rng = random.Random(opts.seed)
    relays = [Relay(room, pages, update_texts, rng) for room, pages in rooms.items()]
    driven = await drive(
        [pid], relays, opts.rate, opts.duration, lambda: delivered(rooms, {r.room: r.seq for r in relays})
    )
    sent = [record for relay in relays for record in relay.sent]
    found = match(sent, rooms)
    figures |= {
        "commands": len(sent),
        "latency": percentiles(found.latencies),
        "deliveries": len(found.latencies),
        "missing": found.missing,
        "deliveries_per_second": found.per_second(driven.started),
        "cpu_per_command": driven.server_cpu / max(1, len(sent)),
        "server_cpu_share": driven.server_cpu / driven.elapsed,
        "client_cpu_share": driven.client_cpu / driven.elapsed,
        "raw_bytes": mean(found.raw["relay"]),
        "wire_bytes": mean(found.wire["relay"]),
    }
    figures["storm"] = percentiles(await storm(every)) | {"clients": len(every)}
    await close_all(every)
    if opts.joiners:
        figures["first_state"] = await _joiners(bare, opts)
    return figures


async def _joiners(bare: BareServer, opts) -> dict:
    def person(n: int):
        async def arrive() -> Watcher:
            page = bare.page(f"joiners{n % opts.join_sessions}")
            await page.open()
            return page

        return arrive

    took, pages = await arrivals([person(n) for n in range(opts.joiners)])
    await close_all(pages)
    return percentiles(took) | {"people": len(took)}
