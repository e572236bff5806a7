"""Token buckets by key: each key may do `capacity` things at once, then `per_second` more each second."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable

# Past this many keys, buckets that have refilled completely are dropped, so memory stays bounded.
TIDY_AT = 10_000


class Buckets:
    def __init__(self, capacity: float, per_second: float, clock: Callable[[], float] = time.monotonic):
        self.capacity, self.per_second, self.clock = capacity, per_second, clock
        self._buckets: dict[Hashable, tuple[float, float]] = {}

    def _level(self, key: Hashable, now: float) -> float:
        level, at = self._buckets.get(key, (self.capacity, now))
        return min(self.capacity, level + (now - at) * self.per_second)

    def take(self, key: Hashable) -> float:
        """Takes one token; returns 0 if there was one, otherwise the seconds until there will be."""
        now = self.clock()
        level = self._level(key, now)
        if level < 1:
            return (1 - level) / self.per_second
        if len(self._buckets) >= TIDY_AT:
            self._tidy(now)
        self._buckets[key] = (level - 1, now)
        return 0.0

    def _tidy(self, now: float) -> None:
        full = [key for key in self._buckets if self._level(key, now) >= self.capacity]
        for key in full:
            del self._buckets[key]
