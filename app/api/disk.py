"""A full disk: said once, plainly, to the person and in the log, instead of a traceback per request.

Nothing is lost: a change whose commit failed was never acknowledged or shown to anyone, and the
in-memory state only moves on after a successful commit.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import time

log = logging.getLogger("nplc")

DISK_FULL_MESSAGE = "The server's disk is full: nothing was saved; free some space and try again."
LOG_EVERY = 60  # seconds between log lines while the disk stays full
POSTGRES_DISK_FULL = "53100"


def disk_full(error: BaseException | None) -> bool:
    """Whether this failure (or one it wraps) is the disk or database being full."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, sqlite3.OperationalError) and "disk is full" in str(error):
            return True
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            return True
        if (
            getattr(error, "sqlstate", None) == POSTGRES_DISK_FULL
            or getattr(error, "pgcode", None) == POSTGRES_DISK_FULL
        ):
            return True
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return False


class DiskFullLog:
    """Writes one line when the disk fills, then at most one a minute saying how many more changes failed."""

    def __init__(self, clock=time.monotonic):
        self.clock, self._last, self._since = clock, None, 0

    def note(self, where: str) -> None:
        now = self.clock()
        if self._last is None or now - self._last >= LOG_EVERY:
            more = f" ({self._since} more since the last line)" if self._since else ""
            log.error("the disk is full: a change was not saved (%s)%s; free some space", where, more)
            self._last, self._since = now, 0
        else:
            self._since += 1


DISK_FULL = DiskFullLog()
