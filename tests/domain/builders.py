"""Small helpers for driving the pure domain: a session made from a scenario, and a `Game`
that runs commands through `rules.decide` and folds the events with `reducer.apply`."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import pytest
from hypothesis import strategies as st

from app.domain import apply as reducer
from app.domain import commands as c
from app.domain import decide as rules
from app.domain import events as ev
from app.domain.core.errors import RuleViolation
from app.domain.core.types import RESIDENT
from app.scenarios.loader import Pack, facts, load_folder

TINY = Path(__file__).resolve().parent.parent / "packs" / "tiny"
TRAINER = c.TRAINER
GUEST = c.GUEST


@cache
def tiny_pack() -> Pack:
    return load_folder(TINY)


def tiny_facts() -> ev.ScenarioFacts:
    return facts(tiny_pack())


def synthetic_facts(
    directorates: int, *, residents_mode: str = "panel", residents_max: int = 3, budget: int = 100_000
) -> ev.ScenarioFacts:
    """`directorates` directorates d0..dN-1; agency aI belongs to dI, 'a0b' also to d0, 'free' to none."""
    dirs = tuple(
        ev.DirectorateFacts(f"d{i}", f"Directorate {i}", f"Director {i}", "Executive assistant", budget * (i + 1))
        for i in range(directorates)
    )
    agencies = [ev.AgencyFacts(f"a{i}", f"Agency {i}", f"d{i}") for i in range(directorates)]
    agencies.append(ev.AgencyFacts("a0b", "Second agency of directorate 0", "d0"))
    agencies.append(ev.AgencyFacts("free", "Agency with no directorate", None))
    return ev.ScenarioFacts(
        id="synthetic",
        version="1",
        title="Synthetic plc",
        area="Testshire",
        chair_title="Managing Director",
        residents_mode=residents_mode,
        residents_title="Residents' panel",
        residents_max=residents_max,
        timings={"lobby": 10, "read_in": 20, "board": 60, "debrief": 15},
        directorates=dirs,
        agencies=tuple(agencies),
        agenda=(
            ev.AgendaFacts("objectives", "Objectives", "objectives", 20),
            ev.AgendaFacts("budget", "Budget", "budget", 30),
        ),
    )


def own_directorate(scenario: ev.ScenarioFacts, agency: str) -> str | None:
    """The directorate a real-life agency belongs to (None for residents and agencies without one)."""
    return next((a.directorate for a in scenario.agencies if a.id == agency), None)


class Game:
    """A session driven command by command; `.state` is the fold of `.log`."""

    def __init__(self, scenario: ev.ScenarioFacts | None = None, code: str = "ABC"):
        self.scenario = scenario or tiny_facts()
        self.log: list[ev.Event] = [ev.SessionCreated(code, self.scenario, 0.0)]
        self.state = reducer.apply(None, self.log[0])
        self.now = 0.0
        self._ids = itertools.count()
        self.chair: str | None = None  # seats that `board_game` sets up
        self.resident: str | None = None

    def do(self, command: c.Command, actor: c.Actor = TRAINER, **context) -> list[ev.Event]:
        """Runs one command; returns its events, already applied. RuleViolation passes through untouched."""
        self.now += 1.0
        events = rules.decide(self.state, command, c.Context(actor, self.now, **context))
        for event in events:
            self.state = reducer.apply(self.state, event)
        self.log.extend(events)
        return events

    def refuse(self, command: c.Command, actor: c.Actor = TRAINER, **context) -> str:
        """Runs a command that must be refused; checks nothing changed and returns the message."""
        before, length = self.state, len(self.log)
        with pytest.raises(RuleViolation) as refusal:
            self.do(command, actor, **context)
        assert self.state is before and len(self.log) == length
        message = str(refusal.value)
        assert message.strip(), "a refusal must explain itself"
        return message

    def join(self, agency: str, name: str | None = None) -> str:
        seat_id = f"s{next(self._ids)}"
        self.do(c.Join(name=name or f"Person {seat_id}", agency=agency), GUEST, new_seat_id=seat_id)
        return seat_id

    @staticmethod
    def seat(seat_id: str) -> c.Actor:
        return c.Actor.seat(seat_id)

    def holder(self, directorate: str, role: str = "director") -> str | None:
        held = self.state.holder(directorate)
        return None if held is None else getattr(held, role)

    def directorate_seats(self) -> list[str]:
        """Every seat that holds a directorate, directors and assistants alike."""
        return [s for a in self.state.assignments.values() for s in (a.director, a.assistant) if s]


def board_game(
    scenario: ev.ScenarioFacts | None = None, *, seed: int = 7, chair: bool = True, resident: bool = True
) -> Game:
    """A game in the board meeting with the 'budget' item open: two people per directorate's agency,
    optionally a chair (from an agency without a directorate) and a resident on the panel."""
    game = Game(scenario)
    agencies = [a.id for a in game.scenario.agencies if a.directorate]
    seen: set[str] = set()
    for agency in agencies:
        d = own_directorate(game.scenario, agency)
        if d not in seen:
            seen.add(d)
            game.join(agency)
            game.join(agency)
    if chair:
        free = next(a.id for a in game.scenario.agencies if a.directorate is None)
        game.chair = game.join(free)
        game.do(c.ChooseChair(seat_id=game.chair))
    if resident:
        game.resident = game.join(RESIDENT)
    game.do(c.AutoPair())
    game.do(c.Shuffle(seed=seed))
    game.do(c.StartPhase(phase="read_in"))
    game.do(c.StartPhase(phase="board"))
    game.do(c.OpenItem(item_id="budget"))
    return game


# --- random board-meeting moves, shared by the meeting and replay tests -----------------------------------

CHOICES = ("for", "against", "abstain")
OPEN = ("proposed", "voting")
DECIDED = ("carried", "lost")

# Business of the meeting: motions, amendments, votes and corrections.
MOTION_MOVES = (
    ["vote"] * 12
    + ["second"] * 4
    + ["close"] * 5
    + ["propose"] * 5
    + ["amend"] * 2
    + ["decide"] * 2
    + ["raw"] * 3
    + ["withdraw", "rule-out", "void", "void", "ballot", "open"]
)
# Everything else that happens on the floor: speakers, news, the agenda, moving people, the 10% round.
FLOOR_MOVES = [
    "raise",
    "raise",
    "call",
    "finish",
    "lower",
    "ten-open",
    "ten-answer",
    "ten-answer",
    "ten-answer",
    "ten-reveal",
    "announce",
    "write",
    "release",
    "add-item",
    "edit-item",
    "move-item",
    "move-to-role",
]
MOTION_KINDS = (None, "transfer", "transfer", "objective", "target", "strategy", "free")
TERMS = ("short", "medium", "long", None)


def meeting_moves(directorates: list[str], min_size: int = 20, max_size: int = 60, floor: bool = True):
    """Moves as plain tuples (kind, k, back, source, target, amount, choice, closer, flag, motion_kind), resolved
    against the state by `meeting_command`: `k` picks among the people who could sensibly make the move, `back`
    among the things it could sensibly be about, newest first. Some moves are sent by the wrong person or about
    the wrong thing on purpose ('raw' moves come from anyone about any motion), so refusals happen too."""
    kinds = MOTION_MOVES + (FLOOR_MOVES if floor else [])
    move = st.tuples(
        st.sampled_from(kinds),
        st.integers(0, 11),
        st.sampled_from([0, 0, 0, 1, 2, 3]),
        st.sampled_from([*directorates, *directorates, "nowhere", None]),
        st.sampled_from(directorates),
        st.one_of(st.sampled_from([50_000, 100_000, 200_000, 300_000, 400_000]), st.integers(1, 450_000)),
        st.sampled_from(CHOICES),
        st.sampled_from(["trainer", "chair", "chair", "seat"]),
        st.booleans(),
        st.sampled_from(MOTION_KINDS),
    )
    return st.lists(move, min_size=min_size, max_size=max_size)


def meeting_actors(game: Game) -> list[c.Actor]:
    """Directors and assistants (sorted), then every other seat, then the trainer."""
    holding = sorted(game.directorate_seats())
    others = sorted(s for s in game.state.seats if s not in holding)
    return [c.Actor.seat(s) for s in holding + others] + [TRAINER]


def _pick(items, k: int, default=None):
    items = list(items)
    return items[k % len(items)] if items else default


def meeting_command(game: Game, move: tuple) -> tuple[c.Command, c.Actor]:
    """Turns a move into a command and who sends it."""
    kind, k, back, source, target, amount, choice, closer, flag, motion_kind = move
    state = game.state
    actors = meeting_actors(game)
    holding = sorted(game.directorate_seats())
    anyone = actors[k % len(actors)]
    chairing = {"trainer": TRAINER, "chair": c.Actor.seat(state.chair) if state.chair else TRAINER, "seat": anyone}[
        closer
    ]
    # Moves that cannot apply yet mostly turn into the step that comes before them, so that whole
    # motions (proposed, seconded, voted on, closed, voided) and whole 10% rounds are common.
    statuses = {m.status for m in state.motions.values()}
    if kind == "void" and not statuses & set(DECIDED) and k % 4:
        kind = "close"
    if kind in ("vote", "close") and "voting" not in statuses and k % 4:
        kind = "second"
    if kind == "second" and "proposed" not in statuses and k % 4:
        kind = "propose"
    if kind == "decide" and not any(a.status == "pending" for m in state.motions.values() for a in m.amendments):
        kind = "amend"
    if kind in ("ten-answer", "ten-reveal") and state.ten_percent.status != "open" and k % 4:
        kind = "ten-open"
    motion_id = f"m{max(len(state.motions) - back, 1)}"  # 'raw' moves: any motion, whatever its status
    wanted = {
        "second": ("proposed",),
        "withdraw": OPEN,
        "amend": OPEN,
        "decide": OPEN,
        "rule-out": OPEN,
        "ballot": OPEN,
        "void": DECIDED,
    }.get(kind, ("voting",))
    newest_first = list(reversed(state.motions.values()))
    fitting = [m for m in newest_first if m.status in wanted]
    if kind == "decide":
        fitting = [m for m in fitting if any(a.status == "pending" for a in m.amendments)] or fitting
    if kind != "raw" and fitting:
        motion_id = fitting[back % len(fitting)].id
    motion = state.motions.get(motion_id)
    transfer = (
        None
        if source is None
        else c.TransferTerms(source=source, target=target, amount=amount, reason="to stop exporting costs")
    )
    indicator = _pick([i.id for i in state.scenario.indicators] + ["nowhere"], k)
    goal = c.TargetTermsIn(indicator=indicator, directorate=target, value=float(amount % 50), by="March 2028")
    seat_ids = [a.seat_id for a in actors if a.seat_id]
    items = [item.id for item in state.agenda]

    # --- motions ---
    if kind == "open":
        return c.OpenItem(item_id=_pick(items, k, "objectives")), chairing
    if kind == "propose":
        proposer = c.Actor.seat(holding[k % len(holding)])
        text = f"Motion {amount}"
        if motion_kind in (None, "transfer"):
            return c.Propose(text=text, kind=motion_kind, transfer=transfer, secret=flag and back == 0), proposer
        if motion_kind == "objective":
            return c.Propose(text=text, kind="objective", term=TERMS[k % 4]), proposer
        if motion_kind == "target":
            return c.Propose(text=text, kind="target", target=goal, secret=flag and back == 0), proposer
        return c.Propose(text=text, kind=motion_kind, secret=flag and back == 0), proposer
    if kind == "amend":
        terms = {}
        if motion is not None and motion.kind == "transfer" and transfer is not None:
            terms["transfer"] = transfer
        if motion is not None and motion.kind == "target" and flag:
            terms["target"] = goal
        amender = c.Actor.seat(holding[k % len(holding)])
        return c.Amend(motion_id=motion_id, text=f"Amended to {amount}", **terms), amender
    if kind == "decide":
        pending = [a.id for a in motion.amendments if a.status == "pending"] if motion else []
        amendment = _pick(pending, back, f"{motion_id}-a1")
        own = [s for s in holding if motion and state.role_of(s).directorate == motion.directorate]
        who = own if own and k % 4 else holding
        return c.DecideAmendment(motion_id=motion_id, amendment_id=amendment, accept=flag), c.Actor.seat(_pick(who, k))
    if kind == "raw":
        command = [
            c.Second(motion_id=motion_id),
            c.Withdraw(motion_id=motion_id),
            c.Vote(motion_id=motion_id, choice=choice),
        ][back % 3]
        return command, anyone
    if kind == "close":
        casting = None if k % 3 == 0 else choice
        return c.CloseVote(motion_id=motion_id, casting=casting), chairing
    if kind == "withdraw":
        mine = [s for s in holding if motion and state.role_of(s).directorate == motion.directorate] or holding
        return c.Withdraw(motion_id=motion_id), c.Actor.seat(mine[k % len(mine)])
    if kind == "second":
        others = [s for s in holding if motion and state.role_of(s).directorate != motion.directorate] or holding
        return c.Second(motion_id=motion_id), c.Actor.seat(others[k % len(others)])
    if kind == "rule-out":
        return c.RuleOut(motion_id=motion_id, reason="Not a matter for this board"), chairing
    if kind == "ballot":
        return c.SetBallot(motion_id=motion_id, secret=flag), chairing
    if kind == "void":
        return c.VoidMotion(motion_id=motion_id, reason="Recorded in error"), (anyone if closer == "seat" else TRAINER)
    if kind == "vote":
        voted = motion.ballots if motion else {}
        fresh = [s for s in holding if state.role_of(s).directorate not in voted]
        voters = fresh if fresh and k % 3 else holding  # mostly new voters, sometimes a change (or a repeat)
        return c.Vote(motion_id=motion_id, choice=choice), c.Actor.seat(voters[k % len(voters)])

    # --- the floor ---
    if kind == "raise":
        return c.RaiseHand(), anyone
    if kind == "call":
        return c.CallSpeaker(seat_id=None if flag else _pick(seat_ids, k)), chairing
    if kind == "finish":
        return c.FinishSpeaker(), chairing
    if kind == "lower":
        waiting = list(state.floor.queue)
        if flag and waiting:
            return c.LowerHand(), c.Actor.seat(_pick(waiting, k))
        return c.LowerHand(seat_id=_pick(waiting, k)), chairing
    if kind == "ten-open":
        return c.OpenTenPercent(), TRAINER
    if kind == "ten-answer":
        return c.AnswerTenPercent(recipient=target, reason=f"because {amount}"), anyone
    if kind == "ten-reveal":
        return c.RevealTenPercent(), TRAINER
    if kind == "announce":
        return c.Announce(text=f"Ten minutes left ({amount})"), TRAINER
    if kind == "write":
        to = [_pick(seat_ids, k), _pick(seat_ids, back)] if flag else []
        return c.WriteInject(title="Breaking", text=f"The surgery has *{amount}* patients waiting.", to=to), TRAINER
    if kind == "release":
        to = [_pick(seat_ids, k)] if flag else []
        return c.ReleaseInject(inject_id=_pick([i.id for i in state.scenario.injects], k, "news"), to=to), TRAINER
    if kind == "add-item":
        return c.AddItem(title=f"Item {k}", kind="free", minutes=k + 1, position=None if flag else back), TRAINER
    if kind == "edit-item":
        return c.EditItem(item_id=_pick(items, k, "objectives"), minutes=k + 1), TRAINER
    if kind == "move-item":
        return c.MoveItem(item_id=_pick(items, k, "objectives"), position=back), TRAINER
    if kind == "move-to-role":
        return c.MoveToRole(
            seat_id=_pick(seat_ids, k), directorate=target, position="director" if flag else "assistant"
        ), TRAINER
    raise AssertionError(f"unknown move {kind}")
