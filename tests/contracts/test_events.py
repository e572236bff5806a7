"""Events as viewers are shown them: every event type but the reflection has a contract, built from the event's
own fields, and the contract knows what `shown_event` hides from whom."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.contracts.events import SHOWN
from app.domain import commands as c
from app.domain.events import EVENT_TYPES
from app.domain.views import PROJECTOR, TRAINER, Viewer, shown_event
from tests.contracts.wire import check_event
from tests.domain.builders import board_game


def test_every_event_but_a_reflection_has_a_contract():
    assert set(EVENT_TYPES) - set(SHOWN) == {"reflection-given"}


def test_an_unknown_field_a_missing_one_or_a_reflection_fails():
    check_event({"seq": 4, "type": "announced", "text": "Tea", "at": 1.0})
    with pytest.raises(ValidationError, match="mood"):
        check_event({"seq": 4, "type": "announced", "text": "Tea", "at": 1.0, "mood": "calm"})
    with pytest.raises(ValidationError, match="at"):
        check_event({"seq": 4, "type": "announced", "text": "Tea"})
    with pytest.raises(ValidationError):
        check_event({"seq": 5, "type": "reflection-given", "seat_id": "s1", "ratings": {"trust": 5}, "comment": ""})


def test_a_secret_vote_and_a_shuffle_are_shown_as_the_contract_says():
    game = board_game()
    d = sorted(x.id for x in game.state.scenario.directorates)
    first, second = game.holder(d[0]), game.holder(d[1])
    game.do(c.Propose(kind="free", text="Pool the repairs budgets", secret=True), c.Actor.seat(first))
    game.do(c.Second(motion_id="m1"), c.Actor.seat(second))
    vote = game.do(c.Vote(motion_id="m1", choice="for"), c.Actor.seat(first))[0]
    shuffle = next(e for e in game.log if e.type == "roles-shuffled")
    for viewer in (Viewer(TRAINER), Viewer(PROJECTOR), Viewer("seat", first), Viewer("seat", second)):
        shown_vote = shown_event(game.state, vote, 99, viewer)
        assert ("choice" in shown_vote) is (viewer.seat_id == first)
        assert ("seed" in shown_event(game.state, shuffle, 3, viewer)) is (viewer.kind == TRAINER)
