"""Prints, for each pack, the dividend of the boards the lesson depends on after 1, 5 and 20 years:
doing nothing, the holistic board, the best of the boards that wreck a service, and random boards.

    python bench/ordering_table.py [PACK ...]
"""

from __future__ import annotations

import random
import statistics
import sys
from pathlib import Path

from app.scenarios.loader import facts, load_folder
from app.scenarios.ordering import degenerate, dividends, holistic, moved, start

PACKS = ["scenarios/kilnbrook", "scenarios/marram-bay", "tests/packs/tiny"]


def random_board(s, rng: random.Random):
    board = start(s)
    for _ in range(rng.randint(1, 4)):
        giver, taker = rng.sample(sorted(board.ledger), 2)
        board = moved(board, giver, taker, int(board.ledger[giver] * rng.uniform(0.05, 0.3)))
    return board


def table(path: str) -> None:
    s = facts(load_folder(Path(path)))
    years = 20
    nothing, fair = dividends(s, start(s), years), dividends(s, holistic(s), years)
    wrecks = [(name, dividends(s, ledger, years)) for name, ledger in degenerate(s)]
    rng = random.Random(1)
    randoms = [dividends(s, random_board(s, rng), years) for _ in range(300)]
    print(f"\n{path}\n| board | 1 year | 5 years | 20 years |\n|---|---|---|---|")
    print("| do nothing | " + " | ".join(f"{nothing[y - 1]:.2f}" for y in (1, 5, 20)) + " |")
    print("| holistic | " + " | ".join(f"{fair[y - 1]:.2f}" for y in (1, 5, 20)) + " |")
    for y in (1, 5, 20):
        name, scores = max(wrecks, key=lambda w: w[1][y - 1])
        print(
            f"| best wrecking board after {y} y: {name} | "
            + " | ".join(f"{scores[z - 1]:.2f}" for z in (1, 5, 20))
            + " |"
        )
    print(
        "| median of 300 random boards | "
        + " | ".join(f"{statistics.median(r[y - 1] for r in randoms):.2f}" for y in (1, 5, 20))
        + " |"
    )
    print(
        "| random boards beating doing nothing | "
        + " | ".join(f"{sum(r[y - 1] > nothing[y - 1] for r in randoms) / len(randoms):.0%}" for y in (1, 5, 20))
        + " |"
    )


if __name__ == "__main__":
    for p in sys.argv[1:] or PACKS:
        table(p)
