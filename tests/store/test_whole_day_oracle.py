"""A whole day, checked against an independent oracle: a reference model written here in plain dicts.

Hypothesis draws a day (arrivals, pairing, shuffle, read-in, a board meeting with motions, votes, transfers,
news, time moving on, the debrief). Each command goes through the pure `decide`/`apply` AND through the store
(`Actions` on a real SQLite file); the oracle says, from the rules' documented meaning, whether the command
is accepted and what it changes. After every step all three must agree, and after a restart (a fresh
`LiveSessions` replaying the stored log) the store must still agree with the oracle.

Where the rules make a choice of their own (who pairs with whom, which directorate a seeded shuffle deals to
which pair), the oracle checks that the choice is a valid one and then adopts it.
"""

from __future__ import annotations

import asyncio
import itertools
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.actions import Actions
from app.domain import apply as reducer
from app.domain import commands as c
from app.domain import decide as rules
from app.domain.core.errors import RuleViolation
from app.domain.core.state import SessionState
from app.domain.core.types import RESIDENT
from app.live import LiveSessions
from app.realtime.hub import Hub
from app.store.db import make_engine
from tests.domain.builders import tiny_pack

DIRECTORATE_OF = {"council-housing": "housing", "nhs": "health", "police": "safety", "schools": "education"}
BUDGETS = {"housing": 400_000, "health": 300_000, "safety": 200_000, "education": 100_000}
MONTHS = {"quarter": 3, "year": 12}


# --- the oracle --------------------------------------------------------------------------------------------


@dataclass
class Oracle:
    """What the day should look like, kept in plain dicts from the rules as the README and briefs state them."""

    phase: str = "lobby"
    seats: dict[str, str] = field(default_factory=dict)  # seat -> agency
    chair_pick: str | None = None
    chair: str | None = None
    pairs: set[frozenset[str]] = field(default_factory=set)
    holders: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # directorate -> (director, assistant)
    shuffled: bool = False
    item: str | None = None
    ledger: dict[str, int] = field(default_factory=lambda: dict(BUDGETS))
    motions: dict[str, dict] = field(default_factory=dict)
    released: set[str] = field(default_factory=set)
    rounds: list[tuple[int, dict[str, int]]] = field(default_factory=list)
    reflected: set[str] = field(default_factory=set)

    def directorate_of(self, seat: str) -> str | None:
        return next((d for d, held in self.holders.items() if seat in held), None)

    def strategy(self) -> set[str]:
        """The board's decisions: every motion carried and not set aside."""
        return {m for m, motion in self.motions.items() if motion["status"] == "carried"}

    def quorum(self) -> int:
        return len(self.holders) // 2 + 1


def expect(oracle: Oracle, command: c.Command, actor: c.Actor) -> bool:
    """Whether the oracle expects the command to be accepted; when it is, the oracle's state is updated.

    Only commands this test generates are modelled, each from the rule's plain meaning."""
    seat = actor.seat_id
    trainer = actor.kind == "trainer"
    in_board = oracle.phase == "board"
    if isinstance(command, c.Join):
        return oracle.phase in ("lobby", "read_in", "board")  # rosters here never fill the room
    organising = (c.ChooseChair, c.AutoPair, c.Shuffle, c.StartPhase, c.ReleaseInject, c.AdvanceTime)
    if isinstance(command, organising) and not trainer:
        return False  # organising the day is the trainer's job
    if isinstance(command, c.ChooseChair):
        oracle.chair_pick = command.seat_id
        return True
    if isinstance(command, c.AutoPair):
        return oracle.phase == "lobby"
    if isinstance(command, c.Shuffle):
        return oracle.phase == "lobby" and bool(oracle.pairs)
    if isinstance(command, c.StartPhase):
        if command.phase in ("read_in", "board") and not oracle.shuffled:
            return False
        oracle.phase = command.phase
        if command.phase != "board":
            oracle.item = None  # leaving the meeting closes whatever item was open
        return True
    if isinstance(command, c.OpenItem):
        if not (trainer or seat == oracle.chair) or not in_board or oracle.item == command.item_id:
            return False
        oracle.item = command.item_id
        return True
    if isinstance(command, c.ReleaseInject):
        if "news" in oracle.released:
            return False
        oracle.released.add("news")
        return True
    if isinstance(command, c.AdvanceTime):
        if oracle.phase not in ("board", "debrief"):
            return False
        oracle.rounds.append((MONTHS[command.period], dict(oracle.ledger)))
        return True
    if isinstance(command, c.Reflect):
        if trainer or oracle.phase != "debrief":
            return False
        oracle.reflected.add(seat)
        return True
    return _meeting(oracle, command, actor)


