"""One read path: reads come from the session's state in memory, never wait for a writer and never query the
database once the session is cached; an uncached session is loaded once however many ask; the session list
comes from the summary table, kept in the same transaction as the events it sums up."""

import asyncio
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from app.actions import Actions
from app.domain import commands as c
from app.domain.core.errors import RuleViolation
from app.domain.debrief.minutes import minutes
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.hub import Hub
from app.scenarios.loader import load_folder
from app.store.db import session_scope
from app.store.models import SessionSummary

TINY = load_folder(Path(__file__).parents[1] / "packs" / "tiny")
PEOPLE = [("Asha", "nhs"), ("Ben", "police"), ("Cat", "nhs"), ("Dev", "police")]


def new_actions(engine, **limits) -> Actions:
    return Actions(LiveSessions(engine, **limits), Hub(), clock=lambda: 1000.0)


@contextmanager
def queries(engine):
    """Every SQL statement the engine runs inside the block."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


async def session_with_people(actions: Actions) -> str:
    code = await actions.create_session(TINY)
    for name, agency in PEOPLE:
        await actions.join(code, c.Join(name=name, agency=agency))
    return code


def test_reads_are_answered_while_a_writer_holds_the_lock(engine):
    actions = new_actions(engine)

    async def scenario():
        code = await session_with_people(actions)
        async with actions.live.lock(code):  # a command is being decided and stored
            view = await asyncio.wait_for(actions.view(code, Viewer("trainer")), timeout=30)
            state = (await asyncio.wait_for(actions.state(code), timeout=30)).state
        return view, state

    view, state = asyncio.run(scenario())
    assert len(state.seats) == 4 and state.seq == 5
    assert sorted(seat["name"] for seat in view["seats"]) == ["Asha", "Ben", "Cat", "Dev"]


def test_a_cached_session_is_read_without_touching_the_database(engine):
    actions = new_actions(engine)
    code = asyncio.run(session_with_people(actions))
    with queries(engine) as seen:
        live = asyncio.run(actions.state(code))
        view = asyncio.run(actions.view(code, Viewer("seat", next(iter(live.state.seats)))))
        record = minutes(live.state, list(live.events))
    assert seen == []
    assert view["me"]["name"] == "Asha"
    assert [a["name"] for a in record["attendance"]] == ["Asha", "Ben", "Cat", "Dev"]
    assert [seq for seq, _ in live.events] == [1, 2, 3, 4, 5]


def test_an_uncached_session_is_replayed_once_however_many_ask_at_once(engine):
    code = asyncio.run(session_with_people(new_actions(engine)))
    fresh = new_actions(engine)  # another process, or this one after a restart: nothing cached

    async def many_readers():
        return await asyncio.gather(*(fresh.state(code) for _ in range(25)), fresh.view(code, Viewer("projector")))

    *lives, view = asyncio.run(many_readers())
    assert fresh.live.loads == 1
    assert all(live is lives[0] for live in lives)
    assert lives[0].state.seq == 5 and view["session"]["phase"] == "lobby"


def test_a_writer_and_readers_arriving_together_share_one_load(engine):
    code = asyncio.run(session_with_people(new_actions(engine)))
    fresh = new_actions(engine)

    async def together():
        join = fresh.join(code, c.Join(name="Eve", agency="nhs"))
        return await asyncio.gather(join, *(fresh.state(code) for _ in range(10)))

    asyncio.run(together())
    assert fresh.live.loads == 1
    assert asyncio.run(fresh.state(code)).state.seq == 6


def summary_of(engine, code):
    with session_scope(engine) as db:
        return db.get(SessionSummary, code)


def test_the_summary_is_written_with_every_command(engine):
    actions = new_actions(engine)
    code = asyncio.run(session_with_people(actions))
    summary = summary_of(engine, code)
    assert (summary.seq, summary.phase, summary.seats, summary.directorates_held) == (5, "lobby", 4, 0)
    asyncio.run(actions.submit(code, c.TRAINER, c.AutoPair(), None))
    asyncio.run(actions.submit(code, c.TRAINER, c.Shuffle(), None))
    state = asyncio.run(actions.state(code)).state
    summary = summary_of(engine, code)
    assert summary.seq == state.seq and summary.phase == state.phase
    assert summary.directorates_held == len(state.assignments) > 0


def test_a_refused_command_leaves_the_summary_alone(engine):
    actions = new_actions(engine)
    code = asyncio.run(session_with_people(actions))
    before = summary_of(engine, code)
    with pytest.raises(RuleViolation):
        asyncio.run(actions.submit(code, c.Actor.seat("nobody"), c.Shuffle(), None))
    after = summary_of(engine, code)
    assert (after.seq, after.seats, after.phase) == (before.seq, before.seats, before.phase)


def test_the_list_comes_from_summaries_without_replaying_any_session(engine):
    writer = new_actions(engine)
    codes = [asyncio.run(session_with_people(writer)) for _ in range(4)]
    lister = new_actions(engine)  # nothing cached
    with queries(engine) as seen:
        listed = asyncio.run(lister.reads.list_sessions(owner=None))
    assert lister.live.loads == 0 and len(seen) == 1
    assert sorted(row["code"] for row in listed) == sorted(codes)
    assert {(row["phase"], row["seats"], row["meeting"]) for row in listed} == {("lobby", 4, 1)}


def test_a_session_stored_before_summaries_existed_is_summed_up_on_the_first_list(engine):
    writer = new_actions(engine)
    code = asyncio.run(session_with_people(writer))
    with session_scope(engine) as db:  # as it was after migration 0006, before any command
        db.delete(db.get(SessionSummary, code))
        db.commit()
    lister = new_actions(engine)
    listed = asyncio.run(lister.reads.list_sessions(owner=None))
    assert [(row["code"], row["seats"], row["phase"]) for row in listed] == [(code, 4, "lobby")]
    assert summary_of(engine, code).seq == 5
    again = new_actions(engine)
    asyncio.run(again.reads.list_sessions(owner=None))
    assert again.live.loads == 0  # summed up once, then never replayed for the list


def test_a_deleted_session_leaves_no_summary_and_no_cached_state(engine):
    actions = new_actions(engine)
    code = asyncio.run(session_with_people(actions))
    asyncio.run(actions.delete_session(code))
    assert summary_of(engine, code) is None and actions.live.cached(code) is None
    assert asyncio.run(actions.reads.list_sessions(owner=None)) == []
