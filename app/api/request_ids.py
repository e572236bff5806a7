"""A request id for every HTTP request and websocket: taken from a sane `X-Request-ID` or made here, sent
back in the response, and carried by every log line written while the request runs. One line per request;
a failure is one line with its traceback, never the query string (it can hold a sign-in token)."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..logs import REQUEST_ID

HEADER = "x-request-id"
_SANE = re.compile(r"[A-Za-z0-9._:-]{8,64}")
log = logging.getLogger("nplc.http")


def request_id_from(scope: Scope) -> str:
    given = dict(scope.get("headers") or []).get(HEADER.encode(), b"").decode("latin-1")
    return given if _SANE.fullmatch(given) else uuid.uuid4().hex


class RequestIds:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(scope)
        scope.setdefault("state", {})["request_id"] = request_id  # for the failure page, answered outside this
        token = REQUEST_ID.set(request_id)
        status = 0
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (HEADER.encode(), request_id.encode())]
            await send(message)

        where = f"{scope.get('method', 'WS')} {scope['path']}"
        # A websocket's messages have no headers to add, and every update passes here: they go straight out.
        wrapped = send_with_id if scope["type"] == "http" else send
        try:
            await self.app(scope, receive, wrapped)
        except Exception as error:
            log.error("%s failed: %s: %s", where, type(error).__name__, error, exc_info=error)
            raise
        else:
            if scope["type"] == "http":
                took = (time.perf_counter() - started) * 1000
                log.log(logging.WARNING if status >= 500 else logging.INFO, "%s %d %.1fms", where, status, took)
        finally:
            REQUEST_ID.reset(token)
