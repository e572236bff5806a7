"""Benchmark, in-process: every director voting on a motion at the same moment, as a board does when the chair
calls the vote. Through the real `Actions` on a SQLite file (or `--database`, a PostgreSQL database of its own: the run leaves its tables there), a Kilnbrook session watched by 20
connections (the trainer, the projector and 18 seats): for each of `--motions` motions, a proposal and a second,
then every directorate's vote sent at once, then the chair closes it.

Reports the CPU a vote costs and how many frames each screen is sent for each vote. Votes queued together for the
session's lock are told to the room in one delta (app/realtime/held.py), so a screen gets about one frame for
the whole round instead of one a vote.

Run: python bench/votes_at_once.py [--motions 30] [--database URL]
Nothing is asserted (tests never time anything).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.actions import Actions
from app.domain import commands as c
from app.live import LiveSessions
from app.realtime.hub import Hub
from app.store.db import make_engine
from bench.command_cost import drain, watched_board


async def play(url: str, motions: int) -> tuple[float, float, int, int]:
    """CPU seconds a vote, frames a vote a screen, directors, screens."""
    engine = make_engine(url)
    actions = Actions(LiveSessions(engine), Hub(queue_bytes=64 * 1024 * 1024))
    try:
        code, by_directorate, screens = await watched_board(actions)
        voters = list(by_directorate.values())
        cpu, frames = 0.0, 0
        for m in range(1, motions + 1):
            await actions.submit(code, voters[0], c.Propose(text=f"Motion {m}", kind="strategy"), uuid.uuid4().hex)
            await actions.submit(code, voters[1], c.Second(motion_id=f"m{m}"), uuid.uuid4().hex)
            await drain(screens)
            began = time.process_time()
            vote = c.Vote(motion_id=f"m{m}", choice="for")
            await asyncio.gather(*(actions.submit(code, v, vote, uuid.uuid4().hex) for v in voters))
            cpu += time.process_time() - began
            frames += sum(len(screen) for screen in screens)
            await drain(screens)
            await actions.submit(code, c.TRAINER, c.CloseVote(motion_id=f"m{m}"), None)
            await drain(screens)
        votes = motions * len(voters)
        return cpu / votes, frames / votes / len(screens), len(voters), len(screens)
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--motions", type=int, default=30)
    parser.add_argument("--database", help="a database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{Path(folder) / 'bench.db'}"
        cpu, frames, directors, screens = asyncio.run(play(url, args.motions))
    print(
        f"{directors} directors voting at once, {screens} screens watching: CPU {cpu * 1000:.3f} ms a vote, "
        f"{frames:.2f} frames a vote to each screen"
    )


if __name__ == "__main__":
    main()
