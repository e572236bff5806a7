"""Fixtures: an app on a fresh SQLite file, a real server in a subprocess, and the packs they load."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings

from app.config import Settings
from app.main import build_services, create_app
from tests.support import LiveServer, sign_in_client

TESTS = Path(__file__).parent
TEST_PACKS = TESTS / "packs"
SHIPPED_PACKS = TESTS.parent / "scenarios"
IN_CI = os.environ.get("CI") == "true"

# In CI the property tests draw the same examples every run, so a red build is always reproducible;
# locally they keep exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if IN_CI:
    hypothesis_settings.load_profile("ci")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'test.db'}",
        scenarios_dir=TEST_PACKS,
        secret_key="k" * 40,
        public_url="http://testserver",
    )


@pytest.fixture
def client(settings: Settings):
    """An httpx-based client on the app, not yet signed in."""
    app = create_app(settings)
    app.state.services = build_services(settings)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def trainer(client: TestClient, settings: Settings) -> TestClient:
    """The same client, signed in as the trainer through a real sign-in link."""
    from app.auth import new_sign_in_token

    token = new_sign_in_token(client.app.state.services.live.engine, 5)
    response = client.get(f"/sign-in?token={token}", follow_redirects=False)
    assert response.status_code == 303
    return client


@pytest.fixture
def participant(client: TestClient):
    """Makes a separate browser (own cookie jar) on the same app."""
    made = []

    def make() -> TestClient:
        other = TestClient(client.app)
        made.append(other)
        return other

    yield make


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real `nplc serve` process on a free port with the tiny test pack."""
    live = LiveServer(tmp_path_factory.mktemp("server") / "nplc.db", TEST_PACKS)
    live.start()
    yield live
    live.stop()


@pytest.fixture
def server_trainer(server: LiveServer):
    with sign_in_client(server) as http:
        yield http
