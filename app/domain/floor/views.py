"""The board meeting as each viewer sees it: agenda, floor, news, and the meeting view that gathers every part."""

from __future__ import annotations

from typing import Any

from ..core.state import SessionState
from ..core.types import RESIDENT, SeatId
from ..lobby.views import seat_ref
from ..motions.views import motion_view, strategy_view
from ..motions.voting import quorum
from ..ten_percent.views import ten_percent_view


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

    counts = [row | {"count": n} for s, n in f.contributions.items() if (row := person(s)) is not None]
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


def meeting_view(state: SessionState, kind: str, seat_id: SeatId | None, now: float) -> dict[str, Any]:
    own = state.role_of(seat_id).directorate if seat_id else None
    return {
        "agenda": agenda_view(state, now),
        "motions": [motion_view(state, m, own) for m in state.motions.values()],
        "strategy": strategy_view(state),
        "floor": floor_view(state),
        "injects": news_view(state, kind, seat_id),
        "ten_percent": ten_percent_view(state, kind, own),
        "announcement": {"text": state.announcement[0], "at": state.announcement[1]} if state.announcement else None,
        "quorum": quorum(state),
    }
