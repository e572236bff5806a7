"""Deciding a foreign log again: every event must be exactly what the rules record for a command that someone
in the session could have sent at that point.

For each event the command behind it is worked out (who sent it and what it said, from the event itself),
parsed like a command from a browser and put through the real `decide`. The events the rules give must be the
next events of the log, field for field; otherwise the log was edited. The only events taken as they are
create the session (its scenario is the pack's) and start a follow-up (it needs the earlier meeting, which
is not in the file); the invariants in `import_checks` still apply to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, replace
from typing import Any

from pydantic import ValidationError

from .domain import commands as c
from .domain import events as ev
from .domain.core.errors import RuleViolation
from .domain.core.state import SessionState
from .domain.decide import decide

SEAT_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")  # Actions.join makes "s" and 8 hex digits; older ids were plainer

Guess = tuple[c.Actor, dict[str, Any]]
Guesser = Callable[[SessionState, Any, list[ev.Event]], list[Guess]]


class NotDecided(Exception):
    """The event at the start of the rest of the log is not one the rules would have recorded."""


def redecide(state: SessionState, rest: list[ev.Event], now: float) -> list[ev.Event]:
    """Takes the state and the log from one event on; returns the events the rules record for the command
    behind that event (one or more, matching the start of `rest`), or raises NotDecided."""
    first = rest[0]
    for actor, fields in _guesses(state, first, rest[1:]):
        try:
            command = c.COMMANDS.validate_python(fields)
            ctx = c.Context(actor, getattr(first, "at", now), new_seat_id=getattr(first, "seat_id", "") or "")
            produced = decide(state, command, ctx)
        except (ValidationError, RuleViolation):
            continue
        produced = [_as_recorded(made, recorded) for made, recorded in zip(produced, rest, strict=False)]
        if produced and produced == rest[: len(produced)]:
            return produced
    raise NotDecided


def _as_recorded(made: ev.Event, recorded: ev.Event) -> ev.Event:
    """Time advanced in a session recorded before the current consequences model names the model version it was
    worked out with; the rules today name theirs. Any earlier version is the same decision."""
    if isinstance(made, ev.TimeAdvanced) and isinstance(recorded, ev.TimeAdvanced) and 1 <= recorded.model < made.model:
        return replace(made, model=recorded.model)
    return made


def _guesses(state: SessionState, e: ev.Event, after: list[ev.Event]) -> Iterator[Guess]:
    guesser = GUESSERS.get(type(e))
    if guesser is not None:
        yield from guesser(state, e, after)


def _by(seat: str | None) -> c.Actor:
    return c.Actor.seat(seat) if seat else c.TRAINER


def _terms(terms: Any) -> dict[str, Any] | None:
    return asdict(terms) if terms is not None else None


def _joined(s: SessionState, e: ev.SeatJoined, _: list) -> list[Guess]:
    if not SEAT_ID.fullmatch(e.seat_id) or e.seat_id in s.seats:
        return []
    return [(c.GUEST, {"type": "join", "name": e.name, "agency": e.agency})]


def _paired(s: SessionState, e: ev.PairsSet, after: list[ev.Event]) -> list[Guess]:
    if e.automatic:
        return [(c.TRAINER, {"type": "auto-pair"})]
    guesses: list[Guess] = []
    if after and isinstance(after[0], ev.ChairChosen):
        guesses.append((c.TRAINER, {"type": "choose-chair", "seat_id": after[0].seat_id}))
    moved = e.pairs[-1].seats[-1] if e.pairs and e.pairs[-1].seats else None
    for to_pair in (None, *s.pairs):
        guesses.append((c.TRAINER, {"type": "move-seat", "seat_id": moved, "to_pair": to_pair}))
    return guesses


def _one_of_directorate(s: SessionState, motion_id: str, fields: dict[str, Any]) -> list[Guess]:
    """A command only the motion's own directorate may give: try each seat that plays it."""
    motion = s.motions.get(motion_id)
    seats = [seat for seat in s.seats if motion and s.role_of(seat).directorate == motion.directorate]
    return [(c.Actor.seat(seat), fields) for seat in seats]


