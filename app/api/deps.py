"""Dependencies shared by the routes: the app's services and who the caller is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from anyio import to_thread
from fastapi import Depends, HTTPException, Request
from starlette.requests import HTTPConnection

from .. import accounts
from ..accounts import Trainer
from ..actions import Actions
from ..auth import TRAINER_COOKIE, TrainerCookies, seat_cookie
from ..config import Settings
from ..domain.commands import TRAINER, Actor
from ..domain.views import Viewer
from ..library import PackLibrary
from ..live import LiveSessions
from ..reads import Reads
from ..scenarios.loader import Pack


@dataclass
class Services:
    settings: Settings
    live: LiveSessions
    actions: Actions
    cookies: TrainerCookies
    library: PackLibrary

    @property
    def packs(self) -> dict[str, Pack]:
        return self.library.current

    @property
    def reads(self) -> Reads:
        return self.actions.reads


async def services(conn: HTTPConnection) -> Services:
    # async, though nothing here waits: FastAPI runs a plain `def` dependency on a worker thread, one hop
    # per request for a dictionary lookup.
    return conn.app.state.services


ServicesDep = Annotated[Services, Depends(services)]


def normalise_code(code: str) -> str:
    return code.strip().upper()[:12]


def trainer_of(conn: HTTPConnection, svc: Services) -> Trainer | None:
    """The signed-in trainer making this request, if any (looked up once per request). Blocking."""
    if not hasattr(conn.state, "trainer"):
        sign_in_id = svc.cookies.sign_in_id(conn.cookies.get(TRAINER_COOKIE))
        conn.state.trainer = accounts.signed_in(svc.live.engine, sign_in_id) if sign_in_id else None
    return conn.state.trainer


def is_trainer(conn: HTTPConnection, svc: Services) -> bool:
    return trainer_of(conn, svc) is not None


def may_run(svc: Services, trainer: Trainer, code: str) -> bool:
    """Whether the trainer may see and change this session: their own, or any if an administrator.
    An unknown code passes, so the route can answer that it does not exist. Blocking."""
    exists, owner = accounts.owner_of(svc.live.engine, normalise_code(code))
    return not exists or trainer.may_run(owner)


async def seat_of(conn: HTTPConnection, svc: Services, code: str) -> str | None:
    """The seat this browser holds in the session. In a follow-up meeting the seat from an earlier meeting
    of the series counts, so the same people come back without joining again."""

    seat = await svc.reads.seat_for(code, lambda each: conn.cookies.get(seat_cookie(each)))
    if seat is None or await seat_in_session(svc, code, seat):
        return seat
    return None


async def seat_in_session(svc: Services, code: str, seat: str) -> bool:
    """A seat the trainer removed no longer counts, even before its credential is gone (or after a restart)."""
    live = await svc.reads.state(code)  # from memory once cached
    return seat in live.state.seats


NOT_YOURS = "This session belongs to another trainer. Ask them, or an administrator, to run it."


def require_trainer(request: Request, svc: ServicesDep) -> Trainer:
    """A signed-in trainer; on a route about one session, a trainer who may run that session."""
    trainer = trainer_of(request, svc)
    if trainer is None:
        raise HTTPException(401, "Trainers sign in with the link that `nplc serve` printed when it started.")
    code = request.path_params.get("code")
    if code is not None and not may_run(svc, trainer, code):
        raise HTTPException(403, NOT_YOURS)
    return trainer


TrainerOnly = Depends(require_trainer)
TrainerDep = Annotated[Trainer, TrainerOnly]


@dataclass(frozen=True)
class Caller:
    actor: Actor
    viewer: Viewer


async def caller(request: Request, code: str, svc: ServicesDep) -> Caller:
    """The trainer running the session if signed in, otherwise the seat this browser holds in the session."""
    code = normalise_code(code)
    # Without a trainer's cookie there is no sign-in to look up: a seat's request skips the hop to a thread.
    trainer = await to_thread.run_sync(trainer_of, request, svc) if TRAINER_COOKIE in request.cookies else None
    if trainer is not None and await to_thread.run_sync(may_run, svc, trainer, code):
        return Caller(TRAINER, Viewer("trainer"))
    seat_id = await seat_of(request, svc, code)
    if seat_id is None and trainer is not None:
        raise HTTPException(403, NOT_YOURS)
    if seat_id is None:
        raise HTTPException(401, "You have not joined this session from this browser yet.")
    return Caller(Actor.seat(seat_id), Viewer("seat", seat_id))


CallerDep = Annotated[Caller, Depends(caller)]
