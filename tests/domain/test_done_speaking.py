"""The participant who has the floor can end their own turn; nobody else can end it for them that way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain import events as ev

from .builders import TRAINER, board_game


@settings(max_examples=30, deadline=None)
@given(speaker=st.integers(0, 10), finisher=st.integers(0, 10))
def test_only_the_speaker_ends_their_own_turn(speaker, finisher):
    game = board_game()
    seats = sorted(game.state.seats)
    speaking, asking = seats[speaker % len(seats)], seats[finisher % len(seats)]
    game.do(c.CallSpeaker(seat_id=speaking))
    if asking == speaking:
        assert game.do(c.DoneSpeaking(), game.seat(asking)) == [ev.SpeakerFinished(asking, game.now)]
        assert game.state.floor.speaking is None
        assert game.state.floor.contributions[asking] == 1
        assert "do not have the floor" in game.refuse(c.DoneSpeaking(), game.seat(asking))
    else:
        assert "do not have the floor" in game.refuse(c.DoneSpeaking(), game.seat(asking))
        assert game.state.floor.speaking == speaking


def test_the_trainer_finishes_speakers_another_way():
    game = board_game()
    game.do(c.CallSpeaker(seat_id=game.resident))
    assert "Finish speaker" in game.refuse(c.DoneSpeaking(), TRAINER)


def test_a_turn_ended_by_its_speaker_imports_back():
    from app.import_checks import check_log

    game = board_game()
    game.do(c.RaiseHand(), game.seat(game.resident))
    game.do(c.CallSpeaker())
    game.do(c.DoneSpeaking(), game.seat(game.resident))
    assert check_log(game.log, now=game.now) == game.state
