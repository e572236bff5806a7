"""Phase buttons: pressing the one for the phase already running changes nothing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain import commands as c

from .builders import Game, board_game


def test_starting_the_running_board_meeting_again_keeps_its_clock_and_open_item():
    game = board_game()
    clock = game.state.clock
    assert game.state.current_item == "budget"
    message = game.refuse(c.StartPhase(phase="board", minutes=5))
    assert message == "The board meeting is already running."
    assert game.state.clock is clock and game.state.current_item == "budget"


@given(st.sampled_from(["lobby", "debrief"]), st.none() | st.integers(1, 600))
def test_every_phase_refuses_to_start_twice(phase, minutes):
    game = Game()
    if phase != "lobby":
        game.do(c.StartPhase(phase=phase))
    message = game.refuse(c.StartPhase(phase=phase, minutes=minutes))
    assert "already running" in message


def test_moving_to_a_different_phase_still_works():
    game = board_game()
    game.do(c.StartPhase(phase="debrief"))
    assert game.state.phase == "debrief"
    game.do(c.StartPhase(phase="board"))
    assert game.state.phase == "board"
