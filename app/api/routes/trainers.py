"""Trainers signing in (a single-use link, or a name and password) and signing out."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from urllib.parse import parse_qs

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ... import accounts, templating
from ...auth import TRAINER_COOKIE
from ...contracts.http import TrainerIdentity, errors
from ..deps import ServicesDep, TrainerDep

router = APIRouter()

PASSWORD_TRIES = 10  # wrong passwords for one name in a quarter of an hour, then that name waits
TRIES_WINDOW = 15 * 60


def _form(message: str = "", name: str = "", status: int = 200) -> HTMLResponse:
    return templating.page("sign_in_form.html", status_code=status, message=message, name=name)


def _signed_in(request: Request, svc, trainer_id: int) -> Response:
    sign_in_id = accounts.start_sign_in(svc.live.engine, trainer_id, svc.cookies.hours)
    response = RedirectResponse("/trainer", status_code=303)
    response.set_cookie(
        TRAINER_COOKIE,
        svc.cookies.issue(sign_in_id),
        max_age=svc.cookies.max_age,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


@router.get("/trainer-sign-in", include_in_schema=False)
@router.get("/sign-in", include_in_schema=False)
def sign_in(request: Request, svc: ServicesDep, token: str = "") -> Response:
    """A link signs its trainer in once; without a token, the password form."""
    if not token:
        return _form()
    trainer_id = accounts.use_link(svc.live.engine, token[:200])
    if trainer_id is None:
        # A person followed this link in a browser, so they get a page, not JSON.
        return templating.page("sign_in_failed.html", status_code=403)
    return _signed_in(request, svc, trainer_id)


class PasswordTries:
    """Wrong passwords per trainer name, so guessing one trainer's password is slowed to a crawl."""

    def __init__(self) -> None:
        self._misses: dict[str, deque[float]] = defaultdict(deque)

    def blocked(self, name: str) -> bool:
        misses, cutoff = self._misses[name], time.monotonic() - TRIES_WINDOW
        while misses and misses[0] < cutoff:
            misses.popleft()
        if not misses:
            del self._misses[name]
        return len(misses) >= PASSWORD_TRIES

    def missed(self, name: str) -> None:
        self._misses[name].append(time.monotonic())


def _tries(request: Request) -> PasswordTries:
    state = request.app.state
    if not hasattr(state, "password_tries"):
        state.password_tries = PasswordTries()
    return state.password_tries


@router.post("/sign-in", include_in_schema=False)
async def sign_in_with_password(request: Request, svc: ServicesDep) -> Response:
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    name = (form.get("name") or [""])[0].strip()[:80]
    password = (form.get("password") or [""])[0][:1000]
    if not name or not password:
        return _form("Enter your trainer name and your password.", name, 422)
    tries = _tries(request)
    if tries.blocked(name.lower()):
        message = "Too many wrong passwords for this name. Wait a quarter of an hour, or use a sign-in link."
        return _form(message, name, 429)
    trainer_id = await to_thread.run_sync(accounts.check_password, svc.live.engine, name, password)
    if trainer_id is None:
        tries.missed(name.lower())
        return _form("That name and password do not match.", name, 403)
    return await to_thread.run_sync(_signed_in, request, svc, trainer_id)


@router.get("/api/me", response_model=TrainerIdentity, responses=errors(401))
def me(trainer: TrainerDep) -> dict:
    """The signed-in trainer."""
    return {"name": trainer.name, "is_admin": trainer.is_admin}


@router.post("/api/sign-out", status_code=204, responses=errors(401))
def sign_out(trainer: TrainerDep, svc: ServicesDep) -> Response:
    """Ends this browser's sign-in: the cookie is refused from the next request, and open connections close."""
    accounts.sign_out(svc.live.engine, trainer)
    svc.actions.hub.close_sign_in(trainer.sign_in)
    response = Response(status_code=204)
    response.delete_cookie(TRAINER_COOKIE, httponly=True, samesite="lax")
    return response
