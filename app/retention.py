"""Deleting sessions past the retention period: once at start-up, then once a day while the server runs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from anyio import to_thread

from .actions import Actions
from .store.db import one_process_at_a_time

DAY = 24 * 60 * 60
# Names the PostgreSQL advisory lock that purges hold (any fixed number other than the migrations' will do).
PURGE_LOCK = 7_301_965
log = logging.getLogger("nplc")


async def purge_daily(actions: Actions, days: int, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
    """Runs until cancelled. A failed purge is logged and tried again the next day; it never stops the server."""
    while True:
        await sleep(DAY)
        try:
            purged = await to_thread.run_sync(purge, actions, days)
        except Exception:
            log.exception("the daily retention purge failed; it will run again tomorrow")
            continue
        await actions.let_go(purged)
        if purged:
            log.info("deleted %d session(s) older than %d days", len(purged), days)


def purge(actions: Actions, days: int) -> list[str]:
    """Deletes sessions older than `days` from the database; returns their codes. Several processes on one
    PostgreSQL database all purge at start-up and daily; one at a time, so two never delete the same sessions in
    different orders and deadlock. Blocking."""
    with one_process_at_a_time(actions.live.engine, PURGE_LOCK):
        return actions.purge_older_than(days)
