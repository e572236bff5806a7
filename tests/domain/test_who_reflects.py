"""Only the people who took part in the board meeting give a reflection: a pair's members (a late third one
too), the chair, the residents' panel, and at a follow-up those who come as themselves. An observer (a colleague, an evaluator) and someone never given a
place are refused, with a sentence that says why, and the reflection's totals do not move."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain.core.types import RESIDENT
from app.domain.views import PROJECTOR, Viewer, view_for

from .builders import Game, board_game, synthetic_facts
from .test_follow_up_everyone import follow_up_of

FEATURE_IDS = ["shared-aims", "trust", "residents-voice"]
RATINGS = st.dictionaries(st.sampled_from(FEATURE_IDS), st.integers(1, 5), min_size=1, max_size=3)
# Who acts: a seat that took part (by index), an observer, or someone who joined and was never placed.
WHO = st.one_of(st.tuples(st.just("placed"), st.integers(0, 20)), st.tuples(st.sampled_from(["observer", "unplaced"])))


def debrief_with_latecomers() -> tuple[Game, str, str]:
    """A debrief with an observer and a late arrival nobody seated, as well as everyone who took part."""
    game = board_game(synthetic_facts(3))
    observer, unplaced = game.join("free", "Evaluator Eve"), game.join("free", "Late Lee")
    game.do(c.SeatObserver(seat_id=observer))
    game.do(c.StartPhase(phase="debrief"))
    return game, observer, unplaced


def totals(game: Game) -> dict[str, object]:
    r = view_for(game.state, Viewer(PROJECTOR), 0.0)["reflection"]
    return {key: r[key] for key in ("count", "shown", "waiting", "features", "comments")}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(moves=st.lists(st.tuples(WHO, RATINGS, st.sampled_from(["", "Good", "Rushed"])), max_size=14))
def test_no_reflection_from_an_observer_or_an_unplaced_seat_is_ever_accepted(moves):
    game, observer, unplaced = debrief_with_latecomers()
    took_part = sorted(s for s in game.state.seats if s not in (observer, unplaced))
    for who, ratings, comment in moves:
        command = c.Reflect(ratings=ratings, comment=comment)
        if who[0] == "placed":
            game.do(command, game.seat(took_part[who[1] % len(took_part)]))
            continue
        before = totals(game)
        seat = observer if who[0] == "observer" else unplaced
        message = game.refuse(command, game.seat(seat))
        assert ("Observers watch" if seat == observer else "not given a place") in message
        assert totals(game) == before
    assert observer not in game.state.reflections and unplaced not in game.state.reflections
    assert set(game.state.reflections) <= set(took_part)


def test_everyone_who_took_part_may_reflect_and_the_view_says_who_may():
    game, _, _ = debrief_with_latecomers()
    roles = {game.state.role_of(s).kind: s for s in game.state.seats}
    assert {"director", "assistant", "chair", "panel", "observer", "unplaced"} <= set(roles)
    for kind, seat in roles.items():
        can = view_for(game.state, Viewer("seat", seat), 0.0)["me"]["can"]["reflect"]
        assert can is (kind not in ("observer", "unplaced")), kind
        if can:
            game.do(c.Reflect(ratings={"trust": 4}), game.seat(seat))
    assert len(game.state.reflections) == 4


def test_a_late_third_member_reflects_with_their_pair():
    game = board_game(synthetic_facts(3))
    late = game.join("free", "Late Lee")
    game.do(c.SeatThirdMember(seat_id=late, pair_id=next(iter(game.state.assignments))))
    game.do(c.StartPhase(phase="debrief"))
    game.do(c.Reflect(ratings={"trust": 5}, comment="Glad to be let in"), game.seat(late))
    assert game.state.reflections[late] == ({"trust": 5}, "Glad to be let in")


def test_at_a_follow_up_those_who_come_as_themselves_reflect_and_observers_still_do_not():
    game, observer, unplaced = debrief_with_latecomers()
    game.state = follow_up_of(game)
    for phase in ("read_in", "board"):
        game.do(c.StartPhase(phase=phase))
    late = game.join("a0", "Late to the follow-up")  # from a directorate's agency, waiting for a place
    game.do(c.StartPhase(phase="debrief"))
    assert game.state.role_of(unplaced).kind == "unplaced"  # from an agency without a directorate: as themselves
    game.do(c.Reflect(ratings={"trust": 3}), game.seat(unplaced))
    assert "Observers watch" in game.refuse(c.Reflect(ratings={"trust": 3}), game.seat(observer))
    assert game.state.role_of(late).kind == "unplaced" and game.state.seats[late].agency != RESIDENT
    assert "not given a place" in game.refuse(c.Reflect(ratings={"trust": 3}), game.seat(late))
