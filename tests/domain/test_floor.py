"""The floor of the meeting, by example: the speakers' queue, the live agenda and its timeboxes, the
trainer's news and announcements, moving people between roles, and the extra 10% round."""

from __future__ import annotations

import pytest

from app.domain import commands as c
from app.domain import events as ev
from app.domain.core.types import RESIDENT

from .builders import GUEST, TRAINER, Game, board_game


def director(game: Game, directorate: str) -> c.Actor:
    return game.seat(game.holder(directorate))


def assistant(game: Game, directorate: str) -> c.Actor:
    return game.seat(game.holder(directorate, "assistant"))


def chair(game: Game) -> c.Actor:
    return game.seat(game.state.chair)


# --- the speakers' queue ------------------------------------------------------------------------------------


def test_hands_queue_in_order_and_the_chair_calls_the_first():
    game = board_game()
    first, second, third = game.resident, game.holder("housing"), game.holder("health", "assistant")
    for seat in (first, second, third):
        game.do(c.RaiseHand(), game.seat(seat))
    assert game.state.floor.queue == (first, second, third)
    assert game.do(c.CallSpeaker(), chair(game)) == [ev.SpeakerCalled(first, game.now)]
    assert game.state.floor.speaking == first and game.state.floor.queue == (second, third)
    # Calling the next one finishes the current speaker first.
    events = game.do(c.CallSpeaker(), chair(game))
    assert events == [ev.SpeakerFinished(first, game.now), ev.SpeakerCalled(second, game.now)]
    # The chair may call anyone, queued or not; it counts as a contribution.
    game.do(c.CallSpeaker(seat_id=first), TRAINER)
    assert game.state.floor.queue == (third,)
    game.do(c.FinishSpeaker(), chair(game))
    assert game.state.floor.speaking is None
    assert game.state.floor.contributions == {first: 2, second: 1}


def test_bad_moves_on_the_floor_are_refused():
    game = board_game()
    resident = game.seat(game.resident)
    assert game.refuse(c.CallSpeaker(), chair(game)) == "Nobody is waiting to speak."
    assert game.refuse(c.FinishSpeaker(), chair(game)) == "Nobody has the floor."
    assert game.refuse(c.LowerHand(), resident) == "That person is not waiting to speak."
    assert game.refuse(c.RaiseHand(), TRAINER) == "The trainer does not join the speakers' queue."
    game.do(c.RaiseHand(), resident)
    assert game.refuse(c.RaiseHand(), resident) == "You are already waiting to speak."
    assert game.refuse(c.CallSpeaker(seat_id="ghost"), chair(game)) == (
        "Some of the chosen people are no longer in this session; choose again."
    )
    message = game.refuse(c.LowerHand(seat_id=game.resident), director(game, "housing"))
    assert message == "Only the chair can take someone else off the speakers' queue."
    game.do(c.CallSpeaker(), chair(game))
    assert game.refuse(c.RaiseHand(), resident) == "You have the floor now."


def test_a_participant_lowers_their_own_hand_and_the_chair_anyones():
    game = board_game()
    housing, health = game.holder("housing"), game.holder("health")
    game.do(c.RaiseHand(), game.seat(housing))
    game.do(c.RaiseHand(), game.seat(health))
    assert game.do(c.LowerHand(), game.seat(housing)) == [ev.HandLowered(housing)]
    assert game.do(c.LowerHand(seat_id=health), chair(game)) == [ev.HandLowered(health)]
    assert game.state.floor.queue == ()


def test_the_queue_opens_only_in_the_board_meeting():
    game = board_game()
    game.do(c.StartPhase(phase="debrief"))
    assert game.refuse(c.RaiseHand(), game.seat(game.resident)) == "That can only happen during the board meeting."


# --- the live agenda ----------------------------------------------------------------------------------------


def test_the_trainer_adds_edits_and_moves_items_on_the_live_agenda():
    game = board_game()
    [added] = game.do(c.AddItem(title="Youth services!", kind="strategies", minutes=12, position=1))
    assert added.item == ev.AgendaFacts("youth-services", "Youth services!", "strategies", 12, "")
    assert [i.id for i in game.state.agenda] == ["objectives", "youth-services", "budget"]
    assert game.state.scenario.agenda != game.state.agenda, "the live agenda is the state's, not the pack's"
    [again] = game.do(c.AddItem(title="Youth services"))
    assert again.item.id == "youth-services-2" and again.position == 3
    [numbered] = game.do(c.AddItem(title="2030 vision", position=0))
    assert numbered.item.id == "item-2030-vision" and game.state.agenda[0].id == "item-2030-vision"
    game.do(c.EditItem(item_id="youth-services", title="Young people", minutes=8))
    item = game.state.agenda_item("youth-services")
    assert (item.title, item.kind, item.minutes) == ("Young people", "strategies", 8)
    game.do(c.MoveItem(item_id="objectives", position=99))
    assert game.state.agenda[-1].id == "objectives"
    # And the chair can open the new item.
    game.do(c.OpenItem(item_id="youth-services-2"), chair(game))
    assert game.state.current_item == "youth-services-2"


