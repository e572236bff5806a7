"""The doors: once the trainer closes them nobody new can join, until they open them again; and several seats
are removed at once, all or none."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain.core.types import RESIDENT

from .builders import GUEST, Game, synthetic_facts

CLOSED = "This session is not taking new people; ask the trainer."


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(moves=st.lists(st.sampled_from(["close", "open", "join", "join"]), min_size=1, max_size=20))
def test_a_newcomer_joins_only_while_the_doors_are_open(moves):
    game = Game(synthetic_facts(6, residents_max=20))
    open_now = True
    for move in moves:
        if move == "join":
            before = len(game.state.seats)
            if open_now:
                game.join(RESIDENT)
                assert len(game.state.seats) == before + 1
            else:
                assert game.refuse(c.Join(name="Late", agency=RESIDENT), GUEST, new_seat_id="late") == CLOSED
            continue
        wanted = move == "open"
        if wanted == open_now:
            assert "already" in game.refuse(c.SetDoors(open=wanted))
        else:
            game.do(c.SetDoors(open=wanted))
            open_now = wanted
        assert game.state.doors_open is open_now


def test_only_the_trainer_closes_the_doors_or_removes_people():
    game = Game(synthetic_facts(2))
    seat = game.join("a0")
    assert game.refuse(c.SetDoors(open=False), game.seat(seat)) == "Only the trainer can do that."
    assert game.refuse(c.RemoveSeats(seat_ids=[seat]), game.seat(seat)) == "Only the trainer can do that."


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chosen=st.lists(st.integers(0, 5), min_size=1, max_size=8), stranger=st.booleans())
def test_several_seats_go_at_once_or_none_do(chosen, stranger):
    game = Game(synthetic_facts(3))
    seats = [game.join(agency) for agency in ("a0", "a0", "a1", "a1", "a2", "free")]
    game.do(c.AutoPair())
    ids = [seats[i] for i in chosen] + (["nobody"] if stranger else [])
    if stranger:
        message = game.refuse(c.RemoveSeats(seat_ids=ids))
        assert "no longer in this session" in message
        return
    removed = game.do(c.RemoveSeats(seat_ids=ids))
    assert [e.seat_id for e in removed] == list(dict.fromkeys(ids))
    assert set(game.state.seats) == set(seats) - set(ids)
    assert all(s not in members for members in game.state.pairs.values() for s in ids)


def test_people_are_removed_together_only_during_arrival():
    game = Game(synthetic_facts(2))
    seats = [game.join(agency) for agency in ("a0", "a0", "a1", "a1")]
    game.do(c.AutoPair())
    game.do(c.Shuffle(seed=1))
    game.do(c.StartPhase(phase="read_in"))
    assert "during arrival" in game.refuse(c.RemoveSeats(seat_ids=seats[:2]))
