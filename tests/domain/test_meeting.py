"""The board meeting: agenda items, motions, votes and the corporate ledger."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain import events as ev
from app.domain.core.errors import RuleViolation
from app.domain.core.types import RESIDENT
from app.domain.motions.voting import quorum, tally
from app.domain.permissions import MAY, May

from .builders import (
    GUEST,
    TRAINER,
    Game,
    board_game,
    meeting_command,
    meeting_moves,
    tiny_facts,
)

TINY_DIRECTORATES = ["housing", "health", "safety", "education"]
TOTAL = 1_000_000  # the tiny pack's budgets add up to this


def check_ledger(game: Game, total: int = TOTAL) -> None:
    assert sum(game.state.ledger.values()) == total, "money is neither made nor lost"
    assert all(balance >= 0 for balance in game.state.ledger.values()), game.state.ledger


def chairs(state, actor: c.Actor) -> bool:
    return actor.kind == "trainer" or state.role_of(actor.seat_id).kind == "chair"


def held_quorum(state) -> int:
    """Worked out here, not by the app: more than half of the directorates a pair holds."""
    return len({a.directorate for a in state.assignments.values()}) // 2 + 1


def expected_close(before, ballots: dict[str, str], ledger: dict[str, int], motion_id: str, casting):
    """What closing a vote must do, worked out from our own record of each directorate's last choice:
    ('refused', why) or ('closed', carried, not-carried-out)."""
    motion = before.motions.get(motion_id)
    if motion is None or motion.status != "voting":
        return ("refused", "not open" if motion else "no such motion")
    if motion.secret and casting not in ("for", "against"):
        return ("refused", "secret ballot")  # asked at every close, so a refusal never tells of a tie
    if len(ballots) < held_quorum(before):
        return ("refused", "quorum")
    counts = Counter(ballots.values())
    yes, no = counts["for"], counts["against"]
    if yes == no and casting not in ("for", "against"):
        return ("refused", "tied")
    carried = yes > no or (yes == no and casting == "for")
    t = motion.transfer
    short = carried and t is not None and ledger[t.source] < t.amount
    return ("closed", carried and not short, short)


class Model:
    """Our own account of the meeting, kept from the events we see accepted: each directorate's last
    choice on each motion, the corporate ledger, and the money each carried transfer moved."""

    def __init__(self, game: Game):
        self.ledger = {d.id: d.budget for d in game.scenario.directorates}
        self.ballots: dict[str, dict[str, str]] = {}
        self.moved: dict[str, ev.Transfer] = {}

    def move(self, source: str, target: str, amount: int) -> None:
        self.ledger[source] -= amount
        self.ledger[target] += amount


def _refused(game: Game, model: Model, before, command, actor, message: str) -> None:
    if isinstance(command, c.CloseVote) and chairs(before, actor):
        outcome = expected_close(
            before, model.ballots.get(command.motion_id, {}), model.ledger, command.motion_id, command.casting
        )
        assert outcome[0] == "refused", f"closing was refused ({message}) but the votes say {outcome}"
        if outcome[1] == "quorum":
            assert message.startswith("The vote is not quorate: ")
            assert f"at least {held_quorum(before)} must" in message
        if outcome[1] == "tied":
            assert "tied" in message and "casting vote" in message
        if outcome[1] == "secret ballot":
            assert "used only if the vote is tied" in message and "tied at" not in message
    if isinstance(command, c.Vote) and actor.kind == "seat":
        motion = before.motions.get(command.motion_id)
        voter = before.role_of(actor.seat_id).directorate
        if motion is not None and motion.status == "voting" and voter is not None:
            assert model.ballots.get(motion.id, {}).get(voter) == command.choice, f"a fair vote was refused: {message}"
            assert "has already voted" in message and "Choose another option to change it." in message
    if isinstance(command, c.VoidMotion) and actor.kind == "trainer":
        motion = before.motions.get(command.motion_id)
        if motion is not None and motion.status in ("carried", "lost"):
            t = model.moved.get(motion.id)
            assert t is not None and model.ledger[t.target] < t.amount, f"a fair correction was refused: {message}"
            assert "cannot simply go back" in message


def _accepted(game: Game, model: Model, before, command, actor, events: list[ev.Event]) -> None:
    moved = [e for e in events if isinstance(e, ev.BudgetTransferred)]
    if isinstance(command, c.Vote):
        [cast] = events
        assert cast.directorate == before.role_of(actor.seat_id).directorate
        mine = model.ballots.setdefault(command.motion_id, {})
        assert mine.get(cast.directorate) != cast.choice, "the same choice twice must be refused"
        mine[cast.directorate] = cast.choice
        assert {d: b.choice for d, b in game.state.motions[command.motion_id].ballots.items()} == mine
    elif isinstance(command, c.CloseVote):
        ballots = model.ballots.get(command.motion_id, {})
        outcome = expected_close(before, ballots, model.ledger, command.motion_id, command.casting)
        assert outcome[0] == "closed", outcome
        closed = events[0]
        assert isinstance(closed, ev.VoteClosed)
        counts = Counter(ballots.values())
        assert (closed.votes_for, closed.votes_against, closed.abstentions) == (
            counts["for"],
            counts["against"],
            counts["abstain"],
        ), "the result counts each directorate's last choice"
        assert closed.votes_for + closed.votes_against + closed.abstentions >= held_quorum(before)
        assert closed.carried == outcome[1]
        assert closed.casting == (command.casting if closed.votes_for == closed.votes_against else None)
        assert game.state.motions[command.motion_id].status == ("carried" if closed.carried else "lost")
        t = before.motions[command.motion_id].transfer
        if closed.carried and t:
            assert moved == events[1:] == [ev.BudgetTransferred(command.motion_id, t.source, t.target, t.amount)]
            model.move(t.source, t.target, t.amount)
            model.moved[command.motion_id] = t
        else:
            assert events[1:] == []
        if outcome[2]:
            assert "Not carried out" in closed.note
    elif isinstance(command, c.VoidMotion):
        t = model.moved.pop(command.motion_id, None)
        assert before.motions[command.motion_id].status in ("carried", "lost")
        assert game.state.motions[command.motion_id].status == "void"
        if t is None:
            assert moved == []
        else:
            assert moved == [ev.BudgetTransferred(command.motion_id, t.target, t.source, t.amount, correction=True)]
            model.move(t.target, t.source, t.amount)
    else:
        assert moved == [], f"{command.type} must not move money"


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 2**31 - 1), meeting_moves(TINY_DIRECTORATES))
def test_money_is_conserved_and_never_negative_and_votes_decide_motions(seed, moves):
    """Any sequence of meeting moves (motions of every kind, amendments, withdrawals, rulings out, vote
    changes, closes, voids, and the rest of the floor) keeps every pound and never overdraws a budget,
    and every closed vote counts each directorate's last choice, with the casting rule, only when quorate."""
    game = board_game(seed=seed)
    model = Model(game)
    check_ledger(game)
    for move in moves:
        command, actor = meeting_command(game, move)
        before = game.state
        try:
            events = game.do(command, actor)
        except RuleViolation as refused:
            assert game.state is before
            _refused(game, model, before, command, actor, str(refused))
        else:
            _accepted(game, model, before, command, actor, events)
        check_ledger(game)
        assert game.state.ledger == model.ledger
    for motion in game.state.motions.values():
        if motion.status in ("carried", "lost"):
            assert len(motion.ballots) >= held_quorum(game.state), "no motion is decided without a quorum"


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["housing", "health", "safety", "education"]),
            st.sampled_from(["director", "assistant"]),
            st.sampled_from(["for", "against", "abstain"]),
        ),
        max_size=25,
    ),
    st.sampled_from(["for", "against"]),
)
def test_the_final_tally_counts_each_directorates_last_choice(votes, casting):
    game = board_game()
    motion = voting_on(game)
    last: dict[str, str] = {}
    for directorate, partner, choice in votes:
        voter = game.seat(game.holder(directorate, partner))
        if last.get(directorate) == choice:
            message = game.refuse(c.Vote(motion_id=motion, choice=choice), voter)
            assert "has already voted" in message and "Choose another option to change it." in message
        else:
            game.do(c.Vote(motion_id=motion, choice=choice), voter)
            last[directorate] = choice
        counts = Counter(last.values())
        assert tally(game.state.motions[motion]) == (counts["for"], counts["against"], counts["abstain"])
    counts = Counter(last.values())
    if len(last) < 3:
        message = game.refuse(c.CloseVote(motion_id=motion, casting=casting))
        assert message == f"The vote is not quorate: {len(last)} of 4 directorates have voted, and at least 3 must."
        return
    [closed, *_] = game.do(c.CloseVote(motion_id=motion, casting=casting))
    assert (closed.votes_for, closed.votes_against, closed.abstentions) == (
        counts["for"],
        counts["against"],
        counts["abstain"],
    )
    assert closed.carried == (
        counts["for"] > counts["against"] or (counts["for"] == counts["against"] and casting == "for")
    )


