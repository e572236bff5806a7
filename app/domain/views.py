"""Who sees what. Every message a client receives is built here from the state.

A viewer is the trainer, the projector, or one seat. The projector and the
seats never receive anything that is only the trainer's (the shuffle seed,
the chair pick before the shuffle), and briefing documents never travel in a
view at all: a seat fetches them one by one, and `SessionState.reader_keys`
decides which it may open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import events as ev
from .codec import encode
from .meeting_rules import tally
from .state import Motion, SessionState
from .types import PHASE_LABELS, RESIDENT, SeatId

TRAINER = "trainer"
PROJECTOR = "projector"


@dataclass(frozen=True)
class Viewer:
    kind: str  # "trainer", "projector" or "seat"
    seat_id: SeatId | None = None

    @property
    def key(self) -> str:
        return self.seat_id if self.kind == "seat" else self.kind


def event_visible(state: SessionState, event: ev.Event, viewer: Viewer) -> bool:
    """Most events are public facts of the meeting room; this is the one place that narrows that.

    The chair pick stays the trainer's until the shuffle announces every role at once.
    """
    if isinstance(event, ev.ChairChosen):
        return viewer.kind == TRAINER
    return True


def public_event(event: ev.Event, seq: int) -> dict[str, Any]:
    body = encode(event)
    if isinstance(event, ev.SessionCreated):
        body = {"code": event.code, "title": event.scenario.title}
    if isinstance(event, ev.RolesShuffled):
        body = {k: v for k, v in body.items() if k != "seed"}
    return {"seq": seq, "type": event.type, **body}


def _session(state: SessionState, viewer: Viewer, now: float) -> dict[str, Any]:
    clock, scenario = state.clock, state.scenario
    info = {
        "code": state.code, "title": scenario.title, "area": scenario.area, "seq": state.seq,
        "phase": clock.phase, "phase_label": PHASE_LABELS[clock.phase], "minutes": clock.minutes,
        "paused": clock.paused_at is not None, "ends_at": clock.ends_at(now), "remaining": clock.remaining(now),
        "chair_title": scenario.chair_title, "residents_title": scenario.residents_title,
        "residents_mode": scenario.residents_mode, "shuffled": state.shuffled, "packs_open": state.packs_open(),
        "current_item": state.current_item, "now": now,
    }
    if viewer.kind == TRAINER:
        info["seed"] = state.seed
        info["chair_pick"] = state.chair_pick
    return info


def _seat_ref(state: SessionState, seat_id: SeatId | None) -> dict[str, Any] | None:
    seat = state.seats.get(seat_id) if seat_id else None
    return {"id": seat.id, "name": seat.name} if seat else None


def role_title(state: SessionState, seat_id: SeatId) -> str:
    role = state.role_of(seat_id)
    if role.kind == "chair":
        return state.scenario.chair_title
    if role.kind == "panel":
        return state.scenario.residents_title
    if role.directorate:
        d = state.directorate(role.directorate)
        return d.director_title if role.kind == "director" else f"{d.assistant_title}, {d.name}"
    return ""


def _seats(state: SessionState) -> list[dict[str, Any]]:
    def agency_name(agency_id: str) -> str:
        return "Resident" if agency_id == RESIDENT else state.agency(agency_id).name

    rows = []
    for seat in sorted(state.seats.values(), key=lambda s: s.joined_at):
        role = state.role_of(seat.id) if state.shuffled else None
        rows.append({
            "id": seat.id, "name": seat.name, "agency": seat.agency, "agency_name": agency_name(seat.agency),
            "pair_id": state.pair_of(seat.id),
            "role": role.kind if role else None, "directorate": role.directorate if role else None,
            "title": role_title(state, seat.id) if role else "",
        })
    return rows


def _directorates(state: SessionState) -> list[dict[str, Any]]:
    rows = []
    for d in state.scenario.directorates:
        held = state.holder(d.id)
        rows.append({
            "id": d.id, "name": d.name, "director_title": d.director_title, "budget": d.budget,
            "balance": state.ledger[d.id], "pair_id": held.pair_id if held else None,
            "director": _seat_ref(state, held.director) if held else None,
            "assistant": _seat_ref(state, held.assistant) if held else None,
        })
    return rows


def _motion(state: SessionState, m: Motion) -> dict[str, Any]:
    yes, no, abstain = tally(m)
    return {
        "id": m.id, "item_id": m.item_id, "text": m.text, "status": m.status, "at": m.at,
        "directorate": m.directorate, "proposer": _seat_ref(state, m.proposer),
        "seconded_by": m.seconded_by, "seconder": _seat_ref(state, m.seconder),
        "transfer": None if m.transfer is None else {
            "source": m.transfer.source, "target": m.transfer.target,
            "amount": m.transfer.amount, "reason": m.transfer.reason,
        },
        "ballots": {d: b.choice for d, b in m.ballots.items()},
        "tally": {"for": yes, "against": no, "abstain": abstain}, "casting": m.casting, "note": m.note,
    }


def _me(state: SessionState, seat_id: SeatId) -> dict[str, Any]:
    seat = state.seats.get(seat_id)
    if seat is None:
        return {"seat_id": seat_id, "removed": True}
    role = state.role_of(seat_id)
    holds = role.directorate is not None and state.phase == "board"
    partner = [s for s in state.seats_sharing_role(seat_id) if s != seat_id]
    return {
        "seat_id": seat_id, "name": seat.name, "agency": seat.agency, "pair_id": state.pair_of(seat_id),
        "partner": _seat_ref(state, partner[0]) if partner else None,
        "role": role.kind if state.shuffled else None, "directorate": role.directorate,
        "title": role_title(state, seat_id) if state.shuffled else "",
        "can": {"propose": holds, "second": holds, "vote": holds, "chair": role.kind == "chair"},
    }


def view_for(state: SessionState, viewer: Viewer, now: float) -> dict[str, Any]:
    """Takes the state and a viewer; returns everything that viewer may see, as plain data."""
    view: dict[str, Any] = {
        "viewer": viewer.kind,
        "session": _session(state, viewer, now),
        "agencies": [{"id": a.id, "name": a.name} for a in state.scenario.agencies],
        "seats": _seats(state),
        "pairs": [{"id": p, "seats": list(seats)} for p, seats in state.pairs.items()],
        "chair": _seat_ref(state, state.chair),
        "directorates": _directorates(state),
        "agenda": [{"id": a.id, "title": a.title, "kind": a.kind, "minutes": a.minutes,
                    "description": a.description} for a in state.scenario.agenda],
        "motions": [_motion(state, m) for m in state.motions.values()],
        "ledger_total": sum(state.ledger.values()),
    }
    view["injects"] = _injects(state, viewer)
    if viewer.kind == "seat":
        view["me"] = _me(state, viewer.seat_id)
    return view


def _injects(state: SessionState, viewer: Viewer) -> list[dict[str, Any]]:
    """The trainer sees every news item and whether it is out; everyone else only what has been released."""
    rows = [{"id": i.id, "title": i.title, "document": i.document, "released_at": state.released.get(i.document)}
            for i in state.scenario.injects]
    return rows if viewer.kind == TRAINER else [r for r in rows if r["released_at"] is not None]
