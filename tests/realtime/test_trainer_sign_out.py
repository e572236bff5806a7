"""Signing out and revoking reach open websockets, and a revoked cookie stays refused after a restart."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from tests.conftest import TEST_PACKS
from tests.support import PAGE_HEADERS, ROOT, LiveServer, cookie_header, sign_in_client


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sign-out")
    live = LiveServer(folder / "nplc.db", TEST_PACKS, env={"NPLC_TRAINER_RECHECK_SECONDS": "0.2"})
    live.start()
    yield live
    live.stop()


def trainer_socket(server, http, code: str):
    url = f"ws://127.0.0.1:{server.port}/ws/{code}?as=trainer"
    return connect(url, additional_headers={"Cookie": cookie_header(http)}, origin=server.base_url, open_timeout=5)


def closed_with(ws) -> int:
    """Reads until the server closes the socket; returns the close code."""
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            ws.recv(timeout=10)
    return closed.value.rcvd.code


def nplc(server, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", *args, "--database", server.database_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def test_signing_out_closes_that_browsers_open_connections_only(server):
    with sign_in_client(server) as laptop, sign_in_client(server) as tablet:
        code = laptop.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
        with trainer_socket(server, laptop, code) as mine, trainer_socket(server, tablet, code) as other:
            mine.recv(timeout=5), other.recv(timeout=5)  # each gets its sync
            cookies = cookie_header(laptop)
            assert laptop.post("/api/sign-out").status_code == 204
            assert closed_with(mine) == 1008
            other.send('{"type": "ping"}')
            assert '"pong"' in other.recv(timeout=5)
        with pytest.raises(InvalidStatus) as refused:  # refused before the socket opens
            connect(
                f"ws://127.0.0.1:{server.port}/ws/{code}?as=trainer",
                additional_headers={"Cookie": cookies},
                origin=server.base_url,
                open_timeout=5,
            )
        assert refused.value.response.status_code == 403


def test_nplc_trainer_revoke_from_another_process_closes_open_connections(server):
    nplc(server, "trainer", "add", "Bea")
    link = nplc(server, "sign-in", "Bea").strip()
    with httpx.Client(base_url=server.base_url, timeout=10, headers=dict(PAGE_HEADERS)) as bea:
        assert bea.get("/sign-in?" + link.split("?", 1)[1], follow_redirects=False).status_code == 303
        code = bea.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
        with trainer_socket(server, bea, code) as ws:
            ws.recv(timeout=5)
            assert "1 browser" in nplc(server, "trainer", "revoke", "Bea")
            assert closed_with(ws) == 1008
        assert bea.get("/api/sessions").status_code == 401


def test_a_revoked_cookie_stays_refused_after_a_restart_and_a_kept_one_still_works(server):
    kept = httpx.Client(base_url=server.base_url, timeout=10, headers=dict(PAGE_HEADERS))
    revoked = httpx.Client(base_url=server.base_url, timeout=10, headers=dict(PAGE_HEADERS))
    for http in (kept, revoked):
        assert http.get(server.sign_in_url, follow_redirects=False).status_code == 303
    stolen = dict(revoked.cookies)
    assert revoked.post("/api/sign-out").status_code == 204

    server.kill()
    server.start()

    assert kept.get("/api/sessions").status_code == 200  # the key lives in its file, so cookies outlive restarts
    with httpx.Client(base_url=server.base_url, timeout=10, cookies=stolen, headers=dict(PAGE_HEADERS)) as replay:
        assert replay.get("/api/sessions").status_code == 401
    kept.close()
    revoked.close()
