"""Every view the domain builds matches its contract, for every kind of viewer at every stage of the day; the
contract refuses a key it does not name anywhere in a view, and what only the trainer may see."""

from __future__ import annotations

import contextlib
import copy

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError

import app.api.routes.records
import app.realtime.stream
from app.domain import commands as c
from app.domain import views
from app.domain.apply import apply
from app.domain.core.errors import RuleViolation
from app.domain.follow_up.plan import plan
from app.domain.sections import Sections
from app.domain.views import PROJECTOR, TRAINER, Viewer, view_for
from tests.contracts.wire import check_view
from tests.domain.builders import Game, board_game, meeting_command, meeting_moves


def whole_day():
    """A board meeting with motions of every kind, a secret ballot, news, the 10% round, two rounds of
    consequences, and a debrief with enough reflections to show totals."""
    game = board_game()
    d = sorted(game.state.scenario.directorates, key=lambda x: x.id)
    first, second = game.holder(d[0].id), game.holder(d[1].id)
    game.do(c.RaiseHand(), c.Actor.seat(first))
    game.do(c.CallSpeaker())
    terms = {"source": d[0].id, "target": d[1].id, "amount": 50_000, "reason": "Early help"}
    game.do(c.Propose(kind="transfer", text="Move money", transfer=terms), c.Actor.seat(first))
    game.do(c.Second(motion_id="m1"), c.Actor.seat(second))
    for each in d:
        game.do(c.Vote(motion_id="m1", choice="for"), c.Actor.seat(game.holder(each.id)))
    game.do(c.CloseVote(motion_id="m1"))
    game.do(c.Propose(kind="objective", term="long", text="Fewer evictions", secret=True), c.Actor.seat(second))
    game.do(c.Second(motion_id="m2"), c.Actor.seat(first))
    game.do(c.Amend(motion_id="m2", text="No evictions into the cold"), c.Actor.seat(first))
    amendment = game.state.motions["m2"].amendments[0].id
    game.do(c.DecideAmendment(motion_id="m2", amendment_id=amendment, accept=True), c.Actor.seat(second))
    game.do(c.Vote(motion_id="m2", choice="against"), c.Actor.seat(first))
    game.do(c.Announce(text="Ten minutes left"))
    game.do(c.WriteInject(title="Flood", text="The *river* rose.", to=[first]))
    game.do(c.OpenTenPercent())
    game.do(c.AnswerTenPercent(recipient=d[1].id, reason="Prevention"), c.Actor.seat(first))
    game.do(c.AdvanceTime(period="year"))
    game.first = first
    yield "board meeting", game
    game.do(c.RevealTenPercent())
    game.do(c.AdvanceTime(period="quarter"))
    game.do(c.StartPhase(phase="debrief"))
    for seat in sorted(game.state.seats)[:3]:
        game.do(c.Reflect(ratings={"trust": 4, "shared-aims": 2}, comment="Worth it"), c.Actor.seat(seat))
    yield "debrief", game


def viewers(game) -> list[Viewer]:
    return [Viewer(TRAINER), Viewer(PROJECTOR)] + [Viewer("seat", s) for s in sorted(game.state.seats)]


def test_views_are_checked_in_every_test():
    """The plugin in tests/contracts/wire.py has swapped in a checking view_for, wherever it is used."""
    assert hasattr(views.view_for, "__wrapped__") and hasattr(views.shown_event, "__wrapped__")
    assert views.view_for is app.api.routes.records.view_for is view_for
    assert app.realtime.stream.shown_event is views.shown_event
    assert hasattr(Sections.view, "__wrapped__"), "the views sent over websockets are checked too"


def test_every_viewer_at_every_stage_gets_a_view_the_contract_describes():
    for _stage, game in whole_day():
        for viewer in viewers(game):
            check_view(view_for(game.state, viewer, game.now), viewer.kind)