def test_bad_agenda_edits_are_refused():
    game = board_game()
    assert game.refuse(c.EditItem(item_id="lunch", minutes=3)) == "There is no such agenda item."
    assert game.refuse(c.EditItem(item_id="budget")) == (
        "Nothing to change: give a new title, kind, timebox or description."
    )
    assert game.refuse(c.MoveItem(item_id="objectives", position=0)) == "That item is already in that place."
    assert game.refuse(c.MoveItem(item_id="lunch", position=0)) == "There is no such agenda item."


def test_opening_an_item_starts_its_timebox_and_the_clock_pauses_it():
    game = board_game()  # 'budget' (30 minutes) was opened by the builder
    opened_at = game.now
    clock = game.state.item_clock
    assert (clock.minutes, clock.started_at) == (30, opened_at)
    assert clock.remaining(opened_at + 60) == 29 * 60
    game.do(c.EditItem(item_id="budget", minutes=10))
    assert game.state.item_clock.minutes == 10
    game.do(c.PauseClock())
    paused_at = game.now
    assert game.state.item_clock.remaining(paused_at + 500) == game.state.item_clock.remaining(paused_at)
    game.do(c.ResumeClock())
    game.do(c.OpenItem(item_id="objectives"), chair(game))
    assert (game.state.item_clock.minutes, game.state.item_clock.started_at) == (20, game.now)


def test_a_motion_belongs_to_the_item_open_when_it_was_proposed():
    game = board_game()
    [first] = game.do(c.Propose(text="On the budget"), director(game, "housing"))
    game.do(c.OpenItem(item_id="objectives"), chair(game))
    [second] = game.do(c.Propose(text="An objective", kind="objective", term="short"), director(game, "housing"))
    assert (first.item_id, second.item_id) == ("budget", "objectives")


# --- announcements and news ---------------------------------------------------------------------------------


def test_an_announcement_is_recorded_for_every_screen():
    game = board_game()
    assert game.do(c.Announce(text="Five minutes left")) == [ev.Announced("Five minutes left", game.now)]
    assert game.state.announcement == ("Five minutes left", game.now)


def test_news_is_released_to_everyone_or_to_chosen_seats():
    game = board_game()
    chosen = [game.holder("housing"), game.resident]
    [released] = game.do(c.ReleaseInject(inject_id="news", to=chosen + [game.resident]))
    assert released.to == tuple(chosen), "each seat once, in order"
    [written] = game.do(c.WriteInject(title="Flood", text="The river is *rising*."))
    assert (written.inject_id, written.to) == ("news-1", ())
    [second] = game.do(c.WriteInject(title="Strike", text="Bins are not collected.", to=[game.holder("health")]))
    assert second.inject_id == "news-2" and set(game.state.written) == {"news-1", "news-2"}


def test_releasing_news_to_a_seat_that_does_not_exist_is_refused():
    game = board_game()
    gone = "not-a-seat"
    message = "Some of the chosen people are no longer in this session; choose again."
    assert game.refuse(c.ReleaseInject(inject_id="news", to=[game.resident, gone])) == message
    assert game.refuse(c.WriteInject(title="Flood", text="Rising", to=[gone])) == message
    assert not game.state.released and not game.state.written


def test_unknown_or_already_released_news_is_refused():
    game = board_game()
    assert game.refuse(c.ReleaseInject(inject_id="gossip")) == "There is no such news item in this scenario."
    game.do(c.ReleaseInject(inject_id="news"))
    assert game.refuse(c.ReleaseInject(inject_id="news")) == "'Local news' has already been released."


# --- moving people between roles ----------------------------------------------------------------------------


def test_moving_a_seat_into_a_role_swaps_it_with_whoever_held_it():
    game = board_game()
    mover, displaced = game.holder("housing", "assistant"), game.holder("health")
    [moved] = game.do(c.MoveToRole(seat_id=mover, directorate="health", position="director"))
    assert moved == ev.SeatMoved(mover, game.state.holder("health").pair_id, "director")
    assert game.holder("health") == mover and game.holder("housing", "assistant") == displaced
    assert game.state.role_of(displaced).directorate == "housing"
    assert game.state.pair_of(mover) == game.state.holder("health").pair_id
    assert all(len(seats) == 2 for seats in game.state.pairs.values())


def test_moving_a_seat_within_its_own_pair_swaps_director_and_assistant():
    game = board_game()
    director_, assistant_ = game.holder("safety"), game.holder("safety", "assistant")
    game.do(c.MoveToRole(seat_id=assistant_, directorate="safety", position="director"))
    assert (game.holder("safety"), game.holder("safety", "assistant")) == (assistant_, director_)


