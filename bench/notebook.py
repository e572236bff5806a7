"""Benchmark: one pair-notebook save in a full Kilnbrook board meeting (17 seats, the trainer and the projector).
Times what the server does per save: `decide` + `apply` of write-notebook, then publishing it as `_publish` does
(one `Publication`, a `delta` for each connection that has anything to be sent), and counts the screens sent
anything and the bytes.

Run: python bench/notebook.py [--repeat 50]
Prints one line per page size; nothing is asserted (tests never time anything). Target: under 5 ms a save, and
nothing at all sent to screens outside the pair.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain import commands as c
from app.domain.apply import apply
from app.domain.decide import decide
from app.domain.sections import Sections
from app.domain.views import Viewer
from app.realtime.hub import Connection
from app.realtime.stream import Publication, sync_message
from app.scenarios.loader import load_folder
from app.scenarios.simulate import Board

PACK = load_folder(ROOT / "scenarios" / "kilnbrook")


def one_save(board: Board, sections: Sections, connections, writer: str, text: str) -> tuple[float, int, int]:
    """Returns (seconds, screens sent anything, bytes sent) for one save, published as the server does."""
    board.now += 1
    started = time.perf_counter()
    state, seq = board.state, board.state.seq
    events = decide(state, c.WriteNotebook(text=text), c.Context(c.Actor.seat(writer), board.now))
    for event in events:
        state = apply(state, event)
    publication = Publication(sections, state, list(enumerate(events, start=seq + 1)), board.now)
    messages = [m for conn in connections if (m := publication.message(conn)) is not None]
    board.state = state
    return time.perf_counter() - started, len(messages), sum(len(m) for m in messages)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    repeat = parser.parse_args().repeat
    board = Board(PACK)
    writer = next(a.director for a in board.state.assignments.values())
    viewers = [Viewer("trainer"), Viewer("projector"), *(Viewer("seat", s) for s in board.state.seats)]
    sections, connections = Sections(), [Connection(v) for v in viewers]
    for conn in connections:
        sync_message(sections, conn, board.state, [], False, board.now)
    print(f"{len(board.state.seats)} seats, {len(board.state.assignments)} pairs, {len(connections)} screens")
    for size in (200, 2_000, 20_000):
        times, screens, sent = [], [], []
        for n in range(repeat):
            seconds, reached, size_sent = one_save(
                board, sections, connections, writer, (f"{n} " + "note " * size)[:size]
            )
            times.append(seconds * 1000)
            screens.append(reached)
            sent.append(size_sent)
        print(
            f"page of {size:>6} characters: median {statistics.median(times):5.2f} ms, max {max(times):6.2f} ms a "
            f"save; sent to {max(screens)} screens, {statistics.median(sent) / 1024:5.1f} KiB in all"
        )


if __name__ == "__main__":
    main()
