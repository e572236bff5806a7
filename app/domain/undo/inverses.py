"""For each reversible correction, the events that reverse it, worked out from the state just before it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import events as ev
from ..core.state import SessionState

Reversal = tuple[str, str, tuple[ev.Event, ...]]  # kind, in words, compensating events


def seating_as_it_was(s: SessionState) -> ev.SeatingRestored:
    return ev.SeatingRestored(
        tuple(ev.PairSpec(p, m) for p, m in s.pairs.items()),
        tuple(s.assignments.values()),
        tuple(sorted(s.observers)),
    )


def _name(s: SessionState, seat_id: str) -> str:
    seat = s.seats.get(seat_id)
    return seat.name if seat else "someone"


def _seat_moved(s: SessionState, e: ev.SeatMoved) -> Reversal:
    held = s.assignments.get(e.pair_id)
    where = s.facts_of(held.directorate).name if held else e.pair_id
    return "seating", f"moving {_name(s, e.seat_id)} into {where}", (seating_as_it_was(s),)


def _third(s: SessionState, e: ev.ThirdMemberSeated) -> Reversal:
    return "seating", f"seating {_name(s, e.seat_id)} as a third member", (seating_as_it_was(s),)


def _observer(s: SessionState, e: ev.ObserverSeated) -> Reversal:
    return "seating", f"making {_name(s, e.seat_id)} an observer", (seating_as_it_was(s),)


def _swapped(s: SessionState, e: ev.PairsSwapped) -> Reversal:
    return "seating", f"swapping pairs {e.first} and {e.second}", (seating_as_it_was(s),)


def _item_added(s: SessionState, e: ev.AgendaItemAdded) -> Reversal:
    return "agenda", f"adding “{e.item.title}” to the agenda", (ev.AgendaItemRemoved(e.item.id),)


def _item_edited(s: SessionState, e: ev.AgendaItemEdited) -> Reversal | None:
    old = s.agenda_item(e.item.id)
    return None if old is None else ("agenda", f"editing “{old.title}”", (ev.AgendaItemEdited(old),))


def _item_moved(s: SessionState, e: ev.AgendaItemMoved) -> Reversal | None:
    ids = [item.id for item in s.agenda]
    if e.item_id not in ids:
        return None
    title = s.agenda[ids.index(e.item_id)].title
    return "agenda", f"moving “{title}”", (ev.AgendaItemMoved(e.item_id, ids.index(e.item_id)),)


def _released(s: SessionState, e: ev.InjectReleased) -> Reversal:
    return "news", f"releasing “{e.title}”", (ev.NewsWithdrawn(e.inject_id, e.document, written=False),)


def _written(s: SessionState, e: ev.InjectWritten) -> Reversal:
    return "news", f"sending “{e.title}”", (ev.NewsWithdrawn(e.inject_id, e.inject_id, written=True),)


def _voided(s: SessionState, e: ev.MotionVoided) -> Reversal | None:
    motion = s.motions.get(e.motion_id)
    if motion is None:
        return None
    undo: list[ev.Event] = [ev.MotionRestored(motion.id, motion.status, motion.note)]
    t = motion.transfer
    if motion.moved_money and t:  # the void sent the money back, so restoring the decision moves it again
        undo.append(ev.BudgetTransferred(motion.id, t.source, t.target, t.amount))
    return "vote", f"voiding motion {motion.id}", tuple(undo)


REVERSALS: dict[type[ev.Event], Callable[[SessionState, Any], Reversal | None]] = {
    ev.SeatMoved: _seat_moved,
    ev.ThirdMemberSeated: _third,
    ev.ObserverSeated: _observer,
    ev.PairsSwapped: _swapped,
    ev.AgendaItemAdded: _item_added,
    ev.AgendaItemEdited: _item_edited,
    ev.AgendaItemMoved: _item_moved,
    ev.InjectReleased: _released,
    ev.InjectWritten: _written,
    ev.MotionVoided: _voided,
}

# After these, an earlier seating correction no longer describes the room: it can no longer be undone.
ENDS_SEATING_UNDO = (ev.RolesShuffled, ev.PairsSet, ev.SeatRemoved, ev.ChairChosen, ev.FollowUpStarted)


def reversal(before: SessionState, event: ev.Event) -> Reversal | None:
    found = REVERSALS.get(type(event))
    return found(before, event) if found else None
