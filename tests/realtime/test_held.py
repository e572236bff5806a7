"""Commands that arrive together are told to the room once, in order, and each is answered only after the room
has heard it: `Held` on its own, then through the real actions, store and hub with many people acting at once
(on SQLite), with a page opening in the middle, a refusal at the end of the queue and a command abandoned while
it waits."""

from __future__ import annotations

import asyncio
import json

import pytest

from app.actions import Actions
from app.domain import commands as c
from app.domain import events as ev
from app.domain.views import Viewer
from app.live import LiveSessions
from app.realtime.held import MOST_HELD, Held
from app.realtime.hub import Connection, Hub
from app.scenarios.loader import load_folder
from app.store.db import make_engine
from tests.support import ROOT

KILNBROOK = ROOT / "scenarios" / "kilnbrook"

STATE = object()  # `Held` passes the state through untouched


def told_log():
    told: list[tuple[str, object, list[int]]] = []
    return told, Held(lambda code, state, numbered: told.append((code, state, [seq for seq, _ in numbered])))


def events(*seqs: int):
    return [(seq, ev.Announced(text=f"{seq}", at=0.0)) for seq in seqs]


class Session:
    """Commands taking turns on one session's lock, as `Actions._record` does around `Held`."""

    def __init__(self, held: Held, code: str = "A"):
        self.held, self.code, self.lock = held, code, asyncio.Lock()

    async def command(self, seqs: list[int], state: object = STATE, refuse: bool = False) -> object:
        with self.held.queued(self.code) as turn:
            async with self.lock:
                turn.started()
                await asyncio.sleep(0)  # storing: the others queue meanwhile
                if refuse:
                    raise RuntimeError("refused")
                told = self.held.tell(self.code, state, events(*seqs))
        if told is not None:
            await asyncio.shield(told)
        return told


def test_a_command_alone_is_told_at_once():
    told, held = told_log()
    assert asyncio.run(Session(held).command([1])) is None
    assert told == [("A", STATE, [1])]


def test_commands_queued_together_are_told_once_in_order_and_each_answered_after_it_is_told():
    told, held = told_log()

    async def scenario():
        session = Session(held)
        answered = []

        async def command(n: int):
            await session.command([2 * n, 2 * n + 1], state=f"after {n}")
            answered.append((n, len(told)))

        await asyncio.gather(*(command(n) for n in range(5)))
        return answered

    answered = asyncio.run(scenario())
    assert told == [("A", "after 4", list(range(10)))], "once, in order, with the latest state"
    assert sorted(answered) == [(n, 1) for n in range(5)], "each answered only once the room was told"


def test_what_is_held_is_told_when_the_last_in_the_queue_is_refused_or_gives_up_waiting():
    for ending in ("refused", "gives up"):
        told, held = told_log()

        async def scenario(held=held, ending=ending):
            session = Session(held)
            first = asyncio.ensure_future(session.command([1]))
            last = asyncio.ensure_future(session.command([2], refuse=ending == "refused"))
            await asyncio.sleep(0)
            if ending == "gives up":
                last.cancel()  # its client went away while it waited for the lock
            await asyncio.wait([first, last])
            return first.exception()

        assert asyncio.run(scenario()) is None, ending
        assert told == [("A", STATE, [1])], ending


def test_sessions_are_held_apart_and_a_long_queue_is_told_before_it_grows_too_long():
    told, held = told_log()

    async def scenario():
        a, b = Session(held, "A"), Session(held, "B")
        commands = [a.command([n]) for n in range(1, MOST_HELD + 6)] + [b.command([1])]
        await asyncio.gather(*commands)

    asyncio.run(scenario())
    assert [(code, seqs) for code, _, seqs in told] == [
        ("B", [1]),
        ("A", list(range(1, MOST_HELD + 1))),
        ("A", list(range(MOST_HELD + 1, MOST_HELD + 6))),
    ]


def test_a_session_deleted_with_updates_held_answers_whoever_waits_and_never_tells_them():
    told, held = told_log()

    async def scenario():
        session = Session(held)

        async def delete():
            async with session.lock:  # its turn comes after the first command's, before the second's
                held.drop("A")

        await asyncio.gather(session.command([1]), delete(), session.command([2]))

    asyncio.run(scenario())
    assert told == [("A", STATE, [2])], "what was held for the deleted session was let go, untold"


