"""Live sessions in memory: each one's state (the fold of its stored log), its pack and its lock.

The cache is only ever a shortcut: before each decision it catches up with
anything another process appended, so the database stays the one truth.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace

from sqlalchemy.engine import Engine

from .domain.apply import apply, replay
from .domain.core.state import SessionState
from .scenarios.loader import Pack
from .store import events as log
from .store import records
from .store.db import session_scope


class UnknownSession(Exception):
    """No session has this code."""


@dataclass
class Live:
    state: SessionState
    pack: Pack


class LiveSessions:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._live: dict[str, Live] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def lock(self, code: str) -> asyncio.Lock:
        return self._locks.setdefault(code, asyncio.Lock())

    def cached(self, code: str) -> Live | None:
        return self._live.get(code)

    def put(self, code: str, live: Live) -> None:
        self._live[code] = live

    def forget(self, code: str) -> None:
        self._live.pop(code, None)

    def refresh(self, code: str) -> Live:
        """Returns the session brought up to date with the stored log. Blocking: call from a worker thread."""
        live = self._live.get(code)
        with session_scope(self.engine) as db:
            if live is None:
                live = self._load(db, code)
            for _, event in log.load(session=db, code=code, after=live.state.seq):
                live = replace(live, state=apply(live.state, event))
        self._live[code] = live
        return live

    def _load(self, db, code: str) -> Live:
        row = records.get_session(session=db, code=code)
        if row is None:
            self._locks.pop(code, None)  # never keep a lock for a code somebody merely guessed
            raise UnknownSession(code)
        pack = records.load_pack_version(session=db, pack_id=row.pack_id, version=row.pack_version)
        state = replay(event for _, event in log.load(session=db, code=code, after=0))
        if pack is None or state is None:
            raise UnknownSession(code)
        return Live(state, pack)
