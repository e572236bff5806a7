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
from .consequences.views import consequences_view, fund_rows
from .core.codec import encode
from .core.state import SessionState
from .core.types import PHASE_LABELS, RESIDENT, SeatId
from .debrief.rules import may_reflect
from .debrief.views import reflection_view
from .drafts.views import drafts_view
from .floor.views import meeting_view
from .lobby.views import seat_ref
from .notebook.views import is_private_to_pair, notebook_view, private_pair

TRAINER = "trainer"


PROJECTOR = "projector"


@dataclass(frozen=True)
class Viewer:
    kind: str  # "trainer", "projector" or "seat"
    seat_id: SeatId | None = None

    @property
    def key(self) -> str:
        return self.seat_id if self.kind == "seat" and self.seat_id is not None else self.kind


_encoded: dict[int, tuple[ev.Event, dict[str, Any]]] = {}


def _encode(event: ev.Event) -> dict[str, Any]:
    """An event's fields, encoded once however many viewers it is shown to (a shallow copy: callers change it)."""
    hit = _encoded.get(id(event))
    if hit is None or hit[0] is not event:
        if len(_encoded) > 1000:
            _encoded.clear()
        hit = _encoded[id(event)] = (event, encode(event))
    return dict(hit[1])


def shown_event(state: SessionState, event: ev.Event, seq: int, viewer: Viewer) -> dict[str, Any] | None:
    """Takes an event and a viewer; returns the event as that viewer may see it, or None.

    Most events are public facts of the meeting room. The chair pick stays the trainer's until the
    shuffle announces every role; a pair's notebook stays with the pair; a 10% answer stays with its directorate until the reveal; news sent
    to chosen seats goes only to them; a secret ballot never shows who voted which way.
    """
    trainer, seat = viewer.kind == TRAINER, viewer.seat_id
    if isinstance(event, ev.ChairChosen) and not trainer:
        return None
    if isinstance(event, ev.PairsSet) and not pairs_shown(state, viewer):
        return None  # the pairs before the shuffle leave out the chair pick
    if isinstance(event, ev.ReflectionGiven):
        return None  # reflections are anonymous: only their totals are ever shown
    if is_private_to_pair(event) and not (seat and state.pair_of(seat) == private_pair(event)):
        return None  # a pair's notebook and drafts are its own: not even the trainer's screen gets them
    if isinstance(event, ev.TenPercentAnswered) and not (
        trainer or state.ten_percent.status == "revealed" or _own(state, seat) == event.directorate
    ):
        return None
    if isinstance(event, (ev.InjectReleased, ev.InjectWritten)) and event.to and not (trainer or seat in event.to):
        return None
    body = _encode(event)
    if isinstance(event, ev.SessionCreated):
        body = {"code": event.code, "title": event.scenario.title}
    if isinstance(event, ev.RolesShuffled) and not trainer:
        body.pop("seed")
    if (
        isinstance(event, ev.VoteCast)
        and state.motions[event.motion_id].secret
        and _own(state, seat) != event.directorate
    ):
        body = {"motion_id": event.motion_id, "directorate": event.directorate}
    return {"seq": seq, "type": event.type, **body}


def _own(state: SessionState, seat: SeatId | None) -> str | None:
    """The directorate a seat holds: worked out only for the events that need it (a sync shows a seat every
    event since the start, and finding a seat's role is a search)."""
    return state.role_of(seat).directorate if seat else None


def session_view(state: SessionState, viewer: Viewer, now: float) -> dict[str, Any]:
    clock, scenario = state.clock, state.scenario
    info = {
        "code": state.code,
        "title": scenario.title,
        "area": scenario.area,
        "seq": state.seq,
        "phase": clock.phase,
        "phase_label": PHASE_LABELS[clock.phase],
        "minutes": clock.minutes,
        "paused": clock.paused_at is not None,
        "ends_at": clock.ends_at(now),
        "remaining": clock.remaining(now),
        "chair_title": scenario.chair_title,
        "residents_title": scenario.residents_title,
        "residents_mode": scenario.residents_mode,
        "shuffled": state.shuffled,
        "packs_open": state.packs_open(),
        "current_item": state.current_item,
        "phase_version": state.phase_version,
        "item_version": state.item_version,
        "now": now,
        "meeting": state.meeting,
        "previous": state.previous,
        "follow_up": state.follow_up,
        "real_roles": state.previous is not None,
        "stage": state.stage,
        "doors_open": state.doors_open,
    }
    if viewer.kind == TRAINER:
        info["seed"] = state.seed
        info["chair_pick"] = state.chair_pick
        latest = state.corrections[-1] if state.corrections else None
        info["undoable"] = {"seq": latest.seq, "what": latest.what} if latest else None
    return info


def pairs_shown(state: SessionState, viewer: Viewer) -> bool:
    """Before the shuffle the pairs are the trainer's: whoever is left out of them would be the chair pick."""
    return viewer.kind == TRAINER or state.shuffled


def role_title(state: SessionState, seat_id: SeatId) -> str:
    role = state.role_of(seat_id)
    if role.kind == "chair":
        return state.scenario.chair_title
    if role.kind == "panel":
        return state.scenario.residents_title
    if role.kind == "observer":
        return "Observer"
    if role.kind == "unplaced" and state.previous is not None and seat_id in state.seats:
        agency = state.agency(state.seats[seat_id].agency)  # at a follow-up, people come as themselves
        return agency.name if agency else ""
    if role.directorate:
        d = state.facts_of(role.directorate)
        if role.kind == "member":
            return f"Third member, {d.name}"
        return d.director_title if role.kind == "director" else f"{d.assistant_title}, {d.name}"
    return ""


