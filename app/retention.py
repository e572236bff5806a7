"""Deleting sessions past the retention period: once at start-up, then once a day while the server runs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from anyio import to_thread

from .actions import Actions

DAY = 24 * 60 * 60
log = logging.getLogger("nplc")


async def purge_daily(actions: Actions, days: int, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
    """Runs until cancelled. A failed purge is logged and tried again the next day; it never stops the server."""
    while True:
        await sleep(DAY)
        try:
            purged = await to_thread.run_sync(actions.purge_older_than, days)
        except Exception:
            log.exception("the daily retention purge failed; it will run again tomorrow")
            continue
        if purged:
            log.info("deleted %d session(s) older than %d days", purged, days)
