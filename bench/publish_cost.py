"""Benchmark: what publishing one command costs in a Kilnbrook session with 20 screens (18 seats, the trainer and
the projector), before (every screen sent its whole view, `update`) and after (`delta`: only what changed).

Plays a board meeting through the real rules (hands raised, speakers, motions proposed, seconded, voted and
closed, news, a round of time), then publishes each command's events to the 20 viewers, in-process: the server
CPU per command (views or patches, and JSON) and the bytes each viewer is sent, per kind of command.

Run: python bench/publish_cost.py [--repeat 3]
Nothing is asserted (tests never time anything). Targets: at most 1 ms a command, and 1 KB a viewer for a vote.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain import commands as c
from app.domain import events as ev
from app.domain.consequences import views as consequences
from app.domain.sections import Sections
from app.domain.views import Viewer, shown_event, view_for
from app.realtime.hub import Connection
from app.realtime.stream import Publication, sync_message
from app.scenarios.loader import load_folder
from app.scenarios.simulate import Board

PACK = load_folder(ROOT / "scenarios" / "kilnbrook")
Step = tuple[str, object, list[tuple[int, ev.Event]]]


def play_day() -> tuple[object, list[Step]]:
    """The seated board (and one resident), then each command of a meeting as (kind, state after, events)."""
    board = Board(PACK)
    board.do(c.Join(name="A resident", agency="resident"), c.GUEST, new_seat_id="r1")
    start, steps = board.state, []

    def do(kind: str, command: c.Command, actor: c.Actor = c.TRAINER) -> None:
        before = len(board.log)
        board.do(command, actor)
        numbered = list(enumerate(board.log[before:], start=before + 1))
        steps.append((kind, board.state, numbered))

    voters = [c.Actor.seat(a.director) for a in board.state.assignments.values()]
    resident = c.Actor.seat("r1")
    for number in range(1, 7):
        do("raise a hand", c.RaiseHand(), resident)
        do("call a speaker", c.CallSpeaker())
        do("finish a speaker", c.FinishSpeaker())
        source, target = sorted(board.state.ledger)[number % 8], sorted(board.state.ledger)[(number + 3) % 8]
        terms = c.TransferTerms(source=source, target=target, amount=10_000 * number, reason="prevention")
        do("propose", c.Propose(text=f"Motion {number}", kind="transfer", transfer=terms), voters[0])
        motion = f"m{len(board.state.motions)}"
        do("second", c.Second(motion_id=motion), voters[1])
        for voter in voters:
            do("vote", c.Vote(motion_id=motion, choice="for" if number % 3 else "against"), voter)
        do("close a vote", c.CloseVote(motion_id=motion))
        if number % 2 == 0:
            do("advance time", c.AdvanceTime(period="quarter"))
    do("announce", c.Announce(text="Ten minutes left"))
    return start, steps


def viewers(state) -> list[Viewer]:
    return [Viewer("trainer"), Viewer("projector")] + [Viewer("seat", s) for s in sorted(state.seats)]


def before(start, steps: list[Step], start_time: float) -> dict[str, list[tuple[float, float]]]:
    """The old `_publish`: each viewer's whole view, built afresh, with its events (the consequences were kept
    for one state, so each command worked them out once)."""
    found = defaultdict(list)
    for i, (kind, state, numbered) in enumerate(steps, start=1):
        now = start_time + 10 * i
        consequences._last = None
        began = time.process_time()
        sizes = []
        for viewer in viewers(state):
            shown = [s for seq, e in numbered if (s := shown_event(state, e, seq, viewer)) is not None]
            text = json.dumps(
                {"type": "update", "seq": state.seq, "events": shown, "view": view_for(state, viewer, now)}
            )
            sizes.append(len(text))
        found[kind].append((time.process_time() - began, statistics.mean(sizes)))
    return found


def after(start, steps: list[Step], start_time: float) -> dict[str, list[tuple[float, float]]]:
    """The new `_publish`: one `Publication` per command, for 20 connections that each hold their view."""
    sections = Sections()
    connections = [Connection(v) for v in viewers(start)]
    for conn in connections:
        sync_message(sections, conn, start, [], False, start_time)
    found = defaultdict(list)
    for i, (kind, state, numbered) in enumerate(steps, start=1):
        now = start_time + 10 * i
        began = time.process_time()
        publication = Publication(sections, state, numbered, now)
        sizes = [len(publication.message(conn) or "") for conn in connections]
        found[kind].append((time.process_time() - began, statistics.mean(sizes)))
    return found


def report(title: str, found: dict[str, list[tuple[float, float]]]) -> None:
    every = [t for rows in found.values() for t, _ in rows]
    print(
        f"{title}: {statistics.mean(every) * 1000:.2f} ms CPU a command on average, median "
        f"{statistics.median(every) * 1000:.2f} ms, worst {max(every) * 1000:.2f} ms"
    )
    for kind, rows in found.items():
        times, sizes = [t for t, _ in rows], [s for _, s in rows]
        print(
            f"  {kind:16} x{len(rows):3}: median {statistics.median(times) * 1000:6.2f} ms, "
            f"{statistics.mean(sizes):8,.0f} bytes a viewer"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="play the day this many times; the best is shown")
    args = parser.parse_args()
    start, steps = play_day()
    print(f"{len(viewers(start))} viewers, {len(steps)} commands")
    now = 5000.0  # each command ten seconds after the last, in both, so the clocks in the views tick alike
    for title, run in (("before (update: whole views)", before), ("after (delta: patches)", after)):
        runs = [run(start, steps, now) for _ in range(args.repeat)]
        best = min(runs, key=lambda found: sum(t for rows in found.values() for t, _ in rows))
        report(title, best)


if __name__ == "__main__":
    main()
