"""The consequences model, version 2: what a year (or a quarter) of the board's decisions does to residents.

Small on purpose, so a trainer can explain every figure (docs/consequences-model.md has the maths):

- Each exported cost grows a little every year nobody acts on it (`drift`).
- Money at its source removes part of it: at most the `preventable` share the pack declares, with
  diminishing returns, and only as the prevention takes hold (about `lag` years). A cut bites at once.
- Levers that cost no money (shared data, one front door) remove a declared share of the costs between
  services, once they take hold.
- Each indicator is a level between its worst and best plausible values. It heads for a level set by its
  owner's effective spending (budget less imported costs) against the start, and gets there with its
  half-life. Cuts bite harder than gains help, and gains saturate. Indicators nobody owns follow the
  total of the costs that fall between services.
- The dividend is 100 plus a quarter of the heading-weighted mean level, times 100: between 75 and 125.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.event_base import IndicatorFacts, ScenarioFacts
from .flows import Decisions, Flow, exports, flows, funding, gap, lever_stocks, prevention, prevention_stocks
from .state import Stocks

__all__ = ["Decisions", "Flow", "advance", "exports", "gap", "plausible", "prevention", "run", "weights"]

VERSION = 2  # recorded in each TimeAdvanced event; version 1 (model_v1.py) replays sessions recorded before it
PERIOD_MONTHS = {"quarter": 3, "year": 12}

UP = 0.3  # the most that more money can do for an indicator, as a share of the way to its best plausible value
LOSS = 2.0  # a cut of a tenth moves an indicator a fifth of the way to its worst plausible value
FALL = 4.0  # an indicator falls four times as fast as it improves: a cut service fails faster than money repairs it
SWING = 25.0  # the dividend's distance from 100 when every indicator is at its best (or worst) plausible value


@dataclass(frozen=True)
class IndicatorValue:
    id: str
    name: str
    unit: str
    better: str
    owner: str | None
    baseline: float
    value: float
    level: float  # -1 worst plausible, 0 where it started, +1 best plausible
    heading: str = ""


@dataclass(frozen=True)
class RoundResult:
    months: int
    ledger: dict[str, int]
    flows: tuple[Flow, ...]
    imported: dict[str, float]
    effective: dict[str, float]
    indicators: tuple[IndicatorValue, ...]
    dividend: float
    stocks: Stocks
    pulls: dict[str, float]  # each indicator's target level this round
    parts: dict[str, float]  # the dividend's change this round, by indicator


def pull(change: float) -> float:
    """The level an indicator heads for when its owner's effective spending changes by the share `change`."""
    if change >= 0:
        return UP * (1 - math.exp(-change / UP))
    return max(-1.0, LOSS * change)


def weights(scenario: ScenarioFacts) -> dict[str, float]:
    """Each heading counts by the pack's weight for it (1 unless it says), shared among its indicators."""
    headings: dict[str, list[str]] = {}
    for ind in scenario.indicators:
        headings.setdefault(ind.heading, []).append(ind.id)
    given = dict(scenario.heading_weights)
    total = sum(given.get(h, 1.0) for h in headings) or 1.0
    return {i: given.get(h, 1.0) / total / len(ids) for h, ids in headings.items() for i in ids}


def plausible(ind: IndicatorFacts) -> tuple[float, float]:
    """The pack's plausible range; sessions recorded before ranges existed get half the baseline either side."""
    if ind.low is not None and ind.high is not None:
        return ind.low, ind.high
    return max(0.0, ind.baseline * 0.5), ind.baseline * 1.5


def shown_value(ind: IndicatorFacts, level: float) -> float:
    """Where a level sits between the indicator's start and its best (level > 0) or worst plausible value."""
    low, high = plausible(ind)
    best, worst = (high, low) if ind.better == "higher" else (low, high)
    end = best if level >= 0 else worst
    return ind.baseline + abs(level) * (end - ind.baseline)


def _value(ind: IndicatorFacts, level: float) -> IndicatorValue:
    return IndicatorValue(
        ind.id, ind.name, ind.unit, ind.better, ind.owner, ind.baseline, shown_value(ind, level), level, ind.heading
    )


def _changes(scenario: ScenarioFacts, effective: dict[str, float], total_exports: float) -> dict[str, float]:
    """Each directorate's effective spending against the start, as a share of its budget; '' for the board's
    shared indicators: the share by which the costs between services have fallen."""
    start = {d.id: float(d.budget) for d in scenario.directorates}
    for link in scenario.exported_costs:
        start[link.target] -= link.annual_cost
    budgets = {d.id: d.budget for d in scenario.directorates}
    found = {d: (effective[d] - start[d]) / budgets[d] if budgets[d] else 0.0 for d in effective}
    base_total = sum(x.annual_cost for x in scenario.exported_costs)
    found[""] = (base_total - total_exports) / base_total if base_total else 0.0
    return found


def advance(scenario: ScenarioFacts, stocks: Stocks, decisions: Decisions, months: int) -> RoundResult:
    """Takes the stocks after the last round, the board's decisions now and the months this round lasts."""
    years = months / 12
    elapsed = stocks.months + months
    money, cut = funding(scenario, decisions)
    made = prevention_stocks(scenario, stocks, money, years)
    levered = lever_stocks(scenario, stocks, decisions, years)
    found = flows(scenario, made, cut, levered, elapsed / 12)
    directorates = [d.id for d in scenario.directorates]
    imported = {d: 0.0 for d in directorates}
    for f in found:
        imported[f.target] += f.amount
    effective = {d: decisions.ledger[d] - imported[d] for d in directorates}
    changes = _changes(scenario, effective, sum(f.amount for f in found))
    weight = weights(scenario)
    levels, pulls, parts = {}, {}, {}
    for ind in scenario.indicators:
        before = stocks.levels.get(ind.id, 0.0)
        pulls[ind.id] = pull(changes.get(ind.owner or "", changes[""]))
        half_life = ind.half_life / (FALL if pulls[ind.id] < before else 1)
        levels[ind.id] = before + (pulls[ind.id] - before) * (1 - 0.5 ** (years / half_life))
        parts[ind.id] = SWING * weight[ind.id] * (levels[ind.id] - before)
    values = tuple(_value(ind, levels[ind.id]) for ind in scenario.indicators)
    dividend = 100 + SWING * sum(weight[i] * levels[i] for i in levels)
    after = Stocks(elapsed, made, levered, levels)
    return RoundResult(
        elapsed, dict(decisions.ledger), found, imported, effective, values, dividend, after, pulls, parts
    )


def run(
    scenario: ScenarioFacts, rounds: Iterable[tuple[int, Decisions]], start: Stocks | None = None
) -> list[RoundResult]:
    """Takes (months, Decisions) for each round played; returns each round's result in order."""
    results: list[RoundResult] = []
    stocks = start or Stocks()
    for months, decisions in rounds:
        results.append(advance(scenario, stocks, decisions, months))
        stocks = results[-1].stocks
    return results
