"""A cap on request bodies, so one oversized post cannot eat the server's memory."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

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
