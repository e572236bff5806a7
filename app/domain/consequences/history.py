"""Each round a session has played, worked out by the model version recorded with it, and what doing nothing
would have given: the same rounds from the same start with no new decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import model, model_v1
from .model import Decisions
from .state import Round, Stocks

if TYPE_CHECKING:
    from ..core.event_base import ScenarioFacts
    from ..core.state import SessionState

Result = model.RoundResult | model_v1.RoundResult


def _decisions(r: Round) -> Decisions:
    return Decisions(dict(r.ledger), frozenset(r.levers), r.purposes, r.received)


# A round's result depends only on the pack, the stocks before it and what was decided, so each is worked out
# once: a session's rounds only grow, and every vote or speaker would otherwise redo them all.
_memo: dict[tuple[str, int], tuple[Round, object, Stocks, model.RoundResult]] = {}


def _run(
    scenario: ScenarioFacts, rounds: list[Round], start: Stocks, kind: str, decided: Decisions | None = None
) -> list[model.RoundResult]:
    results, stocks = [], start
    for r in rounds:
        key = (kind, id(r))
        hit = _memo.get(key)
        if hit is not None and hit[0] is r and hit[1] is scenario and hit[2] == stocks:
            result = hit[3]
        else:
            result = model.advance(scenario, stocks, decided or _decisions(r), r.months)
            if len(_memo) > 10_000:
                _memo.clear()
            _memo[key] = (r, scenario, stocks, result)
        results.append(result)
        stocks = result.stocks
    return results


def played(state: SessionState) -> list[Result]:
    """Rounds recorded before version 2 replay with the first model; later rounds run on from them."""
    old = [r for r in state.rounds if r.model < 2]
    results: list[Result] = []
    if old:
        results.extend(model_v1.run(state.scenario, tuple((r.months, r.ledger) for r in old)))
    new = [r for r in state.rounds if r.model >= 2]
    if new:
        start = state.carried_stocks or Stocks(months=sum(r.months for r in old))
        results += _run(state.scenario, new, start, "played")
    return results


def opening(state: SessionState) -> Decisions:
    """The decisions standing when this meeting opened: the pack's budgets, or what a follow-up carried."""
    ledger = state.opening_ledger or {d.id: d.budget for d in state.scenario.directorates}
    levers = frozenset(d.lever for d in state.carried if d.lever in {v.id for v in state.scenario.levers})
    owner = {p.id: f.id for f in state.scenario.funds for p in f.purposes}
    purposes = tuple(sorted({owner[d.lever]: d.lever for d in state.carried if d.lever in owner}.items()))
    budgets = {d.id: d.budget for d in state.scenario.directorates}
    received = {k: max(0, v - budgets.get(k, 0)) for k, v in ledger.items()}
    return Decisions(dict(ledger), levers, purposes, received)


def had_nothing_been_done(state: SessionState) -> list[model.RoundResult]:
    """The version 2 rounds again, with the decisions that stood when the meeting opened."""
    new = [r for r in state.rounds if r.model >= 2]
    old_months = sum(r.months for r in state.rounds if r.model < 2)
    start = state.carried_stocks or Stocks(months=old_months)
    return _run(state.scenario, new, start, "nothing", opening(state))


def latest_stocks(state: SessionState) -> Stocks | None:
    """Where the model has left the neighbourhood, for a follow-up meeting to start from."""
    results = played(state)
    if results and isinstance(results[-1], model.RoundResult):
        return results[-1].stocks
    return state.carried_stocks
