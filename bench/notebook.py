"""Benchmark: one pair-notebook save in a full Kilnbrook board meeting (17 seats and the residents). Times what the
server does per save: `decide` + `apply` of write-notebook, then, as publishing does, the event and a fresh view
for every connected screen (the trainer, the projector, every seat), and the bytes those messages come to.

Run: python bench/notebook.py [--repeat 50]
Prints one line per page size; nothing is asserted (tests never time anything). Target: under 20 ms a save, so
saves about a second apart from a few pairs at once never hold the room up.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain import commands as c
from app.domain.apply import apply
from app.domain.decide import decide
from app.domain.views import Viewer, shown_event, view_for
from app.scenarios.loader import load_folder
from app.scenarios.simulate import Board

PACK = load_folder(ROOT / "scenarios" / "kilnbrook")


def one_save(board: Board, writer: str, text: str) -> tuple[float, int]:
    """Returns (seconds, bytes published) for one save, as the server would publish it."""
    started = time.perf_counter()
    state = board.state
    events = decide(state, c.WriteNotebook(text=text), c.Context(c.Actor.seat(writer), board.now + 1))
    for event in events:
        state = apply(state, event)
    viewers = [Viewer("trainer"), Viewer("projector"), *(Viewer("seat", s) for s in state.seats)]
    sent = 0
    for viewer in viewers:
        shown = [x for x in (shown_event(state, e, state.seq, viewer) for e in events) if x is not None]
        sent += len(json.dumps({"type": "update", "events": shown, "view": view_for(state, viewer, board.now)}))
    board.state = state
    return time.perf_counter() - started, sent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    repeat = parser.parse_args().repeat
    board = Board(PACK)
    writer = next(a.director for a in board.state.assignments.values())
    print(f"{len(board.state.seats)} seats, {len(board.state.assignments)} pairs")
    for size in (200, 2_000, 20_000):
        times, sizes = [], []
        for n in range(repeat):
            seconds, sent = one_save(board, writer, (f"{n} " + "note " * size)[:size])
            times.append(seconds * 1000)
            sizes.append(sent)
        print(
            f"page of {size:>6} characters: median {statistics.median(times):6.2f} ms, "
            f"max {max(times):6.2f} ms a save; {statistics.median(sizes) / 1024:6.1f} KiB published to all screens"
        )


if __name__ == "__main__":
    main()
