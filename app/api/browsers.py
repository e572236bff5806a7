"""Telling browsers apart when they share one address (a venue behind one NAT).

Each browser is given a random id in a signed cookie the first time it asks for anything. Limits that must
not hold up a whole room (wrong session codes, joins) are kept per browser; a client that sends no valid id
(a script, or cookies switched off) shares one allowance with every such client at its address. Handing out
ids is itself limited per address, so fresh ids cannot be had faster than a large venue needs them.
"""

from __future__ import annotations

import secrets

from itsdangerous import BadSignature, Signer
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .buckets import Buckets

BROWSER_COOKIE = "nplc_browser"
COOKIE_DAYS = 30
# Ten rooms of 25 arriving behind one address in the same minute all get an id.
NEW_IDS_BURST, NEW_IDS_PER_SECOND = 300, 5


def client_of(conn: HTTPConnection | Scope) -> str:
    """The client's address (a trusted proxy's X-Forwarded-For has already been applied)."""
    client = conn.client if isinstance(conn, HTTPConnection) else conn.get("client")
    return client[0] if client else "unknown"


class Browsers:
    def __init__(self, key: bytes | None = None, new_ids: Buckets | None = None):
        # A key of this process alone: ids only key in-memory limits, which a restart clears anyway.
        self._signer = Signer(key or secrets.token_bytes(32), salt="browser")
        self._new_ids = new_ids or Buckets(NEW_IDS_BURST, NEW_IDS_PER_SECOND)

    def id_of(self, conn: HTTPConnection) -> str | None:
        cookie = conn.cookies.get(BROWSER_COOKIE)
        if not cookie:
            return None
        try:
            return self._signer.unsign(cookie).decode()
        except (BadSignature, UnicodeDecodeError):
            return None

    def key_of(self, conn: HTTPConnection) -> str:
        """What per-browser limits count against: this browser, or every id-less client at its address."""
        found = self.id_of(conn)
        return f"browser:{found}" if found else f"address:{client_of(conn)}"

    def new_cookie(self, address: str) -> str | None:
        if self._new_ids.take(address):
            return None
        return self._signer.sign(secrets.token_urlsafe(12)).decode()


class BrowserCookie:
    """Gives a browser its id with whatever it first asked for."""

    def __init__(self, app: ASGIApp, browsers: Browsers):
        self.app, self.browsers = app, browsers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.browsers.id_of(HTTPConnection(scope)) is not None:
            await self.app(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                cookie = self.browsers.new_cookie(client_of(scope))
                if cookie is not None:
                    headers = MutableHeaders(scope=message)
                    headers.append(
                        "set-cookie",
                        f"{BROWSER_COOKIE}={cookie}; Max-Age={COOKIE_DAYS * 86400}; Path=/; HttpOnly; SameSite=Lax",
                    )
            await send(message)

        await self.app(scope, receive, send_with_cookie)
