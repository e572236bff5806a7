"""Rules for arriving, pairing, choosing the chair and moving someone into a role."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import Seat, SessionState
from ..core.types import PHASE_LABELS, RESIDENT
from ..shuffle.matching import auto_pairs

JOINABLE_PHASES = ("lobby", "read_in", "board")
OBSERVER_PLACES = 10  # colleagues and evaluators who arrive after the shuffle to watch


def _room_left(state: SessionState, is_resident: bool) -> tuple[int, str] | None:
    """Returns (limit, who) when there is no seat left for this person, else None.

    Two seats per directorate and a chair; after the shuffle, room for a third in each pair and some observers.
    Residents on a panel sit outside that; residents who are
    paired into directorates share it, within the scenario's limit on residents either way.
    """
    scenario = state.scenario
    board = 2 * len(scenario.directorates) + 1
    if state.shuffled:  # late arrivals wait without a place until the trainer seats them as a third or an observer
        board += len(scenario.directorates) + OBSERVER_PLACES
    residents = sum(1 for s in state.seats.values() if s.agency == RESIDENT)
    if is_resident and residents >= scenario.residents_max:
        return scenario.residents_max, "residents"
    paired = scenario.residents_mode == "pairs"
    on_board = len(state.seats) if paired else len(state.seats) - residents
    if (paired or not is_resident) and on_board >= board:
        return board, "people" if paired else "people from the services"
    return None


def join(state: SessionState, cmd: c.Join, ctx: c.Context) -> list[ev.Event]:
    if state.phase not in JOINABLE_PHASES:
        raise RuleViolation(
            f"This session is in its {PHASE_LABELS[state.phase].lower()} and no longer takes new people."
        )
    if not state.doors_open:
        raise RuleViolation("This session is not taking new people; ask the trainer.")
    if cmd.agency != RESIDENT and state.agency(cmd.agency) is None:
        raise RuleViolation("Choose your organisation from the list, or 'Resident'.")
    full = _room_left(state, cmd.agency == RESIDENT)
    if full:
        limit, who = full
        raise RuleViolation(f"This session is full: it has room for {limit} {who}. Please speak to the trainer.")
    return [ev.SeatJoined(ctx.new_seat_id, cmd.name, cmd.agency, ctx.now)]


def _in_lobby(state: SessionState, doing: str) -> None:
    if state.phase != "lobby":
        raise RuleViolation(f"You can only {doing} during arrival, before the read-in starts.")


def _roles_can_change(state: SessionState) -> None:
    if state.previous is not None:
        raise RuleViolation("At a follow-up meeting everyone plays their real-life role: there is no shuffle.")


def _seat(state: SessionState, seat_id: str) -> Seat:
    seat = state.seats.get(seat_id)
    if seat is None:
        raise RuleViolation("There is no such person in this session.")
    return seat


def remove_seat(state: SessionState, cmd: c.RemoveSeat, ctx: c.Context) -> list[ev.Event]:
    _in_lobby(state, "remove people")
    _seat(state, cmd.seat_id)
    return [ev.SeatRemoved(cmd.seat_id)]


def _pairs_event(groups: list[tuple[str, ...]], automatic: bool) -> ev.PairsSet:
    return ev.PairsSet(tuple(ev.PairSpec(f"p{i}", g) for i, g in enumerate(groups, start=1)), automatic)


def auto_pair(state: SessionState, cmd: c.AutoPair, ctx: c.Context) -> list[ev.Event]:
    _roles_can_change(state)
    _in_lobby(state, "pair people")
    panel = state.scenario.residents_mode == "panel"
    roster = [
        (s.id, s.agency)
        for s in sorted(state.seats.values(), key=lambda s: s.joined_at)
        if s.id != state.chair_pick and not (panel and s.agency == RESIDENT)
    ]
    if not roster:
        raise RuleViolation("Nobody has joined yet, so there is nobody to pair.")
    return [_pairs_event(auto_pairs(roster), automatic=True)]


def move_seat(state: SessionState, cmd: c.MoveSeat, ctx: c.Context) -> list[ev.Event]:
    _roles_can_change(state)
    _in_lobby(state, "change the pairs")
    _seat(state, cmd.seat_id)
    if cmd.seat_id == state.chair_pick:
        raise RuleViolation("That person is chairing; choose another chair first.")
    if cmd.to_pair is not None and cmd.to_pair not in state.pairs:
        raise RuleViolation("There is no such pair.")
    if cmd.to_pair is not None and len(state.pairs[cmd.to_pair]) >= 2 and cmd.seat_id not in state.pairs[cmd.to_pair]:
        raise RuleViolation("That pair already has two people.")
    groups = [tuple(x for x in seats if x != cmd.seat_id) for p, seats in state.pairs.items() if p != cmd.to_pair]
    if cmd.to_pair is None:
        groups.append((cmd.seat_id,))
    else:
        groups.append(tuple(x for x in state.pairs[cmd.to_pair] if x != cmd.seat_id) + (cmd.seat_id,))
    return [_pairs_event([g for g in groups if g], automatic=False)]


def choose_chair(state: SessionState, cmd: c.ChooseChair, ctx: c.Context) -> list[ev.Event]:
    _in_lobby(state, "choose the chair")
    if cmd.seat_id is None:
        return [ev.ChairChosen(None)]
    _seat(state, cmd.seat_id)
    events: list[ev.Event] = []
    if state.pair_of(cmd.seat_id):
        groups = [tuple(x for x in seats if x != cmd.seat_id) for seats in state.pairs.values()]
        events.append(_pairs_event([g for g in groups if g], automatic=False))
    return events + [ev.ChairChosen(cmd.seat_id)]


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


RULES: dict[str, Rule] = dict(
    [
        on(c.MoveToRole, move_to_role),
        on(c.Join, join),
        on(c.RemoveSeat, remove_seat),
        on(c.AutoPair, auto_pair),
        on(c.MoveSeat, move_seat),
        on(c.ChooseChair, choose_chair),
    ]
)
