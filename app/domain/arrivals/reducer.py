"""How late arrivals change the session: a pair gains a member, or the room an observer."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState


def _third(s: SessionState, e: ev.ThirdMemberSeated) -> SessionState:
    pairs = {**s.pairs, e.pair_id: (*s.pairs.get(e.pair_id, ()), e.seat_id)}
    return replace(s, pairs=pairs, observers=s.observers - {e.seat_id})


def _observer(s: SessionState, e: ev.ObserverSeated) -> SessionState:
    return replace(s, observers=s.observers | {e.seat_id})


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.ThirdMemberSeated, _third),
        on(ev.ObserverSeated, _observer),
    ]
)
