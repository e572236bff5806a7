"""Storing where a session begins and ends: a new session, a follow-up, an import, a deletion.

Blocking (`app.actions` runs each in a worker thread) and publishing nothing: a new session has nobody
watching yet, and a deleted one has its screens closed by the caller. Each beginning returns the session as it
is to be held in memory.
"""

from __future__ import annotations

import secrets
from dataclasses import replace

from sqlalchemy.engine import Engine

from .domain import events as ev
from .domain.follow_up.plan import plan
from .imports import Imported
from .live import Live, fold
from .scenarios.loader import Pack, facts
from .store import events as log
from .store import records, summaries
from .store.db import session_scope

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def create(engine: Engine, pack: Pack, owner: int | None, now: float) -> Live:
    with session_scope(engine) as db:
        code = _free_code(db)
        records.save_pack_version(session=db, pack=pack, at=now)
        records.add_session(session=db, code=code, pack=pack, at=now, owner=owner)
        db.flush()
        live = fold(pack, ((1, ev.SessionCreated(code, facts(pack), now)),))
        _append_new(db, live, actor="trainer", at=now)
    return live


def follow_up(engine: Engine, earlier: Live, now: float) -> Live:
    """The next meeting of `earlier`'s people, planned from how it ended."""
    with session_scope(engine) as db:
        code = _free_code(db)
        previous = records.get_session(session=db, code=earlier.state.code)
        owner = previous.owner if previous else None  # the series stays with the trainer who runs it
        records.add_session(session=db, code=code, pack=earlier.pack, at=now, follows=earlier.state.code, owner=owner)
        db.flush()
        events = [ev.SessionCreated(code, earlier.state.scenario, now), plan(earlier.state, now)]
        live = fold(earlier.pack, tuple(enumerate(events, start=1)))
        _append_new(db, live, actor="trainer", at=now)
    return live


def imported(engine: Engine, record: Imported, owner: int | None, now: float) -> Live:
    """A checked export's log under a new code. Its pack version is kept for this session alone and never
    enters the library, so an import cannot change what trainers start from."""
    pack = record.pack
    with session_scope(engine) as db:
        code = _free_code(db)
        records.save_pack_version(session=db, pack=pack, at=now, archive=record.archive, imported=True)
        # Retention counts from the import, not from the original day, so a re-imported old record
        # is kept for the full period rather than vanishing at the next purge.
        records.add_session(session=db, code=code, pack=pack, at=now, owner=owner)
        db.flush()
        first = record.events[0]
        if not isinstance(first, ev.SessionCreated):  # imports.py checked this before anything was stored
            raise ValueError("an imported log starts by creating its session")
        events = [replace(first, code=code), *record.events[1:]]
        live = fold(pack, tuple(enumerate(events, start=1)))
        _append_new(db, live, actor="import", at=now)
    return live


def delete(engine: Engine, codes: list[str]) -> None:
    with session_scope(engine) as db:
        for code in codes:
            records.delete_session(session=db, code=code)
        db.commit()


def created_before(engine: Engine, cutoff: float) -> list[str]:
    with session_scope(engine) as db:
        return records.sessions_before(session=db, cutoff=cutoff)


def _append_new(db, live: Live, actor: str, at: float) -> None:
    """Stores a new session's first events and its summary, in one transaction."""
    code = live.state.code
    log.append(session=db, code=code, events=[e for _, e in live.events], expected_seq=0, actor=actor, at=at)
    summaries.save(session=db, state=live.state, at=at)
    db.commit()


def _free_code(db) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        if records.get_session(session=db, code=code) is None:
            return code
