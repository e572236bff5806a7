"""The model inside a real session: levers and pooled-fund purposes are carried by strategy motions, money in a
fund does nothing until it has a purpose, and a follow-up meeting starts where the last one left the
neighbourhood and shows progress against what was agreed."""

from pathlib import Path

import pytest

from app.domain import apply
from app.domain import commands as c
from app.domain import events as ev
from app.domain.consequences.views import consequences_view
from app.domain.core.errors import RuleViolation
from app.domain.decide import decide
from app.domain.follow_up.plan import plan
from app.domain.views import Viewer, view_for
from app.scenarios.loader import load_folder
from app.scenarios.simulate import Board

TINY = load_folder(Path(__file__).resolve().parents[1] / "packs" / "tiny")


def transfer(board, source, target, amount):
    terms = c.TransferTerms(source=source, target=target, amount=amount, reason="the plan")
    board.carry(text=f"Move {amount}", kind="transfer", transfer=terms)


def rounds(board):
    return consequences_view(board.state)["rounds"]


def test_a_carried_strategy_motion_naming_a_lever_sets_it_working():
    plain, levered = Board(TINY), Board(TINY)
    levered.carry(text="Share our data", kind="strategy", lever="shared-data")
    for b in (plain, levered):
        b.do(c.AdvanceTime(period="year"))
    assert levered.state.rounds[-1].levers == ("shared-data",)

    def flows(b):
        return sum(d["imported"] for d in rounds(b)[-1]["directorates"])

    assert flows(levered) < flows(plain)
    assert rounds(levered)[-1]["dividend"] > rounds(plain)[-1]["dividend"]


def test_a_lever_the_pack_does_not_declare_is_refused_with_the_choices():
    board = Board(TINY)
    proposer = next(iter(board.voters().values()))
    with pytest.raises(RuleViolation, match="Shared data protocol"):
        board.do(c.Propose(text="Magic", kind="strategy", lever="magic"), proposer)
    with pytest.raises(RuleViolation, match="Only a strategy motion"):
        board.do(c.Propose(text="Magic", kind="objective", term="short", lever="shared-data"), proposer)


def test_money_in_a_pooled_fund_does_nothing_until_the_board_votes_it_a_purpose():
    idle, voted = Board(TINY), Board(TINY)
    for b in (idle, voted):
        transfer(b, "safety", "joint-fund", 20_000)
    voted.carry(text="Spend the fund on damp repairs", kind="strategy", lever="damp-repairs")
    for b in (idle, voted):
        b.do(c.AdvanceTime(period="year"))
    assert idle.state.ledger["joint-fund"] == 20_000
    view = view_for(voted.state, Viewer("trainer"), 0.0)
    assert view["funds"][0] | {"purposes": []} == {
        "id": "joint-fund",
        "name": "Joint prevention fund",
        "balance": 20_000,
        "purpose": "Damp repairs",
        "purposes": [],
    }

    def housing(b):
        return next(d for d in rounds(b)[-1]["directorates"] if d["id"] == "housing")

    assert housing(voted)["exported"] < housing(idle)["exported"]
    assert housing(idle)["balance"] == housing(voted)["balance"] == 400_000
    assert rounds(voted)[-1]["dividend"] > rounds(idle)[-1]["dividend"]


def test_a_follow_up_starts_where_the_last_meeting_left_the_neighbourhood():
    board = Board(TINY)
    transfer(board, "safety", "housing", 25_000)
    board.carry(text="Share our data", kind="strategy", lever="shared-data")
    board.do(c.AdvanceTime(period="year"))
    board.do(c.AdvanceTime(period="year"))
    last = rounds(board)[-1]
    started = plan(board.state, 1000.0)
    assert started.stocks is not None and started.stocks.months == 24
    assert any(d.lever == "shared-data" for d in started.carried)
    follow = apply.apply(apply.apply(None, ev.SessionCreated("NEXT", board.scenario, 900.0)), started)
    view = consequences_view(follow)
    assert view["start"] == last["dividend"] and view["rounds"] == []
    for command in (c.StartPhase(phase="read_in"), c.StartPhase(phase="board"), c.AdvanceTime(period="year")):
        for event in decide(follow, command, c.Context(c.TRAINER, 2000.0)):
            follow = apply.apply(follow, event)
    (first,) = consequences_view(follow)["rounds"]
    assert first["months"] == 36 and first["label"] == "After 3 years"
    assert follow.rounds[-1].levers == ("shared-data",)

    def damp(r):
        return next(i for i in r["indicators"] if i["id"] == "damp-homes")

    assert damp(first)["value"] <= damp(last)["value"] and damp(first)["progress"] >= damp(last)["progress"]
    assert abs(first["dividend"] - last["dividend"]) < 1


def test_a_follow_up_shows_progress_against_the_targets_agreed_at_the_meeting_before():
    board = Board(TINY)
    goal = c.TargetTermsIn(indicator="damp-homes", directorate="housing", value=15, by="March 2028")
    board.carry(text="Fewer damp homes", kind="target", target=goal)
    transfer(board, "health", "housing", 30_000)
    board.do(c.AdvanceTime(period="year"))
    follow = apply.apply(apply.apply(None, ev.SessionCreated("NEXT", board.scenario, 900.0)), plan(board.state, 1000.0))
    for command in (c.StartPhase(phase="read_in"), c.StartPhase(phase="board"), c.AdvanceTime(period="year")):
        for event in decide(follow, command, c.Context(c.TRAINER, 2000.0)):
            follow = apply.apply(follow, event)
    (first,) = consequences_view(follow)["rounds"]
    damp = next(i for i in first["indicators"] if i["id"] == "damp-homes")
    assert damp["target"] == 15 and damp["progress"] == round(100 * (damp["value"] - 20) / (15 - 20))
    assert damp["progress"] > 0
