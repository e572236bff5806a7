"""A process that holds none of many sessions in memory (the second process behind a load balancer, or any
process after a restart) is sent a join to each of them at the same moment.

Found by the load benchmark on two processes (bench/load.py --processes 2 --sessions 50): each command takes a
pooled connection to hold the session's write lock (LiveSessions.writing), then loading the session it does
not hold yet takes a second one (LiveSessions._replay). Once every pooled connection (10 + 10 overflow) is
holding a write lock, every load waits for a connection no one will give back, until the pool's 30-second
timeout answers each join with "Something went wrong on the server". (A command is not caught: the route reads
the session to check who sent it before taking the lock, so the load happens outside it.) The writer now loads
the session before it takes a connection for the lock.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.support import PAGE_HEADERS, LiveServer

pytestmark = pytest.mark.postgres
# Well over the 20 connections a server's pool lends at once: the joins must arrive close enough together that
# 20 hold the write lock before any has loaded its session, and a busy machine spreads them out a little.
SESSIONS = 40
ANSWER_WITHIN = 15  # seconds: a join takes well under one; stuck, it waits out the pool's 30


async def join_each(server: LiveServer, codes: list[str]) -> list[httpx.Response | BaseException]:
    """One person joins each session, all at once (a join is the first thing a seat's page writes)."""
    async with httpx.AsyncClient(base_url=server.base_url, headers=PAGE_HEADERS, timeout=ANSWER_WITHIN) as web:
        return await asyncio.gather(
            *(
                web.post(f"/api/sessions/{code}/join", json={"name": "Asha", "agency": "council-housing"})
                for code in codes
            ),
            return_exceptions=True,
        )


@pytest.mark.timeout(180)
def test_people_joining_many_sessions_at_once_on_a_process_holding_none_of_them(servers):
    first, second = servers
    with httpx.Client(base_url=first.base_url, headers=PAGE_HEADERS, timeout=10) as trainer:
        assert trainer.get(first.printed_sign_in_url, follow_redirects=False).status_code == 303
        codes = [trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"] for _ in range(SESSIONS)]
    answers = asyncio.run(join_each(second, codes))
    refused = [
        (answer.status_code, answer.text) if isinstance(answer, httpx.Response) else repr(answer)
        for answer in answers
        if not isinstance(answer, httpx.Response) or answer.status_code != 200
    ]
    failure = second.output[second.output.find("Traceback") :][:6000]
    assert refused == [], f"{len(refused)} of {SESSIONS} refused; the server printed:\n{failure}"