def test_a_follow_up_meeting_carries_the_earlier_decisions_in_views_the_contract_describes():
    *_, (_, earlier) = whole_day()
    follow = Game(earlier.scenario, code="DEF")
    follow.state = apply(follow.state, plan(earlier.state, earlier.now))
    assert [d.kind for d in follow.state.carried] == ["transfer"]
    for viewer in viewers(follow):
        view = view_for(follow.state, viewer, follow.now)
        check_view(view, viewer.kind)
        assert view["session"]["real_roles"] is True and view["carried"][0]["meeting"] == 1


def test_a_removed_seat_gets_a_view_that_says_so():
    game = Game()
    gone = game.join("council-housing")
    game.join("nhs")
    game.do(c.RemoveSeat(seat_id=gone))
    view = view_for(game.state, Viewer("seat", gone), game.now)
    check_view(view, "seat")
    assert view["me"] == {"seat_id": gone, "removed": True}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(moves=meeting_moves(["education", "health", "housing", "safety"], max_size=40))
def test_views_after_any_meeting_match_the_contract(moves):
    game = board_game()
    for move in moves:
        command, actor = meeting_command(game, move)
        with contextlib.suppress(RuleViolation):  # a refusal changes nothing; the next move goes on
            game.do(command, actor)
    for viewer in viewers(game):
        check_view(view_for(game.state, viewer, game.now), viewer.kind)


def _debrief_views() -> dict[str, dict]:
    """The trainer's, the projector's and one seat's view at the debrief (the seat got the news sent to it)."""
    *_, (_, game) = whole_day()
    chosen = [Viewer(TRAINER), Viewer(PROJECTOR), Viewer("seat", game.first)]
    return {v.kind: view_for(game.state, v, game.now) for v in chosen}


SECTIONS = [
    ("session",),
    ("seats", 0),
    ("pairs", 0),
    ("chair",),
    ("directorates", 0),
    ("directorates", 0, "director"),
    ("indicators", 0),
    ("exported_costs", 0),
    ("agenda", 0),
    ("agenda", 1),
    ("motions", 0),
    ("motions", 0, "transfer"),
    ("motions", 0, "tally"),
    ("motions", 1),
    ("strategy",),
    ("strategy", "objectives"),
    ("strategy", "transfers", 0),
    ("floor",),
    ("floor", "contributions", 0),
    ("injects", 0),
    ("ten_percent",),
    ("ten_percent", "answers", 0),
    ("announcement",),
    ("consequences",),
    ("consequences", "rounds", 0),
    ("consequences", "rounds", 0, "indicators", 0),
    ("consequences", "rounds", 0, "directorates", 0),
    ("reflection",),
    ("reflection", "features", 0),
    ("me",),
    ("me", "can"),
    (),
]


@pytest.mark.parametrize("path", SECTIONS, ids=lambda p: ".".join(map(str, p)) or "top")
def test_a_key_without_a_contract_fails_in_every_section(path):
    view = copy.deepcopy(_debrief_views()["seat"])
    part = view
    for step in path:
        part = part[step]
    assert isinstance(part, dict), path
    check_view(view, "seat")
    part["surprise"] = 1
    with pytest.raises(ValidationError, match="surprise"):
        check_view(view, "seat")


def test_only_the_trainer_view_may_carry_the_seed_and_the_chair_pick():
    trainer = _debrief_views()["trainer"]
    check_view(trainer, "trainer")
    for kind in ("projector", "seat"):
        leaked = copy.deepcopy(_debrief_views()[kind])
        leaked["session"]["seed"] = trainer["session"]["seed"]
        with pytest.raises(ValidationError, match="seed"):
            check_view(leaked, kind)


def test_me_belongs_to_a_seat_view_only():
    seat, projector = _debrief_views()["seat"], _debrief_views()["projector"]
    with pytest.raises(ValidationError, match="me"):
        check_view(projector | {"me": seat["me"]}, "projector")
    with pytest.raises(ValidationError, match="me"):
        check_view({k: v for k, v in seat.items() if k != "me"}, "seat")


def test_a_changed_type_fails():
    view = copy.deepcopy(_debrief_views()["trainer"])
    view["directorates"][0]["balance"] = "a lot"
    with pytest.raises(ValidationError, match="balance"):
        check_view(view, "trainer")