# --- voting, by example --------------------------------------------------------------------------------


def voting_on(game: Game, transfer: c.TransferTerms | None = None) -> str:
    """Health proposes, safety seconds; returns the motion id, now open for votes."""
    [proposed] = game.do(c.Propose(text="Fund damp repairs", transfer=transfer), game.seat(game.holder("health")))
    game.do(c.Second(motion_id=proposed.motion_id), game.seat(game.holder("safety", "assistant")))
    assert game.state.motions[proposed.motion_id].status == "voting"
    return proposed.motion_id


def cast(game: Game, motion_id: str, **choices: str) -> None:
    for directorate, choice in choices.items():
        game.do(c.Vote(motion_id=motion_id, choice=choice), game.seat(game.holder(directorate)))


def test_majority_for_carries_and_moves_the_money():
    game = board_game()
    terms = c.TransferTerms(source="housing", target="health", amount=50_000, reason="damp")
    motion = voting_on(game, terms)
    cast(game, motion, housing="for", health="for", safety="against", education="abstain")
    closed, moved = game.do(c.CloseVote(motion_id=motion))
    assert (closed.votes_for, closed.votes_against, closed.abstentions, closed.carried) == (2, 1, 1, True)
    assert moved == ev.BudgetTransferred(motion, "housing", "health", 50_000)
    assert game.state.ledger == {"housing": 350_000, "health": 350_000, "safety": 200_000, "education": 100_000}


