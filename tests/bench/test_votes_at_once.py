"""bench/votes_at_once.py at its smallest, so it keeps working as the rules and the hub change: a board's directors
vote at once on two motions. Nothing is timed here; the figures are the bench's business (docs/performance.md)."""

from __future__ import annotations

import asyncio

from bench.votes_at_once import play


def test_a_board_voting_at_once_is_told_each_round_in_about_one_frame_a_screen(tmp_path):
    cpu, frames, directors, screens = asyncio.run(play(f"sqlite:///{tmp_path / 'bench.db'}", 2))
    assert (directors, screens) == (8, 20)
    assert cpu > 0
    # Each screen sees every vote (the bench drains them); told together, a round of 8 is a frame or two.
    assert frames <= 2 / directors
