"""How motion and vote events change the session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState
from ..motions.state import Amendment, AmendmentStatus, Ballot, Motion, MotionStatus


def _with_motion(s: SessionState, motion: Motion) -> SessionState:
    """Stores a changed motion under this event's seq as its version."""
    return replace(s, motions={**s.motions, motion.id: replace(motion, version=s.seq + 1)})


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
            lever=e.lever,
        ),
    )


def _amendment(s: SessionState, e: ev.AmendmentProposed) -> SessionState:
    m = s.motions[e.motion_id]
    amendment = Amendment(e.amendment_id, e.seat_id, e.directorate, e.text, e.transfer, e.target, e.at)
    return _with_motion(s, replace(m, amendments=m.amendments + (amendment,)))


def _amendment_decided(s: SessionState, e: ev.AmendmentDecided) -> SessionState:
    m = s.motions[e.motion_id]
    status: AmendmentStatus = "accepted" if e.accepted else "declined"
    amendments = tuple(replace(a, status=status) if a.id == e.amendment_id else a for a in m.amendments)
    m = replace(m, amendments=amendments)
    chosen = next(a for a in amendments if a.id == e.amendment_id)
    if e.accepted:
        m = replace(m, text=chosen.text, transfer=chosen.transfer or m.transfer, target=chosen.target or m.target)
    return _with_motion(s, m)


def _seconded(s: SessionState, e: ev.MotionSeconded) -> SessionState:
    m = s.motions[e.motion_id]
    return _with_motion(s, replace(m, status="voting", seconder=e.seconder, seconded_by=e.directorate))


EndedBy = ev.MotionWithdrawn | ev.MotionRuledOut | ev.MotionVoided


def _status(status: MotionStatus) -> Callable[[SessionState, EndedBy], SessionState]:
    def handler(s: SessionState, e: EndedBy) -> SessionState:
        note = getattr(e, "reason", s.motions[e.motion_id].note)
        return _with_motion(s, replace(s.motions[e.motion_id], status=status, note=note))

    return handler


def _ballot(s: SessionState, e: ev.BallotChanged) -> SessionState:
    return _with_motion(s, replace(s.motions[e.motion_id], secret=e.secret))


def _voted(s: SessionState, e: ev.VoteCast) -> SessionState:
    # A vote leaves the version alone: votes never make anyone's command stale, nor are refused as stale.
    m = s.motions[e.motion_id]
    voted = replace(m, ballots={**m.ballots, e.directorate: Ballot(e.choice, e.seat_id)})
    return replace(s, motions={**s.motions, m.id: voted})


def _closed(s: SessionState, e: ev.VoteClosed) -> SessionState:
    m = s.motions[e.motion_id]
    status: MotionStatus = "carried" if e.carried else "lost"
    result = (e.votes_for, e.votes_against, e.abstentions)
    return _with_motion(s, replace(m, status=status, casting=e.casting, note=e.note, result=result))


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.MotionProposed, _proposed),
        on(ev.AmendmentProposed, _amendment),
        on(ev.AmendmentDecided, _amendment_decided),
        on(ev.MotionSeconded, _seconded),
        on(ev.MotionWithdrawn, _status("withdrawn")),
        on(ev.MotionRuledOut, _status("out_of_order")),
        on(ev.MotionVoided, _status("void")),
        on(ev.BallotChanged, _ballot),
        on(ev.VoteCast, _voted),
        on(ev.VoteClosed, _closed),
    ]
)