def test_majority_against_loses_and_moves_nothing():
    game = board_game()
    motion = voting_on(game, c.TransferTerms(source="housing", target="health", amount=50_000, reason="damp"))
    cast(game, motion, housing="against", health="for", safety="against")
    [closed] = game.do(c.CloseVote(motion_id=motion))
    assert not closed.carried and game.state.motions[motion].status == "lost"
    assert game.state.ledger["housing"] == 400_000


@pytest.mark.parametrize("casting, carried", [("for", True), ("against", False)])
def test_a_tie_follows_the_chairs_casting_vote(casting, carried):
    game = board_game()
    motion = voting_on(game, c.TransferTerms(source="safety", target="education", amount=10_000, reason="youth"))
    cast(game, motion, housing="for", health="for", safety="against", education="against")
    chair = game.seat(game.state.chair)
    assert "tied at 2 to 2" in game.refuse(c.CloseVote(motion_id=motion), chair)
    assert "casting vote" in game.refuse(c.CloseVote(motion_id=motion, casting="abstain"), chair)
    events = game.do(c.CloseVote(motion_id=motion, casting=casting), chair)
    assert events[0].carried is carried and events[0].casting == casting
    assert game.state.ledger["education"] == 100_000 + (10_000 if carried else 0)


def test_a_vote_needs_a_quorum_and_abstentions_count_towards_it():
    game = board_game()
    motion = voting_on(game)
    assert quorum(game.state) == 3  # four directorates are held
    not_quorate = "The vote is not quorate: {} of 4 directorates have voted, and at least 3 must."
    assert game.refuse(c.CloseVote(motion_id=motion, casting="for")) == not_quorate.format(0)
    cast(game, motion, housing="abstain", health="abstain")
    assert game.refuse(c.CloseVote(motion_id=motion, casting="for")) == not_quorate.format(2)
    cast(game, motion, safety="abstain")
    assert "tied at 0 to 0" in game.refuse(c.CloseVote(motion_id=motion))
    [closed] = game.do(c.CloseVote(motion_id=motion, casting="against"))
    assert not closed.carried and (closed.votes_for, closed.votes_against, closed.abstentions) == (0, 0, 3)