def _meeting(oracle: Oracle, command: c.Command, actor: c.Actor) -> bool:
    """Motions: proposed by a directorate, seconded by another, voted on by directorates, closed by the chair."""
    if oracle.phase != "board":
        return False
    own = None if actor.kind == "trainer" else oracle.directorate_of(actor.seat_id)
    chairing = actor.kind == "trainer" or actor.seat_id == oracle.chair
    if isinstance(command, c.Propose):
        if own is None or oracle.item is None:
            return False
        t = command.transfer
        if t is not None and (t.source == t.target or t.amount > oracle.ledger[t.source]):
            return False
        motion_id = f"m{len(oracle.motions) + 1}"
        oracle.motions[motion_id] = {"status": "proposed", "by": own, "ballots": {}, "transfer": t}
        return True
    motion = oracle.motions.get(getattr(command, "motion_id", ""))
    if motion is None:
        return False
    if isinstance(command, c.Second):
        if own is None or own == motion["by"] or motion["status"] != "proposed":
            return False
        motion["status"] = "voting"
        return True
    if isinstance(command, c.Withdraw):
        if own != motion["by"] or motion["status"] not in ("proposed", "voting"):
            return False
        motion["status"] = "withdrawn"
        return True
    if isinstance(command, c.Vote):
        if own is None or motion["status"] != "voting" or motion["ballots"].get(own) == command.choice:
            return False
        motion["ballots"][own] = command.choice
        return True
    if isinstance(command, c.CloseVote):
        return chairing and motion["status"] == "voting" and _close(oracle, motion, command.casting)
    raise AssertionError(f"the oracle does not model {command.type}")


def _close(oracle: Oracle, motion: dict, casting: str | None) -> bool:
    ballots = list(motion["ballots"].values())
    if len(ballots) < oracle.quorum():
        return False
    yes, no = ballots.count("for"), ballots.count("against")
    if yes == no and casting not in ("for", "against"):
        return False
    carried = yes > no or (yes == no and casting == "for")
    t = motion["transfer"]
    if carried and t is not None and oracle.ledger[t.source] < t.amount:
        carried = False  # the money has gone elsewhere since the motion was proposed
    motion["status"] = "carried" if carried else "lost"
    if carried and t is not None:
        oracle.ledger[t.source] -= t.amount
        oracle.ledger[t.target] += t.amount
    return True


def adopt_choices(oracle: Oracle, command: c.Command, state: SessionState) -> None:
    """Checks a choice the rules made (pairs, the shuffle's deal) is a valid one, then the oracle takes it."""
    if isinstance(command, c.AutoPair):
        pairs = [frozenset(p) for p in state.pairs.values()]
        paired = [s for p in pairs for s in p]
        assert len(paired) == len(set(paired)), "nobody is in two pairs"
        assert all(1 <= len(p) <= 2 for p in pairs)
        assert set(paired) <= set(oracle.seats) and not any(oracle.seats[s] == RESIDENT for s in paired)
        oracle.pairs = set(pairs)
    if isinstance(command, c.Shuffle):
        dealt = {a.directorate: (a.director, a.assistant) for a in state.assignments.values()}
        assert len(dealt) == len(state.assignments), "each directorate goes to one pair"
        for directorate, (director, assistant) in dealt.items():
            pair = frozenset(s for s in (director, assistant) if s)
            assert pair in oracle.pairs, "the shuffle deals directorates to the pairs as they were made"
            agencies = {DIRECTORATE_OF.get(oracle.seats[s]) for s in pair}
            assert directorate not in agencies, "no pair plays its own agency's directorate"
        oracle.holders, oracle.shuffled, oracle.chair = dealt, True, oracle.chair_pick


def observed(state: SessionState) -> dict:
    """What the oracle can see of a real state."""
    return {
        "phase": state.phase,
        "seats": {s.id: s.agency for s in state.seats.values()},
        "chair": state.chair,
        "pairs": {frozenset(p) for p in state.pairs.values()},
        "holders": {a.directorate: (a.director, a.assistant) for a in state.assignments.values()},
        "item": state.current_item,
        "ledger": dict(state.ledger),
        "motions": {
            m.id: (m.status, m.directorate, {d: b.choice for d, b in m.ballots.items()}) for m in state.motions.values()
        },
        "strategy": {m.id for m in state.motions.values() if m.status == "carried"},
        "released": set(state.released),
        "rounds": [(r.months, dict(r.ledger)) for r in state.rounds],
        "reflected": set(state.reflections),
    }


