"""The consequences as every viewer sees them: each round's dividend, indicators, and the costs each
directorate exported and imported, with their causes in words."""

from __future__ import annotations

from typing import Any

from ..core.money import pounds
from ..core.state import SessionState
from . import model
from .explain import explain
from .history import Result, had_nothing_been_done, played
from .reducer import purposes_voted


def _label(months: int) -> str:
    years, rest = divmod(months, 12)
    if rest == 0:
        return f"After {years} year{'s' if years != 1 else ''}"
    return f"After {months} months"


def _board_targets(state: SessionState) -> dict[str, float]:
    """The value the board agreed for each indicator: targets carried at earlier meetings, then this one's (the
    latest carried target motion wins)."""
    earlier = {
        d.indicator: d.value for d in state.carried if d.kind == "target" and d.indicator and d.value is not None
    }
    return earlier | {
        m.target.indicator: m.target.value
        for m in state.motions.values()
        if m.status == "carried" and m.kind == "target" and m.target
    }


def _indicator_rows(state: SessionState, result: Result) -> list[dict[str, Any]]:
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


def _directorate_rows(state: SessionState, result: Result) -> list[dict[str, Any]]:
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
            if round(f.amount)
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


def fund_rows(state: SessionState) -> list[dict[str, Any]]:
    """Each pooled fund: what it holds and the purpose the board has voted it (money without one does nothing)."""
    voted = dict(purposes_voted(state))
    rows = []
    for f in state.scenario.funds:
        purpose = next((p for p in f.purposes if p.id == voted.get(f.id)), None)
        rows.append(
            {
                "id": f.id,
                "name": f.name,
                "balance": state.ledger.get(f.id, 0),
                "purpose": purpose.name if purpose else None,
                "purposes": [{"id": p.id, "name": p.name, "source": p.source} for p in f.purposes],
            }
        )
    return rows


_last: tuple[tuple[Any, ...], dict[str, Any]] | None = None


def consequences_inputs(state: SessionState) -> tuple[Any, ...]:
    """Everything in the state the consequences are worked out from: a vote, a speaker or a join leaves these the
    same (the board's targets change only when a target motion is carried or voided)."""
    targets = tuple(_board_targets(state).items())
    return (state.scenario, state.rounds, state.carried, state.carried_stocks, state.opening_ledger, targets)


def _same_inputs(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return all(x is y or x == y for x, y in zip(a, b, strict=True))


def consequences_view(state: SessionState) -> dict[str, Any]:
    """The same for every viewer, and the same object until what it is worked out from changes: worked out once
    when one update goes to forty screens, and not at all when a vote leaves the rounds as they were."""
    global _last
    inputs = consequences_inputs(state)
    if _last is not None and _same_inputs(_last[0], inputs):
        return _last[1]
    view = _consequences(state)
    _last = (inputs, view)
    return view


def _consequences(state: SessionState) -> dict[str, Any]:
    results = played(state)
    nothing = iter(had_nothing_been_done(state))
    rounds, before, opening = [], _opening_dividend(state), _opening_dividend(state)
    for r, recorded in zip(results, state.rounds, strict=True):
        row = {
            "months": r.months,
            "label": _label(r.months),
            "model": recorded.model,
            "dividend": round(r.dividend, 2),
            "indicators": _indicator_rows(state, r),
            "directorates": _directorate_rows(state, r),
            "explanation": [],
            "had_nothing_been_done": None,
        }
        if isinstance(r, model.RoundResult):
            row["explanation"] = _changed_model(before, opening) + _explained(state, r, opening)
            row["had_nothing_been_done"] = round(next(nothing).dividend, 2)
            opening = r.dividend
        rounds.append(row)
        before = r.dividend
    return {"start": round(_opening_dividend(state), 2), "rounds": rounds}


_lines: dict[int, tuple[object, float, list[str]]] = {}


def _explained(state: SessionState, result: model.RoundResult, before: float) -> list[str]:
    """A round's lines, worked out once: its result is kept (history's memo), and so are its words."""
    hit = _lines.get(id(result))
    if hit is not None and hit[0] is result and hit[1] == before:
        return list(hit[2])
    lines = explain(state.scenario, result, before)
    if len(_lines) > 10_000:
        _lines.clear()
    _lines[id(result)] = (result, before, lines)
    return lines


def _changed_model(before: float, opening: float) -> list[str]:
    """In a session recorded before version 2, the first new round starts the second model afresh: one line says
    so, so that the lines still add up to the change shown."""
    jump = round(round(opening, 2) - round(before, 2), 2)
    if jump == 0:
        return []
    words = (
        f"{'+' if jump > 0 else '-'}{abs(jump):.2f}: from this round on, a newer version of the consequences model "
        "works out the figures; the rounds before it were worked out by the first version, which counted differently."
    )
    return [words]


def _opening_dividend(state: SessionState) -> float:
    """100 at a first meeting; where the last meeting left it at a follow-up."""
    stocks = state.carried_stocks
    if stocks is None:
        return 100.0
    w = model.weights(state.scenario)
    return 100 + model.SWING * sum(w[i] * stocks.levels.get(i, 0.0) for i in w)
