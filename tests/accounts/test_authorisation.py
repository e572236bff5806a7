"""Who may use which door: trainer A (who runs the session), trainer B, an administrator, a participant of the
session and an anonymous browser, against every route of the app and the session's websocket.

The routes are read from the app itself, so a route added later fails this test until it is given a rule here.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from app import accounts
from tests.support import PAGE_HEADERS, join

CALLERS = ("anonymous", "participant", "trainer_b", "trainer_a", "admin")
# Who gets in, by kind of route; everyone else is refused (401 unless signed in, 403 for another trainer).
ALLOWED = {
    "public": set(CALLERS),
    "trainer": {"trainer_a", "trainer_b", "admin"},
    "runs": {"trainer_a", "admin"},
    "seat_or_runs": {"participant", "trainer_a", "admin"},
}
RULES = {
    ("GET", "/api/health"): "public",
    ("GET", "/openapi.json"): "public",
    ("GET", "/api/docs"): "public",
    ("GET", "/docs/oauth2-redirect"): "public",
    ("POST", "/api/sessions"): "trainer",
    ("GET", "/api/sessions"): "trainer",
    ("GET", "/api/sessions/{code}/lobby"): "public",
    ("POST", "/api/sessions/{code}/join"): "public",
    ("GET", "/api/sessions/{code}/view"): "seat_or_runs",
    ("GET", "/api/sessions/{code}/next"): "seat_or_runs",
    ("POST", "/api/sessions/{code}/commands"): "seat_or_runs",
    ("GET", "/api/sessions/{code}/documents"): "seat_or_runs",
    ("GET", "/api/sessions/{code}/documents/{doc_id}"): "seat_or_runs",
    ("GET", "/api/sessions/{code}/files/{path:path}"): "seat_or_runs",
    ("GET", "/api/sessions/{code}/qr.svg"): "public",
    ("POST", "/api/sessions/{code}/projector-link"): "runs",
    ("GET", "/api/scenarios"): "trainer",
    ("POST", "/api/scenarios"): "trainer",
    ("GET", "/api/scenarios/{pack_id}/download"): "trainer",
    ("GET", "/api/scenarios/{pack_id}/versions"): "trainer",
    ("GET", "/api/scenarios/{pack_id}/changes"): "trainer",
    ("GET", "/api/sessions/{code}/minutes"): "seat_or_runs",
    ("GET", "/play/{code}/minutes"): "seat_or_runs",
    ("GET", "/trainer/{code}/minutes"): "seat_or_runs",
    ("GET", "/api/sessions/{code}/export.json"): "runs",
    ("GET", "/api/sessions/{code}/export.zip"): "runs",
    ("POST", "/api/sessions/import"): "trainer",
    ("DELETE", "/api/sessions/{code}"): "runs",
    ("POST", "/api/sessions/{code}/follow-up"): "runs",
    ("GET", "/api/sessions/{code}/series"): "runs",
    ("GET", "/sign-in"): "public",
    ("GET", "/trainer-sign-in"): "public",
    ("POST", "/sign-in"): "public",
    ("GET", "/api/me"): "trainer",
    ("POST", "/api/sign-out"): "trainer",
    ("GET", "/"): "public",
    ("GET", "/play/{code}"): "public",
    ("GET", "/trainer"): "public",
    ("GET", "/trainer/{code}"): "public",
    ("GET", "/projector/{code}"): "public",
    ("GET", "/projector/{code}/debrief"): "public",
    ("GET", "/trainer/{code}/debrief"): "public",
    ("GET", "/play/{code}/debrief"): "public",
    ("GET", "/play/{code}/pack"): "seat_or_runs",
    ("WEBSOCKET", "/ws/{code}"): "websocket",
    ("MOUNT", "/static"): "public",
}
BODIES = {
    ("POST", "/api/sessions"): {"json": {"scenario_id": "tiny"}},
    ("POST", "/api/sessions/{code}/join"): {"json": {"name": "Zed", "agency": "nhs"}},
    ("POST", "/api/sessions/{code}/commands"): {"json": {"command": {"type": "pause-clock"}}},
    ("POST", "/sign-in"): {"content": b"name=&password="},  # a wrong password: see test_sign_in.py
}


def every_route(app) -> set[tuple[str, str]]:
    """(method, path) of every route, including those inside included routers."""
    found = set()
    for route in app.routes:
        contexts = route.effective_candidates() if hasattr(route, "effective_candidates") else [route]
        for each in contexts:
            original = getattr(each, "original_route", each)
            path = getattr(each, "path", "") or original.path
            if type(original).__name__ == "Mount":
                found.add(("MOUNT", path))
            elif "WebSocket" in type(original).__name__:
                found.add(("WEBSOCKET", path))
            else:
                found |= {(method, path) for method in (original.methods or ()) if method != "HEAD"}
    return found


def test_every_route_has_an_access_rule(client):
    routes = every_route(client.app)
    assert routes - RULES.keys() == set(), "give each new route a rule in RULES"
    assert RULES.keys() - routes == set(), "a rule names a route that no longer exists"


class World:
    """The app with an administrator, trainers A and B, and a way to sign any of them into a fresh browser."""

    def __init__(self, client: TestClient):
        self.app, self.engine = client.app, client.app.state.services.live.engine
        self.admin = accounts.first_admin(self.engine)
        self.a = accounts.add_trainer(self.engine, "Trainer A")
        self.b = accounts.add_trainer(self.engine, "Trainer B")

    def browser(self, who=None) -> TestClient:
        http = TestClient(self.app, headers=dict(PAGE_HEADERS))
        if who is not None:
            token = accounts.new_link(self.engine, who, 15)
            assert http.get(f"/sign-in?token={token}", follow_redirects=False).status_code == 303
        return http

    def session(self) -> tuple[str, TestClient]:
        """A new session run by trainer A, and a participant's browser seated in it."""
        a = self.browser(self.a)
        code = a.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
        seat = self.browser()
        join(seat, code, "Asha", "council-housing")
        return code, seat

    def caller(self, name: str, seat: TestClient) -> TestClient:
        return {
            "anonymous": lambda: self.browser(),
            "participant": lambda: seat,
            "trainer_a": lambda: self.browser(self.a),
            "trainer_b": lambda: self.browser(self.b),
            "admin": lambda: self.browser(self.admin),
        }[name]()


