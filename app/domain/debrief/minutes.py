"""The minutes of a session, written from its event log: who attended, what happened when, each motion's
story from proposal to result, the money moved, the news released and the corrections made."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import events as ev
from ..consequences.views import consequences_view
from ..core.money import pounds
from ..core.state import SessionState
from ..core.types import PHASE_LABELS
from ..floor.views import floor_view
from ..motions.state import Motion
from ..motions.views import motion_view, strategy_view
from ..views import role_title
from .minuted_terms import target_terms, transfer_terms

Numbered = Sequence[tuple[int, ev.Event]]


def minutes(state: SessionState, log: Numbered) -> dict[str, Any]:
    """Takes the final state and the numbered log; returns the minutes as plain data (no secret choices)."""
    return {
        "title": state.scenario.title,
        "area": state.scenario.area,
        "code": state.code,
        "created_at": state.created_at,
        "chair": role_title(state, state.chair) if state.chair else "",
        "attendance": _attendance(state),
        "timeline": [entry for _, event in log if (entry := _timeline_entry(state, event))],
        "items": _items(state, log),
        "transfers": [_transfer_entry(state, e) for _, e in log if isinstance(e, ev.BudgetTransferred)],
        "ledger": [
            {"directorate": d.name, "start": d.budget, "end": state.ledger[d.id]} for d in state.scenario.directorates
        ],
        "strategy": strategy_view(state),
        "outcomes": consequences_view(state)["rounds"][-1:],
        "speaking": floor_view(state)["contributions"],
    }


def _attendance(state: SessionState) -> list[dict[str, str]]:
    rows = []
    for seat in sorted(state.seats.values(), key=lambda s: s.joined_at):
        agency = state.agency(seat.agency)
        rows.append(
            {
                "name": seat.name,
                "organisation": agency.name if agency else "Resident",
                "role": role_title(state, seat.id) or "No role",
            }
        )
    return rows


def _name(state: SessionState, directorate: str) -> str:
    d = state.directorate(directorate)
    return d.name if d else directorate


_TIMELINE = (
    ev.PhaseStarted,
    ev.AgendaItemOpened,
    ev.InjectReleased,
    ev.InjectWritten,
    ev.Announced,
    ev.MotionVoided,
    ev.TenPercentRevealed,
)


def private_news(state: SessionState, to: Sequence[str]) -> str:
    """News sent to chosen seats as everyone else may read of it: whose roles it went to, never its title or
    text (those stay with the people it went to, and the full record)."""
    return "Private news to " + ", ".join(sorted({_recipient(state, seat) for seat in to}))


def _recipient(state: SessionState, seat_id: str) -> str:
    role = state.role_of(seat_id)
    if role.directorate:
        return _name(state, role.directorate)
    if role.kind == "chair":
        return state.scenario.chair_title
    return state.scenario.residents_title if role.kind == "panel" else "chosen people"


def _timeline_entry(state: SessionState, e: ev.Event) -> dict[str, Any] | None:
    if not isinstance(e, _TIMELINE):
        return None
    text = None
    if isinstance(e, ev.PhaseStarted):
        text = f"{PHASE_LABELS[e.phase]} began ({e.minutes} minutes planned)."
    elif isinstance(e, ev.AgendaItemOpened):
        item = state.agenda_item(e.item_id)
        text = f"Item opened: {item.title if item else e.item_id}."
    elif isinstance(e, (ev.InjectReleased, ev.InjectWritten)) and e.to:
        text = f"{private_news(state, e.to)}."  # the minutes are everyone's: no title or text of private news
    elif isinstance(e, ev.InjectReleased):
        text = f"News released: {e.title}."
    elif isinstance(e, ev.InjectWritten):
        text = f"News written by the trainer: {e.title}."
    elif isinstance(e, ev.Announced):
        text = f"Announcement: {e.text}"
    elif isinstance(e, ev.MotionVoided):
        text = f"Correction: the decision on motion {e.motion_id[1:]} was set aside. Reason: {e.reason}"
    elif isinstance(e, ev.TenPercentRevealed):
        text = "The answers to the extra 10% question were revealed."
    return {"at": e.at, "text": text} if text else None


def _items(state: SessionState, log: Numbered) -> list[dict[str, Any]]:
    opened = {e.item_id: e.at for _, e in log if isinstance(e, ev.AgendaItemOpened)}
    original = {e.motion_id: e.text for _, e in log if isinstance(e, ev.MotionProposed)}
    rows = []
    for item in state.agenda:
        motions = [_motion_entry(state, m, original[m.id]) for m in state.motions.values() if m.item_id == item.id]
        if item.id in opened or motions:
            rows.append({"title": item.title, "opened_at": opened.get(item.id), "motions": motions})
    return rows


def _motion_entry(state: SessionState, motion: Motion, original_text: str) -> dict[str, Any]:
    view = motion_view(state, motion, own=None)
    results = {
        "carried": "Carried",
        "lost": "Lost",
        "withdrawn": "Withdrawn",
        "out_of_order": "Ruled out of order",
        "void": "Decision set aside by a correction",
        "proposed": "Not seconded",
        "voting": "Vote not closed",
    }
    return view | {
        "number": motion.id[1:],
        "result": results[motion.status],
        "original_text": original_text,
        "terms": transfer_terms(state, motion.transfer) + target_terms(state, motion.target),
        "proposer_directorate": _name(state, motion.directorate),
        "seconder_directorate": _name(state, motion.seconded_by) if motion.seconded_by else "",
        "ballots": {} if motion.secret else {_name(state, d): c for d, c in view["ballots"].items()},
    }


def _transfer_entry(state: SessionState, e: ev.BudgetTransferred) -> dict[str, Any]:
    what = "returned by a correction" if e.correction else "moved"
    return {
        "motion": e.motion_id[1:],
        "text": f"{pounds(e.amount)} {what} from {_name(state, e.source)} to {_name(state, e.target)}.",
    }
