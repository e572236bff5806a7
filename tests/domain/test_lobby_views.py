"""Before the shuffle reveals the roles, nothing a participant or the projector is shown says who the trainer
picked to chair: their views and events are the same whoever the pick is."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain.views import PROJECTOR, TRAINER, Viewer, shown_event, view_for

from .builders import Game, synthetic_facts

AGENCIES = ["a0", "a0", "a1", "a1", "a2", "free", "a0b"]


def lobby(pick: int, chair_first: bool) -> Game:
    game = Game(synthetic_facts(3))
    seats = [game.join(agency) for agency in AGENCIES]
    if chair_first:
        game.do(c.ChooseChair(seat_id=seats[pick]))
        game.do(c.AutoPair())
    else:
        game.do(c.AutoPair())
        game.do(c.ChooseChair(seat_id=seats[pick]))
    return game


def everything_shown(game: Game, viewer: Viewer) -> tuple[dict, list[dict]]:
    """The viewer's view (without the clock's `now`) and every event of the log as it is shown to it."""
    view = view_for(game.state, viewer, 100.0)
    events = [shown_event(game.state, e, seq, viewer) for seq, e in enumerate(game.log, start=1)]
    return view, [e for e in events if e is not None]


def participants(game: Game) -> list[Viewer]:
    return [Viewer(PROJECTOR)] + [Viewer("seat", s) for s in sorted(game.state.seats)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picks=st.lists(st.integers(0, len(AGENCIES) - 1), min_size=2, max_size=2, unique=True),
    chair_first=st.booleans(),
)
def test_nobody_but_the_trainer_can_tell_the_chair_pick_before_the_shuffle(picks, chair_first):
    one, other = (lobby(pick, chair_first) for pick in picks)
    assert one.state.chair_pick != other.state.chair_pick
    for viewer in participants(one):
        assert everything_shown(one, viewer) == everything_shown(other, viewer), viewer
    trainer = Viewer(TRAINER)
    assert everything_shown(one, trainer) != everything_shown(other, trainer), "the trainer sees the pick"


def test_the_pairs_are_shown_to_everyone_once_the_shuffle_reveals_the_roles():
    game = lobby(0, chair_first=True)
    seat = sorted(game.state.seats)[1]
    before = view_for(game.state, Viewer("seat", seat), 0.0)
    assert before["pairs"] == [] and before["me"]["partner"] is None and before["me"]["pair_id"] is None
    assert all(row["pair_id"] is None for row in before["seats"])
    game.do(c.Shuffle(seed=3))
    after = view_for(game.state, Viewer("seat", seat), 0.0)
    assert len(after["pairs"]) == len(game.state.pairs) and after["me"]["pair_id"] == game.state.pair_of(seat)
    assert after["chair"]["id"] == game.state.chair