def _amendment_decided(s: SessionState, e: ev.AmendmentDecided, _: list) -> list[Guess]:
    fields = {"type": "decide-amendment", "motion_id": e.motion_id, "amendment_id": e.amendment_id}
    return _one_of_directorate(s, e.motion_id, fields | {"accept": e.accepted})


def _withdrawn(s: SessionState, e: ev.MotionWithdrawn, _: list) -> list[Guess]:
    return _one_of_directorate(s, e.motion_id, {"type": "withdraw", "motion_id": e.motion_id})


def _hand_lowered(s: SessionState, e: ev.HandLowered, _: list) -> list[Guess]:
    """Lowered by its own seat, or taken off the queue by the chair or the trainer."""
    return [
        (c.Actor.seat(e.seat_id), {"type": "lower-hand"}),
        (c.TRAINER, {"type": "lower-hand", "seat_id": e.seat_id}),
    ]


def _proposed(s: SessionState, e: ev.MotionProposed, _: list) -> list[Guess]:
    fields = {
        "type": "propose",
        "text": e.text,
        "kind": e.kind or None,
        "term": e.term,
        "target": _terms(e.target),
        "transfer": _terms(e.transfer),
        "secret": e.secret,
        "lever": e.lever,
    }
    return [(_by(e.proposer), fields)]


def _amended(s: SessionState, e: ev.AmendmentProposed, _: list) -> list[Guess]:
    fields = {
        "type": "amend",
        "motion_id": e.motion_id,
        "text": e.text,
        "transfer": _terms(e.transfer),
        "target": _terms(e.target),
    }
    return [(_by(e.seat_id), fields)]


def _speaker_finished(s: SessionState, e: ev.SpeakerFinished, after: list[ev.Event]) -> list[Guess]:
    guesses: list[Guess] = [
        (c.TRAINER, {"type": "finish-speaker"}),
        (c.Actor.seat(e.seat_id), {"type": "done-speaking"}),
    ]
    if after and isinstance(after[0], ev.SpeakerCalled):
        guesses.append((c.TRAINER, {"type": "call-speaker", "seat_id": after[0].seat_id}))
    return guesses


def _seat_moved(s: SessionState, e: ev.SeatMoved, _: list) -> list[Guess]:
    held = s.assignments.get(e.pair_id)
    directorate = held.directorate if held else ""
    fields = {"type": "move-to-role", "seat_id": e.seat_id, "directorate": directorate, "position": e.position}
    return [(c.TRAINER, fields)]


def _item_added(s: SessionState, e: ev.AgendaItemAdded, _: list) -> list[Guess]:
    item = asdict(e.item)
    item.pop("id")
    return [
        (c.TRAINER, {"type": "add-item", **item, "position": position})
        for position in (e.position, None)
        if position is None or position <= 100
    ]


def _item_edited(s: SessionState, e: ev.AgendaItemEdited, _: list) -> list[Guess]:
    """Only what changed: an unchanged field from the pack may exceed what the form takes. An edit that
    changed nothing named at least one field again, so then each field alone is tried."""
    item, old = asdict(e.item), s.agenda_item(e.item.id)
    item_id = item.pop("id")
    changed = {k: v for k, v in item.items() if old is None or getattr(old, k) != v}
    tries = [changed] if changed else [{k: v} for k, v in item.items()]
    return [(c.TRAINER, {"type": "edit-item", "item_id": item_id, **fields}) for fields in tries]


def _phase_started(s: SessionState, e: ev.PhaseStarted, _: list) -> list[Guess]:
    """The phase's length as given, or the scenario's own (which may be longer than a trainer can type)."""
    return [(c.TRAINER, {"type": "start-phase", "phase": e.phase, "minutes": m}) for m in (e.minutes, None)]


def _vote_closed(s: SessionState, e: ev.VoteClosed, _: list) -> list[Guess]:
    """A secret ballot now always takes a casting vote, which the rules record only on a tie."""
    fields = {"type": "close-vote", "motion_id": e.motion_id}
    return [(c.TRAINER, fields | {"casting": casting}) for casting in dict.fromkeys((e.casting, "against"))]


def _trainer(kind: str, *names: str, **renamed: str) -> Guesser:
    """A trainer's command whose fields are copied from the event's (`renamed`: command field=event field)."""

    def guess(s: SessionState, e: Any, _: list) -> list[Guess]:
        fields = {name: getattr(e, name) for name in names}
        fields |= {field: getattr(e, attribute) for field, attribute in renamed.items()}
        return [(c.TRAINER, {"type": kind, **{k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()}})]

    return guess


