"""A follow-up meeting carries every person over in their real-life role: a directorate's agency into its
directorate, residents onto the panel, everyone else seated as themselves without a pair."""

from __future__ import annotations

from contextlib import suppress

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import apply as reducer
from app.domain import events as ev
from app.domain.core.errors import RuleViolation
from app.domain.core.types import RESIDENT
from app.domain.follow_up.plan import plan

from .builders import Game, board_game, own_directorate, synthetic_facts


def follow_up_of(game: Game):
    return reducer.replay([ev.SessionCreated("NEXT", game.state.scenario, 9999.0), plan(game.state, 9999.0)])


@settings(max_examples=25, deadline=None)
@given(extra=st.lists(st.sampled_from(["free", RESIDENT, "directorate"]), max_size=8), seed=st.integers(1, 50))
def test_everyone_comes_over_in_their_real_role(extra, seed):
    game = board_game(synthetic_facts(3, residents_max=8), seed=seed)
    agencies = game.scenario.agencies
    free = next(a.id for a in agencies if a.directorate is None)
    with_directorate = next(a.id for a in agencies if a.directorate)
    for kind in extra:
        # When the room is full for that kind of person, nobody joined and there is nothing to carry.
        with suppress(RuleViolation):
            game.join({"free": free, RESIDENT: RESIDENT, "directorate": with_directorate}[kind])
    before = game.state
    after = follow_up_of(game)

    # Nobody is dropped: every seat, with its name and agency.
    assert {s.id: (s.name, s.agency) for s in after.seats.values()} == {
        s.id: (s.name, s.agency) for s in before.seats.values()
    }
    for seat in before.seats.values():
        role = after.role_of(seat.id)
        own = own_directorate(before.scenario, seat.agency) if seat.agency != RESIDENT else None
        if seat.id == before.chair:
            assert role.kind == "chair", "the chair chairs again"
        elif seat.agency == RESIDENT:
            assert role.kind == "panel", seat
        elif own is not None:
            # Into their own directorate: director and assistant in the order they joined, any more as third members.
            assert role.directorate == own and role.kind in ("director", "assistant", "member")
        else:
            # Seated as themselves, without a pair and without a vote.
            assert role.directorate is None and after.pair_of(seat.id) is None
            assert after.voter_directorate(seat.id) is None
    # Each directorate's own agency holds it, director first in the order they joined.
    for a in after.assignments.values():
        assert own_directorate(before.scenario, before.seats[a.director].agency) == a.directorate