def test_the_quorum_is_more_than_half_of_the_directorates_held():
    # Three pairs hold three of the four directorates: two of them make a quorum.
    game = Game(tiny_facts())
    for agency in ("council-housing", "council-housing", "nhs", "nhs", "police", "police"):
        game.join(agency)
    game.do(c.AutoPair())
    game.do(c.Shuffle(seed=5))
    game.do(c.StartPhase(phase="read_in"))
    game.do(c.StartPhase(phase="board"))
    game.do(c.OpenItem(item_id="budget"))
    held = sorted(game.state.held_directorates())
    assert len(held) == 3 and quorum(game.state) == 2
    [proposed] = game.do(c.Propose(text="Joint working"), game.seat(game.holder(held[0])))
    game.do(c.Second(motion_id=proposed.motion_id), game.seat(game.holder(held[1])))
    game.do(c.Vote(motion_id=proposed.motion_id, choice="for"), game.seat(game.holder(held[2])))
    assert "1 of 3 directorates have voted, and at least 2 must" in game.refuse(
        c.CloseVote(motion_id=proposed.motion_id)
    )
    game.do(c.Vote(motion_id=proposed.motion_id, choice="against"), game.seat(game.holder(held[0], "assistant")))
    [closed] = game.do(c.CloseVote(motion_id=proposed.motion_id, casting="for"))
    assert closed.carried and closed.casting == "for"


def test_only_ballots_of_directorates_still_held_count_towards_the_quorum():
    game = Game(tiny_facts())
    for agency in ("council-housing", "council-housing", "nhs", "police"):
        game.join(agency)
    game.do(c.AutoPair())
    lone = game.state.pairs["p2"][1]
    game.do(c.MoveSeat(seat_id=lone, to_pair=None))  # three pairs: two people, and two people on their own
    game.do(c.Shuffle(seed=3))
    game.do(c.StartPhase(phase="read_in"))
    game.do(c.StartPhase(phase="board"))
    game.do(c.OpenItem(item_id="budget"))
    solo = sorted((a for a in game.state.assignments.values() if a.assistant is None), key=lambda a: a.pair_id)
    pair = next(a for a in game.state.assignments.values() if a.assistant is not None)
    mover, other = solo
    [proposed] = game.do(c.Propose(text="Joint working"), game.seat(pair.director))
    motion = proposed.motion_id
    game.do(c.Second(motion_id=motion), game.seat(other.director))
    game.do(c.Vote(motion_id=motion, choice="for"), game.seat(mover.director))
    # The trainer moves the lone voter into the other lone director's pair: the directorate it voted for
    # is no longer held by anyone, and it votes again for its new directorate.
    game.do(c.MoveToRole(seat_id=mover.director, directorate=other.directorate, position="assistant"))
    assert mover.directorate not in game.state.held_directorates() and quorum(game.state) == 2
    game.do(c.Vote(motion_id=motion, choice="for"), game.seat(mover.director))
    # Of the two directorates held, only one has voted: not more than half.
    message = game.refuse(c.CloseVote(motion_id=motion, casting="for"))
    assert message.startswith("The vote is not quorate: 1 of 2 directorates have voted")


