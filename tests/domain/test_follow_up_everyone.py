"""A follow-up meeting carries every person over in their real role, whatever the game made of them: the chair
chairs again, a third person (or more) from a directorate's agency joins its pair as a third member, residents sit
on the panel even where the game paired them, observers observe, and the rest come as themselves."""

from __future__ import annotations

from contextlib import suppress

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import apply as reducer
from app.domain import commands as c
from app.domain import events as ev
from app.domain.core.errors import RuleViolation
from app.domain.core.types import RESIDENT
from app.domain.follow_up.plan import plan
from app.domain.views import Viewer, role_title, view_for

from .builders import Game, board_game, own_directorate, synthetic_facts


def follow_up_of(game: Game):
    return reducer.replay([ev.SessionCreated("NEXT", game.state.scenario, 9999.0), plan(game.state, 9999.0)])


def expected_role(before, seat) -> str:
    own = own_directorate(before.scenario, seat.agency) if seat.agency != RESIDENT else None
    if seat.id == before.chair:
        return "chair"
    if seat.id in before.observers:
        return "observer"
    if seat.agency == RESIDENT:
        return "panel"
    return "directorate" if own else "unplaced"


@settings(max_examples=30, deadline=None)
@given(
    late=st.lists(st.tuples(st.sampled_from(["a0", "a1", "a2", "free", RESIDENT]), st.booleans()), max_size=8),
    mode=st.sampled_from(["panel", "pairs"]),
)
def test_nobody_is_dropped_and_everyone_comes_in_their_real_role(late, mode):
    game = board_game(synthetic_facts(3, residents_mode=mode, residents_max=4), resident=mode == "panel")
    for agency, observe in late:
        with suppress(RuleViolation):  # a full room takes nobody more
            seat = game.join(agency)
            if observe and game.state.role_of(seat).kind == "unplaced":
                game.do(c.SeatObserver(seat_id=seat))
    before, after = game.state, follow_up_of(game)
    assert set(after.seats) == set(before.seats)
    for seat in before.seats.values():
        role, wanted = after.role_of(seat.id), expected_role(before, seat)
        if wanted == "directorate":
            assert role.directorate == own_directorate(before.scenario, seat.agency)
            assert role.kind in ("director", "assistant", "member")
        else:
            assert role.kind == wanted, (seat, role)
        if role.kind == "unplaced":
            assert role_title(after, seat.id) == before.agency_facts(seat.agency).name
    # Each pair holds its own directorate: director and assistant first, in the order they joined.
    for pair_id, a in after.assignments.items():
        members = after.pairs[pair_id]
        assert members[:2] == tuple(x for x in (a.director, a.assistant) if x)


def test_a_room_of_nineteen_comes_over_whole():
    """The day that lost people: a chair, two residents paired in the game, a third member, a colleague who
    watched, and late arrivals from agencies the shuffle never saw. Every one has their real role next time."""
    game = Game(synthetic_facts(4, residents_mode="pairs", residents_max=4))
    people = [game.join(f"a{i}") for i in range(3) for _ in range(2)]
    residents = [game.join(RESIDENT) for _ in range(2)]
    chair = game.join("free")
    game.do(c.ChooseChair(seat_id=chair))
    game.do(c.AutoPair())
    game.do(c.Shuffle(seed=3))
    game.do(c.StartPhase(phase="read_in"))
    people += [game.join(agency) for agency in ("a0b", "a0b", "a3", "a3", "a1", "a2")]
    free = [game.join("free") for _ in range(4)]
    game.do(c.SeatThirdMember(seat_id=people[-2], pair_id=next(iter(game.state.assignments))))
    game.do(c.SeatObserver(seat_id=free[0]))
    assert len(game.state.seats) == 19
    after = follow_up_of(game)
    kinds = {s: after.role_of(s).kind for s in after.seats}
    assert kinds[chair] == "chair" and kinds[free[0]] == "observer"
    assert all(kinds[r] == "panel" for r in residents)
    for seat in people:
        assert after.role_of(seat).directorate == own_directorate(after.scenario, after.seats[seat].agency)
    assert sorted(s for s, kind in kinds.items() if kind == "unplaced") == sorted(free[1:])
    view = view_for(after, Viewer("projector"), 0.0)
    assert len(view["seats"]) == 19 and all(row["title"] for row in view["seats"])
