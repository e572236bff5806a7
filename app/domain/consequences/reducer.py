"""How advancing time changes the session."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
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


def received(s: SessionState) -> dict[str, int]:
    """Money each directorate or fund has received by transfers still standing: at this meeting, and (for a
    follow-up) its rise on the pack's budget when the meeting opened."""
    budgets = {d.id: d.budget for d in s.scenario.directorates}
    found = {k: max(0, v - budgets.get(k, 0)) for k, v in (s.opening_ledger or {}).items()}
    for m in s.motions.values():
        if m.status == "carried" and m.moved_money and m.transfer:
            found[m.transfer.target] = found.get(m.transfer.target, 0) + m.transfer.amount
    return found


def _time(s: SessionState, e: ev.TimeAdvanced) -> SessionState:
    done = Round(e.months, dict(s.ledger), e.model, levers_carried(s), purposes_voted(s), received(s))
    return replace(s, rounds=s.rounds + (done,))


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.TimeAdvanced, _time),
    ]
)