def test_a_carried_transfer_the_source_can_no_longer_afford_is_not_carried_out():
    game = board_game()
    terms = c.TransferTerms(source="housing", target="health", amount=300_000, reason="damp")
    first, second = voting_on(game, terms), voting_on(game, terms)
    cast(game, first, housing="for", health="for", safety="for")
    cast(game, second, housing="for", health="for", education="against")
    assert game.do(c.CloseVote(motion_id=first))[0].carried
    [closed] = game.do(c.CloseVote(motion_id=second))
    assert not closed.carried and "no longer holds £300,000" in closed.note
    assert game.state.ledger["housing"] == 100_000 and sum(game.state.ledger.values()) == TOTAL


# --- bad input: refused with a clear message, and nothing recorded --------------------------------------


def test_a_participant_cannot_open_an_agenda_item():
    game = board_game()
    for seat in (game.holder("housing"), game.holder("health", "assistant"), game.resident):
        assert "Only the chair or the trainer" in game.refuse(c.OpenItem(item_id="objectives"), game.seat(seat))
    game.do(c.OpenItem(item_id="objectives"), game.seat(game.state.chair))
    assert game.state.current_item == "objectives"


def test_unknown_or_already_open_items_are_refused():
    game = board_game()
    assert "no such agenda item" in game.refuse(c.OpenItem(item_id="lunch"))
    assert "already open" in game.refuse(c.OpenItem(item_id="budget"))


def test_a_directorate_has_one_vote_whichever_partner_casts_it_and_may_change_it():
    game = board_game()
    motion = voting_on(game)
    game.do(c.Vote(motion_id=motion, choice="for"), game.seat(game.holder("housing")))
    for seat in (game.holder("housing"), game.holder("housing", "assistant")):
        message = game.refuse(c.Vote(motion_id=motion, choice="for"), game.seat(seat))
        assert message == (
            "Housing has already voted for this motion; each directorate has one vote. "
            "Choose another option to change it."
        )
    assert tally(game.state.motions[motion]) == (1, 0, 0)
    # A different choice, from either partner, replaces the first: still one vote.
    game.do(c.Vote(motion_id=motion, choice="against"), game.seat(game.holder("housing", "assistant")))
    assert tally(game.state.motions[motion]) == (0, 1, 0)
    assert game.state.motions[motion].ballots["housing"].choice == "against"
    message = game.refuse(c.Vote(motion_id=motion, choice="against"), game.seat(game.holder("housing")))
    assert "Housing has already voted against this motion" in message
    game.do(c.Vote(motion_id=motion, choice="abstain"), game.seat(game.holder("housing")))
    message = game.refuse(c.Vote(motion_id=motion, choice="abstain"), game.seat(game.holder("housing")))
    assert message.startswith("Housing has already voted to abstain;")
    cast(game, motion, health="for", safety="for")
    [closed] = game.do(c.CloseVote(motion_id=motion))
    assert (closed.votes_for, closed.votes_against, closed.abstentions, closed.carried) == (2, 0, 1, True)


def test_no_vote_can_be_cast_or_changed_after_the_close():
    game = board_game()
    motion = voting_on(game)
    cast(game, motion, housing="for", health="for", safety="against")
    game.do(c.CloseVote(motion_id=motion))
    for directorate, choice in (("housing", "against"), ("education", "for")):
        message = game.refuse(c.Vote(motion_id=motion, choice=choice), game.seat(game.holder(directorate)))
        assert message == "That motion is not open for voting."
    assert tally(game.state.motions[motion]) == (2, 1, 0)