def expected(oracle: Oracle) -> dict:
    return {
        "phase": oracle.phase,
        "seats": dict(oracle.seats),
        "chair": oracle.chair,
        "pairs": set(oracle.pairs),
        "holders": dict(oracle.holders),
        "item": oracle.item,
        "ledger": dict(oracle.ledger),
        "motions": {m: (x["status"], x["by"], dict(x["ballots"])) for m, x in oracle.motions.items()},
        "strategy": oracle.strategy(),
        "released": set(oracle.released),
        "rounds": [(months, dict(ledger)) for months, ledger in oracle.rounds],
        "reflected": set(oracle.reflected),
    }


# --- the day, drawn ------------------------------------------------------------------------------------------

MOVES = ["propose"] * 2 + ["second"] * 3 + ["vote"] * 9 + ["close"] * 3 + ["withdraw", "news", "time", "misclick"]


@st.composite
def days(draw):
    """A roster (two people from each directorate's agency, a chair from the fire service, up to two residents,
    arriving in any order) and a list of meeting moves, each resolved against the state when it is made."""
    roster = [a for a in DIRECTORATE_OF for _ in range(2)] + ["fire"] + [RESIDENT] * draw(st.integers(0, 2))
    arrivals = draw(st.permutations(roster))
    move = st.tuples(
        st.sampled_from(MOVES),
        st.integers(0, 15),
        st.sampled_from(["for", "against", "abstain"]),
        st.sampled_from([None, "for", "against"]),
        st.sampled_from([None, *itertools.permutations(BUDGETS, 2)]),
        st.sampled_from([10_000, 50_000, 100_000, 250_000]),
    )
    # Every day opens with one proposal the rules accept, so no day is vacuous; the drawn moves follow.
    opening = ("propose", 1, "for", None, ("housing", "health"), 10_000)
    return arrivals, draw(st.integers(0, 2**31 - 1)), [opening, *draw(st.lists(move, min_size=20, max_size=50))]


def meeting_step(oracle: Oracle, move: tuple) -> tuple[c.Command, c.Actor]:
    """Turns a drawn move into a command and its sender. Most moves are aimed where they can work (a vote at
    a motion being voted on, by a directorate that has not voted yet), so whole motions are common; every
    fourth or so goes astray on purpose, so that refusals are checked too."""
    kind, k, choice, casting, route, amount = move
    holding = sorted(s for held in oracle.holders.values() for s in held if s)
    astray = k % 4 == 0
    someone = c.Actor.seat(holding[k % len(holding)])
    chair = c.Actor.seat(oracle.chair) if oracle.chair and k % 2 else c.TRAINER
    wanted = {"second": ("proposed",), "vote": ("voting",), "close": ("voting",), "withdraw": ("proposed", "voting")}
    newest = [m for m in reversed(oracle.motions) if astray or oracle.motions[m]["status"] in wanted.get(kind, ())]
    if kind in wanted and not newest and not astray:
        kind = "propose"  # nothing for this move to act on yet: the step before it comes first
    motion = newest[k % len(newest)] if newest else f"m{len(oracle.motions) or 1}"
    by = oracle.motions[motion]["by"] if motion in oracle.motions else None

    def holder(fits) -> c.Actor:
        chosen = [s for s in holding if fits(oracle.directorate_of(s))]
        return c.Actor.seat(chosen[k % len(chosen)]) if chosen and not astray else someone

    if kind == "propose":
        terms = (
            None
            if route is None
            else c.TransferTerms(source=route[0], target=route[1], amount=amount, reason="to stop exporting costs")
        )
        return c.Propose(text=f"Motion {k}", kind="transfer" if terms else None, transfer=terms), someone
    if kind == "second":
        return c.Second(motion_id=motion), holder(lambda d: d != by)
    if kind == "vote":
        voted = oracle.motions[motion]["ballots"] if motion in oracle.motions else {}
        return c.Vote(motion_id=motion, choice=choice), holder(lambda d: d not in voted)
    if kind == "close":
        return c.CloseVote(motion_id=motion, casting=casting), chair
    if kind == "withdraw":
        return c.Withdraw(motion_id=motion), holder(lambda d: d == by)
    if kind == "news":
        return c.ReleaseInject(inject_id="news"), c.TRAINER
    if kind == "time":
        return c.AdvanceTime(period="quarter" if k % 2 else "year"), c.TRAINER
    return c.CloseVote(motion_id=motion, casting=casting), someone  # a misclick: only the chair may close


