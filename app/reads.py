"""The read side: what routes may ask about sessions without changing anything.

Session state, views, minutes and logs come from the live cache (see `app.live`)
without the write lock; the session list comes from the summary table in one
query. Seat cookies come from the cached session too on SQLite (see `seat_for`);
other lookups that live beside the log (series links, pack archives) go to the
database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from anyio import to_thread

from .domain.views import Viewer, view_for
from .live import Live, LiveSessions, UnknownSession
from .scenarios.loader import Pack
from .store import records, summaries
from .store.db import session_scope

SERIES_LIMIT = 50  # a chain of follow-ups longer than any real programme; stops a loop in bad data


class Reads:
    def __init__(self, live: LiveSessions, clock: Callable[[], float]):
        self.live, self.clock = live, clock

    async def state(self, code: str) -> Live:
        """The session as of its last command; never waits for a command in progress."""
        return await self.live.read(code)

    async def view(self, code: str, viewer: Viewer) -> dict:
        live = await self.live.read(code)
        return view_for(live.state, viewer, self.clock())

    async def list_sessions(self, owner: int | None) -> list[dict[str, Any]]:
        """Sessions newest first (one trainer's, or every one when `owner` is None), from the summary table.
        A session stored before summaries existed is summed up once, here, then never replayed for the list."""
        listed = await to_thread.run_sync(self._listing, owner)
        missing = [each.row.code for each in listed if each.summary is None]
        if missing:
            await self._summarise(missing)
            listed = await to_thread.run_sync(self._listing, owner)
        return [
            {
                "code": each.row.code,
                "title": each.row.title,
                "phase": each.summary.phase,
                "seats": each.summary.seats,
                "directorates_held": each.summary.directorates_held,
                "created_at": each.row.created_at,
                "updated_at": each.summary.updated_at,
                "meeting": each.summary.meeting,
                "follows": each.row.follows,
            }
            for each in listed
            if each.summary is not None  # a session deleted between the two queries
        ]

    def _listing(self, owner: int | None) -> list[summaries.Listed]:
        with session_scope(self.live.engine) as db:
            return summaries.listing(session=db, owner=owner)

    async def _summarise(self, codes: list[str]) -> None:
        states = []
        for code in codes:
            try:
                states.append((await self.live.read(code)).state)
            except UnknownSession:
                continue
        await to_thread.run_sync(self._save_summaries, states)

    def _save_summaries(self, states) -> None:
        with session_scope(self.live.engine) as db:
            for state in states:
                summaries.save(session=db, state=state, at=self.clock())
            db.commit()

    def series(self, code: str) -> list[str]:
        """The codes of the meetings in a session's series, first to last. Blocking."""
        with session_scope(self.live.engine) as db:
            return [row.code for row in records.series(session=db, code=code)]

    def follow_up_of(self, code: str) -> str | None:
        with session_scope(self.live.engine) as db:
            return records.follow_up_of(session=db, code=code)

    async def seat_for(self, code: str, token_for: Callable[[str], str | None]) -> str | None:
        """The seat a browser holds, given its cookie for each session code. In a follow-up meeting the seat
        from an earlier meeting of the series counts, so the same people come back without joining.

        The sole writer (SQLite) answers a cookie for the session itself from the session's cached cookies,
        loading the session first if need be (opening its websocket wants it anyway), so a burst of people
        joining or coming back asks the database nothing. Anything else, and everything on PostgreSQL, where
        another process may have let a seat in or removed it a moment ago, is asked of the database."""
        token = token_for(code)
        if self.live.sole_writer and token is not None:
            try:
                live = await self.live.read(code)
            except UnknownSession:
                return None
            if (seat := live.credentials.get(records.token_hash(token))) is not None:
                return seat
        # The series is walked by the sessions' rows, as stored: an imported meeting's log may name an earlier
        # meeting it does not follow here.
        return await to_thread.run_sync(self._seat_in_series, code, token_for)

    def _seat_in_series(self, code: str, token_for: Callable[[str], str | None]) -> str | None:
        current: str | None = code
        hops = 0
        with session_scope(self.live.engine) as db:
            while current and hops < SERIES_LIMIT:
                token = token_for(current)
                seat = records.seat_for_token(session=db, code=current, token=token) if token else None
                if seat is not None:
                    return seat
                row = records.get_session(session=db, code=current)
                current, hops = (row.follows if row else None), hops + 1
        return None

    def pack_archive(self, pack: Pack) -> bytes | None:
        """The zip a session's pack version came from, if stored. Blocking."""
        with session_scope(self.live.engine) as db:
            return records.pack_archive(session=db, pack_id=pack.id, version=pack.version)
