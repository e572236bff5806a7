"""The server's log: one configuration, a request id on every line of a request, one line per failure, and
never a secret (a sign-in token in a link, a database password)."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
import time
import warnings
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from app import logs
from app.api.request_ids import request_id_from
from tests.support import ROOT, free_port

TEST_PACKS = Path(__file__).parent / "packs"


@pytest.fixture
def log_lines():
    """The app's logging set up as `nplc serve --log-json` sets it up, written to a buffer; put back after."""
    root = logging.getLogger()
    names = ("uvicorn", "uvicorn.error", "uvicorn.access", "nplc", "nplc.http", "py.warnings")
    saved = (root.handlers[:], root.level, {n: logging.getLogger(n).__dict__.copy() for n in names})
    buffer = io.StringIO()
    logs.configure(json_lines=True)
    root.handlers[0].setStream(buffer)

    def lines() -> list[dict]:
        return [json.loads(line) for line in buffer.getvalue().splitlines()]

    yield lines
    logging.captureWarnings(False)
    root.handlers[:], root.level = saved[0], saved[1]
    for name, state in saved[2].items():
        logging.getLogger(name).__dict__.update(state)


def test_a_failing_request_is_one_line_with_its_request_id_and_no_token(client: TestClient, log_lines):
    def fails() -> None:
        raise ValueError("could not use /sign-in?token=SeCrEt-sign-in-token-0123456789 password=hunter2")

    client.app.add_api_route("/api/fails", fails)
    with TestClient(client.app, raise_server_exceptions=False) as http:
        response = http.get("/api/fails", headers={"X-Request-ID": "venue-wifi-0042"})
    assert response.status_code == 500
    assert "Something went wrong" in response.json()["detail"] and "Traceback" not in response.text
    # uvicorn writes its own copy of the same failure when it runs the app; that copy is dropped.
    try:
        raise ValueError("again")
    except ValueError as error:
        logging.getLogger("uvicorn.error").error("Exception in ASGI application\n", exc_info=error)

    mine = [line for line in log_lines() if line["request_id"] == "venue-wifi-0042"]
    assert len(mine) == 1, mine
    (line,) = mine
    assert line["level"] == "ERROR" and line["message"].startswith("GET /api/fails failed: ValueError")
    assert "Traceback" in line["exc_info"]
    everything = json.dumps(log_lines())
    assert "SeCrEt-sign-in-token" not in everything and "hunter2" not in everything
    assert "token=[redacted]" in line["message"] and "token=[redacted]" in line["exc_info"]
    assert "Exception in ASGI application" not in everything


def test_a_library_warning_is_a_log_line_with_its_request_id(log_lines):
    token = logs.REQUEST_ID.set("warned-0001")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn("an old way of doing things", DeprecationWarning, stacklevel=1)
    finally:
        logs.REQUEST_ID.reset(token)
    (line,) = [line for line in log_lines() if line["request_id"] == "warned-0001"]
    assert line["logger"] == "py.warnings" and "an old way of doing things" in line["message"]


def test_each_accepted_websocket_writes_no_line_but_a_refused_one_does(log_lines):
    """A reconnect storm is 2,000 accepted sockets: uvicorn's line for each says nothing a trainer acts on."""
    uvicorn = logging.getLogger("uvicorn.error")
    uvicorn.info('%s - "WebSocket %s" [accepted]', "10.0.0.7:5000", "/ws/ABCDEF?as=seat")
    uvicorn.info('%s - "WebSocket %s" 403', "10.0.0.8:5000", "/ws/ABCDEF?as=seat")
    uvicorn.warning('%s - "WebSocket %s" [accepted]', "10.0.0.9:5000", "/ws/ABCDEF?as=seat")  # not INFO: kept
    messages = [line["message"] for line in log_lines()]
    assert messages == [
        '10.0.0.8:5000 - "WebSocket /ws/ABCDEF?as=seat" 403',
        '10.0.0.9:5000 - "WebSocket /ws/ABCDEF?as=seat" [accepted]',
    ]


def test_each_request_gets_an_id_sent_back_and_on_its_log_line(client: TestClient, log_lines):
    given = client.get("/api/health", headers={"X-Request-ID": "abcdef12-3456"})
    assert given.headers["x-request-id"] == "abcdef12-3456"
    made = client.get("/api/health")
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])
    other = client.get("/api/health")
    assert other.headers["x-request-id"] != made.headers["x-request-id"]
    for request_id in ("abcdef12-3456", made.headers["x-request-id"]):
        (line,) = [line for line in log_lines() if line["request_id"] == request_id]
        assert line["logger"] == "nplc.http" and line["message"].startswith("GET /api/health 200")


@pytest.mark.parametrize(
    "sent",
    ["<script>alert(1)</script>", "a" * 65, "short", "two words here", "id\r\nX-Injected: 1", "ünïcode-id-123"],
)
def test_an_unsafe_incoming_request_id_is_replaced(sent: str):
    made = request_id_from({"headers": [(b"x-request-id", sent.encode("utf-8"))]})
    assert made != sent and re.fullmatch(r"[0-9a-f]{32}", made)


