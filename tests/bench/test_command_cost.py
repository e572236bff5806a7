"""bench/command_cost.py at its smallest, so it keeps working as the rules and the store change: a board seated and
a few commands of its meeting, each answered and stored once, every part of the command path measured. Nothing is
timed here; the figures are the bench's business (docs/performance.md)."""

from __future__ import annotations

import asyncio

from sqlmodel import select

from app.store.db import make_engine, session_scope
from app.store.models import CommandRow
from bench.command_cost import PARTS, play


def test_every_command_of_the_bench_is_stored_once_and_each_part_is_measured(tmp_path):
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    totals, spent, viewers, code = asyncio.run(play(url, 12))
    assert len(totals) == 12 and viewers == 20
    assert set(PARTS) <= set(spent)  # each part of the command path was wrapped and ran
    assert {"kind:vote", "kind:propose", "kind:raise a hand"} <= set(spent)
    engine = make_engine(url)
    with session_scope(engine) as db:
        ids = db.exec(select(CommandRow.command_id).where(CommandRow.session_code == code)).all()
    engine.dispose()
    assert len(ids) == len(set(ids)) == 12  # the bench's commands carry ids, as browsers' do