# --- driving the pure core and the store side by side ----------------------------------------------------------


class Day:
    def __init__(self, database: Path):
        self.database = database
        self.engine = make_engine(f"sqlite:///{database}")
        self.actions = Actions(LiveSessions(self.engine), Hub(), clock=self._tick)
        self.now = 1000.0
        self.code = asyncio.run(self.actions.create_session(tiny_pack()))
        self.state = asyncio.run(self.actions.state(self.code)).state  # the pure core starts where the store did
        self.oracle = Oracle()

    def _tick(self) -> float:
        self.now += 1.0
        return self.now

    def stored(self) -> SessionState:
        return asyncio.run(self.actions.state(self.code)).state

    def step(self, command: c.Command, actor: c.Actor) -> None:
        accepted = expect(self.oracle, command, actor)
        seat = self._through_the_store(command, actor)
        context = c.Context(actor, self.now, new_seat_id=seat or "")
        try:
            events = rules.decide(self.state, command, context)
        except RuleViolation:
            assert not accepted, f"the core refused {command!r} from {actor}, the oracle expected it to pass"
            assert seat is None
        else:
            assert accepted, f"the core accepted {command!r} from {actor}, the oracle expected a refusal"
            for event in events:
                self.state = reducer.apply(self.state, event)
            if isinstance(command, c.Join):
                self.oracle.seats[seat] = command.agency
            adopt_choices(self.oracle, command, self.state)
        assert observed(self.state) == expected(self.oracle)
        assert observed(self.stored()) == expected(self.oracle)

    def _through_the_store(self, command: c.Command, actor: c.Actor) -> str | None:
        try:
            if isinstance(command, c.Join):
                return asyncio.run(self.actions.join(self.code, command)).seat_id
            asyncio.run(self.actions.submit(self.code, actor, command, None))
        except RuleViolation:
            return None
        return None

    def restart(self) -> SessionState:
        """A new process on the same database file: nothing in memory, the log replayed."""
        self.engine.dispose()
        engine = make_engine(f"sqlite:///{self.database}")
        try:
            return asyncio.run(Actions(LiveSessions(engine), Hub()).state(self.code)).state
        finally:
            engine.dispose()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(day=days())
def test_a_whole_day_matches_the_oracle_live_through_the_store_and_after_a_restart(day, schema_db, tmp_path_factory):
    arrivals, seed, moves = day
    database = tmp_path_factory.mktemp("day") / "day.db"
    shutil.copyfile(schema_db, database)
    run = Day(database)
    for agency in arrivals:
        run.step(c.Join(name=f"Person from {agency}", agency=agency), c.GUEST)
    by_agency = {agency: seat for seat, agency in run.oracle.seats.items()}
    someone = c.Actor.seat(by_agency["nhs"])
    run.step(c.Shuffle(seed=seed), someone)  # a participant cannot shuffle
    run.step(c.StartPhase(phase="read_in"), c.TRAINER)  # nor can the day start before the shuffle
    run.step(c.ChooseChair(seat_id=by_agency["fire"]), c.TRAINER)
    run.step(c.AutoPair(), c.TRAINER)
    run.step(c.Shuffle(seed=seed), c.TRAINER)
    run.step(c.StartPhase(phase="read_in"), c.TRAINER)
    run.step(c.Vote(motion_id="m1", choice="for"), someone)  # no meeting yet
    run.step(c.StartPhase(phase="board"), c.TRAINER)
    run.step(c.OpenItem(item_id="budget"), c.Actor.seat(run.oracle.chair))
    for move in moves:
        run.step(*meeting_step(run.oracle, move))
    run.step(c.StartPhase(phase="debrief"), c.TRAINER)
    for seat in sorted(run.oracle.seats)[:3]:
        run.step(c.Reflect(ratings={"trust": 4}, comment="We listened."), c.Actor.seat(seat))
    run.step(c.AdvanceTime(period="year"), c.TRAINER)
    assert run.oracle.motions, "every day has at least one motion on the table"
    statuses = {m["status"] for m in run.oracle.motions.values()}
    event(f"motions ended {'/'.join(sorted(statuses))}")
    event("money moved" if run.oracle.ledger != BUDGETS else "money stayed put")

    restarted = run.restart()
    assert observed(restarted) == expected(run.oracle)
    assert restarted == run.stored()
