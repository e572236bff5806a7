"""Dependencies shared by the routes: the app's services and who the caller is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from anyio import to_thread
from fastapi import Depends, HTTPException, Request
from starlette.requests import HTTPConnection

from ..actions import Actions
from ..auth import TRAINER_COOKIE, TrainerCookies, seat_cookie
from ..config import Settings
from ..domain.commands import TRAINER, Actor
from ..domain.views import Viewer
from ..library import PackLibrary
from ..live import LiveSessions
from ..scenarios.loader import Pack
from ..store import records
from ..store.db import session_scope


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


def services(conn: HTTPConnection) -> Services:
    return conn.app.state.services


ServicesDep = Annotated[Services, Depends(services)]


def normalise_code(code: str) -> str:
    return code.strip().upper()[:12]


def is_trainer(conn: HTTPConnection, svc: Services) -> bool:
    return svc.cookies.valid(conn.cookies.get(TRAINER_COOKIE))


async def seat_of(conn: HTTPConnection, svc: Services, code: str) -> str | None:
    """The seat this browser holds in the session. In a follow-up meeting the seat from an earlier meeting
    of the series counts, so the same people come back without joining again."""

    def lookup() -> str | None:
        current, hops = code, 0
        with session_scope(svc.live.engine) as db:
            while current and hops < 50:
                token = conn.cookies.get(seat_cookie(current))
                seat = records.seat_for_token(session=db, code=current, token=token) if token else None
                if seat is not None:
                    return seat
                row = records.get_session(session=db, code=current)
                current, hops = (row.follows if row else None), hops + 1
        return None

    seat = await to_thread.run_sync(lookup)
    if seat is None or await seat_in_session(svc, code, seat):
        return seat
    return None


async def seat_in_session(svc: Services, code: str, seat: str) -> bool:
    """A seat the trainer removed no longer counts, even before its credential is gone (or after a restart)."""
    live = svc.live.cached(code) or await svc.actions.state(code)
    return seat in live.state.seats


def require_trainer(request: Request, svc: ServicesDep) -> None:
    if not is_trainer(request, svc):
        raise HTTPException(401, "Trainers sign in with the link that `nplc serve` printed when it started.")


TrainerOnly = Depends(require_trainer)


@dataclass(frozen=True)
class Caller:
    actor: Actor
    viewer: Viewer


async def caller(request: Request, code: str, svc: ServicesDep) -> Caller:
    """The trainer if the trainer cookie is present, otherwise the seat this browser holds in the session."""
    code = normalise_code(code)
    if is_trainer(request, svc):
        return Caller(TRAINER, Viewer("trainer"))
    seat_id = await seat_of(request, svc, code)
    if seat_id is None:
        raise HTTPException(401, "You have not joined this session from this browser yet.")
    return Caller(Actor.seat(seat_id), Viewer("seat", seat_id))


CallerDep = Annotated[Caller, Depends(caller)]
