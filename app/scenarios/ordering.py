"""The boards every pack is played with before it is accepted: the lesson must hold in it. A holistic board
(each directorate that carries imported costs pays each source its share of the source's gap) must beat
doing nothing after one year and after five, and no board that abolishes, drains or halves a directorate,
gives everything to one, or strips one on top of the holistic transfers may beat the holistic board."""

from __future__ import annotations

from collections.abc import Iterator

from ..domain.consequences import model
from ..domain.consequences.model import Decisions
from ..domain.core.event_base import ScenarioFacts

YEARS = (1, 5)
BOUND_YEARS = 20

Ledger = dict[str, int]


def budgets(s: ScenarioFacts) -> Ledger:
    return {d.id: d.budget for d in s.directorates}


def moved(ledger: Ledger, source: str, target: str, amount: int) -> Ledger:
    out = dict(ledger)
    out[source] -= amount
    out[target] = out.get(target, 0) + amount
    return out


def holistic_transfers(s: ScenarioFacts) -> list[tuple[str, str, int]]:
    """(payer, source, amount): each directorate carrying an exported cost pays the source that share of its gap."""
    found = []
    for link in s.exported_costs:
        total = model.exports(s, link.source)
        amount = int(model.gap(s, link.source) * link.annual_cost / total) if total else 0
        if amount > 0:
            found.append((link.target, link.source, amount))
    return found


def holistic(s: ScenarioFacts) -> Ledger:
    ledger = budgets(s)
    for payer, source, amount in holistic_transfers(s):
        ledger = moved(ledger, payer, source, min(amount, ledger[payer]))
    return ledger


def degenerate(s: ScenarioFacts) -> Iterator[tuple[str, Ledger]]:
    """Boards that wreck a service, each named in words, with its money sent to each other directorate in turn."""
    start, fair = budgets(s), holistic(s)
    ids = list(start)
    names = {d.id: d.name for d in s.directorates}
    for x in ids:
        everything = {d: 0 for d in ids} | {x: sum(start.values())}
        yield f"giving everything to {names[x]}", everything
        for y in ids:
            if x == y:
                continue
            to = f"to {names[y]}"
            yield f"abolishing {names[x]} ({to})", moved(start, x, y, start[x])
            yield f"draining nine tenths of {names[x]} ({to})", moved(start, x, y, start[x] * 9 // 10)
            yield f"halving {names[x]} ({to})", moved(start, x, y, start[x] // 2)
            yield f"the holistic transfers and stripping {names[x]} ({to})", moved(fair, x, y, fair[x])


def dividends(s: ScenarioFacts, ledger: Ledger, years: int = max(YEARS)) -> list[float]:
    """The dividend after each year of `years`, the ledger held steady."""
    return [r.dividend for r in model.run(s, [(12, Decisions(ledger))] * years)]


def ordering_problems(s: ScenarioFacts) -> list[str]:
    """Every way the pack breaks the lesson, in words that say which figures to change; empty if it holds."""
    if not s.exported_costs:
        return []
    problems = []
    nothings, bests = dividends(s, budgets(s)), dividends(s, holistic(s))
    others = [(name, dividends(s, ledger)) for name, ledger in degenerate(s)]
    for years in YEARS:
        nothing, best = nothings[years - 1], bests[years - 1]
        after = f"after {years} year{'s' if years > 1 else ''}"
        if best <= nothing:
            problems.append(
                f"{after}, the holistic board (each directorate paying the sources of its imported costs) scores "
                f"{best:.2f}, no better than doing nothing ({nothing:.2f}); raise `return` or `preventable`, or "
                "shorten `lag`, for the sources in `prevention`"
            )
        for name, scores in others:
            score = scores[years - 1]
            if score >= best:
                problems.append(
                    f"{after}, {name} scores {score:.2f}, at least the holistic board's {best:.2f}; give that "
                    "directorate's indicators more weight (`model.heading_weights`) or lower the sources' `return`"
                )
                break
    return problems
