"""A pair's notebook is the pair's alone: its members write it during the read-in and the meeting, each save
replaces the page, and nobody else (not the trainer's screen, the projector or another seat) is ever shown it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from app.domain import commands as c
from app.domain.core.errors import RuleViolation
from app.domain.notebook.commands import NOTEBOOK_LIMIT
from app.domain.views import Viewer, shown_event, view_for

from .builders import TRAINER, Game, board_game

WORDS = st.text(alphabet="abcdefghij XYZ\n", min_size=0, max_size=40)


def members(game: Game) -> list[str]:
    return [s for seats in game.state.pairs.values() for s in seats]


def everyone_else(game: Game, pair: str) -> list[Viewer]:
    seats = [Viewer("seat", s) for s in game.state.seats if game.state.pair_of(s) != pair]
    return [Viewer("trainer"), Viewer("projector"), *seats]


@settings(max_examples=40, deadline=None)
@given(writes=st.lists(st.tuples(st.integers(0, 20), WORDS), min_size=1, max_size=12))
def test_each_pair_sees_its_last_save_and_nobody_else_ever_sees_it(writes):
    game = board_game()
    writers = [*members(game), game.chair, game.resident]
    expected: dict[str, str] = {}
    markers: dict[str, str] = {}
    for i, (k, text) in enumerate(writes):
        writer = writers[k % len(writers)]
        pair = game.state.pair_of(writer)
        secret = f"<<{i}>>{text}"
        if pair is None:
            assert "not in a pair" in game.refuse(c.WriteNotebook(text=secret), game.seat(writer))
            continue
        seq = game.state.seq
        events = game.do(c.WriteNotebook(text=secret), game.seat(writer))
        expected[pair], markers[pair] = secret, f"<<{i}>>"
        for offset, event in enumerate(events, start=1):
            for viewer in everyone_else(game, pair):
                assert shown_event(game.state, event, seq + offset, viewer) is None
            for mate in game.state.pairs[pair]:
                assert shown_event(game.state, event, seq + offset, Viewer("seat", mate))["text"] == secret
    for pair, text in expected.items():
        for mate in game.state.pairs[pair]:
            assert view_for(game.state, Viewer("seat", mate), game.now)["me"]["notebook"]["text"] == text
        for viewer in everyone_else(game, pair):
            assert markers[pair] not in json.dumps(view_for(game.state, viewer, game.now))


def test_the_trainer_has_no_notebook_to_write():
    game = board_game()
    assert "trainer does not see them" in game.refuse(c.WriteNotebook(text="hello"), TRAINER)


def test_a_save_of_the_same_text_records_nothing():
    game = board_game()
    writer = members(game)[0]
    assert len(game.do(c.WriteNotebook(text="same"), game.seat(writer))) == 1
    partner = next(s for s in game.state.pairs[game.state.pair_of(writer)] if s != writer)
    assert game.do(c.WriteNotebook(text="same"), game.seat(partner)) == []


def test_the_notebook_opens_with_the_read_in_and_closes_after_the_meeting():
    game = board_game()
    writer = members(game)[0]
    game.do(c.StartPhase(phase="debrief"))
    assert "read-in and the board meeting" in game.refuse(c.WriteNotebook(text="late"), game.seat(writer))


def test_a_page_is_bounded():
    c.WriteNotebook(text="x" * NOTEBOOK_LIMIT)
    with pytest.raises(ValidationError):
        c.WriteNotebook(text="x" * (NOTEBOOK_LIMIT + 1))


def test_a_seat_in_no_pair_has_no_notebook_in_its_view():
    game = board_game()
    assert view_for(game.state, Viewer("seat", game.resident), game.now)["me"]["notebook"] is None
    with pytest.raises(RuleViolation):
        game.do(c.WriteNotebook(text="x"), game.seat(game.resident))


def test_a_log_with_notebooks_imports_back_to_the_same_state():
    from app.import_checks import check_log

    game = board_game()
    first, second = members(game)[:2]
    game.do(c.WriteNotebook(text="  spaced\n"), game.seat(first))
    game.do(c.WriteNotebook(text="  spaced\nand more"), game.seat(second))
    assert check_log(game.log, now=game.now) == game.state
