"""Each round's change in the dividend, split into named causes in plain words that add up exactly to the
change as shown (two decimal places). The parts come from the model's own arithmetic: the change in each
indicator's level, weighted as the dividend weighs it, grouped by the directorate whose spending moves it."""

from __future__ import annotations

from ..core.event_base import ScenarioFacts
from ..core.money import pounds
from .model import RoundResult

BOARD = ""  # the group of indicators nobody owns: they follow the costs that fall between services


def shares_that_add_up(parts: dict[str, float], total: float, places: int = 2) -> dict[str, float]:
    """Rounds each part to `places` so that they add up exactly to `total` (already rounded): the largest
    remainders take the odd hundredths, as a bank does when it splits a bill."""
    unit = 10**places
    floors = {k: int(_floor(v * unit)) for k, v in parts.items()}
    left = round(total * unit) - sum(floors.values())
    order = sorted(parts, key=lambda k: parts[k] * unit - floors[k], reverse=left > 0)
    for k in order[: abs(left)]:
        floors[k] += 1 if left > 0 else -1
    return {k: v / unit for k, v in floors.items()}


def _floor(x: float) -> float:
    return float(int(x // 1))


def _signed(x: float) -> str:
    return f"{'+' if x > 0 else '-'}{abs(x):.2f}"


def _money_words(amount: float, up: str, down: str) -> str:
    rounded = round(amount / 1000) * 1000
    if rounded == 0:
        return ""
    return f"{up if rounded > 0 else down} {pounds(abs(int(rounded)))}"


def _directorate_words(scenario: ScenarioFacts, d: str, result: RoundResult) -> str:
    budget = next(x.budget for x in scenario.directorates if x.id == d)
    clauses = []
    moved = _money_words(result.ledger[d] - budget, "its budget is up", "its budget is down")
    if moved:
        clauses.append(f"{moved} on the start")
    into = [f for f in result.flows if f.target == d]
    prevented = sum(f.prevented for f in into)
    levered = sum(f.levered for f in into)
    grown = sum(f.drifted for f in into)
    if round(prevented / 1000):
        clauses.append(f"prevention at the source spares it {pounds(round(prevented / 1000) * 1000)} a year")
    if round(levered / 1000):
        clauses.append(f"the board's levers spare it {pounds(round(levered / 1000) * 1000)} a year")
    if round(grown / 1000):
        clauses.append(
            f"others' unaddressed problems (and any cuts at their source) cost it {pounds(round(grown / 1000) * 1000)} "
            "a year more"
        )
    out = [f for f in result.flows if f.source == d]
    fallen = sum(f.baseline for f in out) - sum(f.amount for f in out)
    if round(fallen / 1000) > 0:
        clauses.append(f"the costs it exports to others are {pounds(round(fallen / 1000) * 1000)} a year lower")
    return "; ".join(clauses) or "the levels it started from are still settling"


def _board_words(result: RoundResult) -> str:
    start = sum(f.baseline for f in result.flows)
    now = sum(f.amount for f in result.flows)
    if not start or round(100 * (now - start) / start) == 0:
        return "the costs that fall between services are about where they started"
    change = 100 * (now - start) / start
    return f"the costs that fall between services are {abs(change):.0f}% {'higher' if change > 0 else 'lower'} than at the start"


def groups(scenario: ScenarioFacts, result: RoundResult) -> dict[str, float]:
    """The dividend's change this round, by the directorate whose spending moves each indicator."""
    found: dict[str, float] = {}
    for ind in scenario.indicators:
        key = ind.owner or BOARD
        found[key] = found.get(key, 0.0) + result.parts[ind.id]
    return found


def explain(scenario: ScenarioFacts, result: RoundResult, before: float) -> list[str]:
    """Lines such as "+0.42: Housing's indicators: its budget is up £300,000 on the start; ...'. `before`
    is the dividend shown before this round; the lines add up to the change between the two as shown."""
    change = round(round(result.dividend, 2) - round(before, 2), 2)
    parts = shares_that_add_up(groups(scenario, result), change)
    names = {d.id: d.name for d in scenario.directorates}
    lines = []
    for key, amount in sorted(parts.items(), key=lambda kv: -abs(kv[1])):
        if round(amount, 2) == 0:
            continue
        if key == BOARD:
            lines.append(f"{_signed(amount)}: the indicators no one service owns: {_board_words(result)}.")
        else:
            words = _directorate_words(scenario, key, result)
            lines.append(f"{_signed(amount)}: {names[key]}'s indicators: {words}.")
    return lines


def line_amount(line: str) -> float:
    """The signed figure at the start of an explanation line."""
    return float(line.split(":", 1)[0])
