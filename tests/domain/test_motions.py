"""Motions of every kind, amendments, rulings out, ballots and corrections, by example: what each does,
and each piece of bad input refused with a clear message and no trace (`Game.refuse` checks the state
and the log are unchanged)."""

from __future__ import annotations

import pytest

from app.domain import commands as c
from app.domain import events as ev

from .builders import TRAINER, Game, board_game

BUDGETS = {"housing": 400_000, "health": 300_000, "safety": 200_000, "education": 100_000}


def director(game: Game, directorate: str) -> c.Actor:
    return game.seat(game.holder(directorate))


def assistant(game: Game, directorate: str) -> c.Actor:
    return game.seat(game.holder(directorate, "assistant"))


def chair(game: Game) -> c.Actor:
    return game.seat(game.state.chair)


def transfer(source: str, target: str, amount: int, reason: str = "exported costs") -> c.TransferTerms:
    return c.TransferTerms(source=source, target=target, amount=amount, reason=reason)


def propose(game: Game, by: str = "health", **fields) -> str:
    [proposed] = game.do(c.Propose(**{"text": "A motion", **fields}), director(game, by))
    return proposed.motion_id


def motion_of(game: Game, by: str = "health", **fields):
    motion_id = propose(game, by, **fields)
    return game.state.motions[motion_id]


def seconded(game: Game, motion_id: str, by: str = "safety") -> str:
    game.do(c.Second(motion_id=motion_id), assistant(game, by))
    return motion_id


def carry(game: Game, motion_id: str, **choices: str) -> list[ev.Event]:
    """Votes (housing, health and safety for, unless told otherwise) and closes."""
    for directorate, choice in (choices or {"housing": "for", "health": "for", "safety": "for"}).items():
        game.do(c.Vote(motion_id=motion_id, choice=choice), director(game, directorate))
    return game.do(c.CloseVote(motion_id=motion_id, casting="for"), chair(game))


# --- typed motions ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("term", ["short", "medium", "long"])
def test_an_objective_records_its_term(term):
    game = board_game()
    motion = motion_of(game, kind="objective", term=term, text="Halve damp homes")
    assert (motion.kind, motion.term, motion.transfer, motion.target) == ("objective", term, None, None)


def test_an_objective_without_a_term_is_refused():
    game = board_game()
    message = game.refuse(c.Propose(text="Do better", kind="objective"), director(game, "housing"))
    assert message == "Say whether this objective is short, medium or long term."


def test_a_target_names_a_real_indicator():
    game = board_game()
    goal = c.TargetTermsIn(indicator="damp-homes", directorate="housing", value=12, by="March 2027")
    motion = motion_of(game, kind="target", target=goal)
    assert motion.kind == "target"
    assert motion.target == ev.TargetTerms("damp-homes", "housing", 12.0, "March 2027")


def test_a_target_on_an_unknown_indicator_is_refused():
    game = board_game()
    goal = c.TargetTermsIn(indicator="happiness", directorate="housing", value=12, by="March 2027")
    message = game.refuse(c.Propose(text="Be happier", kind="target", target=goal), director(game, "housing"))
    assert message == "There is no indicator 'happiness' in this scenario; choose one from the list."
    bad_owner = c.TargetTermsIn(indicator="damp-homes", directorate="parks", value=12, by="March 2027")
    message = game.refuse(c.Propose(text="Parks", kind="target", target=bad_owner), director(game, "housing"))
    assert message == "A target must name one of the board's directorates."


def test_a_target_or_transfer_motion_without_its_terms_is_refused():
    game = board_game()
    actor = director(game, "housing")
    assert game.refuse(c.Propose(text="Target", kind="target"), actor) == (
        "A target motion needs its indicator, directorate, value and date."
    )
    assert game.refuse(c.Propose(text="Transfer", kind="transfer"), actor) == (
        "A transfer motion needs the sending and receiving directorates, the amount and the reason."
    )


def test_terms_belong_only_to_their_own_kind_of_motion():
    game = board_game()
    actor = director(game, "housing")
    goal = c.TargetTermsIn(indicator="damp-homes", directorate="housing", value=12, by="2027")
    for command in (
        c.Propose(text="x", kind="strategy", transfer=transfer("housing", "health", 1)),
        c.Propose(text="x", kind="transfer", transfer=transfer("housing", "health", 1), target=goal),
        c.Propose(text="x", kind="free", target=goal),
    ):
        assert game.refuse(command, actor) == (
            "Only a transfer motion carries transfer terms, and only a target motion a target."
        )


