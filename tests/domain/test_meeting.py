"""The board meeting: agenda items, motions, votes and the corporate ledger."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from app.domain import commands as c
from app.domain import events as ev
from app.domain.errors import RuleViolation
from app.domain.meeting_rules import tally
from app.domain.rules import TRAINER_ONLY
from app.domain.types import RESIDENT

from .builders import GUEST, TRAINER, Game, board_game, meeting_command, meeting_moves, tiny_facts

TINY_DIRECTORATES = ["housing", "health", "safety", "education"]
TOTAL = 1_000_000  # the tiny pack's budgets add up to this


def check_ledger(game: Game, total: int = TOTAL) -> None:
    assert sum(game.state.ledger.values()) == total, "money is neither made nor lost"
    assert all(balance >= 0 for balance in game.state.ledger.values()), game.state.ledger


def expected_close(before, motion_id: str, casting):
    """What closing a vote must do, worked out from the ballots: ('refused', why) or ('closed', carried, note?)."""
    motion = before.motions.get(motion_id)
    if motion is None or motion.status != "voting":
        return ("refused", "not open" if motion else "no such motion")
    choices = [b.choice for b in motion.ballots.values()]
    yes, no = choices.count("for"), choices.count("against")
    if yes == no and casting not in ("for", "against"):
        return ("refused", "tied")
    carried = yes > no or (yes == no and casting == "for")
    t = motion.transfer
    short = carried and t is not None and before.ledger[t.source] < t.amount
    return ("closed", carried and not short, short)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**31 - 1), meeting_moves(TINY_DIRECTORATES))
def test_money_is_conserved_and_never_negative_and_votes_decide_motions(seed, moves):
    game = board_game(seed=seed)
    check_ledger(game)
    for move in moves:
        command, actor = meeting_command(game, move)
        before = game.state
        try:
            events = game.do(command, actor)
        except RuleViolation as refused:
            assert game.state is before
            if move[0] == "close" and actor == TRAINER:
                outcome = expected_close(before, command.motion_id, command.casting)
                assert outcome[0] == "refused", f"closing was refused ({refused}) but the votes say {outcome}"
                if outcome[1] == "tied":
                    assert "tied" in str(refused) and "casting vote" in str(refused)
            check_ledger(game)
            continue
        check_ledger(game)
        if isinstance(command, c.CloseVote):
            outcome = expected_close(before, command.motion_id, command.casting)
            assert outcome[0] == "closed", outcome
            closed = events[0]
            assert isinstance(closed, ev.VoteClosed)
            ballots = [b.choice for b in before.motions[command.motion_id].ballots.values()]
            assert (closed.votes_for, closed.votes_against, closed.abstentions) == (
                ballots.count("for"), ballots.count("against"), ballots.count("abstain"))
            assert closed.carried == outcome[1]
            assert closed.casting == (command.casting if closed.votes_for == closed.votes_against else None)
            assert game.state.motions[command.motion_id].status == ("carried" if closed.carried else "lost")
            transfer = before.motions[command.motion_id].transfer
            if closed.carried and transfer:
                assert events[1:] == [ev.BudgetTransferred(command.motion_id, transfer.source, transfer.target,
                                                           transfer.amount)]
                assert game.state.ledger[transfer.source] == before.ledger[transfer.source] - transfer.amount
                assert game.state.ledger[transfer.target] == before.ledger[transfer.target] + transfer.amount
            else:
                assert events[1:] == [] and game.state.ledger == before.ledger
            if outcome[2]:
                assert "Not carried out" in closed.note
        else:
            assert not any(isinstance(e, ev.BudgetTransferred) for e in events)
            assert game.state.ledger == before.ledger
        if isinstance(command, c.Vote):
            [cast] = events
            assert cast.directorate == before.role_of(actor.seat_id).directorate
            assert len(game.state.motions[command.motion_id].ballots) == len(before.motions[command.motion_id].ballots) + 1


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


def test_a_vote_with_no_ballots_is_a_tie_too():
    game = board_game()
    motion = voting_on(game)
    assert "tied at 0 to 0" in game.refuse(c.CloseVote(motion_id=motion))
    [closed] = game.do(c.CloseVote(motion_id=motion, casting="against"))
    assert not closed.carried


def test_a_carried_transfer_the_source_can_no_longer_afford_is_not_carried_out():
    game = board_game()
    terms = c.TransferTerms(source="housing", target="health", amount=300_000, reason="damp")
    first, second = voting_on(game, terms), voting_on(game, terms)
    cast(game, first, housing="for", health="for")
    cast(game, second, housing="for", health="for")
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


def test_a_directorate_votes_once_whichever_partner_casts_it():
    game = board_game()
    motion = voting_on(game)
    game.do(c.Vote(motion_id=motion, choice="for"), game.seat(game.holder("housing")))
    for seat in (game.holder("housing"), game.holder("housing", "assistant")):
        message = game.refuse(c.Vote(motion_id=motion, choice="against"), game.seat(seat))
        assert "Housing has already voted" in message and "one vote" in message
    assert tally(game.state.motions[motion]) == (1, 0, 0)


def test_seats_without_a_directorate_cannot_vote_propose_or_second():
    game = board_game()
    motion = voting_on(game)
    for seat in (game.resident, game.state.chair):
        actor = game.seat(seat)
        assert "you hold no directorate" in game.refuse(c.Vote(motion_id=motion, choice="for"), actor)
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
    assert "not waiting for a seconder" in game.refuse(c.Second(motion_id=proposed.motion_id),
                                                       game.seat(game.holder("health")))


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
    game.do(c.CloseVote(motion_id=motion, casting="for"))
    assert "not open for voting" in game.refuse(c.Vote(motion_id=motion, choice="for"), voter)
    assert "not open for voting" in game.refuse(c.CloseVote(motion_id=motion, casting="for"))
    withdrawn = voting_on(game)
    game.do(c.Withdraw(motion_id=withdrawn), game.seat(game.holder("health", "assistant")))
    assert "not open for voting" in game.refuse(c.Vote(motion_id=withdrawn, choice="for"), voter)


def test_only_the_proposing_directorate_withdraws_and_only_undecided_motions():
    game = board_game()
    motion = voting_on(game)
    assert "Only the directorate that proposed" in game.refuse(c.Withdraw(motion_id=motion),
                                                               game.seat(game.holder("safety")))
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
    c.RemoveSeat(seat_id="s0"), c.AutoPair(), c.MoveSeat(seat_id="s0"), c.ChooseChair(seat_id="s0"),
    c.Shuffle(seed=1), c.SwapPairs(first="p1", second="p2"), c.StartPhase(phase="debrief"), c.PauseClock(),
    c.ResumeClock(), c.ReleaseInject(inject_id="news"),
]


def test_the_trainer_only_list_is_covered():
    assert {cmd.type for cmd in TRAINER_COMMANDS} == TRAINER_ONLY


@pytest.mark.parametrize("command", TRAINER_COMMANDS, ids=lambda cmd: cmd.type)
def test_trainer_only_commands_are_refused_from_a_seat(command):
    game = board_game()
    for seat in (game.holder("housing"), game.state.chair, game.resident):
        assert game.refuse(command, game.seat(seat)) == "Only the trainer can do that."
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
    for command in (c.CloseVote(motion_id=motion, casting="for"), c.StartPhase(phase="board"), c.PauseClock(),
                    c.OpenItem(item_id="objectives"), c.AutoPair()):
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