@pytest.fixture
def world(client) -> World:
    return World(client)


def concrete(path: str, code: str) -> str:
    return (
        path.replace("{code}", code)
        .replace("{doc_id}", "shared")
        .replace("{path:path}", "missing.png")
        .replace("{pack_id}", "tiny")
    )


HTTP_RULES = sorted((key, kind) for key, kind in RULES.items() if kind not in ("websocket",) and key[0] != "MOUNT")


@pytest.mark.parametrize(("route", "kind"), HTTP_RULES, ids=[f"{m} {p}" for (m, p), _ in HTTP_RULES])
def test_each_caller_gets_in_only_where_allowed(world, route, kind):
    method, path = route
    for who in CALLERS:
        code, seat = world.session()  # fresh each time: a delete or a sign-out must not spoil the next check
        http = world.caller(who, seat)
        response = http.request(method, concrete(path, code), follow_redirects=False, **BODIES.get(route, {}))
        if who in ALLOWED[kind]:
            assert response.status_code not in (401, 403), f"{who} was refused: {response.text[:200]}"
            assert response.status_code < 500
        else:
            expected = 403 if who in ("trainer_b",) and kind in ("runs", "seat_or_runs") else 401
            assert response.status_code == expected, f"{who} got {response.status_code}: {response.text[:200]}"
            if expected == 403:
                assert "belongs to another trainer" in response.json()["detail"]


def test_another_trainer_does_not_even_see_the_session_in_the_list(world):
    code, _ = world.session()
    listed = {who: [s["code"] for s in world.caller(who, None).get("/api/sessions").json()] for who in CALLERS[2:]}
    assert listed == {"trainer_b": [], "trainer_a": [code], "admin": [code]}


@pytest.mark.parametrize("role", ["trainer", "projector", "seat"])
def test_the_sessions_websocket_lets_in_only_those_allowed(world, role):
    allowed = {"trainer": {"trainer_a", "admin"}, "projector": {"trainer_a", "admin"}, "seat": {"participant"}}[role]
    for who in CALLERS:
        code, seat = world.session()
        http = world.caller(who, seat)
        if who in allowed:
            with http.websocket_connect(f"/ws/{code}?as={role}") as ws:
                assert ws.receive_json()["type"] == "sync"
        else:
            with pytest.raises(WebSocketDisconnect) as refused, http.websocket_connect(f"/ws/{code}?as={role}") as ws:
                ws.receive_json()
            assert refused.value.code == 1008, who


def test_a_follow_up_stays_with_the_trainer_who_runs_the_series(world):
    code, _ = world.session()
    a = world.browser(world.a)
    for phase in ("read_in", "board", "debrief"):
        a.post(f"/api/sessions/{code}/commands", json={"command": {"type": "start-phase", "phase": phase}})
    follow = a.post(f"/api/sessions/{code}/follow-up")
    assert follow.status_code == 201, follow.text
    later = follow.json()["code"]
    assert a.get(f"/api/sessions/{later}/view").status_code == 200
    assert world.browser(world.b).get(f"/api/sessions/{later}/view").status_code == 403