def test_an_untyped_motion_is_a_transfer_if_it_carries_one_and_free_otherwise():
    game = board_game()
    assert motion_of(game, transfer=transfer("housing", "health", 5)).kind == "transfer"
    assert motion_of(game).kind == "free"
    assert motion_of(game, kind="strategy").kind == "strategy"


def test_a_transfer_that_would_leave_a_budget_negative_is_refused():
    game = board_game()
    message = game.refuse(
        c.Propose(text="Too much", transfer=transfer("safety", "health", 200_001)), director(game, "housing")
    )
    assert message == "Community Safety holds only £200,000, so it cannot transfer £200,001."
    # After money has left, the limit is what is left.
    carry(game, seconded(game, propose(game, transfer=transfer("safety", "health", 150_000))))
    assert game.state.ledger["safety"] == 50_000
    message = game.refuse(
        c.Propose(text="Again", transfer=transfer("safety", "health", 50_001)), director(game, "housing")
    )
    assert message == "Community Safety holds only £50,000, so it cannot transfer £50,001."


def test_a_transfer_may_name_only_one_of_the_scenarios_exported_costs():
    game = board_game()
    terms = c.TransferTerms(source="housing", target="health", amount=1, reason="x", addresses="safety>health")
    message = game.refuse(c.Propose(text="x", transfer=terms), director(game, "housing"))
    assert message == "That exported cost is not one of this scenario's; choose it from the list."
    good = c.TransferTerms(source="housing", target="health", amount=1, reason="x", addresses="housing>health")
    assert motion_of(game, transfer=good).transfer.addresses == "housing>health"


# --- amendments ---------------------------------------------------------------------------------------------


def test_an_accepted_amendment_rewrites_the_motion_and_its_terms():
    game = board_game()
    motion = propose(game, transfer=transfer("housing", "health", 50_000))
    [amendment] = game.do(
        c.Amend(motion_id=motion, text="Fund more repairs", transfer=transfer("housing", "health", 80_000, "damp")),
        assistant(game, "education"),
    )
    assert amendment.amendment_id == f"{motion}-a1" and amendment.directorate == "education"
    assert game.state.motions[motion].amendments[0].status == "pending"
    game.do(
        c.DecideAmendment(motion_id=motion, amendment_id=amendment.amendment_id, accept=True), assistant(game, "health")
    )
    m = game.state.motions[motion]
    assert (m.text, m.transfer.amount, m.amendments[0].status) == ("Fund more repairs", 80_000, "accepted")
    carry(game, seconded(game, motion))
    assert game.state.ledger["health"] == BUDGETS["health"] + 80_000


def test_a_declined_amendment_leaves_the_motion_as_it_was():
    game = board_game()
    motion = propose(game, kind="objective", term="long", text="A healthy town")
    [amendment] = game.do(c.Amend(motion_id=motion, text="A wealthy town"), director(game, "housing"))
    game.do(
        c.DecideAmendment(motion_id=motion, amendment_id=amendment.amendment_id, accept=False), director(game, "health")
    )
    m = game.state.motions[motion]
    assert (m.text, m.term, m.amendments[0].status) == ("A healthy town", "long", "declined")
    message = game.refuse(
        c.DecideAmendment(motion_id=motion, amendment_id=amendment.amendment_id, accept=True), director(game, "health")
    )
    assert message == "There is no such amendment waiting for a decision."


def test_only_the_proposing_directorate_decides_an_amendment():
    game = board_game()
    motion = propose(game)
    [amendment] = game.do(c.Amend(motion_id=motion, text="Better"), director(game, "housing"))
    for actor in (director(game, "housing"), assistant(game, "safety")):
        message = game.refuse(
            c.DecideAmendment(motion_id=motion, amendment_id=amendment.amendment_id, accept=True), actor
        )
        assert message == "Only the directorate that proposed the motion can accept or decline an amendment."
    assert "no such amendment" in game.refuse(
        c.DecideAmendment(motion_id=motion, amendment_id="m1-a9", accept=True), director(game, "health")
    )


