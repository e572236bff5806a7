"""The boards every pack is played with before it is accepted: the lesson must hold in it. A holistic board
(each directorate that carries imported costs pays each source its share of the source's gap) must beat
doing nothing after one year and after five, and no board that abolishes, drains or halves a directorate,
gives everything to one, or strips one on top of the holistic transfers may beat the holistic board."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..domain.consequences import model
from ..domain.consequences.model import Decisions
from ..domain.core.event_base import ScenarioFacts

YEARS = (1, 5)
BOUND_YEARS = 20


def budgets(s: ScenarioFacts) -> dict[str, int]:
    return {d.id: d.budget for d in s.directorates}


def start(s: ScenarioFacts) -> Decisions:
    """Doing nothing: every directorate keeps its budget (all a siloed board amounts to)."""
    return Decisions(budgets(s), received={})


def moved(board: Decisions, source: str, target: str, amount: int) -> Decisions:
    """The board after one more carried transfer."""
    ledger = dict(board.ledger)
    ledger[source] = ledger.get(source, 0) - amount
    ledger[target] = ledger.get(target, 0) + amount
    received = dict(board.received or {})
    received[target] = received.get(target, 0) + amount
    return replace(board, ledger=ledger, received=received)


def holistic_transfers(s: ScenarioFacts) -> list[tuple[str, str, int]]:
    """(payer, source, amount): each directorate carrying an exported cost pays the source that share of its gap."""
    found = []
    for link in s.exported_costs:
        total = model.exports(s, link.source)
        amount = int(model.gap(s, link.source) * link.annual_cost / total) if total else 0
        if amount > 0:
            found.append((link.target, link.source, amount))
    return found


def holistic(s: ScenarioFacts) -> Decisions:
    board = start(s)
    for payer, source, amount in holistic_transfers(s):
        board = moved(board, payer, source, min(amount, board.ledger[payer]))
    return board


def degenerate(s: ScenarioFacts) -> Iterator[tuple[str, Decisions]]:
    """Boards that wreck a service, each named in words, with its money sent to each other directorate in turn."""
    nothing, fair = start(s), holistic(s)
    ids = list(budgets(s))
    names = {d.id: d.name for d in s.directorates}
    whole = sum(budgets(s).values())
    for x in ids:
        everything = nothing
        for y in ids:
            if y != x:
                everything = moved(everything, y, x, nothing.ledger[y])
        assert sum(everything.ledger.values()) == whole
        yield f"giving everything to {names[x]}", everything
        for y in ids:
            if x == y:
                continue
            to = f"to {names[y]}"
            yield f"abolishing {names[x]} ({to})", moved(nothing, x, y, nothing.ledger[x])
            yield f"draining nine tenths of {names[x]} ({to})", moved(nothing, x, y, nothing.ledger[x] * 9 // 10)
            yield f"halving {names[x]} ({to})", moved(nothing, x, y, nothing.ledger[x] // 2)
            yield f"the holistic transfers and stripping {names[x]} ({to})", moved(fair, x, y, fair.ledger[x])


def dividends(s: ScenarioFacts, board: Decisions, years: int = max(YEARS)) -> list[float]:
    """The dividend after each year of `years`, the board's decisions held steady."""
    return [r.dividend for r in model.run(s, [(12, board)] * years)]


def ordering_problems(s: ScenarioFacts) -> list[str]:
    """Every way the pack breaks the lesson, in words that say which figures to change; empty if it holds."""
    if not s.exported_costs:
        return []
    problems = []
    nothings, bests = dividends(s, start(s)), dividends(s, holistic(s))
    others = [(name, dividends(s, board)) for name, board in degenerate(s)]
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
