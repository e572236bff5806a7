"""What each connection is sent: a whole view once (`sync`), then only what changed in it (`delta`).

Every connection keeps the sections it was last sent (`Connection.sent`: the shared ones and its own) and a stream number `n`: its `sync`
is 0 and each `delta` one more, so a client that sees a number skipped knows its copy is wrong and asks for a
fresh one (see docs/protocol.md). A viewer for whom an update changes nothing and shows no event is sent
nothing, and its numbers go on without a gap.

One `Publication` serves one update to a whole room: the shared sections are put together once, each viewer's
own sections are taken over from what it was last sent except those whose generation moved since (most updates
move none of them), each section's patch is worked out once for each pair of old and new values, and turned
into JSON once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from weakref import WeakKeyDictionary

from ..domain import events as ev
from ..domain.core.state import SessionState
from ..domain.sections import Sections
from ..domain.views import Viewer, shown_event
from .hub import Connection
from .patch import diff, pointer

_ABSENT = object()


def shown_events(state: SessionState, numbered: Sequence[tuple[int, ev.Event]], viewer: Viewer) -> list[dict]:
    return [shown for seq, e in numbered if (shown := shown_event(state, e, seq, viewer)) is not None]


class _SharedText:
    """A session's shared sections as JSON (the members, without the braces): nine tenths of a first view, the
    same for every page that opens on the same update (a reconnect storm, people arriving), so written once.
    Each section's text is kept with the value it was written from, so a clock that ticks between two pages
    opening (the agenda's) writes only its own section again."""

    __slots__ = ("members", "sections", "whole")

    def __init__(self) -> None:
        self.whole: tuple[dict[str, Any], str] | None = None  # the last shared dict, as text
        self.members: dict[str, tuple[Any, str]] = {}  # each section: its value, as a member of the view

    def of(self, shared: dict[str, Any]) -> str:
        if self.whole is None or self.whole[0] is not shared:
            self.whole = (shared, ", ".join(self._member(name, value) for name, value in shared.items()))
        return self.whole[1]

    def _member(self, name: str, value: Any) -> str:
        kept = self.members.get(name)
        if kept is None or kept[0] is not value:
            kept = self.members[name] = (value, f"{json.dumps(name)}: {json.dumps(value)}")
        return kept[1]


# Kept beside each session's `Sections`, and gone with them.
_SHARED_TEXT: WeakKeyDictionary[Sections, _SharedText] = WeakKeyDictionary()


def sync_message(
    sections: Sections, conn: Connection, state: SessionState, shown: list[dict], reset: bool, now: float
) -> str:
    """The first message on a connection: the events it missed and its whole view; its stream starts here."""
    shared, personal = sections.shared(state, now), sections.personal(state, conn.viewer, now)
    conn.sent, conn.n = (shared, personal, sections.generations(state, now)), 0
    head = json.dumps({"type": "sync", "seq": state.seq, "n": 0, "events": shown, "reset": reset})
    text = _SHARED_TEXT.get(sections)
    if text is None:
        text = _SHARED_TEXT[sections] = _SharedText()
    members = [part for part in (text.of(shared), json.dumps(personal)[1:-1]) if part]
    return "".join((head[:-1], ', "view": {', ", ".join(members), "}}"))


class Publication:
    """One update, as each connection of the room is to be sent it."""

    def __init__(
        self, sections: Sections, state: SessionState, numbered: Sequence[tuple[int, ev.Event]], now: float
    ) -> None:
        self.sections, self.state, self.numbered, self.now = sections, state, numbered, now
        self.shared = sections.shared(state, now)
        self.generations = sections.generations(state, now)
        self._events: dict[str, str] = {}
        self._distinct_events: list[tuple[list[dict], str]] = []
        # Keyed by the ids of the values compared, and holding those values, so no id is reused meanwhile.
        self._patches: dict[tuple[str, int, int], tuple[Any, Any, str]] = {}
        self._shared_patches: dict[int, tuple[dict[str, Any], list[str]]] = {}

    def message(self, conn: Connection) -> str | None:
        """The `delta` for this connection, counted in its stream; None when nothing changed for it."""
        shared, personal, generations = conn.sent
        now_personal = self.sections.personal_since(self.state, conn.viewer, self.now, personal, generations)
        events = self._shown(conn.viewer)
        patch = self._shared_patch(shared) + self._patch_parts(personal, now_personal)
        if not patch and events == "[]":
            return None
        conn.sent, conn.n = (self.shared, now_personal, self.generations), conn.n + 1
        return (
            f'{{"type": "delta", "seq": {self.state.seq}, "n": {conn.n}, "events": {events}, '
            f'"patch": [{", ".join(patch)}]}}'
        )

    def _shown(self, viewer: Viewer) -> str:
        """The events as this viewer may see them, as JSON: mostly the same for everyone, so written once."""
        text = self._events.get(viewer.key)
        if text is None:
            shown = shown_events(self.state, self.numbered, viewer)
            text = next((t for other, t in self._distinct_events if other == shown), None)
            if text is None:
                text = json.dumps(shown)
                self._distinct_events.append((shown, text))
            self._events[viewer.key] = text
        return text

    def _shared_patch(self, sent: dict[str, Any]) -> list[str]:
        """Connections that were sent the same shared sections (nearly all of them) share their patch."""
        if sent is self.shared:
            return []
        found = self._shared_patches.get(id(sent))
        if found is None:
            found = self._shared_patches[id(sent)] = (sent, self._patch_parts(sent, self.shared))
        return found[1]

    def _patch_parts(self, sent: dict[str, Any], now: dict[str, Any]) -> list[str]:
        """Each section's patch, in the view's order, then the sections gone from it. Run for every connection,
        so a section left alone (the very same object: nearly all of them) costs one lookup."""
        if sent is now:
            return []
        parts = [
            p
            for name, new in now.items()
            if (old := sent.get(name, _ABSENT)) is not new and (p := self._patch(name, old, new))
        ]
        parts += [p for name, old in sent.items() if name not in now and (p := self._patch(name, old, _ABSENT))]
        return parts

    def _patch(self, name: str, old: Any, new: Any) -> str:
        """The operations (as JSON, without the brackets) that bring one section from `old` to `new`."""
        key = (name, id(old), id(new))
        found = self._patches.get(key)
        if found is None:
            found = self._patches[key] = (old, new, json.dumps(_section_ops(name, old, new))[1:-1])
        return found[2]


def _section_ops(name: str, old: Any, new: Any) -> list[dict[str, Any]]:
    path = f"/{pointer(name)}"
    if new is _ABSENT:
        return [{"op": "remove", "path": path}]
    if old is _ABSENT:
        return [{"op": "add", "path": path, "value": new}]
    return diff(old, new, path)
