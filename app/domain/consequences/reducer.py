"""How advancing time changes the session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .. import events as ev
from ..core.state import SessionState
from .state import Round


def levers_carried(s: SessionState) -> tuple[str, ...]:
    """The levers named by carried strategy motions that still stand, at this meeting and earlier ones."""
    levers = {lever.id for lever in s.scenario.levers}
    named = [m.lever for m in s.motions.values() if m.status == "carried" and m.lever in levers]
    earlier = [d.lever for d in s.carried if d.lever in levers]
    return tuple(dict.fromkeys([*earlier, *named]))


def purposes_voted(s: SessionState) -> tuple[tuple[str, str], ...]:
    """Each pooled fund's purpose: the latest carried strategy motion naming one of its purposes wins."""
    owner = {p.id: f.id for f in s.scenario.funds for p in f.purposes}
    chosen = {owner[d.lever]: d.lever for d in s.carried if d.lever in owner}
    for m in s.motions.values():
        if m.status == "carried" and m.lever in owner:
            chosen[owner[m.lever]] = m.lever
    return tuple(sorted(chosen.items()))


def _time(s: SessionState, e: ev.TimeAdvanced) -> SessionState:
    done = Round(e.months, dict(s.ledger), e.model, levers_carried(s), purposes_voted(s))
    return replace(s, rounds=s.rounds + (done,))


HANDLERS: dict[type, Callable] = {
    ev.TimeAdvanced: _time,
}