def test_in_director_mode_only_the_director_votes():
    game = board_game(replace(tiny_facts(), votes_by="director"))
    motion = voting_on(game)
    for seat in (game.holder("housing", "assistant"), game.resident, game.state.chair):
        message = game.refuse(c.Vote(motion_id=motion, choice="for"), game.seat(seat))
        assert message == "Only the director can vote for a directorate; you hold no vote."
    assert game.state.voter_directorate(game.holder("housing", "assistant")) is None
    game.do(c.Vote(motion_id=motion, choice="for"), game.seat(game.holder("housing")))
    assert game.state.motions[motion].ballots["housing"].seat_id == game.holder("housing")
    # The assistant still speaks for the directorate in every other way.
    game.do(c.Propose(text="Assistant's motion"), game.seat(game.holder("housing", "assistant")))


def test_seats_without_a_directorate_cannot_vote_propose_or_second():
    game = board_game()
    motion = voting_on(game)
    for seat in (game.resident, game.state.chair):
        actor = game.seat(seat)
        assert game.refuse(c.Vote(motion_id=motion, choice="for"), actor) == (
            "Only directors and executive assistants can vote for a directorate; you hold no vote."
        )
        assert "you hold no directorate" in game.refuse(c.Propose(text="Hello"), actor)
        assert "you hold no directorate" in game.refuse(c.Second(motion_id=motion), actor)
    assert game.state.role_of(game.resident).kind == "panel"
    assert "Only a directorate" in game.refuse(c.Vote(motion_id=motion, choice="for"), TRAINER)
    assert "Only a directorate" in game.refuse(c.Propose(text="Hello"), TRAINER)


def test_a_directorate_cannot_second_its_own_motion():
    game = board_game()
    [proposed] = game.do(c.Propose(text="More patrols"), game.seat(game.holder("safety")))
    for seat in (game.holder("safety"), game.holder("safety", "assistant")):
        message = game.refuse(c.Second(motion_id=proposed.motion_id), game.seat(seat))
        assert "cannot second its own motion" in message
    game.do(c.Second(motion_id=proposed.motion_id), game.seat(game.holder("housing")))
    assert "not waiting for a seconder" in game.refuse(
        c.Second(motion_id=proposed.motion_id), game.seat(game.holder("health"))
    )


def test_a_transfer_larger_than_the_sending_budget_is_refused():
    game = board_game()
    terms = c.TransferTerms(source="education", target="housing", amount=100_001, reason="school repairs")
    message = game.refuse(c.Propose(text="Too much", transfer=terms), game.seat(game.holder("housing")))
    assert message == "Education holds only £100,000, so it cannot transfer £100,001."


def test_a_transfer_must_go_between_two_different_real_directorates():
    game = board_game()
    director = game.seat(game.holder("housing"))
    same = c.TransferTerms(source="housing", target="housing", amount=1, reason="x")
    assert "to a different one" in game.refuse(c.Propose(text="Loop", transfer=same), director)
    unknown = c.TransferTerms(source="housing", target="parks", amount=1, reason="x")
    assert "two of the board's directorates" in game.refuse(c.Propose(text="Parks", transfer=unknown), director)


def test_voting_on_a_motion_that_is_not_open_is_refused():
    game = board_game()
    voter = game.seat(game.holder("education"))
    [proposed] = game.do(c.Propose(text="Unseconded"), game.seat(game.holder("health")))
    assert "not open for voting" in game.refuse(c.Vote(motion_id=proposed.motion_id, choice="for"), voter)
    assert "no such motion" in game.refuse(c.Vote(motion_id="m99", choice="for"), voter)
    assert "not open for voting" in game.refuse(c.CloseVote(motion_id=proposed.motion_id))
    motion = voting_on(game)
    cast(game, motion, housing="for", health="for", safety="for")
    game.do(c.CloseVote(motion_id=motion, casting="for"))
    assert "not open for voting" in game.refuse(c.Vote(motion_id=motion, choice="for"), voter)
    assert "not open for voting" in game.refuse(c.CloseVote(motion_id=motion, casting="for"))
    withdrawn = voting_on(game)
    game.do(c.Withdraw(motion_id=withdrawn), game.seat(game.holder("health", "assistant")))
    assert "not open for voting" in game.refuse(c.Vote(motion_id=withdrawn, choice="for"), voter)


