"""Checks of what the server sends against the contracts in `app/contracts`, and the pytest plugin that applies
them to every test: every view the domain builds, every frame a real websocket client receives, and every JSON
answer an HTTP client gets. A key the server sends without a contract, or a missing one, fails the test
that made it happen, wherever that test lives."""

from __future__ import annotations

import functools
import json
import sys
import typing

import httpx
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import TypeAdapter
from pydantic.fields import FieldInfo
from starlette.routing import Match
from websockets.exceptions import ConnectionClosed
from websockets.sync.connection import Connection

from app.config import Settings
from app.contracts.base import Wire
from app.contracts.events import ShownEvent
from app.contracts.frames import CloseCode, ServerFrame
from app.contracts.http import Problem
from app.contracts.views import MODELS
from app.domain import views as domain_views
from app.domain.sections import Sections
from app.main import create_app

SERVER_FRAME: TypeAdapter = TypeAdapter(ServerFrame)
SHOWN_EVENT: TypeAdapter = TypeAdapter(ShownEvent)
# Besides the codes the server chooses, a connection may end normally or because a server process went away.
ORDINARY_CLOSE = {1000, 1001, 1012}
APP = create_app(Settings(database_url="sqlite://", secret_key="k" * 40))
ROUTES = list(iter_route_contexts(APP.routes))


def check_view(view: dict, kind: str) -> None:
    """Raises pydantic's ValidationError unless `view` is exactly what the contract says a `kind` viewer gets."""
    MODELS[kind].model_validate(view, strict=True)


def check_event(shown: dict) -> None:
    """Checks one event as a viewer is shown it (as JSON, which is how it travels)."""
    SHOWN_EVENT.validate_json(json.dumps(shown), strict=True)


def check_frame(text: str | bytes) -> None:
    SERVER_FRAME.validate_json(text, strict=True)


def check_close(code: int) -> None:
    assert code in ORDINARY_CLOSE or code in set(CloseCode), f"close code {code} is not in the protocol"


def route_for(method: str, path: str):
    """The API route that answers `method path`, or None (FastAPI's own pages, a missing route)."""
    scope = {"type": "http", "method": method, "path": path}
    for route in ROUTES:
        if isinstance(route.original_route, APIRoute) and route.matches(scope)[0] == Match.FULL:
            return route
    return None


def is_contract(kind) -> bool:
    """Whether a response model is made of wire models (not a bare `dict` that says nothing)."""
    args = [a for a in typing.get_args(kind) if not isinstance(a, FieldInfo)]  # Annotated carries a FieldInfo
    if args:
        return all(is_contract(a) for a in args)
    return isinstance(kind, type) and issubclass(kind, Wire)


def check_http(response: httpx.Response) -> None:
    """Checks a JSON answer against the response model of the route that gave it (or the error model)."""
    if not response.headers.get("content-type", "").startswith("application/json"):
        return
    route = route_for(response.request.method, response.request.url.path)
    if route is None:
        return  # FastAPI's own /openapi.json
    if response.status_code >= 400:
        model = route.responses.get(response.status_code, {}).get("model", Problem)
        TypeAdapter(model).validate_json(response.content, strict=True)
        return
    assert is_contract(route.response_model), f"{route.path} answers JSON without a response_model in app.contracts"
    TypeAdapter(route.response_model).validate_json(response.content, strict=True)


# --- the plugin ---------------------------------------------------------------------------------------------


def _checked_view_for(original):
    @functools.wraps(original)
    def view_for(state, viewer, now):
        view = original(state, viewer, now)
        check_view(view, viewer.kind)
        return view

    return view_for


def _checked_sections_view(original):
    @functools.wraps(original)
    def view(self, state, viewer, now):
        built = original(self, state, viewer, now)
        check_view(built, viewer.kind)
        return built

    return view


def _checked_shown_event(original):
    @functools.wraps(original)
    def shown_event(state, event, seq, viewer):
        shown = original(state, event, seq, viewer)
        if shown is not None:
            check_event(shown)
        return shown

    return shown_event


def _checked_recv(original):
    @functools.wraps(original)
    def recv(self, *args, **kwargs):
        try:
            message = original(self, *args, **kwargs)
        except ConnectionClosed as closed:
            if closed.rcvd is not None and closed.rcvd_then_sent is not False:
                check_close(closed.rcvd.code)
            raise
        check_frame(message)
        return message

    return recv


def _checked_send(original):
    @functools.wraps(original)
    def send(self, request, **kwargs):
        response = original(self, request, **kwargs)
        if not kwargs.get("stream"):
            check_http(response)
        return response

    return send


def pytest_configure(config) -> None:
    """Swaps in checking versions: of `view_for` and `shown_event` wherever they were imported already (modules
    imported later get them from `app.domain.views`), of a websocket client's `recv` and an HTTP client's `send`."""
    swaps = [
        (domain_views.view_for, _checked_view_for(domain_views.view_for)),
        (domain_views.shown_event, _checked_shown_event(domain_views.shown_event)),
    ]
    for module in list(sys.modules.values()):
        for name, value in list(vars(module).items()):
            for original, checked in swaps:
                if value is original:
                    setattr(module, name, checked)
    Sections.view = _checked_sections_view(Sections.view)  # type: ignore[method-assign]
    Connection.recv = _checked_recv(Connection.recv)
    httpx.Client.send = _checked_send(httpx.Client.send)