def test_amending_after_votes_are_cast_is_refused():
    game = board_game()
    motion = seconded(game, propose(game))
    [amendment] = game.do(c.Amend(motion_id=motion, text="Seconded, not yet voted"), director(game, "housing"))
    game.do(c.Vote(motion_id=motion, choice="for"), director(game, "education"))
    message = game.refuse(c.Amend(motion_id=motion, text="Too late"), director(game, "housing"))
    assert message == "Votes have been cast on that motion, so it can no longer be amended."
    message = game.refuse(
        c.DecideAmendment(motion_id=motion, amendment_id=amendment.amendment_id, accept=True), director(game, "health")
    )
    assert message == "Votes have been cast on that motion, so it can no longer be amended."


def test_amending_a_closed_motion_is_refused():
    game = board_game()
    motion = seconded(game, propose(game))
    carry(game, motion)
    message = game.refuse(c.Amend(motion_id=motion, text="Afterthought"), director(game, "housing"))
    assert message == "That motion has already been decided, so it cannot be amended."
    withdrawn = propose(game)
    game.do(c.Withdraw(motion_id=withdrawn), director(game, "health"))
    assert "already been decided" in game.refuse(c.Amend(motion_id=withdrawn, text="x"), director(game, "housing"))


def test_an_amendment_may_change_terms_only_of_its_own_kind():
    game = board_game()
    motion = propose(game, kind="strategy")
    message = game.refuse(
        c.Amend(motion_id=motion, text="x", transfer=transfer("housing", "health", 1)), director(game, "housing")
    )
    assert message == "An amendment can change the terms only of a transfer or target motion of that kind."


def test_an_amendment_moving_more_than_the_source_holds_is_refused_when_made_and_when_accepted():
    game = board_game()
    motion = propose(game, transfer=transfer("housing", "health", 50_000))
    message = game.refuse(
        c.Amend(motion_id=motion, text="More", transfer=transfer("housing", "health", 400_001)),
        director(game, "safety"),
    )
    assert message == "Housing holds only £400,000, so it cannot transfer £400,001."
    [amendment] = game.do(
        c.Amend(motion_id=motion, text="More", transfer=transfer("housing", "health", 350_000)),
        director(game, "safety"),
    )
    # Meanwhile, another motion takes money out of housing.
    carry(game, seconded(game, propose(game, by="education", transfer=transfer("housing", "education", 100_000))))
    message = game.refuse(
        c.DecideAmendment(motion_id=motion, amendment_id=amendment.amendment_id, accept=True), director(game, "health")
    )
    assert message == "Housing holds only £300,000, so it cannot transfer £350,000."
    game.do(
        c.DecideAmendment(motion_id=motion, amendment_id=amendment.amendment_id, accept=False), director(game, "health")
    )


# --- seconding, withdrawing, ruling out ---------------------------------------------------------------------


def test_seconding_ones_own_motion_is_refused_from_either_partner():
    game = board_game()
    motion = propose(game, by="education")
    for actor in (director(game, "education"), assistant(game, "education")):
        assert game.refuse(c.Second(motion_id=motion), actor) == (
            "A directorate cannot second its own motion; another directorate must."
        )
    assert game.state.motions[motion].status == "proposed"


def test_the_chair_rules_a_motion_out_of_order_with_a_reason():
    game = board_game()
    motion = seconded(game, propose(game))
    game.do(c.Vote(motion_id=motion, choice="for"), director(game, "housing"))
    [ruled] = game.do(c.RuleOut(motion_id=motion, reason="Not within the board's powers"), chair(game))
    assert ruled == ev.MotionRuledOut(motion, "Not within the board's powers")
    m = game.state.motions[motion]
    assert (m.status, m.note) == ("out_of_order", "Not within the board's powers")
    assert game.refuse(c.Vote(motion_id=motion, choice="against"), director(game, "safety")) == (
        "That motion is not open for voting."
    )
    assert game.refuse(c.RuleOut(motion_id=motion, reason="again"), TRAINER) == "That motion has already been decided."
    assert game.refuse(c.CloseVote(motion_id=motion, casting="for"), TRAINER) == "That motion is not open for voting."


def test_ruling_out_setting_the_ballot_or_calling_speakers_needs_the_chair():
    game = board_game()
    motion = propose(game)
    game.do(c.RaiseHand(), game.seat(game.resident))
    for actor in (director(game, "housing"), assistant(game, "health"), game.seat(game.resident)):
        for command in (
            c.RuleOut(motion_id=motion, reason="No"),
            c.SetBallot(motion_id=motion, secret=True),
            c.CallSpeaker(),
            c.CallSpeaker(seat_id=game.resident),
            c.FinishSpeaker(),
        ):
            assert game.refuse(command, actor) == "Only the chair or the trainer can do that."
    game.do(c.SetBallot(motion_id=motion, secret=True), chair(game))
    game.do(c.CallSpeaker(), TRAINER)
    assert game.state.motions[motion].secret and game.state.floor.speaking == game.resident


