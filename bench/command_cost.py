"""Benchmark: the server CPU one command costs on the command path, in-process, through the real `Actions` on a
SQLite file (or PostgreSQL with --database), in a Kilnbrook session watched by 20 connections (the trainer, the
projector and 18 seats), split into its parts: catching up and the duplicate check, deciding, storing,
publishing, and the rest (locks, thread hops, the event loop).

Seats a board, then plays a busy board meeting (hands raised, speakers called, motions proposed, seconded,
voted on by every directorate and closed) with a command id on every command, as browsers send them, and
drains each connection's queue after each command as its sender would.

Run: python bench/command_cost.py [--commands 300] [--repeat 3] [--database URL]
Nothing is asserted (tests never time anything). Target (issue 12): at most 1 ms a command, a session of 20.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import actions as actions_module
from app.actions import Actions
from app.domain import commands as c
from app.domain.core.types import RESIDENT
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.hub import Connection, Hub
from app.scenarios.loader import load_folder
from app.store.db import make_engine

PACK = load_folder(ROOT / "scenarios" / "kilnbrook")
PARTS = ("catch up", "decide", "store", "publish")


class Meter:
    """CPU time (time.process_time: every thread of the process) spent inside each wrapped part. One command is
    in flight at a time, so what a part's thread spends is that part's."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    def wrap_sync(self, part: str, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            began = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[part] += time.process_time() - began

        return timed

    def wrap_async(self, part: str, function: Callable) -> Callable:
        async def timed(*args, **kwargs):
            began = time.process_time()
            try:
                return await function(*args, **kwargs)
            finally:
                self.spent[part] += time.process_time() - began

        return timed

    def instrument(self, actions: Actions) -> None:
        """Times the parts of `Actions._record` wherever they live in the version being measured (`decide` is
        swapped in the module: the caller puts it back)."""
        actions_module.decide = self.wrap_sync("decide", actions_module.decide)
        actions._store = self.wrap_sync("store", actions._store)  # type: ignore[method-assign]
        actions.rooms.publish = self.wrap_sync("publish", actions.rooms.publish)  # type: ignore[method-assign]
        actions._caught_up = self.wrap_async("catch up", actions._caught_up)  # type: ignore[method-assign]
        if hasattr(actions, "_seen"):
            actions._seen = self.wrap_sync("catch up", actions._seen)  # type: ignore[attr-defined]


async def seat_board(actions: Actions, code: str) -> dict[str, c.Actor]:
    """Seats the board as `app.scenarios.simulate.Board` does (two people to each directorate's agency, a pair of
    residents if the pack pairs them, a chair), opens the board meeting and lets a resident in; returns each
    directorate's voter."""
    scenario = (await actions.state(code)).state.scenario
    paired = scenario.residents_mode == "pairs"
    agencies, seen = [], set()
    for agency in scenario.agencies:
        if agency.directorate and agency.directorate not in seen and len(seen) < len(scenario.directorates) - paired:
            seen.add(agency.directorate)
            agencies += [agency.id, agency.id]
    agencies += [RESIDENT, RESIDENT] if paired else []
    free = [a.id for a in scenario.agencies if not a.directorate]
    agencies.append(free[0] if free else RESIDENT)
    seats = [(await actions.join(code, c.Join(name=f"Player {n}", agency=a))).seat_id for n, a in enumerate(agencies)]
    opening = [c.ChooseChair(seat_id=str(seats[-1])), c.AutoPair(), c.Shuffle(seed=1)]
    opening += [c.StartPhase(phase="read_in"), c.StartPhase(phase="board")]
    for command in opening:
        await actions.submit(code, c.TRAINER, command, None)
    state = (await actions.state(code)).state
    await actions.submit(code, c.TRAINER, c.OpenItem(item_id=state.agenda[0].id), None)
    await actions.join(code, c.Join(name="A resident", agency=RESIDENT))  # who raises a hand to speak
    state = (await actions.state(code)).state
    return {a.directorate: c.Actor.seat(a.director) for a in state.assignments.values()}


