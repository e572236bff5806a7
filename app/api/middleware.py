"""What every request passes through: proxy headers from trusted proxies only, the cross-site check on
anything that changes something, and the security headers on every answer."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import print_style
from ..config import Settings

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Sent by frontend/js/api.js on every request that changes something. A page on another site cannot add a
# custom header to a cross-site request without the server's permission (CORS), which this server never gives.
CSRF_HEADER, CSRF_VALUE = "x-nplc", "1"
# Plain HTML forms that work without script (the trainer's password sign-in) cannot add the header; for them the
# browser's Origin must be present and our own instead (browsers send it with every form POST).
FORM_POSTS = {"/sign-in"}

POLICY_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self'",
    f"style-src 'self' {print_style.CSP_SOURCE}",  # the minutes' inline stylesheet, by its hash
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)
CONTENT_SECURITY_POLICY = "; ".join(POLICY_DIRECTIVES)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def own_origins(settings: Settings) -> set[str]:
    """The origins this server answers as: its public address and any extra ones configured."""
    found = {_origin(url) for url in settings.allowed_origins}
    if settings.public_url:
        found.add(_origin(settings.public_url))
    return found


def _origin(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}".lower()


def origin_allowed(headers: Headers, settings: Settings) -> bool:
    """No Origin (not sent by a browser, or a same-origin GET), our own, or the host the request was sent to.

    A browser always sets Host to the server it is talking to, so a page from another site shows up as an
    Origin whose host differs from Host.
    """
    origin = headers.get("origin")
    if origin is None:
        return True
    if origin.lower() in own_origins(settings):
        return True
    return origin != "null" and urlsplit(origin).netloc.lower() == headers.get("host", "").lower()


class CrossSiteGuard:
    """Refuses any unsafe request without the custom header or from a foreign Origin, before it is read."""

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app, self.settings = app, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in UNSAFE_METHODS:
            headers = Headers(scope=scope)
            if not origin_allowed(headers, self.settings):
                await _refuse(send, "This request came from a page on another site, so nothing was changed.")
                return
            form_post = scope["path"] in FORM_POSTS and scope["method"] == "POST" and "origin" in headers
            if headers.get(CSRF_HEADER) != CSRF_VALUE and not form_post:
                await _refuse(
                    send,
                    "This request did not come from a Neighbourhood plc page (the X-NPLC header is missing), "
                    "so nothing was changed. Reload the page and try again.",
                )
                return
        await self.app(scope, receive, send)


async def _refuse(send: Send, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 403, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the security headers to every answer, and marks cookies Secure when the request came over HTTPS."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        secure = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _OURS]
                if secure:
                    headers = [(k, _secure(v) if k.lower() == b"set-cookie" else v) for k, v in headers]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, receive, send_with_headers)


_OURS = {name for name, _ in SECURITY_HEADERS}


def _secure(cookie: bytes) -> bytes:
    return cookie if b"; secure" in cookie.lower() else cookie + b"; Secure"
