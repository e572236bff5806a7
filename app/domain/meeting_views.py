"""What each viewer sees of the board meeting: agenda, motions, the corporate strategy, the floor,
news items and the extra 10% round. Secret ballots and unreleased news are decided here."""

from __future__ import annotations

from typing import Any

from .meeting_state import Motion
from .state import SessionState
from .types import RESIDENT, SeatId
from .voting_rules import quorum, tally


def seat_ref(state: SessionState, seat_id: SeatId | None) -> dict[str, Any] | None:
    seat = state.seats.get(seat_id) if seat_id else None
    return {"id": seat.id, "name": seat.name} if seat else None


def agenda_view(state: SessionState, now: float) -> list[dict[str, Any]]:
    rows = []
    for item in state.agenda:
        row = {
            "id": item.id,
            "title": item.title,
            "kind": item.kind,
            "minutes": item.minutes,
            "description": item.description,
            "current": item.id == state.current_item,
        }
        if row["current"] and state.item_clock is not None:
            row["ends_at"] = state.item_clock.ends_at(now)
            row["remaining"] = state.item_clock.remaining(now)
        rows.append(row)
    return rows


def _transfer(t) -> dict[str, Any] | None:
    return (
        None
        if t is None
        else {"source": t.source, "target": t.target, "amount": t.amount, "reason": t.reason, "addresses": t.addresses}
    )


def _target(state: SessionState, t) -> dict[str, Any] | None:
    if t is None:
        return None
    indicator = next((i for i in state.scenario.indicators if i.id == t.indicator), None)
    return {
        "indicator": t.indicator,
        "indicator_name": indicator.name if indicator else t.indicator,
        "unit": indicator.unit if indicator else "",
        "baseline": indicator.baseline if indicator else None,
        "directorate": t.directorate,
        "value": t.value,
        "by": t.by,
    }


def _ballots(m: Motion, own: str | None) -> dict[str, str]:
    """Named ballots show every choice; secret ones show only that a directorate voted (and your own choice)."""
    if not m.secret:
        return {d: b.choice for d, b in m.ballots.items()}
    return {d: (b.choice if d == own else "voted") for d, b in m.ballots.items()}


def motion_view(state: SessionState, m: Motion, own: str | None, chairing: bool = False) -> dict[str, Any]:
    yes, no, abstain = tally(m)
    # An open secret ballot shows only how many have voted: a running tally would give each vote away.
    hidden = m.secret and m.open
    return {
        "id": m.id,
        "item_id": m.item_id,
        "kind": m.kind,
        "term": m.term,
        "text": m.text,
        "status": m.status,
        "at": m.at,
        "directorate": m.directorate,
        "proposer": seat_ref(state, m.proposer),
        "seconded_by": m.seconded_by,
        "seconder": seat_ref(state, m.seconder),
        "transfer": _transfer(m.transfer),
        "target": _target(state, m.target),
        "secret": m.secret,
        "ballots": _ballots(m, own),
        "voted": len(m.ballots),
        "tied": yes == no if chairing or not hidden else None,  # the chair needs it to offer a casting vote
        "tally": None if hidden else {"for": yes, "against": no, "abstain": abstain},
        "casting": m.casting,
        "note": m.note,
        "amendments": [
            {
                "id": a.id,
                "directorate": a.directorate,
                "by": seat_ref(state, a.seat_id),
                "text": a.text,
                "transfer": _transfer(a.transfer),
                "target": _target(state, a.target),
                "status": a.status,
            }
            for a in m.amendments
        ],
    }


def strategy_view(state: SessionState) -> dict[str, Any]:
    """The corporate strategy: every carried motion that still stands, sorted into its parts."""
    strategy: dict[str, Any] = {
        "objectives": {"short": [], "medium": [], "long": []},
        "targets": [],
        "transfers": [],
        "strategies": [],
        "resolutions": [],
    }
    for m in state.motions.values():
        if m.status != "carried":
            continue
        entry = {"motion_id": m.id, "text": m.text, "directorate": m.directorate}
        if m.kind == "objective":
            strategy["objectives"][m.term or "short"].append(entry)
        elif m.kind == "target":
            strategy["targets"].append(entry | {"target": _target(state, m.target)})
        elif m.kind == "transfer":
            strategy["transfers"].append(entry | {"transfer": _transfer(m.transfer)})
        else:
            strategy["strategies" if m.kind == "strategy" else "resolutions"].append(entry)
    return strategy


def _voice(state: SessionState, seat_id: SeatId) -> str:
    role = state.role_of(seat_id)
    seat = state.seats.get(seat_id)
    if seat is not None and seat.agency == RESIDENT:
        return "resident"
    return {"chair": "chair", "director": "director", "assistant": "assistant"}.get(role.kind, "other")


def floor_view(state: SessionState) -> dict[str, Any]:
    f = state.floor

    def person(seat_id: SeatId) -> dict[str, Any] | None:
        ref = seat_ref(state, seat_id)
        return ref and ref | {"voice": _voice(state, seat_id), "directorate": state.role_of(seat_id).directorate}

    counts = [person(s) | {"count": n} for s, n in f.contributions.items() if s in state.seats]
    by_voice: dict[str, int] = {}
    for row in counts:
        by_voice[row["voice"]] = by_voice.get(row["voice"], 0) + row["count"]
    return {
        "speaking": person(f.speaking) if f.speaking else None,
        "queue": [person(s) for s in f.queue if s in state.seats],
        "contributions": sorted(counts, key=lambda r: -r["count"]),
        "by_voice": by_voice,
    }


def news_view(state: SessionState, kind: str, seat_id: SeatId | None) -> list[dict[str, Any]]:
    """The trainer sees every news item; a seat what was released to everyone or to it; the projector
    only what went to everyone."""

    def shown(to: tuple[SeatId, ...]) -> bool:
        return kind == "trainer" or not to or seat_id in to

    rows = []
    for inject in state.scenario.injects:
        release = state.released.get(inject.document)
        if kind == "trainer" or (release and shown(release.to)):
            rows.append(
                {
                    "id": inject.id,
                    "title": inject.title,
                    "document": inject.document,
                    "written": False,
                    "released_at": release.at if release else None,
                    "to": list(release.to) if release else [],
                }
            )
    for w in state.written.values():
        if shown(w.to):
            rows.append(
                {"id": w.id, "title": w.title, "document": w.id, "written": True, "released_at": w.at, "to": list(w.to)}
            )
    return rows


def ten_percent_view(state: SessionState, kind: str, own: str | None) -> dict[str, Any]:
    t = state.ten_percent
    visible = {d: a for d, a in t.answers.items() if kind == "trainer" or t.status == "revealed" or d == own}
    return {
        "status": t.status,
        "answered": sorted(t.answers),
        "answers": [{"directorate": d, "recipient": a.recipient, "reason": a.reason} for d, a in visible.items()],
    }


def meeting_view(state: SessionState, kind: str, seat_id: SeatId | None, now: float) -> dict[str, Any]:
    own = state.role_of(seat_id).directorate if seat_id else None
    chairing = kind == "trainer" or (seat_id is not None and state.role_of(seat_id).kind == "chair")
    return {
        "agenda": agenda_view(state, now),
        "motions": [motion_view(state, m, own, chairing) for m in state.motions.values()],
        "strategy": strategy_view(state),
        "floor": floor_view(state),
        "injects": news_view(state, kind, seat_id),
        "ten_percent": ten_percent_view(state, kind, own),
        "announcement": {"text": state.announcement[0], "at": state.announcement[1]} if state.announcement else None,
        "quorum": quorum(state),
    }
