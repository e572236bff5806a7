"""What each session's screens are told: a page opening gets its first view, then every update as a delta.

Each watched session keeps its sections (app/domain/sections.py) between updates, so what an update leaves
alone is not built again; a session nobody watches keeps nothing. Called by `app.actions` under the session's
lock, after what is told has been stored: this module never stores anything, and the hub only delivers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..domain import events as ev
from ..domain.core.state import SessionState
from ..domain.sections import Sections
from .hub import Connection, Hub
from .stream import Publication, shown_events, sync_message

# A reconnect further behind than this gets a fresh view instead of a replay: replaying thousands of events
# under the session's lock held up everyone else in the room.
MAX_CATCH_UP = 200


class Rooms:
    def __init__(self, hub: Hub, clock: Callable[[], float]):
        self.hub, self.clock = hub, clock
        self._sections: dict[str, Sections] = {}  # each watched session's views, kept between its updates

    def publish(self, code: str, state: SessionState, numbered: Sequence[tuple[int, ev.Event]]) -> None:
        """Sends each connection watching the session what changed for it."""
        connections = self.hub.connections(code)
        if not connections:
            self._sections.pop(code, None)  # nobody is watching: nothing worth keeping
            return
        publication = Publication(self._sections_of(code), state, numbered, self.clock())
        messages = {conn: text for conn in connections if (text := publication.message(conn)) is not None}
        self.hub.deliver_each(code, messages)

    def open_page(
        self, code: str, conn: Connection, state: SessionState, events: Sequence[tuple[int, ev.Event]], after: int
    ) -> None:
        """Sends a new connection what it missed after `after` (from `events`, the session's log as held in
        memory), or a fresh view if it is too far behind, then joins it to the room."""
        reset = not (0 <= after <= state.seq) or state.seq - after > MAX_CATCH_UP
        missed = [] if reset else [(seq, e) for seq, e in events if seq > after]
        shown = shown_events(state, missed, conn.viewer)
        conn.push(sync_message(self._sections_of(code), conn, state, shown, reset, self.clock()))
        self.hub.join(code, conn)

    def close(self, code: str) -> None:
        """The session is gone here: its screens are closed and its sections let go."""
        self.hub.close_room(code)
        self._sections.pop(code, None)

    def _sections_of(self, code: str) -> Sections:
        sections = self._sections.get(code)
        if sections is None:
            for unwatched in [c for c in self._sections if self.hub.count(c) == 0]:
                del self._sections[unwatched]
            sections = self._sections[code] = Sections()
        return sections
