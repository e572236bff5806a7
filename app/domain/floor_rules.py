"""Rules for the floor of the meeting: speakers, the trainer's news and announcements, moving people,
and the extra 10% round."""

from __future__ import annotations

from . import commands as c
from . import events as ev
from .consequences import PERIOD_MONTHS
from .errors import RuleViolation
from .meeting_checks import in_meeting
from .state import SessionState


def _seats_exist(state: SessionState, seats: list[str]) -> tuple[str, ...]:
    unknown = [s for s in seats if s not in state.seats]
    if unknown:
        raise RuleViolation("Some of the chosen people are no longer in this session; choose again.")
    return tuple(dict.fromkeys(seats))


def raise_hand(state: SessionState, cmd: c.RaiseHand, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    if ctx.actor.kind == "trainer":
        raise RuleViolation("The trainer does not join the speakers' queue.")
    seat = ctx.actor.seat_id
    if seat in state.floor.queue:
        raise RuleViolation("You are already waiting to speak.")
    if seat == state.floor.speaking:
        raise RuleViolation("You have the floor now.")
    return [ev.HandRaised(seat, ctx.now)]


def lower_hand(state: SessionState, cmd: c.LowerHand, ctx: c.Context) -> list[ev.Event]:
    seat = cmd.seat_id or ctx.actor.seat_id
    chairing = ctx.actor.kind == "trainer" or state.role_of(ctx.actor.seat_id).kind == "chair"
    if seat != ctx.actor.seat_id and not chairing:
        raise RuleViolation("Only the chair can take someone else off the speakers' queue.")
    if seat not in state.floor.queue:
        raise RuleViolation("That person is not waiting to speak.")
    return [ev.HandLowered(seat)]


def call_speaker(state: SessionState, cmd: c.CallSpeaker, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    seat = cmd.seat_id or (state.floor.queue[0] if state.floor.queue else None)
    if seat is None:
        raise RuleViolation("Nobody is waiting to speak.")
    if seat == state.floor.speaking:
        raise RuleViolation("That person already has the floor.")
    _seats_exist(state, [seat])
    events: list[ev.Event] = []
    if state.floor.speaking is not None:
        events.append(ev.SpeakerFinished(state.floor.speaking, ctx.now))
    return events + [ev.SpeakerCalled(seat, ctx.now)]


def finish_speaker(state: SessionState, cmd: c.FinishSpeaker, ctx: c.Context) -> list[ev.Event]:
    if state.floor.speaking is None:
        raise RuleViolation("Nobody has the floor.")
    return [ev.SpeakerFinished(state.floor.speaking, ctx.now)]


def announce(state: SessionState, cmd: c.Announce, ctx: c.Context) -> list[ev.Event]:
    return [ev.Announced(cmd.text, ctx.now)]


def release_inject(state: SessionState, cmd: c.ReleaseInject, ctx: c.Context) -> list[ev.Event]:
    inject = next((i for i in state.scenario.injects if i.id == cmd.inject_id), None)
    if inject is None:
        raise RuleViolation("There is no such news item in this scenario.")
    if inject.document in state.released:
        raise RuleViolation(f"'{inject.title}' has already been released.")
    to = _seats_exist(state, cmd.to)
    return [ev.InjectReleased(inject.id, inject.document, inject.title, ctx.now, to)]


def write_inject(state: SessionState, cmd: c.WriteInject, ctx: c.Context) -> list[ev.Event]:
    to = _seats_exist(state, cmd.to)
    return [ev.InjectWritten(f"news-{len(state.written) + 1}", cmd.title, cmd.text, to, ctx.now)]


def move_to_role(state: SessionState, cmd: c.MoveToRole, ctx: c.Context) -> list[ev.Event]:
    if not state.shuffled:
        raise RuleViolation("Roles are given by the shuffle; move people between pairs before it instead.")
    if cmd.seat_id not in state.seats:
        raise RuleViolation("There is no such person in this session.")
    if cmd.seat_id == state.chair:
        raise RuleViolation("That person is chairing; they cannot also hold a directorate.")
    held = state.holder(cmd.directorate)
    if held is None:
        raise RuleViolation("No pair holds that directorate, so there is no place to move into.")
    if getattr(held, cmd.position) == cmd.seat_id:
        raise RuleViolation("That person already holds that place.")
    return [ev.SeatMoved(cmd.seat_id, held.pair_id, cmd.position)]


def open_ten_percent(state: SessionState, cmd: c.OpenTenPercent, ctx: c.Context) -> list[ev.Event]:
    if not state.shuffled:
        raise RuleViolation("Run the shuffle first: the round asks each directorate.")
    if state.ten_percent.status == "open":
        raise RuleViolation("The extra 10% round is already open.")
    return [ev.TenPercentOpened(ctx.now)]


def answer_ten_percent(state: SessionState, cmd: c.AnswerTenPercent, ctx: c.Context) -> list[ev.Event]:
    if state.ten_percent.status != "open":
        raise RuleViolation("The extra 10% round is not open.")
    if ctx.actor.kind == "trainer":
        raise RuleViolation("Each directorate answers for itself.")
    own = state.role_of(ctx.actor.seat_id).directorate
    if own is None:
        raise RuleViolation("Only directorates answer the extra 10% question.")
    if state.directorate(cmd.recipient) is None or cmd.recipient == own:
        raise RuleViolation("Name another directorate: the extra 10% must be spent on someone else's budget.")
    return [ev.TenPercentAnswered(own, ctx.actor.seat_id, cmd.recipient, cmd.reason)]


def reveal_ten_percent(state: SessionState, cmd: c.RevealTenPercent, ctx: c.Context) -> list[ev.Event]:
    if state.ten_percent.status != "open":
        raise RuleViolation("The extra 10% round is not open.")
    if not state.ten_percent.answers:
        raise RuleViolation("No directorate has answered yet.")
    return [ev.TenPercentRevealed(ctx.now)]


def advance_time(state: SessionState, cmd: c.AdvanceTime, ctx: c.Context) -> list[ev.Event]:
    if state.phase not in ("board", "debrief"):
        raise RuleViolation("Time moves on during or after the board meeting, once the board has set its budget.")
    return [ev.TimeAdvanced(cmd.period, PERIOD_MONTHS[cmd.period], ctx.now)]


def reflect(state: SessionState, cmd: c.Reflect, ctx: c.Context) -> list[ev.Event]:
    if state.phase != "debrief":
        raise RuleViolation("The reflection opens at the debrief.")
    if ctx.actor.kind != "seat":
        raise RuleViolation("Participants reflect on the partnership; the trainer reads the results.")
    return [ev.ReflectionGiven(ctx.actor.seat_id, dict(cmd.ratings), cmd.comment)]


FLOOR_RULES = {
    "reflect": reflect,
    "advance-time": advance_time,
    "raise-hand": raise_hand,
    "lower-hand": lower_hand,
    "call-speaker": call_speaker,
    "finish-speaker": finish_speaker,
    "announce": announce,
    "release-inject": release_inject,
    "write-inject": write_inject,
    "move-to-role": move_to_role,
    "open-ten-percent": open_ten_percent,
    "answer-ten-percent": answer_ten_percent,
    "reveal-ten-percent": reveal_ten_percent,
}