def test_start_up_says_how_many_old_sessions_the_retention_purge_deleted(trainer: TestClient, settings, caplog):
    from sqlalchemy import text

    from app.main import build_services

    old = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    recent = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    engine = trainer.app.state.services.live.engine
    with engine.begin() as db:
        db.execute(text("UPDATE sessions SET created_at = created_at - 91 * 86400 WHERE code = :c"), {"c": old})
    with caplog.at_level(logging.INFO, logger="nplc"):
        build_services(settings).live.engine.dispose()
    purge = [r.getMessage() for r in caplog.records if r.getMessage().startswith("retention:")]
    assert purge == ["retention: deleted 1 session(s) older than 90 days"]
    with engine.begin() as db:
        assert [row[0] for row in db.execute(text("SELECT code FROM sessions"))] == [recent]


def test_redaction_blanks_tokens_cookies_and_database_passwords():
    text = (
        "GET /sign-in?token=Abc_123-xyz&next=/trainer cookie=nplc_trainer=s3cr3t "
        "postgresql+psycopg://nplc:pa55word@db.example/nplc nplc_seat_ABC=signed.value"
    )
    cleaned = logs.redact(text)
    for secret in ("Abc_123-xyz", "s3cr3t", "pa55word", "signed.value"):
        assert secret not in cleaned
    assert "next=/trainer" in cleaned and "postgresql+psycopg://nplc:[redacted]@db.example/nplc" in cleaned


def _start(tmp_path: Path, scenarios: Path, *flags: str) -> tuple[subprocess.Popen, str, Path]:
    port = free_port()
    stderr = tmp_path / "stderr.log"
    with stderr.open("w") as sink:
        process = _popen(port, tmp_path, sink, "--scenarios", str(scenarios), *flags)
    link = ""
    for line in process.stdout:
        if found := re.search(r"Trainer sign-in link:\s+(\S+)", line):
            link = found[1]
            break
    assert link, stderr.read_text()
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    return process, link, stderr


def _popen(port: int, tmp_path: Path, sink, *flags: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NPLC_")}
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--database", f"sqlite:///{tmp_path / 'd.db'}"]
        + list(flags),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=sink,
        text=True,
    )


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(10)
    process.stdout.close()


def test_a_served_day_logs_json_lines_without_the_sign_in_token(tmp_path: Path):
    process, link, stderr = _start(tmp_path, TEST_PACKS, "--log-json")
    token = link.split("token=")[1]
    base = link.split("/sign-in")[0]
    try:
        with httpx.Client(base_url=base, timeout=10) as http:
            assert http.get(f"/sign-in?token={token}", follow_redirects=False).status_code == 303
            assert http.get(f"/trainer-sign-in?token={token}x", follow_redirects=False).status_code == 403
            assert http.get(f"/sign-in?next=/&token={token}", headers={"X-Request-ID": "sign-in-0001"}).status_code
            tried = http.post("/sign-in", data={"name": "mallory", "password": "pa55-never-logged"})
            assert tried.status_code == 403
            health = http.get("/api/health", headers={"X-Request-ID": "health-check-01"})
            assert health.headers["x-request-id"] == "health-check-01"
    finally:
        _stop(process)
    written = stderr.read_text()
    assert token not in written and "pa55-never-logged" not in written
    lines = [json.loads(line) for line in written.splitlines()]
    assert all({"time", "level", "logger", "message", "request_id"} <= set(line) for line in lines)
    messages = [line["message"] for line in lines]
    assert any(m.startswith("database: sqlite:///") for m in messages)
    assert "scenario packs loaded: tiny" in messages
    assert "retention: deleted 0 session(s) older than 90 days" in messages
    (health_line,) = [line for line in lines if line["request_id"] == "health-check-01"]
    assert health_line["message"].startswith("GET /api/health 200") and health_line["logger"] == "nplc.http"
    (signed_in,) = [line for line in lines if line["request_id"] == "sign-in-0001"]
    assert signed_in["message"].startswith("GET /sign-in 403")  # a link works once
    assert not [line for line in lines if line["level"] in ("WARNING", "ERROR")], lines


def test_a_served_day_logs_plain_text_by_default_and_names_a_broken_pack(tmp_path: Path):
    packs = tmp_path / "packs"
    (packs / "broken").mkdir(parents=True)
    (packs / "broken" / "scenario.yaml").write_text("id: broken\ntitle: [unclosed\n")
    (packs / "tiny").symlink_to(TEST_PACKS / "tiny")
    process, _, stderr = _start(tmp_path, packs)
    _stop(process)
    written = stderr.read_text()
    assert not written.lstrip().startswith("{")
    assert re.search(r"INFO +nplc \[-\] retention: deleted 0 session\(s\) older than 90 days", written)
    assert (
        "WARNING nplc [-] Skipped the scenario pack 'broken'; fix this and restart to use it: broken/scenario.yaml:"
        in written
    )
