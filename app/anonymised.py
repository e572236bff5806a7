"""A session's record made fit for sharing: names become stable pseudonyms, secret ballot choices go, pairs'
private notebooks and drafts go, and reflections are listed apart from the seats that gave them. Seat tokens
are never in any record."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .domain import events as ev
from .domain.apply import replay
from .domain.core import codec
from .domain.core.state import SessionState
from .domain.debrief.minutes import private_news
from .domain.notebook.views import is_private_to_pair

Numbered = list[tuple[int, ev.Event]]


def pseudonyms(log: Numbered) -> dict[str, str]:
    """Seat id -> 'Participant N', numbered in the order people first appear in the log."""
    seats: list[str] = []
    for _, e in log:
        arrived = [e.seat_id] if isinstance(e, ev.SeatJoined) else []
        if isinstance(e, ev.FollowUpStarted):
            arrived = [s.seat_id for s in e.seats]
        seats.extend(s for s in arrived if s not in seats)
    return {seat: f"Participant {n}" for n, seat in enumerate(seats, start=1)}


def renamed(log: Numbered) -> Numbered:
    """The same log with every person's name replaced by their pseudonym; it replays like the original."""
    names = pseudonyms(log)
    out: Numbered = []
    for seq, e in log:
        if isinstance(e, ev.SeatJoined):
            e = replace(e, name=names[e.seat_id])
        if isinstance(e, ev.FollowUpStarted):
            e = replace(e, seats=tuple(replace(s, name=names[s.seat_id]) for s in e.seats))
        out.append((seq, e))
    return out


def anonymised_record(log: Numbered) -> tuple[SessionState, Numbered]:
    """The state and log to build shared exports from: pseudonyms in place of names, and without the pairs'
    private notebooks and drafts (they were never the room's). Views built from the
    state already hide secret choices and show reflections only as totals."""
    log = [(seq, e) for seq, e in renamed(log) if not is_private_to_pair(e)]
    state = replay(e for _, e in log)
    assert state is not None
    return state, log


def neutral_news(state: SessionState, view: dict[str, Any]) -> dict[str, Any]:
    """The view with every piece of news sent to chosen seats titled only by whom it went to."""
    injects = [row | {"title": private_news(state, row["to"])} if row["to"] else row for row in view["injects"]]
    return view | {"injects": injects}


def shared_events(state: SessionState, log: Numbered) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The log as rows for a shared JSON export, and the reflections apart from it (in a fixed order, so
    nothing ties one to a seat). Renumbered, so no gap shows where a reflection was given."""
    rows: list[dict[str, Any]] = []
    reflections: list[dict[str, Any]] = []
    for _, e in log:
        payload = codec.encode(e)
        if isinstance(e, ev.ReflectionGiven):
            reflections.append({"ratings": dict(e.ratings), "comment": e.comment})
            continue
        motion = state.motions.get(e.motion_id) if isinstance(e, ev.VoteCast) else None
        if isinstance(e, ev.VoteCast) and (motion is None or motion.secret):
            payload.pop("choice")
        if isinstance(e, (ev.InjectReleased, ev.InjectWritten)) and e.to:
            payload |= {"title": private_news(state, e.to)} | ({"text": ""} if "text" in payload else {})
        rows.append({"seq": len(rows) + 1, "type": e.type, "payload": payload})
    reflections.sort(key=lambda r: (sorted(r["ratings"].items()), r["comment"]))
    return rows, reflections
