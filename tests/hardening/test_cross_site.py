"""A page on another site cannot make a signed-in browser change anything: every unsafe route needs the
same-site header and, when the browser names an Origin, our own."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from app.api.middleware import UNSAFE_METHODS
from app.api.routes.pages import FRONTEND

FOREIGN = "http://evil.example"


def unsafe_routes(app) -> list[tuple[str, str]]:
    """Every (method, path) in the app that changes something, read from the app itself so none escapes."""
    found = []
    for route in iter_route_contexts(app.routes):
        found += [(method, route.path) for method in sorted((route.methods or set()) & UNSAFE_METHODS)]
    return found


@pytest.fixture
def world(trainer, participant):
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    seat = participant()
    assert seat.post(f"/api/sessions/{code}/join", json={"name": "Asha", "agency": "nhs"}).status_code == 200
    return code, seat


def snapshot(trainer, code):
    """What any change would show up in: the sessions, this session's log position, the packs."""
    sessions = trainer.get("/api/sessions").json()
    return (
        [(s["code"], s["seats"], s["phase"]) for s in sessions],
        trainer.get(f"/api/sessions/{code}/view").json()["session"]["seq"],
        trainer.get("/api/scenarios").json(),
    )


def concrete(path: str, code: str) -> str:
    return re.sub(r"\{(\w+)(:\w+)?\}", lambda m: {"code": code, "pack_id": "tiny"}.get(m.group(1), "x"), path)


def bare_copy(client: TestClient) -> TestClient:
    """The same browser's cookies, sent by something that is not one of our pages (no same-site header)."""
    other = TestClient(client.app)
    other.cookies = client.cookies
    return other


def test_the_list_of_unsafe_routes_covers_the_doors_named_in_the_issue(client):
    routes = unsafe_routes(client.app)
    for door in ("/api/sessions/import", "/api/scenarios", "/api/sessions/{code}/follow-up"):
        assert ("POST", door) in routes
    assert ("DELETE", "/api/sessions/{code}") in routes
    assert len(routes) >= 7


@pytest.mark.parametrize("who", ["trainer", "seat"])
def test_every_unsafe_route_refuses_a_request_without_the_header(client, trainer, world, who):
    code, seat = world
    browser = bare_copy(trainer if who == "trainer" else seat)
    before = snapshot(trainer, code)
    for method, path in unsafe_routes(client.app):
        response = browser.request(method, concrete(path, code), json={"scenario_id": "tiny"})
        assert response.status_code == 403, (method, path, response.text)
        assert "X-NPLC header is missing" in response.json()["detail"], (method, path)
        assert "nothing was changed" in response.json()["detail"]
    assert snapshot(trainer, code) == before


@pytest.mark.parametrize("origin", [FOREIGN, "null", "http://testserver.evil.example", "https://testserver:8443"])
def test_every_unsafe_route_refuses_a_foreign_origin_even_with_the_header(client, trainer, world, origin):
    code, _ = world
    before = snapshot(trainer, code)
    for method, path in unsafe_routes(client.app):
        response = trainer.request(
            method, concrete(path, code), json={"scenario_id": "tiny"}, headers={"Origin": origin}
        )
        assert response.status_code == 403, (method, path, response.text)
        assert "another site" in response.json()["detail"]
    assert snapshot(trainer, code) == before


def test_a_form_posted_from_another_site_changes_nothing(trainer, world):
    """What a hostile page can make a browser send without script: a plain form, its cookies and its Origin."""
    code, _ = world
    before = snapshot(trainer, code)
    browser = bare_copy(trainer)
    for path in ("/api/sessions/import", "/api/scenarios", f"/api/sessions/{code}/follow-up", "/api/sessions"):
        response = browser.post(
            path,
            content="scenario_id=tiny",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": FOREIGN},
        )
        assert response.status_code == 403
    assert snapshot(trainer, code) == before


def test_our_own_pages_get_through(trainer, world):
    code, seat = world
    own = {"Origin": "http://testserver"}
    assert trainer.post("/api/sessions", json={"scenario_id": "tiny"}, headers=own).status_code == 201
    done = seat.post(f"/api/sessions/{code}/commands", json={"id": "a", "command": {"type": "raise-hand"}}, headers=own)
    assert done.status_code in (200, 409), done.text  # through the guard; the rules decide the rest
    assert trainer.delete(f"/api/sessions/{code}", headers=own).status_code == 204


def test_safe_requests_need_no_header(client, world):
    code, seat = world
    plain = bare_copy(seat)
    assert plain.get(f"/api/sessions/{code}/view").status_code == 200
    assert plain.get("/").status_code == 200


def test_the_frontend_sends_the_header_on_every_unsafe_request():
    """Every request the pages make that changes something goes through api.js's send()."""
    js = FRONTEND / "js"
    assert '"X-NPLC": "1"' in (js / "api.js").read_text()
    direct = [s.name for s in js.glob("*.js") if s.name != "api.js" and re.search(r"\bfetch\(", s.read_text())]
    assert direct == [], "these call fetch() directly; use send() from api.js"


def test_the_password_form_works_without_script_but_only_from_our_own_pages(client):
    """A plain form cannot send the header; the browser's Origin (always sent with a form POST) stands in."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    bare = TestClient(client.app)
    body = "name=admin&password=not-the-password"
    own = bare.post("/sign-in", content=body, headers={**form, "Origin": "http://testserver"})
    assert own.status_code == 403 and "do not match" in own.text  # through the guard, to the password check
    for origin in ({"Origin": FOREIGN}, {"Origin": "null"}, {}):
        refused = bare.post("/sign-in", content=body, headers={**form, **origin})
        assert refused.status_code == 403 and "nothing was changed" in refused.json()["detail"], origin
