"""Exported costs as the board's decisions leave them: grown by problems nobody acted on, cut by prevention
at their source (bought with money received there, with a lag and diminishing returns, and never beyond the
preventable share), grown at once by cuts to the source's own service, and cut by the levers carried."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..core.event_base import PreventionFacts, ScenarioFacts
from .state import Stocks


@dataclass(frozen=True)
class Decisions:
    """What the board has decided, as it stands when time moves on."""

    ledger: dict[str, int]  # directorates and pooled funds
    levers: frozenset[str] = frozenset()
    purposes: tuple[tuple[str, str], ...] = ()  # (fund, purpose) voted
    received: dict[str, int] | None = None  # money each holder received by transfer; None: its rise on the start


@dataclass(frozen=True)
class Flow:
    source: str
    target: str
    baseline: float  # a year, as the pack says
    amount: float  # a year, now
    because: str
    prevented: float  # a year, removed by money at the source
    levered: float  # a year, removed by levers
    drifted: float  # a year, added by growth nobody acted on (or by a cut at the source)


def exports(scenario: ScenarioFacts, source: str) -> float:
    return float(sum(x.annual_cost for x in scenario.exported_costs if x.source == source))


def prevention(scenario: ScenarioFacts, source: str) -> PreventionFacts:
    return next((p for p in scenario.prevention if p.source == source), PreventionFacts(source))


def gap(scenario: ScenarioFacts, source: str) -> float:
    """The money a year that would, once it has taken hold, remove all of a source's preventable exports."""
    p = prevention(scenario, source)
    return exports(scenario, source) * p.preventable / p.ret if p.ret > 0 else 0.0


def funding(scenario: ScenarioFacts, decisions: Decisions) -> tuple[dict[str, float], dict[str, float]]:
    """Money for prevention at each source, and the share of its own service cut. Money a source received by
    transfer (as far as it still holds it) and pooled money voted to it pays for prevention; money it gave away
    comes out of its own service, and a cut service exports more."""
    budgets = {d.id: d.budget for d in scenario.directorates}
    received = decisions.received if decisions.received is not None else {}
    money, cut = {}, {}
    for s in {x.source for x in scenario.exported_costs}:
        held = decisions.ledger.get(s, 0)
        given = received.get(s, max(0, held - budgets[s]))
        money[s] = float(min(given, max(0, held)))
        service = held - budgets[s] - money[s]
        cut[s] = min(1.0, max(0.0, -service / budgets[s])) if budgets[s] else 0.0
    purposes = {p.id: p for f in scenario.funds for p in f.purposes}
    for fund, purpose in decisions.purposes:
        chosen = purposes.get(purpose)
        if chosen is not None and chosen.source in money:
            money[chosen.source] += max(0, decisions.ledger.get(fund, 0))
    return money, cut


def _approach(now: float, towards: float, years: float, lag: float) -> float:
    if lag <= 0:
        return towards
    return now + (towards - now) * (1 - math.exp(-years / lag))


def prevention_stocks(
    scenario: ScenarioFacts, stocks: Stocks, money: dict[str, float], years: float
) -> dict[str, float]:
    found = {}
    for source, amount in money.items():
        size = gap(scenario, source)
        funded = min(1.0, amount / size) if size > 0 else 0.0
        now = stocks.prevention.get(source, 0.0)
        # Prevention is built slowly and lost at once: money taken back stops it in the round it goes.
        found[source] = funded if funded <= now else _approach(now, funded, years, prevention(scenario, source).lag)
    return found


def lever_stocks(scenario: ScenarioFacts, stocks: Stocks, decisions: Decisions, years: float) -> dict[str, float]:
    return {
        lever.id: _approach(stocks.levers.get(lever.id, 0.0), 1.0, years, lever.lag)
        for lever in scenario.levers
        if lever.id in decisions.levers or stocks.levers.get(lever.id, 0.0) > 0
    }


def flows(
    scenario: ScenarioFacts, made: dict[str, float], cut: dict[str, float], levered: dict[str, float], years: float
) -> tuple[Flow, ...]:
    grown = 1 + scenario.drift * years
    found = []
    for link in scenario.exported_costs:
        u = made.get(link.source, 0.0)
        kept = 1 - prevention(scenario, link.source).preventable * (1 - (1 - u) ** 2)  # diminishing returns
        worse = 1 + cut.get(link.source, 0.0)  # a cut service exports more, at once
        key = f"{link.source}>{link.target}"
        lever_kept = 1.0
        for lever in scenario.levers:
            if lever.id in levered and (not lever.links or key in lever.links):
                lever_kept *= 1 - lever.cuts * levered[lever.id]
        base = float(link.annual_cost)
        amount = base * grown * worse * kept * lever_kept
        prevented = base * grown * worse * (1 - kept)
        drifted = base * (grown * worse - 1)
        levered_off = base * grown * worse * kept * (1 - lever_kept)
        found.append(Flow(link.source, link.target, base, amount, link.because, prevented, levered_off, drifted))
    return tuple(found)