# --- ballots ------------------------------------------------------------------------------------------------


def test_the_ballot_can_be_made_secret_or_named_only_before_anyone_votes():
    game = board_game()
    motion = propose(game, secret=True)
    assert game.state.motions[motion].secret
    assert game.refuse(c.SetBallot(motion_id=motion, secret=True), chair(game)) == "The ballot is already secret."
    game.do(c.SetBallot(motion_id=motion, secret=False), chair(game))
    assert game.refuse(c.SetBallot(motion_id=motion, secret=False), TRAINER) == "The ballot is already named."
    seconded(game, motion)
    game.do(c.SetBallot(motion_id=motion, secret=True), TRAINER)
    game.do(c.Vote(motion_id=motion, choice="for"), director(game, "housing"))
    message = game.refuse(c.SetBallot(motion_id=motion, secret=False), chair(game))
    assert message == "The ballot can only be changed before anyone votes."
    assert game.refuse(c.SetBallot(motion_id="m9", secret=False), chair(game)) == "There is no such motion."


# --- corrections --------------------------------------------------------------------------------------------


def test_voiding_a_carried_transfer_puts_the_money_back_and_keeps_the_record():
    game = board_game()
    motion = seconded(game, propose(game, transfer=transfer("housing", "health", 60_000)))
    carry(game, motion)
    assert game.state.ledger["housing"] == 340_000
    voided, back = game.do(c.VoidMotion(motion_id=motion, reason="The amount was misheard"))
    assert voided.reason == "The amount was misheard"
    assert back == ev.BudgetTransferred(motion, "health", "housing", 60_000, correction=True)
    assert game.state.ledger == BUDGETS
    m = game.state.motions[motion]
    assert (m.status, m.note, m.moved_money) == ("void", "The amount was misheard", False)
    assert any(isinstance(e, ev.VoteClosed) for e in game.log), "nothing is deleted"
    assert game.refuse(c.VoidMotion(motion_id=motion, reason="again")) == (
        "Only a motion that has been decided can be corrected."
    )
    assert game.state.ledger == BUDGETS


def test_voiding_a_lost_motion_moves_no_money():
    game = board_game()
    motion = seconded(game, propose(game, transfer=transfer("housing", "health", 60_000)))
    carry(game, motion, housing="against", health="for", safety="against")
    assert game.do(c.VoidMotion(motion_id=motion, reason="Wrong item")) == [
        ev.MotionVoided(motion, "Wrong item", game.now)
    ]
    assert game.state.ledger == BUDGETS


def test_only_decided_motions_can_be_voided():
    game = board_game()
    motion = propose(game)
    assert game.refuse(c.VoidMotion(motion_id=motion, reason="x")) == (
        "Only a motion that has been decided can be corrected."
    )
    assert game.refuse(c.VoidMotion(motion_id="m9", reason="x")) == "There is no such motion."


def test_a_void_the_receiver_can_no_longer_pay_back_is_refused():
    game = board_game()
    first = seconded(game, propose(game, transfer=transfer("housing", "education", 100_000)))
    carry(game, first)
    # Education passes all of it on, and more.
    second = seconded(
        game, propose(game, by="education", transfer=transfer("education", "safety", 150_000)), by="housing"
    )
    carry(game, second)
    assert game.state.ledger["education"] == 50_000
    message = game.refuse(c.VoidMotion(motion_id=first, reason="Misheard"))
    assert message == (
        "Education now holds only £50,000, so the £100,000 cannot simply go back; agree a new transfer instead."
    )
    assert game.state.motions[first].status == "carried"
    # Undo the later one first, and then the first can go back too.
    game.do(c.VoidMotion(motion_id=second, reason="Misheard"))
    game.do(c.VoidMotion(motion_id=first, reason="Misheard"))
    assert game.state.ledger == BUDGETS


def test_only_the_trainer_voids():
    game = board_game()
    motion = seconded(game, propose(game))
    carry(game, motion)
    for actor in (chair(game), director(game, "health")):
        assert game.refuse(c.VoidMotion(motion_id=motion, reason="x"), actor) == "Only the trainer can do that."
