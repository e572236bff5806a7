"""Whether a log read from outside is one this server could have written.

Every event must be what the rules record for some command (`import_decide`), the log must replay through
the real reducer, keep the session's invariants after every event, and let every screen, the minutes and
the CSV files be built from where it ends, with only finite numbers in them. A log that fails here would
otherwise be stored and then break the session list and every page showing it.
"""

from __future__ import annotations

import json
import time
from collections import Counter

from .domain import events as ev
from .domain.apply import apply
from .domain.core.state import SessionState
from .domain.core.types import RESIDENT
from .domain.debrief.minutes import minutes
from .domain.follow_up.plan import plan
from .domain.views import Viewer, shown_event, view_for
from .exports import tables
from .import_decide import NotDecided, redecide

CATCH_UP = 2000  # a reconnecting screen is never sent more of the log than this; see app.realtime.rooms.MAX_CATCH_UP


class LogProblem(Exception):
    """What is wrong with the log, in words for the trainer."""


def check_log(events: list[ev.Event], now: float | None = None) -> SessionState:
    """Takes a decoded log; returns the state it ends in, or raises LogProblem."""
    state, seq = _opening(events)
    while seq < len(events):
        try:
            decided = redecide(state, events[seq : seq + 3], getattr(events[seq - 1], "at", state.created_at))
        except NotDecided:
            event = events[seq]
            raise LogProblem(f"event {seq + 1} ({event.type}) is not what the rules record at that point") from None
        for event in decided:
            state, seq = _apply(state, event, seq + 1), seq + 1
    _build_everything(state, events, time.time() if now is None else now)
    return state


def _opening(events: list[ev.Event]) -> tuple[SessionState, int]:
    """The session's creation and, for a follow-up meeting, its start: the two events no command makes."""
    state = _apply(None, events[0], 1)
    if len(events) > 1 and isinstance(events[1], ev.FollowUpStarted):
        return _apply(state, events[1], 2), 2
    return state, 1


def _apply(state: SessionState | None, event: ev.Event, seq: int) -> SessionState:
    try:
        state = apply(state, event)
    # The reducer trusts its log (it never validates, so old logs replay); any failure on a foreign log,
    # whatever its type, means the log is not one this server wrote.
    except Exception:
        raise LogProblem(f"event {seq} ({event.type}) cannot follow what came before it") from None
    broken = invariant_problem(state)
    if broken:
        raise LogProblem(f"after event {seq} ({event.type}) {broken}")
    return state


def invariant_problem(s: SessionState) -> str | None:
    """The first thing about the state that the rules could never have produced, or None."""
    directorates = {d.id for d in s.scenario.directorates}
    agencies = {a.id for a in s.scenario.agencies} | {RESIDENT}
    if any(k != seat.id or seat.agency not in agencies for k, seat in s.seats.items()):
        return "a seat has an unknown organisation"
    members = Counter(m for pair in s.pairs.values() for m in pair)
    if any(m not in s.seats or n > 1 for m, n in members.items()):
        return "a pair holds a seat that is not in the session, or a seat is in two pairs"
    for pair_id, a in s.assignments.items():
        pair = s.pairs.get(pair_id, ())
        if a.pair_id != pair_id or a.directorate not in directorates or a.director not in pair:
            return "a role is given to a pair or directorate that does not exist"
        if a.assistant is not None and a.assistant not in pair:
            return "an assistant is not a member of their pair"
    if len(s.held_directorates()) != len(set(s.held_directorates())):
        return "a directorate is held by two pairs"
    if any(seat is not None and seat not in s.seats for seat in (s.chair, s.chair_pick)):
        return "the chair is not a seat in the session"
    holders = directorates | {f.id for f in s.scenario.funds}  # a pooled fund holds money but makes no motion
    if not set(s.ledger) <= holders or any(m.directorate not in directorates for m in s.motions.values()):
        return "money or a motion belongs to a directorate the scenario does not have"
    if s.current_item is not None and s.agenda_item(s.current_item) is None:
        return "the open agenda item is not on the agenda"
    return None


def _build_everything(state: SessionState, events: list[ev.Event], now: float) -> None:
    """Builds what the server will show of this session, to be sure it can; raises LogProblem if not."""
    numbered = list(enumerate(events, start=1))
    viewers = [Viewer("trainer"), Viewer("projector"), *(Viewer("seat", seat) for seat in state.seats)]
    try:
        shown = [
            [view_for(state, viewer, now), [shown_event(state, e, seq, viewer) for seq, e in numbered[-CATCH_UP:]]]
            for viewer in viewers
        ]
        record = [minutes(state, numbered), tables(state, numbered)]
        if state.phase in ("debrief", "closed"):
            plan(state, now)  # what a follow-up meeting would carry forward
        json.dumps([shown, record], allow_nan=False)
    except Exception:
        raise LogProblem("the session it ends in cannot be shown") from None