@pytest.fixture
def actions(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'held.db'}")
    yield Actions(LiveSessions(engine), Hub(queue_bytes=64 * 1024 * 1024), clock=lambda: 1000.0)
    engine.dispose()


async def drain(conn: Connection) -> list[dict]:
    frames = []
    while len(conn):
        frames.append(json.loads(await conn.next()))
    return frames


def heard(frames: list[dict]) -> list[int]:
    return [e["seq"] for frame in frames for e in frame["events"]]


def test_a_room_arriving_at_once_hears_of_every_arrival_once_in_order_in_fewer_deltas(actions):
    """Twenty people join at once while the trainer's screen, the projector and a page opening halfway watch."""

    async def scenario():
        code = await actions.create_session(load_folder(KILNBROOK))
        agencies = [a.id for a in (await actions.state(code)).state.scenario.agencies if a.directorate][:8]
        people = [c.Join(name=f"Person {n}", agency=agencies[n // 2] if n < 16 else "resident") for n in range(20)]
        screens = [actions.hub.connection(Viewer(kind)) for kind in ("trainer", "projector")]
        for screen in screens:
            await actions.attach(code, screen, after=1)
            await drain(screen)
        late = actions.hub.connection(Viewer("projector"))
        joins = [asyncio.ensure_future(actions.join(code, person)) for person in people]
        await asyncio.sleep(0.01)
        await actions.attach(code, late, after=1)  # a page opening while joins are still queued
        done = await asyncio.gather(*joins)
        return done, [await drain(screen) for screen in (*screens, late)], (await actions.state(code)).state

    done, (trainer, projector, late), state = asyncio.run(scenario())
    assert sorted(d.seq for d in done) == list(range(2, 22)) and state.seq == 21
    for frames in (trainer, projector):
        assert heard(frames) == list(range(2, 22)), "every arrival once, in order"
        assert [f["n"] for f in frames] == list(range(1, len(frames) + 1))
        assert len(frames) < len(done), "arrivals queued together are told together"
    assert late[0]["type"] == "sync" and late[0]["n"] == 0
    assert heard(late[1:]) == list(range(late[0]["seq"] + 1, 22)), "nothing the page's first view holds, again"


def test_each_command_is_answered_after_the_update_it_caused_reaches_its_sender(actions):
    """Every directorate votes at once: each voter's own page has the vote before the vote is answered."""

    async def scenario():
        code = await actions.create_session(load_folder(KILNBROOK))
        agencies = [a.id for a in (await actions.state(code)).state.scenario.agencies if a.directorate][:8]
        for n in range(16):
            await actions.join(code, c.Join(name=f"Person {n}", agency=agencies[n // 2]))
        for command in (c.AutoPair(), c.Shuffle(seed=3), c.StartPhase(phase="read_in"), c.StartPhase(phase="board")):
            await actions.submit(code, c.TRAINER, command, None)
        state = (await actions.state(code)).state
        await actions.submit(code, c.TRAINER, c.OpenItem(item_id=state.agenda[0].id), None)
        directors = [a.director for a in state.assignments.values()]
        await actions.submit(code, c.Actor.seat(directors[0]), c.Propose(text="Pool the budgets", kind="strategy"), "p")
        await actions.submit(code, c.Actor.seat(directors[1]), c.Second(motion_id="m1"), "s")
        pages = {}
        for seat_id in directors:
            pages[seat_id] = actions.hub.connection(Viewer("seat", seat_id))
            await actions.attach(code, pages[seat_id], after=(await actions.state(code)).state.seq)
            await drain(pages[seat_id])

        async def vote(seat_id: str) -> tuple[int, list[int]]:
            done = await actions.submit(code, c.Actor.seat(seat_id), c.Vote(motion_id="m1", choice="for"), seat_id)
            return done.seq, heard(await drain(pages[seat_id]))

        return await asyncio.gather(*(vote(s) for s in directors))

    answers = asyncio.run(scenario())
    for seq, on_its_page in answers:
        assert seq in on_its_page, "the vote reached its sender's page before the vote was answered"