def meeting(state, voters: dict[str, c.Actor]):
    """Yields (kind, actor, command) for a busy board meeting, one motion at a time, for as long as asked."""
    resident = next(c.Actor.seat(s) for s, seat in sorted(state.seats.items()) if seat.agency == RESIDENT)
    ledger, order = sorted(state.ledger), list(voters.values())
    number = 0
    while True:
        number += 1
        yield "raise a hand", resident, c.RaiseHand()
        yield "call a speaker", c.TRAINER, c.CallSpeaker()
        yield "finish a speaker", c.TRAINER, c.FinishSpeaker()
        terms = c.TransferTerms(
            source=ledger[number % len(ledger)], target=ledger[(number + 3) % len(ledger)], amount=1000, reason="x"
        )
        yield "propose", order[0], c.Propose(text=f"Motion {number}", kind="transfer", transfer=terms)
        yield "second", order[1], c.Second(motion_id=f"m{number}")
        for voter in order:
            yield "vote", voter, c.Vote(motion_id=f"m{number}", choice="for" if number % 3 else "against")
        yield "close a vote", c.TRAINER, c.CloseVote(motion_id=f"m{number}")


async def drain(connections: list[Connection]) -> None:
    for conn in connections:
        while len(conn):
            await conn.next()


async def watched_board(actions: Actions) -> tuple[str, dict[str, c.Actor], list[Connection]]:
    """A Kilnbrook board seated in its meeting and watched by 20 connections (the trainer, the projector and
    every seat), each with its first view taken: the session's code, each directorate's voter, the connections."""
    code = await actions.create_session(PACK)
    voters = await seat_board(actions, code)
    state = (await actions.state(code)).state
    viewers = [Viewer("trainer"), Viewer("projector")] + [Viewer("seat", s) for s in sorted(state.seats)]
    connections = [actions.hub.connection(v) for v in viewers]
    for conn in connections:
        await actions.attach(code, conn, after=state.seq)
    await drain(connections)
    return code, voters, connections


async def play(url: str, commands: int) -> tuple[list[float], dict[str, float], int, str]:
    engine = make_engine(url)
    actions = Actions(LiveSessions(engine), Hub(queue_bytes=64 * 1024 * 1024))
    code, voters, connections = await watched_board(actions)
    state = (await actions.state(code)).state
    meter = Meter()
    totals: list[float] = []
    kinds: dict[str, list[float]] = defaultdict(list)
    steps, decide = meeting(state, voters), actions_module.decide
    meter.instrument(actions)
    try:
        for _ in range(commands):
            kind, actor, command = next(steps)
            began = time.process_time()
            await actions.submit(code, actor, command, uuid.uuid4().hex)
            spent = time.process_time() - began
            totals.append(spent)
            kinds[kind].append(spent)
            await drain(connections)
    finally:
        actions_module.decide = decide  # the module's own again, for whatever runs next in this process
        engine.dispose()
    figures = {kind: statistics.median(times) for kind, times in kinds.items()}
    return totals, {**meter.spent, **{f"kind:{k}": v for k, v in figures.items()}}, len(connections), code


def report(totals: list[float], spent: dict[str, float], viewers: int) -> None:
    n = len(totals)
    whole = sum(totals)
    print(f"{viewers} viewers, {n} commands, each with a command id")
    print(
        f"CPU a command: mean {whole / n * 1000:.3f} ms, median {statistics.median(totals) * 1000:.3f} ms, "
        f"p90 {sorted(totals)[int(n * 0.9)] * 1000:.3f} ms"
    )
    parts = sum(spent.get(p, 0.0) for p in PARTS)
    for part in PARTS:
        print(f"  {part:10} {spent.get(part, 0.0) / n * 1000:7.3f} ms")
    print(f"  {'the rest':10} {(whole - parts) / n * 1000:7.3f} ms  (locks, thread hops, the event loop)")
    for key, value in spent.items():
        if key.startswith("kind:"):
            print(f"  median {key[5:]:16} {value * 1000:7.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commands", type=int, default=300)
    parser.add_argument("--database", help="a database URL (default: a fresh SQLite file)")
    parser.add_argument("--repeat", type=int, default=3, help="play this many times; the quickest is shown")
    args = parser.parse_args()
    runs = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            url = args.database or f"sqlite:///{Path(folder) / 'bench.db'}"
            runs.append(asyncio.run(play(url, args.commands)))
    totals, spent, viewers, _ = min(runs, key=lambda run: sum(run[0]))
    report(totals, spent, viewers)


if __name__ == "__main__":
    main()