def test_only_the_proposing_directorate_withdraws_and_only_undecided_motions():
    game = board_game()
    motion = voting_on(game)
    assert "Only the directorate that proposed" in game.refuse(
        c.Withdraw(motion_id=motion), game.seat(game.holder("safety"))
    )
    cast(game, motion, housing="for", health="for", safety="for")
    game.do(c.CloseVote(motion_id=motion, casting="for"))
    assert "already been decided" in game.refuse(c.Withdraw(motion_id=motion), game.seat(game.holder("health")))


def test_proposing_before_an_item_is_open_or_outside_the_board_is_refused():
    game = Game(tiny_facts())
    for agency in ("council-housing", "nhs", "police", "schools"):
        game.join(agency)
    game.do(c.AutoPair())
    game.do(c.Shuffle(seed=2))
    director = game.seat(game.holder("housing"))
    assert "during the board meeting" in game.refuse(c.Propose(text="Early"), director)
    game.do(c.StartPhase(phase="read_in"))
    assert "during the board meeting" in game.refuse(c.Propose(text="Early"), director)
    assert "during the board meeting" in game.refuse(c.OpenItem(item_id="budget"))
    game.do(c.StartPhase(phase="board"))
    assert "has not opened an agenda item" in game.refuse(c.Propose(text="Early"), director)
    game.do(c.OpenItem(item_id="objectives"))
    [proposed] = game.do(c.Propose(text="On time"), director)
    assert proposed.item_id == "objectives"
    game.do(c.StartPhase(phase="debrief"))
    assert "during the board meeting" in game.refuse(c.Propose(text="Late"), director)
    [other] = [a.director for a in game.state.assignments.values() if a.directorate != "housing"]
    assert "during the board meeting" in game.refuse(c.Second(motion_id=proposed.motion_id), game.seat(other))


TRAINER_COMMANDS = [
    c.RemoveSeat(seat_id="s0"),
    c.AutoPair(),
    c.MoveSeat(seat_id="s0"),
    c.ChooseChair(seat_id="s0"),
    c.Shuffle(seed=1),
    c.SwapPairs(first="p1", second="p2"),
    c.StartPhase(phase="debrief"),
    c.PauseClock(),
    c.ResumeClock(),
    c.ReleaseInject(inject_id="news"),
    c.WriteInject(title="Flood", text="The river is rising."),
    c.Announce(text="Five minutes left"),
    c.AddItem(title="Any other business"),
    c.EditItem(item_id="budget", minutes=5),
    c.MoveItem(item_id="budget", position=0),
    c.VoidMotion(motion_id="m1", reason="Recorded in error"),
    c.MoveToRole(seat_id="s0", directorate="housing", position="director"),
    c.OpenTenPercent(),
    c.RevealTenPercent(),
    c.AdvanceTime(period="year"),
    c.SetStage(stage="blank"),
    c.SetDoors(open=False),
    c.RemoveSeats(seat_ids=["s0", "s1"]),
    c.SeatThirdMember(seat_id="s0", pair_id="p1"),
    c.SeatObserver(seat_id="s0"),
    c.Undo(),
    c.SetDoors(open=False),
    c.RemoveSeats(seat_ids=["s0"]),
]
CHAIR_COMMANDS = [
    c.OpenItem(item_id="objectives"),
    c.CloseVote(motion_id="m1", casting="for"),
    c.RuleOut(motion_id="m1", reason="Not for this board"),
    c.SetBallot(motion_id="m1", secret=True),
    c.CallSpeaker(),
    c.FinishSpeaker(),
]


def test_the_trainer_only_list_is_covered():
    assert {cmd.type for cmd in TRAINER_COMMANDS} == {kind for kind, who in MAY.items() if who is May.TRAINER}


