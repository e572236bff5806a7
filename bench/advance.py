"""Benchmark: the trainer advances a round in a full Kilnbrook session (up to 40 seats), after the board has carried
transfers and a lever. Times `decide` + `apply` of AdvanceTime and the consequences view that every screen
shows after it (worked out once per update), for the 1st to the 8th round.

Run: python bench/advance.py [--repeat 200]
Prints one line per round; nothing is asserted (tests never time anything). Target: under 5 ms a round.
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
from app.domain.consequences.views import _consequences
from app.domain.core.errors import RuleViolation
from app.domain.decide import decide
from app.scenarios.loader import load_folder
from app.scenarios.simulate import Board

PACK = load_folder(ROOT / "scenarios" / "kilnbrook")


def forty_seats() -> Board:
    board = Board(PACK)  # 16 directorate seats and a chair, seated through the real rules
    # Then residents until the session is full (Kilnbrook's limits stop short of 40), as many as it takes.
    for n in range(40 - len(board.state.seats)):
        try:
            board.do(c.Join(name=f"Resident {n}", agency="resident"), c.GUEST, new_seat_id=f"r{n}")
        except RuleViolation:
            break
    for source, target, amount in [("finance", "housing", 300_000), ("health", "environment", 200_000)]:
        terms = c.TransferTerms(source=source, target=target, amount=amount, reason="prevention")
        board.carry(text="Move money", kind="transfer", transfer=terms)
    board.carry(text="Share our data", kind="strategy", lever="shared-data")
    return board


def advance_once(state):
    for event in decide(state, c.AdvanceTime(period="year"), c.Context(c.TRAINER, 10**6)):
        state = apply(state, event)
    _consequences(state)
    return state


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    board = forty_seats()
    state = board.state
    print(f"{len(state.seats)} seats, {len(state.motions)} carried motions")
    for number in range(1, 9):
        times = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            advance_once(state)
            times.append(time.perf_counter() - began)
        print(
            f"round {number}: median {statistics.median(times) * 1000:.2f} ms, "
            f"95th percentile {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms"
        )
        state = advance_once(state)


if __name__ == "__main__":
    main()
