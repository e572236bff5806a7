"""Rules for the agenda: the chair opens items; the trainer adds, edits, timeboxes and reorders them live."""

from __future__ import annotations

import re

from . import commands as c
from . import events as ev
from .errors import RuleViolation
from .meeting_checks import in_meeting
from .state import SessionState


def _item(state: SessionState, item_id: str) -> ev.AgendaFacts:
    item = state.agenda_item(item_id)
    if item is None:
        raise RuleViolation("There is no such agenda item.")
    return item


def open_item(state: SessionState, cmd: c.OpenItem, ctx: c.Context) -> list[ev.Event]:
    in_meeting(state)
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


AGENDA_RULES = {
    "open-item": open_item,
    "add-item": add_item,
    "edit-item": edit_item,
    "move-item": move_item,
}
