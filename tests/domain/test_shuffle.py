"""The shuffle: a seeded matching of pairs to directorates that never hands a pair its own agency's
directorate, and that finds a shuffle exactly when one exists."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain import decide as rules
from app.domain import events as ev
from app.domain.core.errors import RuleViolation
from app.domain.core.types import RESIDENT
from app.domain.shuffle.matching import Candidate, ShuffleImpossible, auto_pairs, match

from .builders import Game, own_directorate, synthetic_facts, tiny_facts

MAX_DIRECTORATES = 7


def valid_assignments(candidates, directorates):
    """Every way to give each pair a different directorate outside its forbidden set (brute force)."""
    for chosen in itertools.permutations(directorates, len(candidates)):
        if all(d not in cand.forbidden for cand, d in zip(candidates, chosen, strict=False)):
            yield {cand.id: d for cand, d in zip(candidates, chosen, strict=False)}


def shuffle_exists(candidates, directorates) -> bool:
    return next(valid_assignments(candidates, directorates), None) is not None


@st.composite
def rosters(draw, max_directorates: int = MAX_DIRECTORATES, extra_pairs: int = 1):
    n = draw(st.integers(1, max_directorates))
    directorates = [f"d{i}" for i in range(n)]
    k = draw(st.integers(0, n + extra_pairs))
    # Forbidden sets range from empty to everything, so both outcomes are common.
    forbidden = draw(st.lists(st.frozensets(st.sampled_from(directorates), max_size=n), min_size=k, max_size=k))
    candidates = [Candidate(f"p{i}", (f"s{i}a", f"s{i}b"), f) for i, f in enumerate(forbidden)]
    return candidates, directorates


seeds = st.integers(0, 2**31 - 1)


def check_valid(result, candidates, directorates):
    assert set(result) == {cand.id for cand in candidates}, "every pair gets exactly one directorate"
    assert len(set(result.values())) == len(result), "no two pairs share a directorate"
    for cand in candidates:
        assert result[cand.id] in directorates
        assert result[cand.id] not in cand.forbidden, f"{cand.id} was given its own agency's directorate"


# --- (1) + (2): it finds a shuffle exactly when one exists ---------------------------------------------


@settings(max_examples=300, deadline=None)
@given(rosters(), seeds)
@example(([Candidate("p0", ("a",), frozenset({"d0"}))], ["d0"]), 0)  # the only directorate is its own
@example(
    ([Candidate("p0", ("a",), frozenset({"d0"})), Candidate("p1", ("b",), frozenset({"d0"}))], ["d0", "d1"]), 3
)  # Hall: two pairs can only share d1
@example(([Candidate(f"p{i}", ("x",), frozenset()) for i in range(3)], ["d0", "d1"]), 1)  # too many pairs
def test_match_succeeds_exactly_when_a_valid_shuffle_exists(roster, seed):
    candidates, directorates = roster
    possible = shuffle_exists(candidates, directorates)
    try:
        result = match(candidates, directorates, seed)
    except ShuffleImpossible as impossible:
        assert not possible, f"match gave up although a shuffle exists: {impossible}"
        assert str(impossible).strip()
    else:
        assert possible
        check_valid(result, candidates, directorates)


# --- (3) determinism and variety -------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(rosters(extra_pairs=0), seeds, st.randoms(use_true_random=False))
def test_same_roster_and_seed_give_the_same_result_whatever_the_listing_order(roster, seed, rnd):
    candidates, directorates = roster
    shuffled = list(candidates)
    rnd.shuffle(shuffled)
    try:
        first = match(candidates, directorates, seed)
    except ShuffleImpossible as impossible:
        with pytest.raises(ShuffleImpossible) as again:
            match(shuffled, directorates, seed)
        assert str(again.value) == str(impossible)
    else:
        assert match(candidates, directorates, seed) == first
        assert match(shuffled, directorates, seed) == first


@settings(max_examples=100, deadline=None)
@given(rosters(max_directorates=5, extra_pairs=0))
def test_different_seeds_give_different_shuffles_when_there_is_freedom(roster):
    candidates, directorates = roster
    options = list(valid_assignments(candidates, directorates))
    results = set()
    for seed in range(64):
        try:
            results.add(tuple(sorted(match(candidates, directorates, seed).items())))
        except ShuffleImpossible:
            assert not options
    assert results <= {tuple(sorted(o.items())) for o in options}
    if len(options) > 1:
        assert len(results) > 1, "64 seeds all gave the same shuffle although several are valid"


def test_every_shuffle_of_three_free_pairs_turns_up_across_seeds():
    candidates = [Candidate(f"p{i}", (f"s{i}",), frozenset()) for i in range(3)]
    seen = Counter(tuple(sorted(match(candidates, ["a", "b", "c"], seed).items())) for seed in range(300))
    assert len(seen) == 6
    assert min(seen.values()) > 10, f"the seeded order is badly lopsided: {seen}"


# --- (4) the explanation names the pairs that are stuck ----------------------------------------------------

EXPLAINED = re.compile(
    r"(?:pair (?P<one>\S+) can|the (?P<count>\d+) pairs (?P<who>.+?) can only) take "
    r"(?P<n>no|one|\d+) directorates?(?: between them)? \((?P<places>.+?)\); every other"
)
NUMBERS = {"no": 0, "one": 1}


@settings(max_examples=200, deadline=None)
@given(rosters(), seeds)
def test_the_explanation_names_pairs_that_cannot_all_be_placed(roster, seed):
    candidates, directorates = roster
    names = {d: f"Dept {d.upper()}" for d in directorates}
    try:
        match(candidates, directorates, seed, names)
    except ShuffleImpossible as impossible:
        message = str(impossible)
    else:
        return
    if len(candidates) > len(directorates):
        assert f"There are {len(candidates)} pairs but only {len(directorates)} directorates" in message
        return
    found = EXPLAINED.search(message)
    assert found, message
    named = [found["one"]] if found["one"] else found["who"].split(", ")
    by_id = {cand.id: cand for cand in candidates}
    assert set(named) <= set(by_id) and len(named) == int(found["count"] or 1) == len(set(named))
    open_to = {d for p in named for d in directorates if d not in by_id[p].forbidden}
    # Hall's condition fails for exactly the pairs named: fewer open directorates than pairs.
    assert len(open_to) < len(named)
    assert NUMBERS.get(found["n"]) == len(open_to) or found["n"] == str(len(open_to))
    listed = [] if found["places"] == "none at all" else found["places"].split(", ")
    assert sorted(listed) == sorted(names[d] for d in open_to)


def test_explanation_example_reads_well():
    candidates = [
        Candidate("p1", ("a", "b"), frozenset({"housing", "schools"})),
        Candidate("p2", ("c", "d"), frozenset({"housing", "schools"})),
        Candidate("p3", ("e", "f"), frozenset({"health"})),
    ]
    names = {"housing": "Housing", "health": "Health", "schools": "Schools"}
    for seed in range(20):
        with pytest.raises(ShuffleImpossible) as impossible:
            match(candidates, list(names), seed, names)
        message = str(impossible.value)
        assert message.startswith(
            "No shuffle is possible: the 2 pairs p1, p2 can only take one directorate "
            "between them (Health); every other directorate belongs to one of their own agencies."
        )
        assert "p3" not in message


# --- (5) the shuffle through `decide` ---------------------------------------------------------------------


@st.composite
def lobbies(draw):
    n = draw(st.integers(1, 6))
    mode = draw(st.sampled_from(["panel", "pairs"]))
    scenario = synthetic_facts(n, residents_mode=mode, residents_max=3)
    agencies = [a.id for a in scenario.agencies] + [RESIDENT]
    joiners = draw(st.lists(st.sampled_from(agencies), max_size=2 * n + 5))
    chair = draw(st.none() | st.integers(0, 20))
    return scenario, joiners, chair


def expected_forbidden(state, seats):
    return frozenset(d for s in seats if (d := own_directorate(state.scenario, state.seats[s].agency)))


@settings(max_examples=150, deadline=None)
@given(lobbies(), seeds, st.booleans())
@example((tiny_facts(), ["council-housing"] * 2 + ["nhs"] * 2 + [RESIDENT] * 2 + ["fire"], 6), 5, True)
def test_shuffle_through_decide_either_explains_or_gives_valid_roles(lobby, seed, seed_in_command):
    scenario, joiners, chair = lobby
    game = Game(scenario)
    for agency in joiners:
        try:
            game.join(agency)
        except RuleViolation as full:
            assert "full" in str(full)
    if chair is not None and chair < len(game.state.seats):
        game.do(c.ChooseChair(seat_id=list(game.state.seats)[chair]))
    panel = scenario.residents_mode == "panel"
    pairable = sorted(
        s.id
        for s in game.state.seats.values()
        if s.id != game.state.chair_pick and not (panel and s.agency == RESIDENT)
    )
    if not pairable:
        assert "nobody to pair" in game.refuse(c.AutoPair())
        assert "Pair people up" in game.refuse(c.Shuffle(seed=seed))
        return
    game.do(c.AutoPair())
    state = game.state
    assert sorted(s for seats in state.pairs.values() for s in seats) == pairable

    candidates = [Candidate(p, seats, expected_forbidden(state, seats)) for p, seats in state.pairs.items()]
    possible = shuffle_exists(candidates, [d.id for d in scenario.directorates])
    command, context = (c.Shuffle(seed=seed), {}) if seed_in_command else (c.Shuffle(), {"seed": seed})
    try:
        events = game.do(command, **context)
    except RuleViolation as refused:
        assert not possible, f"refused although a shuffle exists: {refused}"
        assert "No shuffle is possible" in str(refused) or "pairs but only" in str(refused)
        assert not game.state.shuffled
        return
    assert possible
    [shuffled] = events
    assert isinstance(shuffled, ev.RolesShuffled)
    assert shuffled.seed == seed == game.state.seed
    assert shuffled.chair == state.chair_pick == game.state.chair
    assert {a.pair_id for a in shuffled.assignments} == set(state.pairs)
    assert len({a.directorate for a in shuffled.assignments}) == len(shuffled.assignments)
    for a in shuffled.assignments:
        members = state.pairs[a.pair_id]
        assert a.director in members
        if len(members) == 2:
            assert a.assistant in members and a.assistant != a.director
        else:
            assert a.assistant is None
        for seat in members:
            assert own_directorate(scenario, state.seats[seat].agency) != a.directorate
            assert game.state.role_of(seat).directorate == a.directorate
    for seat in state.seats.values():
        if panel and seat.agency == RESIDENT and seat.id != state.chair_pick:
            assert game.state.pair_of(seat.id) is None
            assert game.state.role_of(seat.id).kind == "panel"
    if state.chair_pick:
        assert game.state.role_of(state.chair_pick).kind == "chair"
    # The recorded seed reproduces the very same roles.
    again = rules.decide(state, c.Shuffle(seed=shuffled.seed), c.Context(c.TRAINER, 99.0))
    assert again == [shuffled]


def test_residents_on_the_panel_are_left_out_of_pairs_and_sit_on_the_panel():
    game = Game(tiny_facts())
    pros = [game.join(a) for a in ("council-housing", "council-housing", "nhs", "police")]
    residents = [game.join(RESIDENT) for _ in range(2)]
    game.do(c.AutoPair())
    assert all(game.state.pair_of(r) is None for r in residents)
    assert all(game.state.pair_of(p) for p in pros)
    game.do(c.Shuffle(seed=11))
    assert [game.state.role_of(r).kind for r in residents] == ["panel", "panel"]
    assert {game.state.role_of(p).kind for p in pros} <= {"director", "assistant"}


def test_residents_in_pairs_mode_are_paired_like_anyone_else():
    game = Game(synthetic_facts(3, residents_mode="pairs"))
    residents = [game.join(RESIDENT) for _ in range(2)]
    game.do(c.AutoPair())
    [(_pair, seats)] = game.state.pairs.items()
    assert sorted(seats) == sorted(residents)
    game.do(c.Shuffle(seed=1))
    assert {game.state.role_of(r).kind for r in residents} == {"director", "assistant"}


def test_shuffle_with_only_own_agency_directorate_is_refused_with_a_reason():
    game = Game(synthetic_facts(1))
    game.join("a0"), game.join("a0")
    game.do(c.AutoPair())
    message = game.refuse(c.Shuffle(seed=3))
    assert "No shuffle is possible" in message and "p1" in message and "none at all" in message


# --- (6) auto_pairs ----------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["housing", "health", "police", "schools", "fire"]), max_size=20))
def test_auto_pairs_puts_people_from_the_same_agency_together_first(agencies):
    roster = [(f"s{i}", agency) for i, agency in enumerate(agencies)]
    agency_of = dict(roster)
    pairs = auto_pairs(roster)
    flat = [s for p in pairs for s in p]
    assert sorted(flat) == sorted(agency_of), "everyone is paired exactly once"
    assert all(1 <= len(p) <= 2 for p in pairs)
    assert sum(len(p) == 1 for p in pairs) <= 1, "at most one person is left on their own"
    same = [p for p in pairs if len(p) == 2 and agency_of[p[0]] == agency_of[p[1]]]
    counts = Counter(agencies)
    assert len(same) == sum(k // 2 for k in counts.values()), "as many same-agency pairs as possible"
    assert pairs[: len(same)] == same, "same-agency pairs come before the mixed ones"
    mixed = [s for p in pairs[len(same) :] for s in p]
    assert len({agency_of[s] for s in mixed}) == len(mixed), "the odd ones out are from different agencies"
    for p in same:  # within an agency, people are paired in the order they joined
        assert int(p[0][1:]) < int(p[1][1:])


def test_auto_pairs_example():
    roster = [("a", "police"), ("b", "health"), ("c", "police"), ("d", "fire"), ("e", "health"), ("f", "police")]
    assert auto_pairs(roster) == [("a", "c"), ("b", "e"), ("f", "d")]
