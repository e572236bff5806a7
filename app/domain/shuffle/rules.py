"""Rules for the shuffle and for swapping two pairs' roles afterwards."""

from __future__ import annotations

import random

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState
from ..lobby.rules import _in_lobby, _roles_can_change
from ..shuffle.matching import Candidate, ShuffleImpossible, match, split_roles


def _candidates(state: SessionState) -> list[Candidate]:
    def forbidden(seats: tuple[str, ...]) -> frozenset[str]:
        agencies = (state.agency(state.seats[s].agency) for s in seats)
        return frozenset(a.directorate for a in agencies if a is not None and a.directorate)

    return [Candidate(p, seats, forbidden(seats)) for p, seats in state.pairs.items()]


def shuffle(state: SessionState, cmd: c.Shuffle, ctx: c.Context) -> list[ev.Event]:
    _roles_can_change(state)
    _in_lobby(state, "shuffle roles")
    if not state.pairs:
        raise RuleViolation("Pair people up before the shuffle.")
    seed = cmd.seed if cmd.seed is not None else ctx.seed
    directorates = [d.id for d in state.scenario.directorates]
    names = {d.id: d.name for d in state.scenario.directorates}
    candidates = _candidates(state)
    try:
        chosen = match(candidates, directorates, seed, names)
    except ShuffleImpossible as problem:
        raise RuleViolation(str(problem)) from None
    rng = random.Random(seed)
    assignments = tuple(
        ev.Assignment(cand.id, chosen[cand.id], *split_roles(cand.seats, rng))
        for cand in sorted(candidates, key=lambda cand: cand.id)
    )
    return [ev.RolesShuffled(seed, assignments, state.chair_pick)]


def swap_pairs(state: SessionState, cmd: c.SwapPairs, ctx: c.Context) -> list[ev.Event]:
    _roles_can_change(state)
    if state.phase not in ("lobby", "read_in"):
        raise RuleViolation("Pairs can only be swapped before the board meeting starts.")
    first, second = state.assignments.get(cmd.first), state.assignments.get(cmd.second)
    if first is None or second is None or cmd.first == cmd.second:
        raise RuleViolation("Choose two different pairs that both hold a directorate.")
    for cand in _candidates(state):
        target = {cmd.first: second.directorate, cmd.second: first.directorate}.get(cand.id)
        if target in cand.forbidden:
            name = state.facts_of(target).name
            raise RuleViolation(f"That swap would give pair {cand.id} its own agency's directorate ({name}).")
    return [ev.PairsSwapped(cmd.first, cmd.second)]


RULES: dict[str, Rule] = dict(
    [
        on(c.Shuffle, shuffle),
        on(c.SwapPairs, swap_pairs),
    ]
)
