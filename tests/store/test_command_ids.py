"""A command id is remembered with the cached session, so a retry is known without a query: still a duplicate after
a restart, after the session was let go, and when another process stored it. On SQLite the one server decides on
its cache without asking the log first; whatever another writer stored meanwhile is still never doubled, lost or
refused. Two `Actions` on one database stand for two processes (on SQLite, a writer the server does not expect)."""

import asyncio
import json
from pathlib import Path

import pytest

from app.actions import Actions
from app.domain import commands as c
from app.domain.core.errors import RuleViolation
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.hub import Hub
from app.scenarios.loader import load_folder
from app.store import events as log
from app.store.db import session_scope
from tests.store.test_reads import queries, summary_of
from tests.support import TINY_ROSTER

TINY = load_folder(Path(__file__).parents[1] / "packs" / "tiny")


def new_actions(engine) -> Actions:
    return Actions(LiveSessions(engine), Hub(), clock=lambda: 1000.0)


def stored_seq(engine, code: str) -> int:
    with session_scope(engine) as db:
        return log.last_seq(session=db, code=code)


async def with_people(actions: Actions, *names: str) -> tuple[str, list[str]]:
    code = await actions.create_session(TINY)
    seats = [(await actions.join(code, c.Join(name=name, agency="nhs"))).seat_id for name in names]
    return code, [str(seat) for seat in seats]


def test_a_command_id_is_a_duplicate_after_a_restart_and_after_the_session_was_let_go(engine):
    first = new_actions(engine)
    code, _ = asyncio.run(with_people(first, "Asha", "Ben"))
    done = asyncio.run(first.submit(code, c.TRAINER, c.AutoPair(), "pair-1"))
    restarted = new_actions(engine)  # nothing cached: the ids come with the log
    again = asyncio.run(restarted.submit(code, c.TRAINER, c.AutoPair(), "pair-1"))
    restarted.live.forget(code)
    once_more = asyncio.run(restarted.submit(code, c.TRAINER, c.AutoPair(), "pair-1"))
    assert (done.duplicate, again.duplicate, once_more.duplicate) == (False, True, True)
    assert done.seq == again.seq == once_more.seq == stored_seq(engine, code)


def test_a_retry_in_this_process_is_answered_without_looking_the_id_up(engine):
    actions = new_actions(engine)
    code, _ = asyncio.run(with_people(actions, "Asha", "Ben"))
    done = asyncio.run(actions.submit(code, c.TRAINER, c.AutoPair(), "pair-1"))
    with queries(engine) as seen:
        again = asyncio.run(actions.submit(code, c.TRAINER, c.AutoPair(), "pair-1"))
    assert again.duplicate and again.seq == done.seq
    assert not [s for s in seen if "command_id =" in s]
    if engine.dialect.name == "sqlite":
        assert seen == []  # the one server trusts its cache: nothing to ask


def test_a_command_id_another_process_stored_is_a_duplicate_here(engine):
    here, there = new_actions(engine), new_actions(engine)
    code, _ = asyncio.run(with_people(here, "Asha", "Ben"))
    asyncio.run(there.state(code))  # the other process has the session cached, as it was
    done = asyncio.run(here.submit(code, c.TRAINER, c.AutoPair(), "pair-1"))
    again = asyncio.run(there.submit(code, c.TRAINER, c.AutoPair(), "pair-1"))
    assert (done.duplicate, again.duplicate, again.seq) == (False, True, done.seq)
    assert stored_seq(engine, code) == done.seq
    assert asyncio.run(there.state(code)).state.seq == done.seq  # and it caught up with what it missed


async def in_read_in(actions: Actions) -> tuple[str, c.Actor]:
    """A session of four, paired and shuffled, in the read-in; returns its code and a seat in a pair."""
    code = await actions.create_session(TINY)
    for name, agency in TINY_ROSTER:
        await actions.join(code, c.Join(name=name, agency=agency))
    for command in (c.AutoPair(), c.Shuffle(seed=7), c.StartPhase(phase="read_in")):
        await actions.submit(code, c.TRAINER, command, None)
    state = (await actions.state(code)).state
    return code, c.Actor.seat(next(seat for seat in state.seats if state.pair_of(seat) is not None))


