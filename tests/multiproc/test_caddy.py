"""deploy/Caddyfile in front of two real server processes: websockets pass through and commands are shared out.

Runs only where the `caddy` binary is installed (Debian: `apt-get install caddy`). The Caddyfile is the one
docker-compose.yml mounts; only its site address and upstream names are swapped for this machine's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from contextlib import ExitStack

import httpx
import pytest
from websockets.sync.client import connect

from tests.conftest import IN_CI
from tests.multiproc.test_two_servers import told
from tests.store.test_migrate_once import run_together
from tests.support import PAGE_HEADERS, ROOT, LiveServer, cookie_header, free_port

CADDY = shutil.which("caddy")
pytestmark = [
    pytest.mark.postgres,
    # In CI a missing proxy is a failure, not a skip (.ci/run installs it).
    pytest.mark.skipif(CADDY is None and not IN_CI, reason="caddy is not installed here"),
]
SOCKETS = 4
COMMANDS = 30


def local_caddyfile(apps: list[LiveServer], port: int) -> str:
    """The deployment's Caddyfile, with the compose service names swapped for the local servers' ports."""
    text = (ROOT / "deploy" / "Caddyfile").read_text()
    upstreams = " ".join(f"127.0.0.1:{app.port}" for app in apps)
    text, swapped = re.subn(r"reverse_proxy app1:8000 app2:8000", f"reverse_proxy {upstreams}", text)
    assert swapped == 1
    return "{\n\tadmin off\n}\n\n" + text.replace("{$NPLC_DOMAIN}", f"http://127.0.0.1:{port}")


@pytest.fixture
def behind_caddy(postgres_url, tmp_path):
    env = {"NPLC_KEY_FILE": str(tmp_path / "nplc-secret.key"), "NPLC_TRUSTED_PROXIES": "127.0.0.1"}
    apps = [
        LiveServer(tmp_path / f"unused-{n}.db", ROOT / "tests" / "packs", database_url=postgres_url, env=env)
        for n in (1, 2)
    ]
    port = free_port()
    config = tmp_path / "Caddyfile"
    if CADDY is None:
        pytest.fail("caddy is not installed: `apt-get install caddy` (.ci/run does)")
    config.write_text(local_caddyfile(apps, port))
    caddy = None
    try:
        run_together([app.start for app in apps])
        home = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
        caddy = subprocess.Popen(
            [CADDY, "run", "--config", str(config), "--adapter", "caddyfile"],
            env=os.environ | home,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        wait_until_answering(base)
        yield base, apps
    finally:
        if caddy:
            caddy.terminate()
            caddy.wait(10)
        for app in apps:
            app.stop()


def wait_until_answering(base: str) -> None:
    for _ in range(300):
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError("caddy did not answer")


def announce_through(http: httpx.Client, code: str) -> list[int]:
    """Sends the announcements one after another (each to the next process in turn); returns their seqs."""
    acked = []
    for n in range(COMMANDS):
        command = {"type": "announce", "text": f"{n}"}
        response = http.post(f"/api/sessions/{code}/commands", json={"id": f"c{n}", "command": command})
        assert response.status_code == 200, response.text
        acked.append(response.json()["seq"])
    return acked


def test_screens_and_commands_through_caddy_see_every_event_once(behind_caddy):
    base, apps = behind_caddy
    with httpx.Client(base_url=base, headers=PAGE_HEADERS, timeout=10) as http:
        link = apps[0].printed_sign_in_url.replace(apps[0].base_url, "")
        assert http.get(link, follow_redirects=False).status_code == 303
        code = http.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
        cookie = {"Cookie": cookie_header(http)}
        ws_base = base.replace("http://", "ws://")
        with ExitStack() as opened:
            sockets = [
                opened.enter_context(
                    connect(
                        f"{ws_base}/ws/{code}?as=trainer&after=0",
                        additional_headers=cookie,
                        origin=base,
                        open_timeout=10,
                    )
                )
                for _ in range(SOCKETS)  # round robin: half on each process
            ]
            acked = announce_through(http, code)
            seen = [told(ws, acked[-1]) for ws in sockets]
    assert acked == list(range(2, 2 + COMMANDS))
    expected = [(1, "session-created", "")] + [(seq, "announced", str(n)) for n, seq in enumerate(acked)]
    assert seen == [expected] * SOCKETS
    # Caddy shared the commands out, so every screen heard some of them through the doorbell.
    taken = [app.output.count(f"POST /api/sessions/{code}/commands 200") for app in apps]
    assert sum(taken) == COMMANDS and min(taken) > 0, taken
