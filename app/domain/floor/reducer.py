"""How floor events change the session: agenda, speakers, announcements, news."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import Clock, SessionState
from ..floor.state import Release, WrittenInject


def _released(s: SessionState, e: ev.InjectReleased) -> SessionState:
    return replace(s, released={**s.released, e.document: Release(e.at, e.to)})


def _written(s: SessionState, e: ev.InjectWritten) -> SessionState:
    return replace(s, written={**s.written, e.inject_id: WrittenInject(e.inject_id, e.title, e.text, e.to, e.at)})


def _announced(s: SessionState, e: ev.Announced) -> SessionState:
    return replace(s, announcement=(e.text, e.at))


def _opened(s: SessionState, e: ev.AgendaItemOpened) -> SessionState:
    item = s.agenda_item(e.item_id)
    clock = Clock("board", item.minutes if item else 0, e.at, paused_at=s.clock.paused_at and e.at)
    return replace(s, current_item=e.item_id, item_clock=clock, item_version=s.seq + 1)


def _without(s: SessionState, item_id: str) -> list[ev.AgendaFacts]:
    return [item for item in s.agenda if item.id != item_id]


def _added(s: SessionState, e: ev.AgendaItemAdded) -> SessionState:
    items = _without(s, e.item.id)
    items.insert(e.position, e.item)
    return replace(s, agenda=tuple(items))


def _edited(s: SessionState, e: ev.AgendaItemEdited) -> SessionState:
    agenda = tuple(e.item if item.id == e.item.id else item for item in s.agenda)
    clock = s.item_clock
    if clock is not None and s.current_item == e.item.id:
        clock = replace(clock, minutes=e.item.minutes)
    return replace(s, agenda=agenda, item_clock=clock)


def _moved(s: SessionState, e: ev.AgendaItemMoved) -> SessionState:
    item = s.agenda_item(e.item_id)
    if item is None:  # the rules only record moves of items on the agenda
        return s
    items = _without(s, e.item_id)
    items.insert(e.position, item)
    return replace(s, agenda=tuple(items))


def _hand_raised(s: SessionState, e: ev.HandRaised) -> SessionState:
    return replace(s, floor=replace(s.floor, queue=s.floor.queue + (e.seat_id,)))


def _hand_lowered(s: SessionState, e: ev.HandLowered) -> SessionState:
    return replace(s, floor=replace(s.floor, queue=tuple(x for x in s.floor.queue if x != e.seat_id)))


def _called(s: SessionState, e: ev.SpeakerCalled) -> SessionState:
    f = s.floor
    counts = {**f.contributions, e.seat_id: f.contributions.get(e.seat_id, 0) + 1}
    queue = tuple(x for x in f.queue if x != e.seat_id)
    return replace(s, floor=replace(f, queue=queue, speaking=e.seat_id, contributions=counts))


def _finished(s: SessionState, e: ev.SpeakerFinished) -> SessionState:
    return replace(s, floor=replace(s.floor, speaking=None))


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.InjectReleased, _released),
        on(ev.InjectWritten, _written),
        on(ev.Announced, _announced),
        on(ev.AgendaItemOpened, _opened),
        on(ev.AgendaItemAdded, _added),
        on(ev.AgendaItemEdited, _edited),
        on(ev.AgendaItemMoved, _moved),
        on(ev.HandRaised, _hand_raised),
        on(ev.HandLowered, _hand_lowered),
        on(ev.SpeakerCalled, _called),
        on(ev.SpeakerFinished, _finished),
    ]
)
