"""How board-meeting events change the state. Like the rest of the reducer, nothing here validates."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from . import events as ev
from .meeting_state import (
    Amendment,
    Ballot,
    Motion,
    Release,
    TenPercentAnswer,
    WrittenInject,
)
from .state import Clock, SessionState


def _released(s: SessionState, e: ev.InjectReleased) -> SessionState:
    return replace(s, released={**s.released, e.document: Release(e.at, e.to)})


def _written(s: SessionState, e: ev.InjectWritten) -> SessionState:
    return replace(s, written={**s.written, e.inject_id: WrittenInject(e.inject_id, e.title, e.text, e.to, e.at)})


def _announced(s: SessionState, e: ev.Announced) -> SessionState:
    return replace(s, announcement=(e.text, e.at))


# --- the agenda -----------------------------------------------------------------------


def _opened(s: SessionState, e: ev.AgendaItemOpened) -> SessionState:
    item = s.agenda_item(e.item_id)
    clock = Clock("board", item.minutes if item else 0, e.at, paused_at=s.clock.paused_at and e.at)
    return replace(s, current_item=e.item_id, item_clock=clock)


def _without(s: SessionState, item_id: str) -> list[ev.AgendaFacts]:
    return [item for item in s.agenda if item.id != item_id]


def _added(s: SessionState, e: ev.AgendaItemAdded) -> SessionState:
    items = _without(s, e.item.id)
    items.insert(e.position, e.item)
    return replace(s, agenda=tuple(items))


def _edited(s: SessionState, e: ev.AgendaItemEdited) -> SessionState:
    agenda = tuple(e.item if item.id == e.item.id else item for item in s.agenda)
    clock = s.item_clock
    if clock is not None and s.current_item == e.item.id:
        clock = replace(clock, minutes=e.item.minutes)
    return replace(s, agenda=agenda, item_clock=clock)


def _moved(s: SessionState, e: ev.AgendaItemMoved) -> SessionState:
    item = s.agenda_item(e.item_id)
    items = _without(s, e.item_id)
    items.insert(e.position, item)
    return replace(s, agenda=tuple(items))


# --- motions ----------------------------------------------------------------------------


def _with_motion(s: SessionState, motion: Motion) -> SessionState:
    return replace(s, motions={**s.motions, motion.id: motion})


def _proposed(s: SessionState, e: ev.MotionProposed) -> SessionState:
    kind = e.kind or ("transfer" if e.transfer else "free")
    return _with_motion(
        s,
        Motion(
            e.motion_id,
            e.item_id,
            e.text,
            e.proposer,
            e.directorate,
            e.transfer,
            e.at,
            kind=kind,
            term=e.term,
            target=e.target,
            secret=e.secret,
        ),
    )


def _amendment(s: SessionState, e: ev.AmendmentProposed) -> SessionState:
    m = s.motions[e.motion_id]
    amendment = Amendment(e.amendment_id, e.seat_id, e.directorate, e.text, e.transfer, e.target, e.at)
    return _with_motion(s, replace(m, amendments=m.amendments + (amendment,)))


def _amendment_decided(s: SessionState, e: ev.AmendmentDecided) -> SessionState:
    m = s.motions[e.motion_id]
    status = "accepted" if e.accepted else "declined"
    amendments = tuple(replace(a, status=status) if a.id == e.amendment_id else a for a in m.amendments)
    m = replace(m, amendments=amendments)
    chosen = next(a for a in amendments if a.id == e.amendment_id)
    if e.accepted:
        m = replace(m, text=chosen.text, transfer=chosen.transfer or m.transfer, target=chosen.target or m.target)
    return _with_motion(s, m)


def _seconded(s: SessionState, e: ev.MotionSeconded) -> SessionState:
    m = s.motions[e.motion_id]
    return _with_motion(s, replace(m, status="voting", seconder=e.seconder, seconded_by=e.directorate))


def _status(status: str) -> Callable[[SessionState, ev.Event], SessionState]:
    def handler(s: SessionState, e) -> SessionState:
        note = getattr(e, "reason", s.motions[e.motion_id].note)
        return _with_motion(s, replace(s.motions[e.motion_id], status=status, note=note))

    return handler


def _ballot(s: SessionState, e: ev.BallotChanged) -> SessionState:
    return _with_motion(s, replace(s.motions[e.motion_id], secret=e.secret))


def _voted(s: SessionState, e: ev.VoteCast) -> SessionState:
    m = s.motions[e.motion_id]
    return _with_motion(s, replace(m, ballots={**m.ballots, e.directorate: Ballot(e.choice, e.seat_id)}))


def _closed(s: SessionState, e: ev.VoteClosed) -> SessionState:
    m = s.motions[e.motion_id]
    status = "carried" if e.carried else "lost"
    return _with_motion(s, replace(m, status=status, casting=e.casting, note=e.note))


def _transferred(s: SessionState, e: ev.BudgetTransferred) -> SessionState:
    ledger = dict(s.ledger)
    ledger[e.source] = ledger.get(e.source, 0) - e.amount
    ledger[e.target] = ledger.get(e.target, 0) + e.amount
    motion = s.motions.get(e.motion_id)
    state = replace(s, ledger=ledger)
    return _with_motion(state, replace(motion, moved_money=not e.correction)) if motion else state


# --- the floor and the 10% round ---------------------------------------------------------------


def _hand_raised(s: SessionState, e: ev.HandRaised) -> SessionState:
    return replace(s, floor=replace(s.floor, queue=s.floor.queue + (e.seat_id,)))


def _hand_lowered(s: SessionState, e: ev.HandLowered) -> SessionState:
    return replace(s, floor=replace(s.floor, queue=tuple(x for x in s.floor.queue if x != e.seat_id)))


def _called(s: SessionState, e: ev.SpeakerCalled) -> SessionState:
    f = s.floor
    counts = {**f.contributions, e.seat_id: f.contributions.get(e.seat_id, 0) + 1}
    queue = tuple(x for x in f.queue if x != e.seat_id)
    return replace(s, floor=replace(f, queue=queue, speaking=e.seat_id, contributions=counts))


def _finished(s: SessionState, e: ev.SpeakerFinished) -> SessionState:
    return replace(s, floor=replace(s.floor, speaking=None))


def _seat_moved(s: SessionState, e: ev.SeatMoved) -> SessionState:
    target = s.assignments[e.pair_id]
    taken = target.director if e.position == "director" else target.assistant
    old_pair = s.pair_of(e.seat_id)
    old = s.assignments.get(old_pair) if old_pair else None
    assignments = dict(s.assignments)
    pairs = {p: tuple(x for x in seats if x != e.seat_id) for p, seats in s.pairs.items()}
    if old is not None:  # whoever is displaced takes the mover's old place
        slot = "director" if old.director == e.seat_id else "assistant"
        assignments[old_pair] = replace(old, **{slot: taken})
    assignments[e.pair_id] = replace(assignments[e.pair_id], **{e.position: e.seat_id})
    for pair_id in {old_pair, e.pair_id} - {None}:
        held = _promote(assignments[pair_id])
        assignments[pair_id] = held
        pairs[pair_id] = tuple(x for x in (held.director, held.assistant) if x)
    kept = {p: a for p, a in assignments.items() if a.director}
    return replace(s, assignments=kept, pairs={p: m for p, m in pairs.items() if m})


def _promote(a: ev.Assignment) -> ev.Assignment:
    """A pair left without a director is led by its assistant."""
    return replace(a, director=a.assistant, assistant=None) if a.director is None else a


def _ten_open(s: SessionState, e: ev.TenPercentOpened) -> SessionState:
    return replace(s, ten_percent=replace(s.ten_percent, status="open", answers={}))


def _ten_answer(s: SessionState, e: ev.TenPercentAnswered) -> SessionState:
    t = s.ten_percent
    answer = TenPercentAnswer(e.recipient, e.reason, e.seat_id)
    return replace(s, ten_percent=replace(t, answers={**t.answers, e.directorate: answer}))


def _ten_reveal(s: SessionState, e: ev.TenPercentRevealed) -> SessionState:
    return replace(s, ten_percent=replace(s.ten_percent, status="revealed"))


def _time(s: SessionState, e: ev.TimeAdvanced) -> SessionState:
    return replace(s, rounds=s.rounds + ((e.months, dict(s.ledger)),))


def _reflected(s: SessionState, e: ev.ReflectionGiven) -> SessionState:
    return replace(s, reflections={**s.reflections, e.seat_id: (dict(e.ratings), e.comment)})


MEETING_HANDLERS: dict[type, Callable] = {
    ev.ReflectionGiven: _reflected,
    ev.TimeAdvanced: _time,
    ev.InjectReleased: _released,
    ev.InjectWritten: _written,
    ev.Announced: _announced,
    ev.AgendaItemOpened: _opened,
    ev.AgendaItemAdded: _added,
    ev.AgendaItemEdited: _edited,
    ev.AgendaItemMoved: _moved,
    ev.MotionProposed: _proposed,
    ev.AmendmentProposed: _amendment,
    ev.AmendmentDecided: _amendment_decided,
    ev.MotionSeconded: _seconded,
    ev.MotionWithdrawn: _status("withdrawn"),
    ev.MotionRuledOut: _status("out_of_order"),
    ev.MotionVoided: _status("void"),
    ev.BallotChanged: _ballot,
    ev.VoteCast: _voted,
    ev.VoteClosed: _closed,
    ev.BudgetTransferred: _transferred,
    ev.HandRaised: _hand_raised,
    ev.HandLowered: _hand_lowered,
    ev.SpeakerCalled: _called,
    ev.SpeakerFinished: _finished,
    ev.SeatMoved: _seat_moved,
    ev.TenPercentOpened: _ten_open,
    ev.TenPercentAnswered: _ten_answer,
    ev.TenPercentRevealed: _ten_reveal,
}