def seats_view(state: SessionState, pairs_shown: bool) -> list[dict[str, Any]]:
    def agency_name(agency_id: str) -> str:
        return "Resident" if agency_id == RESIDENT else state.agency_facts(agency_id).name

    rows = []
    for seat in sorted(state.seats.values(), key=lambda s: s.joined_at):
        role = state.role_of(seat.id) if state.shuffled else None
        rows.append(
            {
                "id": seat.id,
                "name": seat.name,
                "agency": seat.agency,
                "agency_name": agency_name(seat.agency),
                "pair_id": state.pair_of(seat.id) if pairs_shown else None,
                "role": role.kind if role else None,
                "directorate": role.directorate if role else None,
                "title": role_title(state, seat.id) if role else "",
            }
        )
    return rows


def directorates_view(state: SessionState) -> list[dict[str, Any]]:
    rows = []
    for d in state.scenario.directorates:
        held = state.holder(d.id)
        rows.append(
            {
                "id": d.id,
                "name": d.name,
                "director_title": d.director_title,
                "assistant_title": d.assistant_title,
                "budget": d.budget,
                "balance": state.ledger[d.id],
                "pair_id": held.pair_id if held else None,
                "director": seat_ref(state, held.director) if held else None,
                "assistant": seat_ref(state, held.assistant) if held else None,
                "third_members": [
                    seat_ref(state, s)
                    for s in state.pairs.get(held.pair_id, ())
                    if s not in (held.director, held.assistant)
                ]
                if held
                else [],
            }
        )
    return rows


def me_view(state: SessionState, seat_id: SeatId) -> dict[str, Any]:
    seat = state.seats.get(seat_id)
    if seat is None:
        return {"seat_id": seat_id, "removed": True}
    role = state.role_of(seat_id)
    holds = role.directorate is not None and state.phase == "board"
    partner = [s for s in state.seats_sharing_role(seat_id) if s != seat_id and state.shuffled]
    return {
        "seat_id": seat_id,
        "name": seat.name,
        "agency": seat.agency,
        "pair_id": state.pair_of(seat_id) if state.shuffled else None,
        "partner": seat_ref(state, partner[0]) if partner else None,
        "role": role.kind if state.shuffled else None,
        "directorate": role.directorate,
        "title": role_title(state, seat_id) if state.shuffled else "",
        "can": {
            "propose": holds,
            "second": holds,
            "vote": holds and state.voter_directorate(seat_id) is not None,
            "chair": role.kind == "chair",
            "speak": state.phase == "board" and role.kind != "observer",
            "answer_ten_percent": role.directorate is not None and state.ten_percent.status == "open",
            # Whatever the phase: the reflection page tells someone who does not reflect why, before and after.
            "reflect": may_reflect(state, seat_id),
        },
        # Both name the pair, which is the trainer's secret until the shuffle reveals the roles.
        "notebook": notebook_view(state, seat_id) if state.shuffled else None,
        "drafts": drafts_view(state, seat_id) if state.shuffled else [],
    }


def agencies_view(state: SessionState) -> list[dict[str, Any]]:
    return [{"id": a.id, "name": a.name} for a in state.scenario.agencies]


def pairs_view(state: SessionState, shown: bool) -> list[dict[str, Any]]:
    return [{"id": p, "seats": list(seats)} for p, seats in state.pairs.items() if shown]


def indicators_view(state: SessionState) -> list[dict[str, Any]]:
    return [
        {
            "id": i.id,
            "name": i.name,
            "unit": i.unit,
            "baseline": i.baseline,
            "better": i.better,
            "owner": i.owner,
            "target": i.target,
        }
        for i in state.scenario.indicators
    ]


def exported_costs_view(state: SessionState) -> list[dict[str, Any]]:
    return [
        {"source": x.source, "target": x.target, "annual_cost": x.annual_cost, "because": x.because}
        for x in state.scenario.exported_costs
    ]


def levers_view(state: SessionState) -> list[dict[str, Any]]:
    return [{"id": v.id, "name": v.name, "because": v.because} for v in state.scenario.levers] + [
        {"id": p.id, "name": f"{f.name}: {p.name}", "because": p.because}
        for f in state.scenario.funds
        for p in f.purposes
    ]


def carried_view(state: SessionState) -> list[dict[str, Any]]:
    return [
        {
            "meeting": d.meeting,
            "kind": d.kind,
            "text": d.text,
            "directorate": d.directorate,
            "term": d.term,
            "indicator": d.indicator,
            "value": d.value,
            "by": d.by,
        }
        for d in state.carried
    ]


def view_for(state: SessionState, viewer: Viewer, now: float) -> dict[str, Any]:
    """Takes the state and a viewer; returns everything that viewer may see, as plain data.

    Built afresh every time: the oracle that `sections.Sections` (built once per change, shared) must match."""
    view: dict[str, Any] = {
        "viewer": viewer.kind,
        "session": session_view(state, viewer, now),
        "agencies": agencies_view(state),
        "seats": seats_view(state, pairs_shown(state, viewer)),
        "pairs": pairs_view(state, pairs_shown(state, viewer)),
        "chair": seat_ref(state, state.chair),
        "directorates": directorates_view(state),
        "indicators": indicators_view(state),
        "exported_costs": exported_costs_view(state),
        "ledger_total": sum(state.ledger.values()),
        "funds": fund_rows(state),
        "levers": levers_view(state),
        **meeting_view(state, viewer.kind, viewer.seat_id, now),
        "consequences": consequences_view(state),
        "carried": carried_view(state),
        "reflection": reflection_view(state, viewer.seat_id if viewer.kind == "seat" else None),
    }
    if viewer.kind == "seat" and viewer.seat_id is not None:
        view["me"] = me_view(state, viewer.seat_id)
    return view
