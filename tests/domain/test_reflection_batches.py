"""The reflection summary cannot be undone by differencing: someone watching it after every answer never sees
it change because of one person's answer (or change of answer) alone, and its contents never depend on the
order in which answers arrived."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain.debrief.reducer import ENOUGH
from app.domain.views import PROJECTOR, Viewer, view_for

from .builders import Game, board_game

FEATURE_IDS = ["shared-aims", "trust", "residents-voice"]

answers = st.tuples(
    st.integers(0, 6),  # which seat answers
    st.dictionaries(st.sampled_from(FEATURE_IDS), st.integers(1, 5), min_size=1, max_size=3),
    st.sampled_from(["", "Good", "Too rushed", "Residents were ignored"]),
)


def debrief() -> Game:
    game = board_game()
    game.do(c.StartPhase(phase="debrief"))
    return game


def summary(game: Game, viewer: Viewer) -> str:
    """What the viewer can compare over time: the totals and the comments, without its own answer."""
    r = view_for(game.state, viewer, 0.0)["reflection"]
    return json.dumps({"shown": r["shown"], "features": r["features"], "comments": r["comments"]})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(given_answers=st.lists(answers, min_size=1, max_size=14))
def test_no_change_of_the_summary_comes_from_fewer_than_three_people(given_answers):
    game = debrief()
    seats = sorted(game.state.seats)
    watchers = [Viewer(PROJECTOR), Viewer("seat", seats[0])]
    last = {w: summary(game, w) for w in watchers}
    since: set[str] = set()  # who answered or changed an answer since the summary last changed
    for who, ratings, comment in given_answers:
        seat = seats[who % len(seats)]
        game.do(c.Reflect(ratings=ratings, comment=comment), game.seat(seat))
        since.add(seat)
        now = {w: summary(game, w) for w in watchers}
        if now[watchers[0]] != last[watchers[0]]:
            assert len(since) >= ENOUGH, f"the summary changed after only {sorted(since)} acted"
            since = set()
        for w in watchers:
            if now[w] != last[w]:
                assert now[w] == now[watchers[0]], "everyone sees the same summary"
        last = now
        shown = view_for(game.state, watchers[0], 0.0)["reflection"]
        if shown["shown"]:
            assert shown["waiting"] == len(since)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    batch=st.lists(answers, min_size=ENOUGH, max_size=ENOUGH, unique_by=lambda a: a[0]),
    order=st.permutations(range(ENOUGH)),
)
def test_the_summary_does_not_depend_on_the_order_of_arrival(batch, order):
    views = []
    for arrival in (range(ENOUGH), order):
        game = debrief()
        seats = sorted(game.state.seats)
        for i in arrival:
            who, ratings, comment = batch[i]
            game.do(c.Reflect(ratings=ratings, comment=comment), game.seat(seats[who]))
        views.append(summary(game, Viewer(PROJECTOR)))
        assert json.loads(views[-1])["shown"]
    assert views[0] == views[1]


def test_a_changed_answer_waits_for_two_more_people():
    game = debrief()
    a, b, d, e = sorted(game.state.seats)[:4]
    for seat, score in ((a, 3), (b, 4), (d, 5)):
        game.do(c.Reflect(ratings={"trust": score}), game.seat(seat))
    before = summary(game, Viewer(PROJECTOR))
    game.do(c.Reflect(ratings={"trust": 1}), game.seat(a))
    game.do(c.Reflect(ratings={"trust": 2}), game.seat(e))
    assert summary(game, Viewer(PROJECTOR)) == before
    assert view_for(game.state, Viewer("seat", a), 0.0)["reflection"]["mine"]["ratings"] == {"trust": 1}
    game.do(c.Reflect(ratings={"trust": 4}), game.seat(b))
    trust = next(f for f in json.loads(summary(game, Viewer(PROJECTOR)))["features"] if f["id"] == "trust")
    assert trust["counts"] == [1, 1, 0, 1, 1]  # a's 1, e's 2, b's 4 and d's 5
