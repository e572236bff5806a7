"""On a venue network the join address must work from participants' laptops, or the server says why not."""

import time

import pytest
from fastapi.testclient import TestClient

from app.main import build_services, create_app
from app.reach import venue_warning
from tests.conftest import TEST_PACKS, copy_of
from tests.support import PAGE_HEADERS, LiveServer, sign_in_client


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"])
def test_bound_to_this_computer_the_warning_gives_the_command_to_run_instead(url):
    warning = venue_warning("127.0.0.1", url)
    assert "laptops on the venue network cannot reach this address" in warning
    assert warning.endswith("nplc serve --host 0.0.0.0")


def test_no_warning_when_the_join_address_is_on_the_network():
    assert venue_warning("0.0.0.0", "http://192.168.1.20:8000") is None
    assert venue_warning("::", "http://10.0.0.5:8000") is None
    # Behind a proxy on the same machine: the public address is what participants use.
    assert venue_warning("127.0.0.1", "https://plc.example.org") is None


def test_a_loopback_public_url_while_listening_everywhere_is_named():
    warning = venue_warning("0.0.0.0", "http://localhost:8000")
    assert "http://localhost:8000" in warning and "NPLC_PUBLIC_URL" in warning


def lobby_with(settings, public_url: str, host: str) -> dict:
    settings = settings.model_copy(update={"public_url": public_url, "host": host})
    app = create_app(settings)
    app.state.services = build_services(settings)
    with TestClient(app, headers=dict(PAGE_HEADERS)) as http:
        from app.auth import new_sign_in_token

        token = new_sign_in_token(app.state.services.live.engine, 5)
        assert http.get(f"/sign-in?token={token}", follow_redirects=False).status_code == 303
        code = http.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
        return http.get(f"/api/sessions/{code}/lobby").json()


def test_the_console_is_told_when_participants_cannot_reach_the_join_address(settings):
    lobby = lobby_with(settings, "http://127.0.0.1:8000", "127.0.0.1")
    assert lobby["reachable"] is False
    assert "nplc serve --host 0.0.0.0" in lobby["reach_warning"]
    lobby = lobby_with(settings, "http://192.168.1.20:8000", "0.0.0.0")
    assert lobby["reachable"] is True and lobby["reach_warning"] is None


def printed(live: LiveServer) -> str:
    deadline = time.monotonic() + 30
    while "Scenarios:" not in live.output and time.monotonic() < deadline:
        time.sleep(0.05)
    return live.output


def test_serve_on_loopback_prints_the_trainer_link_first_and_says_how_to_reach_laptops(server):
    output = printed(server)
    lines = output.splitlines()
    first = next(i for i, line in enumerate(lines) if "Trainer sign-in link:" in line)
    join = next(i for i, line in enumerate(lines) if "Participants join at:" in line)
    assert "Open this first" in lines[first - 1] and first < join
    assert [line for line in lines if "http" in line and "/sign-in?token=" in line] == [lines[first]]
    warning = next(line for line in lines if "Warning:" in line)
    assert "laptops on the venue network cannot reach this address" in warning
    assert "nplc serve --host 0.0.0.0" in warning
    with sign_in_client(server) as http:
        code = http.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
        assert http.get(f"/api/sessions/{code}/lobby").json()["reachable"] is False


def test_serve_on_all_interfaces_warns_about_a_loopback_public_url(tmp_path, template_db):
    live = LiveServer(
        copy_of(template_db, tmp_path / "nplc.db"),
        TEST_PACKS,
        env={"NPLC_HOST": "0.0.0.0", "NPLC_PUBLIC_URL": "http://localhost:9"},
    )
    live.start()
    try:
        output = printed(live)
    finally:
        live.stop()
    assert "Participants join at:  http://localhost:9" in output
    assert "NPLC_PUBLIC_URL" in next(line for line in output.splitlines() if "Warning:" in line)
