"""docs/protocol.md names every route the app serves, every websocket frame type in both directions, every
close code and every part of the view, so the reference cannot fall behind the server unnoticed."""

from __future__ import annotations

import re
import typing
from pathlib import Path

from fastapi.routing import APIWebSocketRoute
from starlette.routing import Mount

from app.contracts.frames import ClientFrame, CloseCode, ServerFrame
from app.contracts.views import MODELS
from tests.contracts.wire import ROUTES

PROTOCOL = (Path(__file__).resolve().parents[2] / "docs" / "protocol.md").read_text()


def _documented(method: str, path: str) -> bool:
    """`METHOD path` in backticks; a page (GET) may be named by its path alone, perhaps with a query."""
    method_part = f"(?:{method} )" + ("?" if method == "GET" else "")
    return re.search(f"`{method_part}{re.escape(path)}[`?]", PROTOCOL) is not None


def every_route() -> list[tuple[str, str]]:
    found = []
    for route in ROUTES:
        original = route.original_route
        path = re.sub(r"\{(\w+):\w+\}", r"{\1}", route.path)
        if isinstance(original, APIWebSocketRoute):
            found.append(("GET", path))  # a websocket opens with a GET
        elif isinstance(original, Mount):
            found.append(("GET", path + "/{path}"))
        else:
            found += [(method, path) for method in sorted(route.methods - {"HEAD"})]
    return found


def test_every_route_is_in_the_protocol_reference():
    routes = every_route()
    assert ("POST", "/api/scenarios") in routes and ("GET", "/ws/{code}") in routes
    assert [f"{method} {path}" for method, path in routes if not _documented(method, path)] == []


def _frame_types(union) -> list[str]:
    members = typing.get_args(typing.get_args(union)[0])
    return [typing.get_args(model.model_fields["type"].annotation)[0] for model in members]


def test_every_frame_type_in_both_directions_is_in_the_protocol_reference():
    types = _frame_types(ServerFrame) + _frame_types(ClientFrame)
    assert sorted(types) == ["ack", "command", "delta", "error", "ping", "pong", "sync"]
    assert [t for t in types if f'{{"type": "{t}"' not in PROTOCOL] == []


def test_every_close_code_is_in_the_protocol_reference():
    table = PROTOCOL.split("Close codes", 1)[1]
    assert [int(code) for code in CloseCode if not re.search(rf"^\| `?{int(code)}`? \|", table, re.M)] == []


def test_every_part_of_every_view_is_in_the_protocol_reference():
    parts = {name for model in MODELS.values() for name in model.model_fields}
    assert sorted(p for p in parts if f"`{p}`" not in PROTOCOL) == []
