"""The table of who may issue which command covers every command exactly once, and decide() follows it."""

from __future__ import annotations

from collections import Counter
from typing import get_args

import pytest

from app.domain import commands as c
from app.domain.core.command_base import command_type
from app.domain.core.errors import RuleViolation
from app.domain.decide import _RULES, _check_standing
from app.domain.permissions import MAY, WHO_MAY, May

from .builders import GUEST, TRAINER, board_game

EVERY_COMMAND = get_args(get_args(c.AnyCommand)[0])


def test_every_command_appears_in_the_table_exactly_once():
    listed = Counter(command for command, _ in WHO_MAY)
    assert {command.__name__ for command, times in listed.items() if times > 1} == set()
    missing = {command.__name__ for command in EVERY_COMMAND} - {command.__name__ for command in listed}
    assert missing == set(), "decide who may issue these commands in app/domain/permissions.py"
    assert set(listed) == set(EVERY_COMMAND)
    assert len(MAY) == len(EVERY_COMMAND)


def test_every_command_type_tag_is_distinct_and_has_a_rule():
    tags = [command_type(command) for command in EVERY_COMMAND]
    assert len(set(tags)) == len(tags)
    assert set(tags) == set(MAY) == set(_RULES)


def test_only_join_is_open_to_guests_and_the_trainer_may_issue_everything_else():
    assert [kind for kind, who in MAY.items() if who is May.GUEST] == ["join"]


@pytest.mark.parametrize("kind", sorted(kind for kind, who in MAY.items() if who is not May.GUEST))
def test_a_guest_is_told_to_join_first_for_every_other_command(kind):
    game = board_game()
    command = next(command for command in EVERY_COMMAND if command_type(command) == kind)
    # Standing is checked before anything in the command is read, so a command built without validation will do.
    assert game.refuse(command.model_construct(), GUEST) == "Join the session first."


STANDING_REFUSED = {
    # who the table says; what a resident, the chair and the trainer are told (None: allowed to go on)
    May.SEATED: (None, None, None),
    May.CHAIR: ("Only the chair or the trainer can do that.", None, None),
    May.TRAINER: ("Only the trainer can do that.", "Only the trainer can do that.", None),
}


@pytest.mark.parametrize("kind", sorted(kind for kind, who in MAY.items() if who is not May.GUEST))
def test_the_standing_check_follows_the_table_for_residents_the_chair_and_the_trainer(kind):
    game = board_game()
    command = next(command for command in EVERY_COMMAND if command_type(command) == kind).model_construct()
    actors = (game.seat(game.resident), game.seat(game.state.chair), TRAINER)
    told = []
    for actor in actors:
        try:
            _check_standing(game.state, command, actor)
            told.append(None)
        except RuleViolation as refusal:
            told.append(str(refusal))
    assert tuple(told) == STANDING_REFUSED[MAY[kind]]
