"""Security headers on every answer; cookies Secure over HTTPS; forwarded headers believed only from a
configured proxy."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.auth import new_sign_in_token
from app.main import build_services, create_app

PATHS = [
    "/",
    "/trainer",
    "/play/ABCDEF",
    "/static/js/api.js",
    "/static/css/app.css",
    "/api/health",
    "/api/sessions",  # 401 for a stranger
    "/api/sessions/NOSUCH/lobby",  # 404
    "/no/such/page",
    "/sign-in?token=wrong",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


def test_refusals_before_the_app_carry_them_too(client):
    refused = client.post("/api/sessions", json={}, headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403 and refused.headers["x-frame-options"] == "DENY"


def test_server_rendered_pages_have_no_inline_script(trainer):
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    for path in (f"/play/{code}/pack", f"/trainer/{code}/minutes"):
        page = trainer.get(path).text
        assert "onclick=" not in page and "<script>" not in page, path


def sign_in(client: TestClient, **headers) -> str:
    token = new_sign_in_token(client.app.state.services.live.engine, 5)
    response = client.get(f"/sign-in?token={token}", headers=headers, follow_redirects=False)
    assert response.status_code == 303
    return response.headers["set-cookie"]


def app_for(settings, **changes):
    settings = settings.model_copy(update=changes)
    app = create_app(settings)
    app.state.services = build_services(settings)
    return app


def test_cookies_are_not_secure_over_plain_http(client):
    assert "secure" not in sign_in(client).lower()


def test_cookies_are_secure_over_https(settings):
    with TestClient(app_for(settings), base_url="https://testserver") as https:
        assert "; Secure" in sign_in(https)


def test_a_trusted_proxy_saying_https_makes_cookies_secure(settings):
    with TestClient(app_for(settings, trusted_proxies="testclient")) as behind_proxy:
        assert "; Secure" in sign_in(behind_proxy, **{"X-Forwarded-Proto": "https"})


def test_an_untrusted_client_cannot_claim_https(settings):
    with TestClient(app_for(settings)) as direct:
        assert "secure" not in sign_in(direct, **{"X-Forwarded-Proto": "https"}).lower()
