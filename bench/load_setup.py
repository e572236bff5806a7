"""Setting up the load benchmark through the real HTTP API: a trainer signs in, creates sessions, people join
them as browsers would, and the trainer takes each session to the board meeting with an item open. With several
server processes, seat i of each session joins through process i % N (as a load balancer would spread them)
and the trainer works on the first.

Each session's people arrive from their own loopback address (127.0.x.y), as each room of a venue might sit
behind its own router: the server hands out browser ids per address, so a thousand joiners from one address
would be held back by a limit meant for attackers, not measured.
"""

from __future__ import annotations

import asyncio
import ssl
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import PAGE_HEADERS, LiveServer, cookie_header

# One TLS context for every client (none is used over plain HTTP, but making one per client costs ~0.1 s).
TLS = ssl.create_default_context()
# The free agency whose seat chairs the board, as the domain simulator does (app/scenarios/simulate.py).
CHAIR_AGENCY = {"kilnbrook": "fire-rescue", "marram-bay": None}


@dataclass
class Seat:
    seat_id: str
    cookie: str  # the Cookie header its websockets send
    role: str = "resident"  # "director", "assistant", "chair" or "resident" once the board is seated
    directorate: str | None = None


@dataclass
class Session:
    code: str
    address: str
    seats: list[Seat] = field(default_factory=list)

    def directors(self) -> list[Seat]:
        return [s for s in self.seats if s.role == "director"]

    def chair(self) -> Seat | None:
        """The seat chairing the board; None when the trainer chairs (a pack this harness knows no chair for)."""
        return next((s for s in self.seats if s.role == "chair"), None)


def address_of(index: int) -> str:
    """A loopback address for the index-th room (Linux answers on all of 127.0.0.0/8)."""
    return f"127.0.{index // 250 + 1}.{index % 250 + 2}"


def sign_in(server: LiveServer) -> httpx.Client:
    trainer = httpx.Client(base_url=server.base_url, timeout=30, headers=PAGE_HEADERS)
    response = trainer.get(server.sign_in_url.replace(server.base_url, ""), follow_redirects=False)
    if response.status_code != 303:
        raise RuntimeError(f"the trainer could not sign in: {response.status_code} {response.text}")
    return trainer


def roster(trainer: httpx.Client, code: str, scenario: str, seats: int) -> list[tuple[str, str]]:
    """Names and agencies for `seats` people: a chair, two for each of the first eight agencies (in Kilnbrook,
    one for each directorate), then residents."""
    agencies = trainer.get(f"/api/sessions/{code}/lobby").json()["agencies"]
    chair = CHAIR_AGENCY.get(scenario)
    directorate_agencies = [a["id"] for a in agencies if a["id"] != chair][:8]
    people = [agency for agency in directorate_agencies for _ in range(2)]
    people = ([chair] if chair else []) + people + ["resident"] * 40
    return [(f"Person {n}", agency) for n, agency in enumerate(people[:seats])]


def new_session(trainer: httpx.Client, scenario: str) -> str:
    response = trainer.post("/api/sessions", json={"scenario_id": scenario})
    if response.status_code != 201:
        raise RuntimeError(f"could not create a session: {response.text}")
    return response.json()["code"]


async def browser(base_url: str, address: str) -> httpx.AsyncClient:
    """A person's browser on the home page, which gives it its browser id.

    The page is fetched with `Connection: close`, so the join opens a fresh connection: under load the join
    can come more than uvicorn's 5-second keep-alive later, and a request sent just as the server closes an
    idle connection fails with a read error instead of being measured."""
    transport = httpx.AsyncHTTPTransport(local_address=address, verify=TLS)
    web = httpx.AsyncClient(base_url=base_url, timeout=60, headers=PAGE_HEADERS, transport=transport)
    await web.get("/", headers={"Connection": "close"})
    return web


async def join_with(web: httpx.AsyncClient, code: str, name: str, agency: str) -> Seat:
    response = await web.post(f"/api/sessions/{code}/join", json={"name": name, "agency": agency})
    if response.status_code != 200:
        raise RuntimeError(f"{name} ({agency}) could not join {code}: {response.text}")
    return Seat(response.json()["seat_id"], cookie_header(web))


async def join_one(base_url: str, address: str, code: str, name: str, agency: str) -> Seat:
    web = await browser(base_url, address)
    try:
        return await join_with(web, code, name, agency)
    finally:
        await web.aclose()


def command(trainer: httpx.Client, code: str, body: dict) -> None:
    response = trainer.post(f"/api/sessions/{code}/commands", json={"id": f"setup-{time.time_ns()}", "command": body})
    if response.status_code != 200:
        raise RuntimeError(f"setup command {body} failed in {code}: {response.text}")


def to_board_meeting(trainer: httpx.Client, session: Session, chair_id: str | None) -> None:
    """Pairs, shuffles and opens the board with its first agenda item, then notes who holds which role."""
    code = session.code
    if chair_id:
        command(trainer, code, {"type": "choose-chair", "seat_id": chair_id})
    for body in (
        {"type": "auto-pair"},
        {"type": "shuffle", "seed": 7},
        {"type": "start-phase", "phase": "read_in"},
        {"type": "start-phase", "phase": "board"},
    ):
        command(trainer, code, body)
    view = trainer.get(f"/api/sessions/{code}/view").json()
    command(trainer, code, {"type": "open-item", "item_id": view["agenda"][0]["id"]})
    by_id = {seat.seat_id: seat for seat in session.seats}
    for row in view["directorates"]:
        for role in ("director", "assistant"):
            holder = row.get(role)
            if holder and holder["id"] in by_id:
                by_id[holder["id"]].role, by_id[holder["id"]].directorate = role, row["id"]
    if chair_id:
        by_id[chair_id].role = "chair"


async def seat_sessions(servers: list[LiveServer], trainer: httpx.Client, scenario: str, count: int, seats: int):
    """Creates `count` sessions, `seats` people join each (all sessions at once, one room's people in turn)."""
    sessions = [Session(new_session(trainer, scenario), address_of(n)) for n in range(count)]
    people = roster(trainer, sessions[0].code, scenario, seats)

    async def fill(session: Session) -> None:
        for i, (name, agency) in enumerate(people):
            url = servers[i % len(servers)].base_url
            session.seats.append(await join_one(url, session.address, session.code, name, agency))

    await asyncio.gather(*(fill(s) for s in sessions))
    return sessions, people


def board_sessions(servers: list[LiveServer], trainer: httpx.Client, scenario: str, count: int, seats: int):
    """Sessions in the board meeting, every seat joined and given its role."""
    sessions, people = asyncio.run(seat_sessions(servers, trainer, scenario, count, seats))
    chair_agency = CHAIR_AGENCY.get(scenario)
    for session in sessions:
        chair = session.seats[0].seat_id if chair_agency and people[0][1] == chair_agency else None
        to_board_meeting(trainer, session, chair)
    return sessions
