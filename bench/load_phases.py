"""The phases both servers go through, the real one and the bare one: idle connections (memory), a steady
command rate (latency, deliveries, CPU), people arriving at once (time to first frame) and a reconnect storm."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .load_clients import Watcher, open_all, sleep_until
from .load_measure import cpu_seconds, rss_bytes


class Stepper(Protocol):
    def step(self) -> None: ...


async def idle_memory(pids: Sequence[int], pages: list[Watcher]) -> float:
    """Opens every page and lets the servers settle; returns their resident memory growth (all processes
    together) per connection."""
    before = sum(rss_bytes(pid) for pid in pids)
    await open_all(pages)
    await asyncio.sleep(1.0)
    return (sum(rss_bytes(pid) for pid in pids) - before) / max(1, len(pages))


@dataclass
class Driven:
    started: float  # perf_counter when the first command went
    server_cpu: float  # seconds of CPU the server processes used (all together), from the first command until all were delivered
    client_cpu: float  # the same for this process (every client), to show when the harness was the bottleneck
    elapsed: float


async def drive(
    pids: Sequence[int], steppers: Sequence[Stepper], rate: float, duration: float, settle: Callable[[], Awaitable]
):
    """Each session steps at its share of `rate`, spread so sessions do not all send in the same instant; then
    waits (`settle`) until what was sent has been answered and delivered."""
    interval = len(steppers) / rate
    cpu_before, client_before = sum(cpu_seconds(pid) for pid in pids), time.process_time()
    started = time.perf_counter()

    async def run(stepper: Stepper, offset: float) -> None:
        moment = started + offset
        while moment < started + duration:
            await sleep_until(moment)
            stepper.step()
            moment += interval  # a late step is not skipped: the rate is what was asked for, not what got through

    await asyncio.gather(*(run(s, interval * n / len(steppers)) for n, s in enumerate(steppers)))
    await settle()
    server_cpu = sum(cpu_seconds(pid) for pid in pids) - cpu_before
    client_cpu = time.process_time() - client_before
    return Driven(started, server_cpu, client_cpu, time.perf_counter() - started)


async def storm(pages: list[Watcher]) -> list[float]:
    """Drops every page at once, as a venue's Wi-Fi blinking would, and has each reconnect at once from the last
    seq it saw. Returns, for each, the seconds from the drop until its first frame (its resync) arrived."""
    dropped = time.perf_counter()
    for page in pages:
        page.abort()
    await asyncio.gather(*(page.open(after=page.last_seq) for page in pages))
    await asyncio.gather(*(page.synced() for page in pages))
    return [(page.first_at or dropped) - dropped for page in pages]


async def arrivals(people: list[Callable[[], Awaitable[Watcher]]]) -> tuple[list[float], list[Watcher]]:
    """Everyone arrives at once; returns each one's seconds from starting until their first frame."""
    started = time.perf_counter()
    pages = await asyncio.gather(*(person() for person in people))
    await asyncio.gather(*(page.synced() for page in pages))
    return [(page.first_at or started) - started for page in pages], list(pages)


async def close_all(pages: list[Watcher]) -> None:
    await asyncio.gather(*(page.close() for page in pages), return_exceptions=True)
