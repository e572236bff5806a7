"""Retention: sessions are deleted once they are older than the retention period, imported ones counted from
the day they were imported, and the purge runs every day while the server serves, not only at start-up."""

from __future__ import annotations

import asyncio
import time

import anyio
import pytest
from fastapi.testclient import TestClient

from app import retention
from app.main import build_services, create_app
from app.retention import DAY, purge_daily
from app.store import records
from app.store.db import session_scope
from tests.api.test_join import new_session


class Stop(Exception):
    """Ends the daily loop after the days a test wants to watch."""


class FakeClock:
    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


def stored_codes(services) -> set[str]:
    with session_scope(services.live.engine) as db:
        return {row.code for row in records.list_sessions(session=db)}


def watch_days(services, days: int, clock: FakeClock) -> list[set[str]]:
    """Runs the daily purge for `days` days of fake time; returns the stored codes after each day's purge."""
    after_each_day: list[set[str]] = []

    async def sleep(seconds: float) -> None:
        if clock.now != start:
            after_each_day.append(stored_codes(services))
        if len(after_each_day) == days:
            raise Stop
        clock.now += seconds

    start = clock.now
    with pytest.raises(Stop):
        asyncio.run(purge_daily(services.actions, services.settings.retention_days, sleep=sleep))
    return after_each_day


def test_the_daily_purge_deletes_sessions_once_they_pass_the_retention_period(trainer):
    services = trainer.app.state.services
    clock = FakeClock(services.actions.clock())
    services.actions.clock = clock
    old = new_session(trainer)
    clock.now += 30 * DAY
    exported = trainer.get(f"/api/sessions/{old}/export.json?full=1")
    imported = trainer.post("/api/sessions/import", content=exported.content).json()["code"]
    newer = new_session(trainer)

    days = watch_days(services, 125, clock)

    retention = services.settings.retention_days
    # `days[n]` is what is left after the purge at the end of day n+1 since the import (day 31 since `old`).
    for n, left in enumerate(days):
        age_of_old, age_of_import = 30 + n + 1, n + 1
        assert (old in left) == (age_of_old <= retention), (n, left)
        assert (imported in left) == (age_of_import <= retention), (n, left)
        assert (newer in left) == (imported in left)
    assert days[-1] == set()


def test_a_failed_purge_is_logged_and_tried_again_the_next_day(trainer, caplog):
    services = trainer.app.state.services
    clock = FakeClock(services.actions.clock())
    real = services.actions.purge_older_than
    calls = []

    def flaky(days: int) -> list[str]:
        calls.append(days)
        if len(calls) == 1:
            raise OSError("disk unavailable")
        return real(days)

    services.actions.purge_older_than = flaky
    watch_days(services, 2, clock)
    assert calls == [services.settings.retention_days] * 2
    assert "retention purge failed" in caplog.text


def test_the_running_server_purges_by_itself(settings, monkeypatch):
    """The lifespan starts the daily purge: with the day shortened, a session past retention goes while the
    server serves, without a restart."""
    monkeypatch.setattr(retention, "DAY", 0.05)
    app = create_app(settings)
    app.state.services = build_services(settings)
    services = app.state.services
    clock = FakeClock(services.actions.clock())
    services.actions.clock = clock
    with TestClient(app):
        code = anyio.run(services.actions.create_session, services.packs["tiny"])
        assert stored_codes(services) == {code}
        clock.now += (settings.retention_days + 1) * DAY
        deadline = time.monotonic() + 30
        while stored_codes(services) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert stored_codes(services) == set()


def test_the_daily_purge_closes_screens_left_open_on_a_purged_session_and_lets_it_go_from_memory(trainer):
    """The purge deletes in a worker thread; what the server holds of the session is let go on the event loop,
    and a page still open on it (a laptop left on since the day) is closed rather than left on a ghost."""
    from app.domain.views import Viewer

    services = trainer.app.state.services
    clock = FakeClock(services.actions.clock())
    services.actions.clock = clock
    old, kept = new_session(trainer), None
    actions, days = services.actions, services.settings.retention_days

    async def scenario():
        nonlocal kept
        screen = actions.hub.connection(Viewer("projector"))
        await actions.attach(old, screen, after=1)
        clock.now += (days - 1) * DAY
        kept = await actions.create_session(services.packs["tiny"])

        slept: list[float] = []

        async def one_day(seconds: float) -> None:  # the first night passes two days; the second never ends
            if slept:
                raise Stop
            slept.append(seconds)
            clock.now += 2 * DAY

        with pytest.raises(Stop):
            await purge_daily(actions, days, sleep=one_day)
        return screen

    screen = asyncio.run(scenario())
    assert stored_codes(services) == {kept}
    assert screen.closed and actions.live.cached(old) is None and actions.hub.count(old) == 0
    assert actions.live.cached(kept) is not None, "the session kept is held as before"