def test_a_command_that_changed_nothing_elsewhere_is_still_a_duplicate_here(engine):
    """A command with no events is stored at the seq it found, which the other process already holds."""
    here, there = new_actions(engine), new_actions(engine)
    code, writer = asyncio.run(in_read_in(here))
    asyncio.run(there.state(code))
    saved = asyncio.run(here.submit(code, writer, c.WriteNotebook(text="Damp in Block C"), None))
    asyncio.run(there.relay(code))  # told, as the doorbell would: both hold the same seq now
    nothing = asyncio.run(here.submit(code, writer, c.WriteNotebook(text="Damp in Block C"), "save-again"))
    assert nothing.seq == saved.seq  # saved already: nothing recorded but the id
    again = asyncio.run(there.submit(code, writer, c.WriteNotebook(text="Damp in Block C"), "save-again"))
    assert again.duplicate and again.seq == saved.seq == stored_seq(engine, code)


def test_a_command_valid_only_after_what_another_process_stored_is_not_refused(engine):
    here, there = new_actions(engine), new_actions(engine)
    code, _ = asyncio.run(with_people(here))
    asyncio.run(there.state(code))  # cached with nobody seated
    (asha,) = asyncio.run(with_seat(here, code, "Asha"))
    chosen = asyncio.run(there.submit(code, c.TRAINER, c.ChooseChair(seat_id=asha), "chair"))
    assert not chosen.duplicate and asyncio.run(there.state(code)).state.chair_pick == asha
    with pytest.raises(RuleViolation):  # a truly invalid command is still refused, and nothing is stored
        asyncio.run(there.submit(code, c.TRAINER, c.ChooseChair(seat_id="nobody"), "no-chair"))
    assert stored_seq(engine, code) == chosen.seq


async def with_seat(actions: Actions, code: str, name: str) -> list[str]:
    return [str((await actions.join(code, c.Join(name=name, agency="nhs"))).seat_id)]


def test_two_writers_appending_on_stale_copies_lose_nothing_and_double_nothing(engine):
    here, there = new_actions(engine), new_actions(engine)
    code, _ = asyncio.run(with_people(here))
    asyncio.run(there.state(code))
    for n in range(3):  # each writes while the other's copy is a step behind
        asyncio.run(here.submit(code, c.TRAINER, c.Announce(text=f"here {n}"), f"here-{n}"))
        asyncio.run(there.submit(code, c.TRAINER, c.Announce(text=f"there {n}"), f"there-{n}"))
    for n in range(3):  # and every retry, from either, is known
        assert asyncio.run(there.submit(code, c.TRAINER, c.Announce(text=f"here {n}"), f"here-{n}")).duplicate
        assert asyncio.run(here.submit(code, c.TRAINER, c.Announce(text=f"there {n}"), f"there-{n}")).duplicate
    with session_scope(engine) as db:
        texts = [e.text for _, e in log.load(session=db, code=code) if hasattr(e, "text")]
    assert texts == [f"{who} {n}" for n in range(3) for who in ("here", "there")]


def test_the_summary_follows_every_command_that_changes_it(engine):
    actions = new_actions(engine)
    code, _ = asyncio.run(in_read_in(actions))
    state = asyncio.run(actions.state(code)).state
    listed = asyncio.run(new_actions(engine).reads.list_sessions(owner=None))
    assert [(row["code"], row["phase"], row["seats"]) for row in listed] == [(code, "read_in", len(TINY_ROSTER))]
    assert summary_of(engine, code).seq == state.seq
    assert summary_of(engine, code).directorates_held == len(state.assignments) > 0


def test_a_screen_joining_a_cached_session_gets_everything_stored(engine):
    """On PostgreSQL it is caught up first; the sole server on SQLite holds it all already and asks nothing."""
    actions = new_actions(engine)
    code, _ = asyncio.run(with_people(actions, "Asha", "Ben"))

    async def attach() -> dict:
        conn = actions.hub.connection(Viewer("trainer"))
        await actions.attach(code, conn, after=0)
        return json.loads(await conn.next())

    with queries(engine) as seen:
        sync = asyncio.run(attach())
    assert sync["seq"] == stored_seq(engine, code) and len(sync["view"]["seats"]) == 2
    asked = bool(seen)
    assert asked == (engine.dialect.name == "postgresql")
