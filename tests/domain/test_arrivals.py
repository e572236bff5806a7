"""Late arrivals: the trainer seats someone without a place into a pair as its third member, or as an observer,
and nobody already placed moves. A third member works as one of the pair; an observer sees only what is public."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain.core.types import RESIDENT
from app.domain.lobby.rules import OBSERVER_PLACES
from app.domain.views import Viewer, view_for
from app.import_checks import check_log

from .builders import Game, board_game, synthetic_facts

LATE = st.sampled_from(["a0", "a1", "free", RESIDENT])


def placed(game: Game) -> dict[str, object]:
    return {s: game.state.role_of(s) for s in game.state.seats if game.state.role_of(s).kind != "unplaced"}


@settings(max_examples=25, deadline=None)
@given(
    arrivals=st.lists(st.tuples(LATE, st.sampled_from(["third", "observer"]), st.integers(0, 9)), max_size=8),
    mode=st.sampled_from(["panel", "pairs"]),
)
def test_seating_late_arrivals_moves_nobody_already_placed(arrivals, mode):
    game = board_game(synthetic_facts(3, residents_mode=mode, residents_max=4), resident=mode == "panel")
    for agency, where, k in arrivals:
        before = placed(game)
        try:
            seat = game.join(agency)
        except Exception:  # the room for that kind of person is full: nothing to seat
            continue
        pair_ids = sorted(game.state.assignments)
        pair = pair_ids[k % len(pair_ids)]
        if game.state.role_of(seat).kind == "panel":
            # A resident who arrives on a panel is placed already, like the residents before them.
            assert "without a place" not in game.refuse(c.SeatObserver(seat_id="nobody"))
        elif where == "third" and len(game.state.pairs[pair]) >= 3:
            assert "three people" in game.refuse(c.SeatThirdMember(seat_id=seat, pair_id=pair))
        elif where == "third":
            game.do(c.SeatThirdMember(seat_id=seat, pair_id=pair))
            role = game.state.role_of(seat)
            assert (role.kind, role.directorate) == ("member", game.state.assignments[pair].directorate)
            assert game.state.reader_keys(seat) == {"everyone", role.directorate}
            assert game.state.voter_directorate(seat) == role.directorate
        else:
            game.do(c.SeatObserver(seat_id=seat))
            assert game.state.role_of(seat).kind == "observer"
            assert game.state.reader_keys(seat) == {"everyone"}
            assert game.state.voter_directorate(seat) is None
            assert "do not join the speakers' queue" in game.refuse(c.RaiseHand(), game.seat(seat))
        assert {s: game.state.role_of(s) for s in before} == before, "somebody already placed was moved"
        assert all(len(members) <= 3 for members in game.state.pairs.values())
    assert check_log(game.log, now=game.now) == game.state


def test_only_someone_without_a_place_is_seated():
    game = board_game(synthetic_facts(3))
    director = next(a.director for a in game.state.assignments.values())
    pair = next(iter(game.state.assignments))
    assert "already in a pair" in game.refuse(c.SeatObserver(seat_id=director))
    assert "chairing" in game.refuse(c.SeatThirdMember(seat_id=game.chair, pair_id=pair))
    late = game.join("free")
    game.do(c.SeatObserver(seat_id=late))
    assert "already observing" in game.refuse(c.SeatObserver(seat_id=late))
    game.do(c.SeatThirdMember(seat_id=late, pair_id=pair))  # an observer may still join a pair
    assert game.state.role_of(late).kind == "member" and late not in game.state.observers
    assert "no directorate" in game.refuse(c.SeatThirdMember(seat_id=game.join("free"), pair_id="nowhere"))


def test_a_third_member_sees_the_pair_and_an_observer_only_the_room():
    game = board_game(synthetic_facts(3))
    pair, held = next(iter(game.state.assignments.items()))
    third, observer = game.join("free", "Late Lee"), game.join("free", "Evaluator Eve")
    game.do(c.SeatThirdMember(seat_id=third, pair_id=pair))
    game.do(c.SeatObserver(seat_id=observer))
    mine = view_for(game.state, Viewer("seat", third), game.now)["me"]
    assert mine["role"] == "member" and mine["directorate"] == held.directorate and mine["can"]["vote"]
    assert mine["notebook"]["pair_id"] == pair
    row = next(d for d in view_for(game.state, Viewer("projector"), game.now)["directorates"] if d["pair_id"] == pair)
    assert row["third_members"] == [{"id": third, "name": "Late Lee"}]
    watching = view_for(game.state, Viewer("seat", observer), game.now)["me"]
    assert watching["role"] == "observer" and watching["title"] == "Observer"
    assert not any(watching["can"].values()) and watching["notebook"] is None


def test_moving_a_director_keeps_the_third_member_in_the_pair():
    game = board_game(synthetic_facts(3))
    (first, a), (_second, b) = list(game.state.assignments.items())[:2]
    late = game.join("free")
    game.do(c.SeatThirdMember(seat_id=late, pair_id=first))
    game.do(c.MoveToRole(seat_id=a.director, directorate=b.directorate, position="director"))
    assert late in game.state.pairs[first] and game.state.role_of(late).kind == "member"
    game.do(c.MoveToRole(seat_id=late, directorate=b.directorate, position="assistant"))
    # The third member took the assistant's place, and the assistant took the third member's.
    assert game.state.role_of(late).kind == "assistant"
    assert game.state.role_of(b.assistant).kind == "member" and b.assistant in game.state.pairs[first]
    assert sorted(s for m in game.state.pairs.values() for s in m) == sorted(
        set(s for m in game.state.pairs.values() for s in m)
    )


def test_after_the_shuffle_a_full_room_still_takes_late_arrivals():
    game = board_game(synthetic_facts(2), chair=False, resident=False)
    room = 2 * 2 + 1 + 2 + OBSERVER_PLACES  # the board and its chair, a third for each pair, some observers
    while len(game.state.seats) < room:
        game.join("free")
    assert "full" in game.refuse(c.Join(name="One too many", agency="free"), c.GUEST, new_seat_id="s99")
