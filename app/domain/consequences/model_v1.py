"""The consequences model: what a year (or a quarter) of the board's budget does to the neighbourhood.

Deterministic and small on purpose, so a trainer can explain every number
(docs/consequences-model.md has the maths):

- A scenario link says a shortfall in one directorate exports `annual_cost` a year onto another. Money
  moved into the source closes its shortfall: the export falls in proportion, and is gone once the
  source has received its `gap` (by default half of everything it exports, because prevention costs
  less than cure). Money taken out of a source makes its exports grow, up to double.
- Each directorate's effective spending is its budget less the costs imported onto it.
- Indicators follow their owner's effective spending (the directorate whose targets name them; others
  follow the board as a whole), by `elasticity` per year for each 100% change.
- The dividend, the residents' quality of life, starts at 100 and moves with the board's total
  effective spending, so money moved to the source of an exported cost raises it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.event_base import ScenarioFacts

PERIOD_MONTHS = {"quarter": 3, "year": 12}


@dataclass(frozen=True)
class Flow:
    source: str
    target: str
    baseline: float  # a year, at the scenario's own budgets
    amount: float  # a year, at these budgets
    because: str


@dataclass(frozen=True)
class IndicatorValue:
    id: str
    name: str
    unit: str
    better: str
    owner: str | None
    baseline: float
    value: float


@dataclass(frozen=True)
class RoundResult:
    months: int  # since the start, at the end of this round
    ledger: dict[str, int]
    flows: tuple[Flow, ...]
    imported: dict[str, float]  # a year, onto each directorate
    effective: dict[str, float]  # a year
    indicators: tuple[IndicatorValue, ...]
    dividend: float


def gap(scenario: ScenarioFacts, directorate: str) -> float:
    """The money that would close a directorate's shortfall: as the scenario says, or a share of its exports."""
    d = next(d for d in scenario.directorates if d.id == directorate)
    if d.gap is not None:
        return float(d.gap)
    exports = sum(x.annual_cost for x in scenario.exported_costs if x.source == directorate)
    return exports * scenario.prevention_ratio


def flows(scenario: ScenarioFacts, ledger: dict[str, int]) -> tuple[Flow, ...]:
    budgets = {d.id: d.budget for d in scenario.directorates}
    found = []
    for link in scenario.exported_costs:
        size = gap(scenario, link.source)
        funded = (ledger[link.source] - budgets[link.source]) / size if size > 0 else 0.0
        funded = max(-1.0, min(1.0, funded))
        found.append(
            Flow(link.source, link.target, float(link.annual_cost), link.annual_cost * (1 - funded), link.because)
        )
    return tuple(found)


def _imported(scenario: ScenarioFacts, found: tuple[Flow, ...]) -> dict[str, float]:
    totals = {d.id: 0.0 for d in scenario.directorates}
    for f in found:
        totals[f.target] += f.amount
    return totals


def effective(scenario: ScenarioFacts, ledger: dict[str, int]) -> dict[str, float]:
    imported = _imported(scenario, flows(scenario, ledger))
    return {d.id: ledger[d.id] - imported[d.id] for d in scenario.directorates}


def _moved(value: float, change: float, better: str, unit: str) -> float:
    moved = value * (1 + (change if better == "higher" else -change))
    moved = max(0.0, moved)
    return min(100.0, moved) if unit.strip().startswith("%") else moved


def advance(scenario: ScenarioFacts, previous: RoundResult | None, ledger: dict[str, int], months: int) -> RoundResult:
    """Takes the last round (None at the start), the ledger now and the months this round lasts; returns the round."""
    baseline = effective(scenario, {d.id: d.budget for d in scenario.directorates})
    found = flows(scenario, ledger)
    imported = _imported(scenario, found)
    now = {d.id: ledger[d.id] - imported[d.id] for d in scenario.directorates}
    budgets = {d.id: d.budget for d in scenario.directorates}
    total = sum(budgets.values()) or 1
    board_change = sum(now[d] - baseline[d] for d in now) / total
    years = months / 12
    before = {i.id: i for i in previous.indicators} if previous else {}
    values = []
    for ind in scenario.indicators:
        owner = ind.owner
        if owner is not None and budgets.get(owner, 0) > 0:
            relative = (now[owner] - baseline[owner]) / budgets[owner]
        else:
            relative = board_change
        start = before[ind.id].value if ind.id in before else ind.baseline
        values.append(
            IndicatorValue(
                ind.id,
                ind.name,
                ind.unit,
                ind.better,
                ind.owner,
                ind.baseline,
                _moved(start, scenario.elasticity * relative * years, ind.better, ind.unit),
            )
        )
    dividend = (previous.dividend if previous else 100.0) * (1 + scenario.elasticity * board_change * years)
    elapsed = (previous.months if previous else 0) + months
    return RoundResult(elapsed, dict(ledger), found, imported, now, tuple(values), dividend)


def run(scenario: ScenarioFacts, rounds: tuple[tuple[int, dict[str, int]], ...]) -> list[RoundResult]:
    """Takes the rounds played (months, ledger at the time); returns each round's result in order."""
    results: list[RoundResult] = []
    for months, ledger in rounds:
        results.append(advance(scenario, results[-1] if results else None, ledger, months))
    return results
