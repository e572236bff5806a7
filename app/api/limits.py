"""Caps on what one client can ask of the server: request bodies, joins and commands."""

from __future__ import annotations

import json
import math

from starlette.types import ASGIApp, Receive, Scope, Send

from .buckets import Buckets

MAX_BODY_BYTES = 64 * 1024


class BodyLimit:
    """Refuses any request whose body is larger than `limit`, before it is read."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES, larger: dict[str, int] | None = None):
        self.app, self.limit, self.larger = app, limit, larger or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            declared = dict(scope["headers"]).get(b"content-length", b"0")
            chunked = b"chunked" in dict(scope["headers"]).get(b"transfer-encoding", b"")
            limit = self.larger.get(scope["path"], self.limit)
            if chunked or not declared.isdigit() or int(declared) > limit:
                await self._refuse(send, limit)
                return
        await self.app(scope, receive, send)

    async def _refuse(self, send: Send, limit: int) -> None:
        body = json.dumps({"detail": f"That request is too large (the limit is {limit // 1024} KB)."}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


class RateLimited(Exception):
    """Too many of something too fast; the message says what and how long to wait."""

    def __init__(self, message: str, wait: float):
        super().__init__(message)
        self.wait = wait


# A browser may take a few seats in one session (a mistake, a shared laptop); a venue's browsers each have their own.
JOINS_PER_BROWSER, BROWSER_JOIN_SECONDS = 3, 120
# Clients with no browser id (cookies off, or a script) share this per session and address.
JOINS_WITHOUT_ID, NO_ID_JOIN_SECONDS = 8, 15
COMMANDS_PER_SECOND, COMMAND_BURST = 10, 20
# Each new websocket is caught up under the session's lock, so a client reconnecting in a loop would hold up the
# room. A page reconnects with a growing back-off (0.5 s to 15 s), well inside these.
SEAT_CONNECTS, SEAT_CONNECT_SECONDS = 10, 2
SCREEN_CONNECTS, SCREEN_CONNECT_SECONDS = 40, 0.5


class Limits:
    """The per-session rate limits, shared by the HTTP routes and the websocket."""

    def __init__(self, clock=None):
        extra = {"clock": clock} if clock else {}
        self.browser_joins = Buckets(JOINS_PER_BROWSER, 1 / BROWSER_JOIN_SECONDS, **extra)
        self.idless_joins = Buckets(JOINS_WITHOUT_ID, 1 / NO_ID_JOIN_SECONDS, **extra)
        self.commands = Buckets(COMMAND_BURST, COMMANDS_PER_SECOND, **extra)
        self.seat_connects = Buckets(SEAT_CONNECTS, 1 / SEAT_CONNECT_SECONDS, **extra)
        self.screen_connects = Buckets(SCREEN_CONNECTS, 1 / SCREEN_CONNECT_SECONDS, **extra)

    def connect(self, code: str, viewer_kind: str, viewer_key: str) -> None:
        """A new websocket for this viewer; the trainer's and projector's screens are shared by more pages."""
        buckets = self.seat_connects if viewer_kind == "seat" else self.screen_connects
        wait = buckets.take((code, viewer_key))
        if wait:
            raise RateLimited(
                f"This page is reconnecting too often; it will try again by itself in {math.ceil(wait)} seconds.",
                wait,
            )

    def join(self, code: str, browser_key: str) -> None:
        with_id = browser_key.startswith("browser:")
        wait = (self.browser_joins if with_id else self.idless_joins).take((code, browser_key))
        if not wait:
            return
        seconds = math.ceil(wait)
        if with_id:
            raise RateLimited(
                f"This browser has already taken {JOINS_PER_BROWSER} seats in this session. If you need another, "
                f"wait {seconds} seconds or ask the trainer.",
                wait,
            )
        raise RateLimited(
            "Many people have joined this session from this network without a browser cookie. Check that cookies "
            f"are switched on and reload the page, or wait {seconds} seconds and try again.",
            wait,
        )

    def command(self, code: str, actor_key: str) -> None:
        wait = self.commands.take((code, actor_key))
        if wait:
            raise RateLimited(
                f"Too many commands at once (at most {COMMANDS_PER_SECOND} a second); nothing was changed. "
                "Wait a moment and try again.",
                wait,
            )
