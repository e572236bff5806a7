"""Telling a room once about commands that arrive together.

Commands for one session take turns under its lock. When people act at once (a room arriving at nine, every
director voting on the same motion) each would otherwise send every screen a delta of its own, and the early
screens would hear of each later arrival one by one. So a command that finds others still waiting for their
turn has its update held back; the last of the queue (or anything else that must speak first: a page opening,
another process's events) tells the room once about all of them, in order, in one delta.

Nothing changes for a command that is alone: it is told at once. A held command's sender waits until its update
is told before it is answered, so an acknowledgement still arrives after the update it caused, and a
connection never hears an event twice or out of order (the updates are told in the order they were stored,
before anything newer). At most `MOST_HELD` events are held, so a steady stream cannot hold a room's screens
back for long.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..domain import events as ev
from ..domain.core.state import SessionState

Numbered = Sequence[tuple[int, ev.Event]]
MOST_HELD = 32


@dataclass
class _Held:
    told: asyncio.Future[None]
    state: SessionState | None = None
    numbered: list[tuple[int, ev.Event]] = field(default_factory=list)


class Turn:
    """One command's place in its session's queue."""

    __slots__ = ("_held", "code", "waiting")

    def __init__(self, held: Held, code: str):
        self._held, self.code, self.waiting = held, code, True

    def started(self) -> None:
        """The command has the session's lock: it no longer waits."""
        if self.waiting:
            self.waiting = False
            self._held.leave(self.code)


class Held:
    """Each session's held updates, and how many commands wait for its lock (all on the event loop)."""

    def __init__(self, tell: Callable[[str, SessionState, Numbered], None]):
        self._tell = tell  # tells a room about events: Actions' publishing
        self._waiting: dict[str, int] = {}
        self._held: dict[str, _Held] = {}

    @contextmanager
    def queued(self, code: str) -> Iterator[Turn]:
        """Around a command from before it waits for the lock until it has let go of it. On the way out, if
        nobody is waiting any more (the command was the last, was refused, or was abandoned while waiting),
        whatever is held is told now."""
        self._waiting[code] = self._waiting.get(code, 0) + 1
        turn = Turn(self, code)
        try:
            yield turn
        finally:
            turn.started()
            if code not in self._waiting:
                self.flush(code)

    def waiting(self, code: str) -> bool:
        """Whether any command for the session waits for its turn."""
        return code in self._waiting

    def leave(self, code: str) -> None:
        left = self._waiting[code] - 1
        if left:
            self._waiting[code] = left
        else:
            del self._waiting[code]

    def tell(self, code: str, state: SessionState, numbered: Numbered) -> asyncio.Future[None] | None:
        """Under the session's lock, once the events are stored: tells the room now (with anything held before
        them), or, if more commands are waiting for their turn, holds them back and returns what to wait for
        before answering the command."""
        held = self._held.get(code)
        if held is None and code not in self._waiting:
            self._tell(code, state, numbered)
            return None
        if held is None:
            held = self._held[code] = _Held(asyncio.get_running_loop().create_future())
        held.state = state
        held.numbered.extend(numbered)
        if code in self._waiting and len(held.numbered) < MOST_HELD:
            return held.told
        self.flush(code)
        return None

    def flush(self, code: str) -> None:
        """Tells the room what is held for it, if anything: before a page opens on the session, before events
        from elsewhere are told, and when the queue empties."""
        held = self._held.pop(code, None)
        if held is None:
            return
        try:
            if held.state is not None:
                self._tell(code, held.state, held.numbered)
        finally:
            if not held.told.done():
                held.told.set_result(None)

    def drop(self, code: str) -> None:
        """The session is gone: nobody is left to tell; whoever waits is answered."""
        held = self._held.pop(code, None)
        if held is not None and not held.told.done():
            held.told.set_result(None)
