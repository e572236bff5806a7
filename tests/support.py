"""Helpers shared by the API, websocket, restart and browser tests."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
# What frontend/js/api.js sends with every request that changes something; the server refuses such requests
# without it. Test clients that stand in for a page send it too.
PAGE_HEADERS = {"X-NPLC": "1"}


def page_client(server: LiveServer) -> httpx.Client:
    """An HTTP client standing in for one person's browser on the server's pages (own cookie jar)."""
    return httpx.Client(base_url=server.base_url, timeout=10, headers=PAGE_HEADERS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """`nplc serve` in a subprocess, as a trainer would start it; can be stopped, killed and started again."""

    def __init__(
        self,
        db_path: Path,
        scenarios: Path,
        port: int | None = None,
        database_url: str | None = None,
        env: dict[str, str] | None = None,
    ):
        self.db_path, self.scenarios = db_path, scenarios
        self.database_url = database_url or f"sqlite:///{db_path}"
        self.extra_env = env or {}
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.printed_sign_in_url = ""
        self._printed_unused = False
        self.process: subprocess.Popen | None = None
        self.output = ""

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NPLC_")} | self.extra_env
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app.cli",
                "serve",
                "--port",
                str(self.port),
                "--database",
                self.database_url,
                "--scenarios",
                str(self.scenarios),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.printed_sign_in_url = self._read_sign_in_link()
        self._printed_unused = True
        # Keep reading what the server prints, so a full pipe can never stall it.
        threading.Thread(target=self._drain, daemon=True).start()
        self._wait_healthy()

    @property
    def sign_in_url(self) -> str:
        """A sign-in link for the server's first administrator. Links work once, so the link the server
        printed is given out the first time, and after that a fresh one each time this is read."""
        if self._printed_unused:
            self._printed_unused = False
            return self.printed_sign_in_url
        from app.auth import new_sign_in_token
        from app.store.db import make_engine

        engine = make_engine(self.database_url)
        try:
            return f"{self.base_url}/sign-in?token={new_sign_in_token(engine, 15)}"
        finally:
            engine.dispose()

    def _drain(self) -> None:
        try:
            for line in self.process.stdout:
                self.output += line
        except (ValueError, OSError):  # closed by stop() or kill()
            pass

    def _read_sign_in_link(self) -> str:
        assert self.process and self.process.stdout
        for line in self.process.stdout:
            self.output += line
            found = re.search(r"Trainer sign-in link:\s+(\S+)", line)
            if found:
                return found.group(1)
        raise RuntimeError(f"the server stopped before printing its sign-in link:\n{self.output}")

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base_url}/api/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the server did not answer within 30 seconds")

    def kill(self) -> None:
        """Stops the process the hard way, as a power cut or an out-of-memory kill would."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        if self.process and self.process.stdout:
            self.process.stdout.close()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.process and self.process.stdout:
            self.process.stdout.close()


@contextmanager
def sign_in_client(server: LiveServer):
    with page_client(server) as http:
        response = http.get(server.sign_in_url.replace(server.base_url, ""), follow_redirects=False)
        assert response.status_code == 303, response.text
        yield http


def cookie_header(http) -> str:
    return "; ".join(f"{name}={value}" for name, value in http.cookies.items())


def send(http, code: str, command: dict, command_id: str | None = None, expect: int = 200) -> dict:
    response = http.post(
        f"/api/sessions/{code}/commands", json={"id": command_id or str(uuid.uuid4()), "command": command}
    )
    assert response.status_code == expect, response.text
    return response.json()


def join(http, code: str, name: str, agency: str) -> str:
    response = http.post(f"/api/sessions/{code}/join", json={"name": name, "agency": agency})
    assert response.status_code == 200, response.text
    return response.json()["seat_id"]


# Four people from two agencies of the tiny pack, so every pair is same-agency and the shuffle must move them.
TINY_ROSTER = [("Asha", "council-housing"), ("Ben", "council-housing"), ("Cai", "nhs"), ("Dee", "nhs")]


def board_meeting(trainer, code: str, seats: dict[str, object]) -> dict:
    """Pairs, shuffles (seed 7), runs read-in and opens the board with its budget item; returns the trainer's view."""
    send(trainer, code, {"type": "auto-pair"})
    send(trainer, code, {"type": "shuffle", "seed": 7})
    send(trainer, code, {"type": "start-phase", "phase": "read_in"})
    send(trainer, code, {"type": "start-phase", "phase": "board"})
    send(trainer, code, {"type": "open-item", "item_id": "budget"})
    return trainer.get(f"/api/sessions/{code}/view").json()


def seat_holding(view: dict, directorate: str) -> str | None:
    row = next(d for d in view["directorates"] if d["id"] == directorate)
    return row["director"]["id"] if row["director"] else None


def timeless(part):
    """A view part without the countdowns that tick between two reads of the same state."""
    if isinstance(part, list):
        return [timeless(x) for x in part]
    if isinstance(part, dict):
        return {k: timeless(v) for k, v in part.items() if k not in ("remaining", "now")}
    return part


TINY = ROOT / "tests" / "packs" / "tiny"


def edit(pack: Path, old: str, new: str) -> None:
    """Changes the first `old` in a pack's scenario.yaml to `new`, as an organiser editing it would."""
    path = pack / "scenario.yaml"
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
