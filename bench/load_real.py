"""The load benchmark's run against the real server: `nplc serve` on a fresh SQLite database, or several on one
fresh PostgreSQL database with each session's seats spread over them (bench/load_processes.py)."""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

import httpx

from tests.support import LiveServer

from .load_clients import Watcher, delivered
from .load_measure import Deliveries, match, mean, percentiles
from .load_mix import Conductor, Sent
from .load_phases import Driven, arrivals, close_all, drive, idle_memory, storm
from .load_processes import backend_cpu, delivery_check, move_elsewhere, page_url, real_servers
from .load_setup import Session, address_of, board_sessions, browser, join_with, new_session, roster, sign_in


@dataclass
class RealRun:
    figures: dict = field(default_factory=dict)
    sessions: list[Session] = field(default_factory=list)
    pages: dict[str, list[Watcher]] = field(default_factory=dict)  # session code -> its seats' pages
    sent: list[Sent] = field(default_factory=list)
    deliveries: Deliveries | None = None
    first_text: str = ""  # a seat's first frame and last few updates, for the bare server to send instead
    update_texts: list[str] = field(default_factory=list)


def pages_for(servers: list[LiveServer], sessions: list[Session]) -> dict[str, list[Watcher]]:
    """Each seat's page, on the process it joined through. A few pages measure compressed sizes (it costs the
    client CPU): three seats in each of the first sessions."""
    return {
        s.code: [
            Watcher(page_url(servers[i % len(servers)], s.code), seat.cookie, sample=(n < 4 and i < 3))
            for i, seat in enumerate(s.seats)
        ]
        for n, s in enumerate(sessions)
    }


def run_real(opts) -> RealRun:
    with real_servers(opts) as servers:
        trainer = sign_in(servers[0])
        try:
            sessions = board_sessions(servers, trainer, opts.scenario, opts.sessions, opts.seats)
            return asyncio.run(_measure(servers, trainer, sessions, opts))
        finally:
            trainer.close()


async def _measure(servers: list[LiveServer], trainer: httpx.Client, sessions: list[Session], opts) -> RealRun:
    run, pids = RealRun(sessions=sessions), [server.process.pid for server in servers if server.process]
    run.pages = pages_for(servers, sessions)
    every = [page for group in run.pages.values() for page in group]
    run.figures["memory_per_connection"] = await idle_memory(pids, every)
    rng = random.Random(opts.seed)
    conductors = [
        Conductor(s, dict(zip((x.seat_id for x in s.seats), run.pages[s.code], strict=True)), rng) for s in sessions
    ]

    async def settle() -> None:
        # A motion's second is sent only once its proposal is answered, so wait for those too, not only for
        # the answers outstanding when the last command went.
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline and (any(p.waiting() for p in every) or any(c.busy for c in conductors)):
            await asyncio.sleep(0.05)
        last = {c.session.code: max((r.seq or 0 for r in c.sent), default=0) for c in conductors}
        await delivered(run.pages, last)

    database = servers[0].database_url if opts.database else None
    backends = backend_cpu(database) if database else {}
    driven = await drive(pids, conductors, opts.rate, opts.duration, settle)
    if database:  # PostgreSQL's own work for the commands, which the servers' CPU leaves out
        after = backend_cpu(database)
        run.figures["database_cpu"] = sum(cpu - backends.get(pid, 0.0) for pid, cpu in after.items())
    run.sent = [record for c in conductors for record in c.sent]
    run.deliveries = match(run.sent, run.pages)
    _load_figures(run, driven, opts)
    sampled = next(p for p in every if p.sample)
    run.first_text, run.update_texts = sampled.first_text, sampled.update_texts
    if len(servers) > 1:
        move_elsewhere(run.pages, servers)  # each page reconnects to another process than it was on
    run.figures["storm"] = percentiles(await storm(every)) | {"clients": len(every)}
    await close_all(every)
    if opts.joiners:
        run.figures["first_state"] = await _joiners(servers, trainer, opts)
    return run


def _load_figures(run: RealRun, driven: Driven, opts) -> None:
    found, sent = run.deliveries, run.sent
    answered = [r for r in sent if r.seq is not None]
    errors: dict[str, int] = {}
    for record in sent:
        if record.error:
            errors[record.error[:80]] = errors.get(record.error[:80], 0) + 1
    run.figures |= {
        "commands": len(sent),
        "answered": len(answered),
        "errors": errors,
        "unanswered": sum(1 for r in sent if r.seq is None and r.error is None),
        "latency": percentiles(found.latencies),
        "ack_latency": percentiles([r.answered_at - r.at for r in answered if r.answered_at]),
        "deliveries": len(found.latencies),
        "missing": found.missing,
        "deliveries_per_second": found.per_second(driven.started),
        "cpu_per_command": driven.server_cpu / max(1, len(answered)),
        "database_cpu_per_command": run.figures.get("database_cpu", 0.0) / max(1, len(answered)),
        "server_cpu_share": driven.server_cpu / driven.elapsed,
        "client_cpu_share": driven.client_cpu / driven.elapsed,
        "raw_bytes": {kind: mean(sizes) for kind, sizes in found.raw.items()},
        "wire_bytes": {kind: mean(sizes) for kind, sizes in found.wire.items()},
        "dropped_behind": sum(len(p.drops) for group in run.pages.values() for p in group),
        "delivery": delivery_check(sent, run.pages),
        "processes": opts.processes,
        "database": "PostgreSQL" if opts.database else "SQLite",
    }


async def _joiners(servers: list[LiveServer], trainer: httpx.Client, opts) -> dict:
    """`opts.joiners` people, each on the home page already, join `opts.join_sessions` new sessions at once:
    from sending the join to the first state on their websocket (the n-th through process n % N)."""
    codes = [new_session(trainer, opts.scenario) for _ in range(opts.join_sessions)]
    people = roster(trainer, codes[0], opts.scenario, -(-opts.joiners // opts.join_sessions))
    rooms = [n % len(codes) for n in range(opts.joiners)]
    on = [servers[n % len(servers)] for n in range(opts.joiners)]
    browsers = await asyncio.gather(
        *(browser(on[n].base_url, address_of(opts.sessions + 1 + r)) for n, r in enumerate(rooms))
    )

    def person(n: int):
        async def arrive() -> Watcher:
            name, agency = people[n // len(codes)]
            seat = await join_with(browsers[n], codes[rooms[n]], name, agency)
            page = Watcher(page_url(on[n], codes[rooms[n]]), seat.cookie)
            await page.open()
            return page

        return arrive

    try:
        took, pages = await arrivals([person(n) for n in range(opts.joiners)])
    finally:
        await asyncio.gather(*(web.aclose() for web in browsers))
    await close_all(pages)
    return percentiles(took) | {"people": len(took)}
