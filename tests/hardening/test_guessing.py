"""Guessing session codes is slowed down per browser, so one person mistyping never locks out a venue."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import iter_route_contexts

from app.api.guessing import FREE_MISSES, MAX_WAIT, GuessGuard
from tests.hardening.conftest import new_session


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_each_miss_past_the_free_ones_doubles_the_wait_up_to_a_cap():
    clock = Clock()
    guard = GuessGuard(clock=clock, address_limit=10_000)
    for _ in range(FREE_MISSES):
        guard.missed("browser:a", "10.0.0.1")
    assert guard.wait("browser:a", "10.0.0.1") == 0
    waits = []
    for _ in range(12):
        guard.missed("browser:a", "10.0.0.1")
        waits.append(guard.wait("browser:a", "10.0.0.1"))
    assert waits[:4] == [2, 4, 8, 16] and waits[-1] == MAX_WAIT
    assert guard.wait("browser:b", "10.0.0.1") == 0  # the next browser at the same address is not held up
    clock.now += MAX_WAIT + 1
    assert guard.wait("browser:a", "10.0.0.1") == 0
    guard.missed("browser:a", "10.0.0.1")  # still counting: one more miss and it waits the longest again
    assert guard.wait("browser:a", "10.0.0.1") == MAX_WAIT
    clock.now += 601  # ten quiet minutes and it starts again
    assert guard.wait("browser:a", "10.0.0.1") == 0
    guard.missed("browser:a", "10.0.0.1")
    assert guard.wait("browser:a", "10.0.0.1") == 0


def test_an_address_with_many_browser_ids_is_capped_per_minute():
    clock = Clock()
    guard = GuessGuard(clock=clock, address_limit=30)
    for n in range(30):
        guard.missed(f"browser:{n}", "10.0.0.1")
    assert guard.wait("browser:fresh", "10.0.0.1") == 60
    assert guard.wait("browser:fresh", "10.0.0.2") == 0
    clock.now += 60
    assert guard.wait("browser:fresh", "10.0.0.1") == 0


def test_one_person_mistyping_at_a_venue_lets_the_other_39_in(venue):
    trainer, browser = venue
    code = new_session(trainer)
    clumsy = browser()
    for n in range(70):  # more than the whole address used to be allowed
        clumsy.get(f"/api/sessions/{code[:5]}{n % 10}/lobby")
    assert clumsy.get(f"/api/sessions/{code}/lobby").status_code == 429
    for n in range(39):
        person = browser()
        assert person.get(f"/api/sessions/{code}/lobby").status_code == 200
        joined = person.post(f"/api/sessions/{code}/join", json={"name": f"Person {n}", "agency": "resident"})
        assert joined.status_code == 200, joined.text
    assert len(trainer.get(f"/api/sessions/{code}/view").json()["seats"]) == 39


def test_a_seated_browser_is_never_held_up_in_its_own_session(venue):
    trainer, browser = venue
    code = new_session(trainer)
    seated = browser()
    assert seated.post(f"/api/sessions/{code}/join", json={"name": "Asha", "agency": "nhs"}).status_code == 200
    for n in range(FREE_MISSES * 2):
        seated.get(f"/api/sessions/QQQQQ{n % 10}/lobby")
    assert seated.get("/api/sessions/QQQQQ0/lobby").status_code == 429
    for path in ("lobby", "view", "documents", "minutes"):
        assert seated.get(f"/api/sessions/{code}/{path}").status_code == 200, path
    assert seated.get(f"/play/{code}/pack").status_code == 200
    assert trainer.get("/api/sessions/QQQQQ0/lobby").status_code == 404  # nor is the trainer


def test_a_script_without_cookies_is_slowed_and_told_how_long(venue):
    trainer, browser = venue
    code = new_session(trainer)
    script = browser(home_page=False)
    for n in range(FREE_MISSES + 1):
        script.cookies.clear()
        assert script.get(f"/api/sessions/ZZZZZ{n % 10}/lobby").status_code == 404
    script.cookies.clear()
    held = script.get(f"/api/sessions/{code}/lobby")
    assert held.status_code == 429 and held.headers["retry-after"] == "2"
    assert "Wait 2 seconds" in held.json()["detail"]


def test_fresh_browser_ids_do_not_buy_unlimited_guesses(venue):
    trainer, browser = venue
    code = new_session(trainer)
    trainer.app.state.guard = GuessGuard(address_limit=25)
    statuses = []
    for n in range(40):
        guesser = browser()  # a new browser id for every guess
        statuses.append(guesser.get(f"/api/sessions/ZZZ{n:03d}/lobby").status_code)
    assert statuses[:25] == [404] * 25 and set(statuses[25:]) == {429}
    assert browser().get(f"/api/sessions/{code}/lobby").status_code == 429  # no hit is revealed while held


def test_a_client_cannot_dodge_the_guard_by_claiming_another_address(venue):
    trainer, browser = venue
    new_session(trainer)
    script = browser(home_page=False)
    for n in range(FREE_MISSES + 3):
        script.cookies.clear()
        forged = {"X-Forwarded-For": f"198.51.100.{n}", "X-Real-IP": f"198.51.100.{n}"}
        last = script.get(f"/api/sessions/ZZZZZ{n % 10}/lobby", headers=forged)
    assert last.status_code == 429


def test_a_trusted_proxy_is_believed_about_the_address(roomy_settings):
    from fastapi.testclient import TestClient

    from app.main import build_services, create_app

    settings = roomy_settings.model_copy(update={"trusted_proxies": "testclient"})
    app = create_app(settings)
    app.state.services = build_services(settings)
    app.state.guard = GuessGuard(address_limit=5)
    with TestClient(app) as proxy:
        for n in range(5):
            proxy.cookies.clear()
            proxy.get(f"/api/sessions/ZZZZZ{n}/lobby", headers={"X-Forwarded-For": "203.0.113.1"})
        proxy.cookies.clear()
        assert proxy.get("/api/sessions/ZZZZZ9/lobby", headers={"X-Forwarded-For": "203.0.113.1"}).status_code == 429
        assert proxy.get("/api/sessions/ZZZZZ9/lobby", headers={"X-Forwarded-For": "203.0.113.2"}).status_code == 404


def routes_with_a_code(app):
    return [
        (method, route.path)
        for route in iter_route_contexts(app.routes)
        if route.path and "{code}" in route.path
        for method in sorted(route.methods or ())
        if method != "HEAD"
    ]


@pytest.mark.parametrize("who", ["stranger", "seat elsewhere"])
def test_while_held_no_route_taking_a_code_tells_a_real_code_from_a_wrong_one(venue, who):
    trainer, browser = venue
    code, other = new_session(trainer), new_session(trainer)
    guesser = browser()
    if who == "seat elsewhere":
        assert guesser.post(f"/api/sessions/{other}/join", json={"name": "Ed", "agency": "resident"}).status_code == 200
    for n in range(FREE_MISSES + 1):
        guesser.get(f"/api/sessions/ZZZZZ{n % 10}/lobby")
    routes = routes_with_a_code(trainer.app)
    assert len(routes) >= 15
    for method, path in routes:
        answers = []
        for each in (code, "ZZZZZ9"):
            url = re.sub(r"\{code\}", each, path)
            url = re.sub(r"\{\w+(:\w+)?\}", "x", url)
            response = guesser.request(method, url, json={})
            answers.append((response.status_code, response.text.replace(each, "CODE")))
        assert answers[0] == answers[1], (method, path, answers)