@pytest.mark.parametrize("command", TRAINER_COMMANDS, ids=lambda cmd: cmd.type)
def test_trainer_only_commands_are_refused_from_a_seat(command):
    game = board_game()
    for seat in (game.holder("housing"), game.state.chair, game.resident):
        assert game.refuse(command, game.seat(seat)) == "Only the trainer can do that."
    assert "Join the session first" in game.refuse(command, GUEST)


def test_the_chair_or_trainer_list_is_covered():
    assert {cmd.type for cmd in CHAIR_COMMANDS} == {kind for kind, who in MAY.items() if who is May.CHAIR}


@pytest.mark.parametrize("command", CHAIR_COMMANDS, ids=lambda cmd: cmd.type)
def test_chair_commands_are_refused_from_any_other_seat(command):
    game = board_game()
    motion = voting_on(game)
    assert motion == "m1"
    game.do(c.RaiseHand(), game.seat(game.resident))
    game.do(c.CallSpeaker(), game.seat(game.state.chair))
    for seat in (game.holder("housing"), game.holder("health", "assistant"), game.resident):
        assert game.refuse(command, game.seat(seat)) == "Only the chair or the trainer can do that."
    assert "Join the session first" in game.refuse(command, GUEST)


def test_joining_with_an_unknown_agency_is_refused():
    game = Game(tiny_facts())
    message = game.refuse(c.Join(name="Sam", agency="ministry-of-magic"), GUEST, new_seat_id="x")
    assert "Choose your organisation from the list" in message
    assert not game.state.seats


def test_joining_a_full_session_is_refused():
    game = Game(tiny_facts())  # four directorates: 2 x 4 + a chair = 9 professionals, and 4 residents
    for i in range(9):
        game.join(["council-housing", "nhs", "police", "schools", "fire"][i % 5])
    message = game.refuse(c.Join(name="Late", agency="police"), GUEST, new_seat_id="late")
    assert "full" in message and "room for 9 people from the services" in message
    for _ in range(4):
        game.join(RESIDENT)
    message = game.refuse(c.Join(name="Late", agency=RESIDENT), GUEST, new_seat_id="late2")
    assert "room for 4 residents" in message
    assert len(game.state.seats) == 13


def test_seats_cannot_join_twice_and_removed_seats_cannot_act():
    game = Game(tiny_facts())
    seat = game.join("police")
    assert "already joined" in game.refuse(c.Join(name="Again", agency="police"), game.seat(seat))
    game.do(c.RemoveSeat(seat_id=seat))
    assert "no longer in this session" in game.refuse(c.Propose(text="Hi"), game.seat(seat))


def test_nothing_happens_after_the_session_is_closed():
    game = board_game()
    motion = voting_on(game)
    game.do(c.StartPhase(phase="closed"))
    finished = "This session has finished; nothing more can change."
    director = game.seat(game.holder("housing"))
    assert game.refuse(c.Vote(motion_id=motion, choice="for"), director) == finished
    assert game.refuse(c.Propose(text="More"), director) == finished
    assert game.refuse(c.Join(name="Late", agency="police"), GUEST, new_seat_id="late") == finished
    for command in (
        c.CloseVote(motion_id=motion, casting="for"),
        c.StartPhase(phase="board"),
        c.PauseClock(),
        c.OpenItem(item_id="objectives"),
        c.AutoPair(),
    ):
        assert game.refuse(command) == finished


def test_a_motion_cannot_be_withdrawn_once_the_meeting_is_over():
    game = board_game()
    motion = voting_on(game)
    game.do(c.StartPhase(phase="debrief"))
    message = game.refuse(c.Withdraw(motion_id=motion), game.seat(game.holder("health")))
    assert message == "That can only happen during the board meeting."


def test_the_trainer_is_told_to_join_from_another_browser():
    game = board_game()
    assert "join from another browser" in game.refuse(c.Join(name="Trainer", agency="police"))
