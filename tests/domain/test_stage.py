"""The big screen shows what the trainer chooses, and nobody else may choose."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from app.domain import commands as c
from app.domain.apply import replay
from app.domain.stage.commands import STAGES
from app.domain.views import Viewer, view_for

from .builders import Game, board_game


@given(st.lists(st.sampled_from(STAGES), min_size=1, max_size=12))
def test_the_screen_shows_the_last_stage_chosen_and_the_log_replays_to_it(choices):
    game = Game()
    assert game.state.stage is None  # follows the phase until the trainer chooses
    for stage in choices:
        if stage == game.state.stage:
            assert "already" in game.refuse(c.SetStage(stage=stage))
        else:
            game.do(c.SetStage(stage=stage))
        assert game.state.stage == stage
    assert replay(game.log).stage == choices[-1]
    for viewer in (Viewer("trainer"), Viewer("projector")):
        assert view_for(game.state, viewer, game.now)["session"]["stage"] == choices[-1]


def test_only_the_trainer_chooses_what_the_screen_shows():
    game = board_game()
    for seat in (game.chair, game.resident, game.directorate_seats()[0]):
        game.refuse(c.SetStage(stage="blank"), Game.seat(seat))
    assert game.state.stage is None


def test_a_stage_outside_the_list_is_not_a_command():
    with pytest.raises(ValidationError):
        c.COMMANDS.validate_python({"type": "set-stage", "stage": "seed"})