def _seated(kind: str, seat: str, **renamed: str) -> Guesser:
    """A seat's own command, sent by the seat the event names in `seat`."""

    def guess(s: SessionState, e: Any, _: list) -> list[Guess]:
        fields = {field: getattr(e, attribute) for field, attribute in renamed.items()}
        return [(c.Actor.seat(getattr(e, seat)), {"type": kind, **fields})]

    return guess


def _draft_written(s: SessionState, e: ev.DraftWritten, _: list) -> list[Guess]:
    """A new draft (its id given by the rules) or a rewrite of one the pair already has."""
    fields = {"type": "write-draft", "motion": asdict(e.motion)}
    ids = [e.draft_id] if e.draft_id in s.drafts else [None]
    return [(c.Actor.seat(e.seat_id), fields | {"draft_id": draft_id}) for draft_id in ids]


GUESSERS: dict[type, Guesser] = {
    ev.SeatJoined: _joined,
    ev.SeatRemoved: _trainer("remove-seat", "seat_id"),
    ev.DoorsSet: _trainer("set-doors", "open"),
    ev.PairsSet: _paired,
    ev.ChairChosen: _trainer("choose-chair", "seat_id"),
    ev.RolesShuffled: _trainer("shuffle", "seed"),
    ev.PairsSwapped: _trainer("swap-pairs", "first", "second"),
    ev.PhaseStarted: _phase_started,
    ev.ClockPaused: _trainer("pause-clock"),
    ev.ClockResumed: _trainer("resume-clock"),
    ev.InjectReleased: _trainer("release-inject", "inject_id", "to"),
    ev.InjectWritten: _trainer("write-inject", "title", "text", "to"),
    ev.Announced: _trainer("announce", "text"),
    ev.AgendaItemOpened: _trainer("open-item", "item_id"),
    ev.AgendaItemAdded: _item_added,
    ev.AgendaItemEdited: _item_edited,
    ev.AgendaItemMoved: _trainer("move-item", "item_id", "position"),
    ev.MotionProposed: _proposed,
    ev.AmendmentProposed: _amended,
    ev.AmendmentDecided: _amendment_decided,
    ev.MotionSeconded: _seated("second", "seconder", motion_id="motion_id"),
    ev.MotionWithdrawn: _withdrawn,
    ev.MotionRuledOut: _trainer("rule-out", "motion_id", "reason"),
    ev.BallotChanged: _trainer("set-ballot", "motion_id", "secret"),
    ev.VoteCast: _seated("vote", "seat_id", motion_id="motion_id", choice="choice"),
    ev.VoteClosed: _vote_closed,
    ev.MotionVoided: _trainer("void-motion", "motion_id", "reason"),
    ev.HandRaised: _seated("raise-hand", "seat_id"),
    ev.HandLowered: _hand_lowered,
    ev.SpeakerCalled: _trainer("call-speaker", "seat_id"),
    ev.SpeakerFinished: _speaker_finished,
    ev.SeatMoved: _seat_moved,
    ev.TenPercentOpened: _trainer("open-ten-percent"),
    ev.TenPercentAnswered: _seated("answer-ten-percent", "seat_id", recipient="recipient", reason="reason"),
    ev.TenPercentRevealed: _trainer("reveal-ten-percent"),
    ev.TimeAdvanced: _trainer("advance-time", "period"),
    ev.ReflectionGiven: _seated("reflect", "seat_id", ratings="ratings", comment="comment"),
    ev.CorrectionUndone: _trainer("undo", seq="undone_seq"),
    ev.ThirdMemberSeated: _trainer("seat-third-member", "seat_id", "pair_id"),
    ev.ObserverSeated: _trainer("seat-observer", "seat_id"),
    ev.NotebookWritten: _seated("write-notebook", "seat_id", text="text"),
    ev.DraftWritten: _draft_written,
    ev.DraftTabled: _seated("table-draft", "seat_id", draft_id="draft_id"),
    ev.DraftDiscarded: _seated("discard-draft", "seat_id", draft_id="draft_id"),
}
