"""Websocket clients for the load benchmark: one `Watcher` per open page, noting when each frame arrives.

A few thousand clients share one process (and this machine's two cores with the server), so a frame is
only looked at as much as counting it needs: its `type` and `seq` are read from the start of the text, and
only small frames (acks, errors, deltas) are parsed in full. A frame may carry several events (a process told by
the doorbell passes on at once what another process stored meanwhile), so each frame's events' seqs are read too:
the events come right after the head, and only they are decoded.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

HEAD = re.compile(r'"type": ?"([a-z-]+)", ?"seq": ?(\d+)(?:, ?"n": ?(\d+))?')
EVENTS = re.compile(r', ?"events": ?')
DECODER = json.JSONDecoder()
STREAMED = ("update", "delta")  # frames that carry a change to every viewer: counted as deliveries
RESYNC = 4409
_ids = itertools.count()
_running: set[asyncio.Task] = set()  # the loop keeps only weak references to tasks; these must not vanish


def spawn(coroutine) -> asyncio.Task:
    """Runs a coroutine in the background, holding on to it until it is done."""
    task = asyncio.ensure_future(coroutine)
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task


@dataclass
class Peeked:
    kind: str
    seq: int | None
    n: int | None  # a `delta` or `sync` frame's number in this connection's stream
    frame: dict | None  # the whole frame, when it was cheap to parse
    events: tuple[int, ...] = ()  # the seqs of the events it carries


def peek(text: str) -> Peeked:
    found = HEAD.match(text, 1) if len(text) > 4096 else None
    if found:  # the server writes `type`, `seq` (and a delta's `n`) first in update, delta and sync frames
        n, events = found.group(3), EVENTS.match(text, found.end())
        seqs = tuple(e["seq"] for e in DECODER.raw_decode(text, events.end())[0]) if events else ()
        return Peeked(found.group(1), int(found.group(2)), int(n) if n else None, None, seqs)
    frame = json.loads(text)
    seqs = tuple(e["seq"] for e in frame.get("events") or () if isinstance(e, dict) and "seq" in e)
    return Peeked(frame.get("type", ""), frame.get("seq"), frame.get("n"), frame, seqs)


class WireSize:
    """Bytes a frame takes after permessage-deflate as uvicorn's server side sets it up (a 4 KB window, memory
    level 5, context kept between messages): one compressor per connection, each message flushed and its
    4-byte tail dropped (RFC 7692)."""

    def __init__(self, window_bits: int = 12):
        self._deflate = zlib.compressobj(wbits=-window_bits, memLevel=5)

    def of(self, text: str) -> int:
        data = self._deflate.compress(text.encode()) + self._deflate.flush(zlib.Z_SYNC_FLUSH)
        return len(data) - 4


@dataclass
class Arrival:
    seq: int
    at: float
    raw: int  # characters of JSON text (ASCII, so bytes)
    wire: int | None = None  # after compression, for the few watchers that measure it
    n: int | None = None
    events: tuple[int, ...] = ()  # the seqs of the events the frame carries


@dataclass
class Watcher:
    """One page's connection: records the streamed frames it gets and answers its own commands' futures."""

    url: str
    cookie: str = ""
    sample: bool = False  # measure compressed sizes and keep a first frame and an update as samples
    arrivals: list[Arrival] = field(default_factory=list)
    first_at: float | None = None
    first_text: str = ""
    update_texts: list[str] = field(default_factory=list)  # the last few, for the bare server to relay
    first_seq: int = 0
    last_seq: int = 0
    drops: list[int] = field(default_factory=list)
    ws: ClientConnection | None = None
    _pending: dict[str, asyncio.Future] = field(default_factory=dict)
    _reader: asyncio.Task | None = None
    _synced: asyncio.Event = field(default_factory=asyncio.Event)

    async def open(self, after: int = 0) -> None:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        url = f"{self.url}&after={after}" if after else self.url
        self._synced, self.first_at = asyncio.Event(), None
        # compression="deflate" (the default) offers permessage-deflate, as browsers do.
        self.ws = await connect(url, additional_headers=headers, max_size=None, open_timeout=60, ping_interval=None)
        self._wire = WireSize() if self.sample else None
        self._reader = asyncio.create_task(self._read(self.ws))

    @property
    def reading(self) -> bool:
        return self._reader is not None and not self._reader.done()

    async def synced(self) -> None:
        await self._synced.wait()

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for text in ws:
                self._take(text, time.perf_counter())
        except ConnectionClosed:
            pass
        if ws.close_code == RESYNC:
            self.drops.append(RESYNC)  # fell behind: the harness reports it; deliveries it missed count as lost

    def _take(self, text, at: float) -> None:
        got = peek(text)
        if self.first_at is None:
            self.first_at, self.first_seq = at, got.seq or 0
            self.first_text = text if self.sample else ""
        if got.kind in STREAMED and got.seq is not None:
            wire = self._wire.of(text) if self._wire else None
            if self.sample:
                self.update_texts = [*self.update_texts[-63:], text]
            self.arrivals.append(Arrival(got.seq, at, len(text), wire, got.n, got.events))
        elif got.kind == "sync":
            self._synced.set()
        elif got.kind in ("ack", "error"):
            frame = got.frame or json.loads(text)
            future = self._pending.pop(frame.get("id") or "", None)
            if future and not future.done():
                future.set_result(frame)
        if got.seq is not None:
            self.last_seq = max(self.last_seq, got.seq)

    def waiting(self) -> list[asyncio.Future]:
        """The futures of commands not yet answered."""
        return list(self._pending.values())

    def send(self, command: dict) -> asyncio.Future:
        """Sends a command; the future gets its ack or error frame."""
        command_id = f"c{next(_ids)}"
        future = asyncio.get_running_loop().create_future()
        self._pending[command_id] = future
        spawn(self._send({"type": "command", "id": command_id, "command": command}))
        return future

    async def send_text(self, text: str) -> None:
        assert self.ws is not None
        with contextlib.suppress(ConnectionClosed):
            await self.ws.send(text)

    async def _send(self, frame: dict) -> None:
        await self.send_text(json.dumps(frame))

    def abort(self) -> None:
        """Drops the connection as a lost network would: no closing handshake."""
        if self.ws is not None:
            self.ws.transport.abort()

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader


async def open_all(watchers: list[Watcher], waves: int = 200) -> None:
    """Opens connections a wave at a time, so the setup itself is not a connection storm."""
    for start in range(0, len(watchers), waves):
        batch = watchers[start : start + waves]
        await asyncio.gather(*(w.open() for w in batch))
    await asyncio.gather(*(w.synced() for w in watchers))


async def delivered(pages: dict[str, list[Watcher]], last: dict[str, int], timeout: float = 60) -> None:
    """Waits until every page has the last seq its session reached (or `timeout` passes: what has not
    arrived by then counts as missing)."""
    deadline = time.perf_counter() + timeout
    behind = [p for key, group in pages.items() for p in group]
    while behind and time.perf_counter() < deadline:
        behind = [p for key, group in pages.items() for p in group if p.last_seq < last.get(key, 0) and p.reading]
        await asyncio.sleep(0.05)


async def sleep_until(moment: float, clock: Callable[[], float] = time.perf_counter) -> None:
    await asyncio.sleep(max(0.0, moment - clock()))
