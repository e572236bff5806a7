"""Turning refusals and failures into clear answers; no traceback ever reaches a user."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from ..domain.core.errors import RuleViolation
from ..live import UnknownSession
from .guessing import client_of

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
        request.app.state.guard.missed(client_of(request))
        return JSONResponse({"detail": unknown_session_message(str(error))}, status_code=404)

    @app.exception_handler(RequestValidationError)
    async def malformed(_: Request, error: RequestValidationError) -> JSONResponse:
        parts = []
        for item in error.errors()[:5]:
            field = ".".join(str(p) for p in item["loc"] if p != "body")
            parts.append(f"{field}: {item['msg'].lower()}" if field else item["msg"].lower())
        return JSONResponse({"detail": "Please check the form: " + "; ".join(parts) + "."}, status_code=422)

    @app.exception_handler(Exception)
    async def failed(request: Request, error: Exception) -> JSONResponse:
        # Logged once, with the request id, by app.api.request_ids.
        return JSONResponse(
            {
                "detail": "Something went wrong on the server. Please try again, and tell the trainer if it keeps happening."
            },
            status_code=500,
        )
