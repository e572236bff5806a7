"""Deltas rebuild every view through the pair notebook and drafts, late arrivals, undo and done-speaking: the
view each screen puts together equals `view_for` after every command (the private parts included)."""

from __future__ import annotations

from app.domain import commands as c
from tests.domain.builders import Game, board_game
from tests.realtime.test_delta_stream import replay_day


def test_the_people_features_send_deltas_that_rebuild_every_view():
    game = board_game()
    game.states = [game.state]
    pair, held = next(iter(game.state.assignments.items()))
    writer = game.seat(held.director)
    late, watcher = game.join("fire"), game.join("fire")
    game.states.append(game.state)
    steps = [
        (c.WriteNotebook(text="Our plan"), writer),
        (c.WriteDraft(motion=c.DraftMotion(text="Drafted")), writer),
        (c.SeatThirdMember(seat_id=late, pair_id=pair), c.TRAINER),
        (c.WriteNotebook(text="Our plan, with Lee"), game.seat(late)),
        (c.SeatObserver(seat_id=watcher), c.TRAINER),
        (c.Undo(), c.TRAINER),
        (c.SeatObserver(seat_id=watcher), c.TRAINER),
        (c.TableDraft(draft_id="d1"), writer),
        (c.CallSpeaker(seat_id=held.director), c.TRAINER),
        (c.DoneSpeaking(), writer),
        (c.AddItem(title="Added in error"), c.TRAINER),
        (c.Undo(), c.TRAINER),
    ]
    for command, actor in steps:
        game.do(command, actor)
        game.states.append(game.state)
    assert game.state.role_of(late).kind == "member" and game.state.role_of(watcher).kind == "observer"
    assert replay_day(game) >= len(steps)


def test_a_follow_up_link_reaches_every_screen_by_delta():
    game: Game = board_game()
    game.do(c.StartPhase(phase="debrief"))
    game.states = [game.state]
    from app.domain import apply as reducer
    from app.domain import events as ev

    game.log.append(ev.FollowUpOpened("NEXT", game.now))
    game.state = reducer.apply(game.state, game.log[-1])
    game.states.append(game.state)
    assert replay_day(game) >= 2
