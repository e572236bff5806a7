"""Turning refusals and failures into clear answers; no traceback ever reaches a user."""

from __future__ import annotations

import logging
import math

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError

from ..auth import TRAINER_COOKIE
from ..domain.core.errors import RuleViolation
from ..live import UnknownSession
from ..logs import REQUEST_ID
from .disk import DISK_FULL, DISK_FULL_MESSAGE, disk_full
from .guessing import record_miss
from .limits import RateLimited

log = logging.getLogger("nplc")


def unknown_session_message(code: str) -> str:
    return f"No session has the code {code}. Check the code on the screen and try again."


def command_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"] if not isinstance(p, int))
    if first["type"] == "union_tag_invalid" or where == "":
        return "That command is not one this server knows."
    return f"That command was not understood: {where}: {first['msg'].lower()}."


def install(app: FastAPI) -> None:
    @app.exception_handler(RuleViolation)
    async def refused(_: Request, error: RuleViolation) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=409)

    @app.exception_handler(UnknownSession)
    async def unknown(request: Request, error: UnknownSession) -> JSONResponse:
        record_miss(request)
        return JSONResponse({"detail": unknown_session_message(str(error))}, status_code=404)

    @app.exception_handler(RateLimited)
    async def too_fast(_: Request, error: RateLimited) -> JSONResponse:
        wait = str(max(1, math.ceil(error.wait)))
        return JSONResponse({"detail": str(error)}, status_code=429, headers={"Retry-After": wait})

    @app.exception_handler(RequestValidationError)
    async def malformed(_: Request, error: RequestValidationError) -> JSONResponse:
        parts = []
        for item in error.errors()[:5]:
            field = ".".join(str(p) for p in item["loc"] if p != "body")
            parts.append(f"{field}: {item['msg'].lower()}" if field else item["msg"].lower())
        return JSONResponse({"detail": "Please check the form: " + "; ".join(parts) + "."}, status_code=422)

    # Handled here rather than with the catch-all below, which Starlette follows with a logged traceback.
    @app.exception_handler(DBAPIError)
    @app.exception_handler(OSError)
    async def storage_failed(request: Request, error: Exception) -> JSONResponse:
        if not disk_full(error):
            raise error
        DISK_FULL.note(f"{request.method} {request.url.path}")
        return JSONResponse({"detail": DISK_FULL_MESSAGE}, status_code=503, headers={"Retry-After": "60"})

    @app.exception_handler(Exception)
    async def failed(request: Request, error: Exception) -> JSONResponse:
        # Logged once, with the request id, by app.api.request_ids.
        return JSONResponse({"detail": failure_message(request)}, status_code=500)


def failure_message(request: Request) -> str:
    """What to do about a failure, for whoever saw it: a participant tells the trainer; the trainer is the one
    told, so is asked to pass the reference of the logged failure to whoever looks after the server."""
    if TRAINER_COOKIE in request.cookies:
        reference = getattr(request.state, "request_id", None) or REQUEST_ID.get()
        return (
            "Something went wrong on the server. Please try again. If it keeps happening, tell whoever looks "
            f"after this server, giving the reference {reference} and the time."
        )
    return "Something went wrong on the server. Please try again, and tell the trainer if it keeps happening."
