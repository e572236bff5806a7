"""Rules for the agenda, the speakers' queue, announcements and news."""

from __future__ import annotations

import re

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState
from ..core.versions import check_version
from ..floor.checks import in_meeting


def _seats_exist(state: SessionState, seats: list[str]) -> tuple[str, ...]:
    unknown = [s for s in seats if s not in state.seats]
    if unknown:
        raise RuleViolation("Some of the chosen people are no longer in this session; choose again.")
    return tuple(dict.fromkeys(seats))


def raise_hand(state: SessionState, cmd: c.RaiseHand, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    if ctx.actor.kind == "trainer":
        raise RuleViolation("The trainer does not join the speakers' queue.")
    seat = ctx.actor.own_seat()
    if seat in state.observers:
        raise RuleViolation("Observers watch the meeting; they do not join the speakers' queue.")
    if seat in state.floor.queue:
        raise RuleViolation("You are already waiting to speak.")
    if seat == state.floor.speaking:
        raise RuleViolation("You have the floor now.")
    return [ev.HandRaised(seat, ctx.now)]


def lower_hand(state: SessionState, cmd: c.LowerHand, ctx: c.Context) -> list[ev.Event]:
    seat = cmd.seat_id or ctx.actor.seat_id
    chairing = ctx.actor.kind == "trainer" or state.role_of(ctx.actor.own_seat()).kind == "chair"
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


def done_speaking(state: SessionState, cmd: c.DoneSpeaking, ctx: c.Context) -> list[ev.Event]:
    if ctx.actor.kind == "trainer":
        raise RuleViolation("The trainer does not hold the floor; use Finish speaker to end someone's turn.")
    seat = ctx.actor.own_seat()
    if state.floor.speaking != seat:
        raise RuleViolation("You do not have the floor, so there is no turn of yours to end.")
    return [ev.SpeakerFinished(seat, ctx.now)]


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


def _item(state: SessionState, item_id: str) -> ev.AgendaFacts:
    item = state.agenda_item(item_id)
    if item is None:
        raise RuleViolation("There is no such agenda item.")
    return item


def open_item(state: SessionState, cmd: c.OpenItem, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
    check_version(cmd.item_version, state.item_version, "changed the open agenda item")
    _item(state, cmd.item_id)
    if state.current_item == cmd.item_id:
        raise RuleViolation("That item is already open.")
    return [ev.AgendaItemOpened(cmd.item_id, ctx.now)]


def _new_id(state: SessionState, title: str) -> str:
    base = (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "item")[:30]
    if not base[0].isalpha():
        base = f"item-{base}"[:30]
    taken = {item.id for item in state.agenda}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def add_item(state: SessionState, cmd: c.AddItem, ctx: c.Context) -> list[ev.Event]:
    if state.phase == "closed":
        raise RuleViolation("This session has finished.")
    position = len(state.agenda) if cmd.position is None else min(cmd.position, len(state.agenda))
    item = ev.AgendaFacts(_new_id(state, cmd.title), cmd.title, cmd.kind, cmd.minutes, cmd.description)
    return [ev.AgendaItemAdded(item, position)]


def edit_item(state: SessionState, cmd: c.EditItem, ctx: c.Context) -> list[ev.Event]:
    old = _item(state, cmd.item_id)
    changes = {k: v for k, v in cmd.model_dump(exclude={"type", "item_id"}).items() if v is not None}
    if not changes:
        raise RuleViolation("Nothing to change: give a new title, kind, timebox or description.")
    merged = {
        "id": old.id,
        "title": old.title,
        "kind": old.kind,
        "minutes": old.minutes,
        "description": old.description,
        **changes,
    }
    return [ev.AgendaItemEdited(ev.AgendaFacts(**merged))]


def move_item(state: SessionState, cmd: c.MoveItem, ctx: c.Context) -> list[ev.Event]:
    _item(state, cmd.item_id)
    position = min(cmd.position, len(state.agenda) - 1)
    if [item.id for item in state.agenda].index(cmd.item_id) == position:
        raise RuleViolation("That item is already in that place.")
    return [ev.AgendaItemMoved(cmd.item_id, position)]


RULES: dict[str, Rule] = dict(
    [
        on(c.OpenItem, open_item),
        on(c.AddItem, add_item),
        on(c.EditItem, edit_item),
        on(c.MoveItem, move_item),
        on(c.RaiseHand, raise_hand),
        on(c.LowerHand, lower_hand),
        on(c.CallSpeaker, call_speaker),
        on(c.FinishSpeaker, finish_speaker),
        on(c.DoneSpeaking, done_speaking),
        on(c.Announce, announce),
        on(c.ReleaseInject, release_inject),
        on(c.WriteInject, write_inject),
    ]
)
