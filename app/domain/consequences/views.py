"""The consequences as every viewer sees them: each round's dividend, indicators, and the costs each
directorate exported and imported, with their causes in words."""

from __future__ import annotations

import weakref
from typing import Any

from ..consequences.model import RoundResult, run
from ..core.money import pounds
from ..core.state import SessionState


def _label(months: int) -> str:
    years, rest = divmod(months, 12)
    if rest == 0:
        return f"After {years} year{'s' if years != 1 else ''}"
    return f"After {months} months"


def _board_targets(state: SessionState) -> dict[str, float]:
    """The value the board agreed for each indicator (the latest carried target motion wins)."""
    return {
        m.target.indicator: m.target.value
        for m in state.motions.values()
        if m.status == "carried" and m.kind == "target" and m.target
    }


def _indicator_rows(state: SessionState, result: RoundResult) -> list[dict[str, Any]]:
    targets = {i.id: i.target for i in state.scenario.indicators if i.target is not None} | _board_targets(state)
    rows = []
    for v in result.indicators:
        target = targets.get(v.id)
        span = (target - v.baseline) if target is not None else 0
        progress = round(100 * (v.value - v.baseline) / span) if span else None
        rows.append(
            {
                "id": v.id,
                "name": v.name,
                "unit": v.unit,
                "better": v.better,
                "owner": v.owner,
                "baseline": v.baseline,
                "value": round(v.value, 2),
                "target": target,
                "progress": progress,
            }
        )
    return rows


def _directorate_rows(state: SessionState, result: RoundResult) -> list[dict[str, Any]]:
    names = {d.id: d.name for d in state.scenario.directorates}
    rows = []
    for d in state.scenario.directorates:
        incoming = [f for f in result.flows if f.target == d.id]
        outgoing = [f for f in result.flows if f.source == d.id]
        causes = [
            {
                "source": f.source,
                "amount": round(f.amount),
                "because": f.because,
                "text": f"{d.name}: {pounds(round(f.amount))} a year of extra demand exported by the shortfall "
                f"in {names[f.source]} ({f.because.rstrip('.')}).",
            }
            for f in incoming
        ]
        rows.append(
            {
                "id": d.id,
                "name": d.name,
                "balance": result.ledger[d.id],
                "imported": round(result.imported[d.id]),
                "exported": round(sum(f.amount for f in outgoing)),
                "effective": round(result.effective[d.id]),
                "causes": causes,
            }
        )
    return rows


_last: tuple[weakref.ref, dict[str, Any]] | None = None


def consequences_view(state: SessionState) -> dict[str, Any]:
    """The same for every viewer, so when one update goes to forty screens it is worked out once."""
    global _last
    if _last is not None and _last[0]() is state:
        return _last[1]
    view = _consequences(state)
    _last = (weakref.ref(state), view)
    return view


def _consequences(state: SessionState) -> dict[str, Any]:
    results = run(state.scenario, state.rounds)
    return {
        "rounds": [
            {
                "months": r.months,
                "label": _label(r.months),
                "dividend": round(r.dividend, 2),
                "indicators": _indicator_rows(state, r),
                "directorates": _directorate_rows(state, r),
            }
            for r in results
        ]
    }