def test_moving_a_resident_into_a_role_leaves_the_displaced_person_without_one():
    game = board_game()
    displaced = game.holder("education", "assistant")
    game.do(c.MoveToRole(seat_id=game.resident, directorate="education", position="assistant"))
    assert game.state.role_of(game.resident).kind == "assistant"
    assert game.state.role_of(displaced).kind == "unplaced"
    game.do(c.Propose(text="A resident's motion"), game.seat(game.resident))


def test_bad_moves_between_roles_are_refused():
    game = board_game()
    housing = game.holder("housing")
    assert game.refuse(c.MoveToRole(seat_id="ghost", directorate="health", position="director")) == (
        "There is no such person in this session."
    )
    assert game.refuse(c.MoveToRole(seat_id=game.state.chair, directorate="health", position="director")) == (
        "That person is chairing; they cannot also hold a directorate."
    )
    assert game.refuse(c.MoveToRole(seat_id=housing, directorate="parks", position="director")) == (
        "No pair holds that directorate, so there is no place to move into."
    )
    assert game.refuse(c.MoveToRole(seat_id=housing, directorate="housing", position="director")) == (
        "That person already holds that place."
    )
    early = Game()
    seat = early.join("police")
    assert early.refuse(c.MoveToRole(seat_id=seat, directorate="health", position="director")) == (
        "Roles are given by the shuffle; move people between pairs before it instead."
    )


# --- the extra 10% round ------------------------------------------------------------------------------------


def test_the_ten_percent_round_opens_collects_answers_and_reveals():
    game = board_game()
    game.do(c.OpenTenPercent())
    assert game.refuse(c.OpenTenPercent()) == "The extra 10% round is already open."
    assert game.refuse(c.RevealTenPercent()) == "No directorate has answered yet."
    [answer] = game.do(
        c.AnswerTenPercent(recipient="housing", reason="Damp fills the surgery"), assistant(game, "health")
    )
    assert answer == ev.TenPercentAnswered(
        "health", game.holder("health", "assistant"), "housing", "Damp fills the surgery"
    )
    # Either partner may change the directorate's answer.
    game.do(c.AnswerTenPercent(recipient="safety"), director(game, "health"))
    assert game.state.ten_percent.answers["health"].recipient == "safety"
    game.do(c.RevealTenPercent())
    assert game.state.ten_percent.status == "revealed"
    assert game.refuse(c.AnswerTenPercent(recipient="housing"), director(game, "education")) == (
        "The extra 10% round is not open."
    )
    # Opening again starts a fresh round.
    game.do(c.OpenTenPercent())
    assert game.state.ten_percent.answers == {}


def test_answering_the_ten_percent_round_for_your_own_directorate_is_refused():
    game = board_game()
    game.do(c.OpenTenPercent())
    message = "Name another directorate: the extra 10% must be spent on someone else's budget."
    for actor in (director(game, "housing"), assistant(game, "housing")):
        assert game.refuse(c.AnswerTenPercent(recipient="housing", reason="Ourselves"), actor) == message
    assert game.refuse(c.AnswerTenPercent(recipient="parks"), director(game, "housing")) == message
    assert game.refuse(c.AnswerTenPercent(recipient="health"), game.seat(game.resident)) == (
        "Only directorates answer the extra 10% question."
    )
    assert game.refuse(c.AnswerTenPercent(recipient="health"), chair(game)) == (
        "Only directorates answer the extra 10% question."
    )
    assert game.refuse(c.AnswerTenPercent(recipient="health"), TRAINER) == "Each directorate answers for itself."
    assert game.state.ten_percent.answers == {}


def test_the_ten_percent_round_is_the_trainers_and_needs_the_shuffle():
    game = board_game()
    for command in (c.OpenTenPercent(), c.RevealTenPercent()):
        assert game.refuse(command, chair(game)) == "Only the trainer can do that."
        assert game.refuse(command, GUEST) == "Join the session first."
    assert game.refuse(c.AnswerTenPercent(recipient="health"), director(game, "housing")) == (
        "The extra 10% round is not open."
    )
    early = Game()
    early.join(RESIDENT)
    assert early.refuse(c.OpenTenPercent()) == "Run the shuffle first: the round asks each directorate."


@pytest.mark.parametrize("command", [c.RaiseHand(), c.Announce(text="x"), c.OpenTenPercent()], ids=lambda cmd: cmd.type)
def test_nothing_on_the_floor_happens_once_the_session_is_closed(command):
    game = board_game()
    game.do(c.StartPhase(phase="closed"))
    actor = TRAINER if command.type != "raise-hand" else game.seat(game.resident)
    assert game.refuse(command, actor) == "This session has finished; nothing more can change."
