"""Turning what the clients saw into figures: latencies from command sent to frame delivered at each seat,
deliveries, frame sizes, and a server process's CPU time and memory read from /proc."""

from __future__ import annotations

import itertools
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .load_clients import Arrival, Watcher
from .load_mix import Sent

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used (its threads included)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime and stime: fields 14 and 15 of stat(5)


def rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


def percentiles(values: Sequence[float]) -> dict[str, float | None]:
    """p50, p95, p99 and the worst, by the nearest-rank method; None for each when there are no values."""
    ordered = sorted(values)
    if not ordered:
        return {"p50": None, "p95": None, "p99": None, "max": None}

    def rank(p: float) -> float:
        return ordered[max(0, min(len(ordered) - 1, int(-(-p * len(ordered) // 100)) - 1))]

    return {"p50": rank(50), "p95": rank(95), "p99": rank(99), "max": ordered[-1]}


@dataclass
class Deliveries:
    latencies: list[float] = field(default_factory=list)  # seconds, one per (command, seat)
    missing: int = 0  # (command, seat) pairs where the seat never got the command's frame
    first_at: float | None = None
    last_at: float | None = None
    raw: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # command kind -> sizes
    wire: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def note(self, record: Sent, arrival: Arrival | None) -> None:
        if arrival is None:
            self.missing += 1
            return
        self.latencies.append(arrival.at - record.at)
        self.first_at = min(self.first_at or arrival.at, arrival.at)
        self.last_at = max(self.last_at or arrival.at, arrival.at)
        self.raw[record.kind].append(arrival.raw)
        if arrival.wire is not None:
            self.wire[record.kind].append(arrival.wire)

    def per_second(self, since: float) -> float:
        return len(self.latencies) / (self.last_at - since) if self.last_at and self.last_at > since else 0.0


def carrying(page: Watcher) -> dict[int, Arrival]:
    """The first frame each seq reached the page in: the frame numbered with it, else the first whose events
    include it (on another process than the sender's, a frame may carry a few commands' events at once)."""
    found = {}
    for arrival in page.arrivals:
        found.setdefault(arrival.seq, arrival)
    for arrival in page.arrivals:
        for seq in arrival.events:
            found.setdefault(seq, arrival)
    return found


def match(sent: Iterable[Sent], pages: dict[str, list[Watcher]]) -> Deliveries:
    """Pairs every answered command with the frame carrying its seq at every page of its session."""
    by_seq = {id(w): carrying(w) for group in pages.values() for w in group}
    found = Deliveries()
    for record in sent:
        if record.seq is None:
            continue
        for page in pages[record.session]:
            found.note(record, by_seq[id(page)].get(record.seq))
    return found


def in_order_once(page: Watcher) -> bool:
    """Whether a page got each streamed frame once, in increasing seq order, and (for deltas) numbered without
    a gap in its stream."""
    pairs = list(itertools.pairwise(page.arrivals))
    numbered = all(b.n == a.n + 1 for a, b in pairs if a.n is not None and b.n is not None)
    return numbered and all(a.seq < b.seq for a, b in pairs)


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None
