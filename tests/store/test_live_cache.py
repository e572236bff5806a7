"""The live-session cache is bounded: idle sessions and the least recently used are let go, never one
that somebody is watching or writing to; a session let go comes back whole from its log."""

import asyncio
from pathlib import Path

import pytest

from app.actions import Actions
from app.domain import commands as c
from app.domain.views import Viewer
from app.live import LiveSessions, UnknownSession
from app.realtime.hub import Hub
from app.scenarios.loader import load_folder

TINY = load_folder(Path(__file__).parents[1] / "packs" / "tiny")


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def cached(actions: Actions) -> set[str]:
    return {code for code in list(actions.live._live)}


def test_the_least_recently_used_session_is_let_go_past_the_maximum(engine):
    actions = Actions(LiveSessions(engine, max_sessions=3, clock=Clock()), Hub(), clock=lambda: 1000.0)
    first, second, third = (asyncio.run(actions.create_session(TINY)) for _ in range(3))
    asyncio.run(actions.state(first))  # used again: now the most recent
    fourth = asyncio.run(actions.create_session(TINY))
    assert cached(actions) == {first, third, fourth}
    # A session let go is loaded again from its log, whole.
    asyncio.run(actions.join(second, c.Join(name="Asha", agency="nhs")))
    assert [s.name for s in asyncio.run(actions.state(second)).state.seats.values()] == ["Asha"]
    assert len(actions.live) == 3


def test_a_watched_session_is_never_let_go_however_long_it_is_idle(engine):
    clock = Clock()
    hub = Hub()
    actions = Actions(LiveSessions(engine, max_sessions=1, idle_seconds=60, clock=clock), hub, clock=lambda: 1000.0)
    watched = asyncio.run(actions.create_session(TINY))
    hub.join(watched, hub.connection(Viewer("projector")))
    clock.now = 3600
    others = [asyncio.run(actions.create_session(TINY)) for _ in range(3)]
    assert watched in cached(actions)  # past the maximum and idle for an hour, but the projector is on it
    assert cached(actions) == {watched, others[-1]}


def test_sessions_idle_past_the_limit_are_let_go_and_recent_ones_kept(engine):
    clock = Clock()
    actions = Actions(LiveSessions(engine, idle_seconds=600, clock=clock), Hub(), clock=lambda: 1000.0)
    old = asyncio.run(actions.create_session(TINY))
    clock.now = 500
    recent = asyncio.run(actions.create_session(TINY))
    clock.now = 700
    newest = asyncio.run(actions.create_session(TINY))  # the next use trims: `old` has been idle 700 s
    assert cached(actions) == {recent, newest}
    assert asyncio.run(actions.state(old)).state.code == old  # and comes back when asked for


def test_a_session_being_written_is_never_let_go(engine):
    clock = Clock()
    actions = Actions(LiveSessions(engine, max_sessions=1, clock=clock), Hub(), clock=lambda: 1000.0)

    async def scenario():
        busy = await actions.create_session(TINY)
        async with actions.live.lock(busy):  # a command is between deciding and storing
            other = await actions.create_session(TINY)
            assert busy in cached(actions)
        return busy, other

    busy, other = asyncio.run(scenario())
    assert cached(actions) == {busy, other}  # past the maximum while the writer works...
    asyncio.run(actions.state(other))
    assert cached(actions) == {other}  # ...and let go at the next use once it is done


def test_a_guessed_code_leaves_nothing_behind(engine):
    actions = Actions(LiveSessions(engine), Hub(), clock=lambda: 1000.0)
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC"):
        with pytest.raises(UnknownSession):
            asyncio.run(actions.state(guess))
    assert len(actions.live) == 0 and actions.live._locks == {} and actions.live._loading == {}
