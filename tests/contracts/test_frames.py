"""The websocket protocol as a real client meets it on a real server: every kind of frame in both directions
matches its contract and the committed JSON Schema, and every close code the server uses is in the protocol."""

from __future__ import annotations

import ast
import inspect
import json
import uuid
from contextlib import contextmanager

import jsonschema
import pytest
from pydantic import TypeAdapter, ValidationError
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from app.contracts.export import SCHEMA_FILE
from app.contracts.frames import ClientFrame, CloseCode
from app.realtime import hub as hub_module
from app.realtime import ws as ws_module
from tests.contracts.wire import check_frame
from tests.support import TINY_ROSTER, cookie_header, join, page_client, send

CLIENT_FRAME: TypeAdapter = TypeAdapter(ClientFrame)


@pytest.fixture(scope="module")
def schema() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))


@contextmanager
def socket(server, http, code: str, role: str = "seat", after: int = 0):
    url = f"ws://127.0.0.1:{server.port}/ws/{code}?as={role}&after={after}"
    with connect(url, additional_headers={"Cookie": cookie_header(http)}, origin=server.base_url) as ws:
        yield ws


class Recorder:
    """Keeps every frame sent and received, to check them all against the schema at the end."""

    def __init__(self):
        self.received: list[str] = []
        self.sent: list[str] = []

    def recv(self, ws) -> dict:
        text = ws.recv(timeout=5)
        self.received.append(text)
        return json.loads(text)

    def until(self, ws, kind: str) -> dict:
        while (frame := self.recv(ws))["type"] != kind:
            pass
        return frame

    def send(self, ws, frame: dict | str) -> None:
        text = frame if isinstance(frame, str) else json.dumps(frame)
        self.sent.append(text)
        ws.send(text)


def command(body: dict, frame_id: str | None = None) -> dict:
    return {"type": "command", "id": frame_id or str(uuid.uuid4()), "command": body}


def test_every_frame_in_both_directions_matches_the_contract_and_the_schema(server, server_trainer, schema):
    code = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browsers = [page_client(server) for _ in TINY_ROSTER]
    for browser, (name, agency) in zip(browsers, TINY_ROSTER, strict=True):
        join(browser, code, name, agency)
    log = Recorder()
    with (
        socket(server, server_trainer, code, "trainer") as trainer,
        socket(server, server_trainer, code, "projector") as projector,
        socket(server, browsers[0], code) as seat,
    ):
        first = [log.recv(ws) for ws in (trainer, projector, seat)]
        assert {f["view"]["viewer"] for f in first} == {"trainer", "projector", "seat"}
        log.send(trainer, {"type": "ping"})
        assert log.recv(trainer)["type"] == "pong"
        log.send(trainer, command({"type": "auto-pair"}, "pair-them"))
        assert log.until(trainer, "ack") | {"seq": 0} == {
            "type": "ack",
            "id": "pair-them",
            "seq": 0,
            "duplicate": False,
        }
        log.send(trainer, command({"type": "shuffle", "seed": 7}))
        log.until(trainer, "ack")
        log.send(seat, command({"type": "shuffle"}, "not-yours"))
        assert log.until(seat, "error")["id"] == "not-yours"
        log.send(seat, "{not json")
        assert log.until(seat, "error")["id"] is None
        log.send(projector, command({"type": "announce", "text": "Hello"}))
        log.until(projector, "error")  # after the updates for the pairs and the shuffle
    for after in (1, 10_000):  # what was missed, then a reset
        with socket(server, browsers[1], code, after=after) as late:
            assert log.recv(late)["reset"] is (after == 10_000)
    for browser in browsers:
        browser.close()

    assert {json.loads(t)["type"] for t in log.received} == {"sync", "delta", "ack", "error", "pong"}
    for text in log.received:
        check_frame(text)  # the plugin checked them too, as every websocket test's frames are
        assert not list(schema.iter_errors(json.loads(text))), text
    for text in log.sent:
        if text.startswith("{not"):
            continue
        CLIENT_FRAME.validate_json(text)
        schema.validate(json.loads(text))


MALFORMED = [
    {"type": "command", "command": {"type": "auto-pair"}},  # no id
    {"type": "command", "id": "", "command": {"type": "auto-pair"}},
    {"type": "command", "id": "x" * 81, "command": {"type": "auto-pair"}},
    {"type": "command", "id": "a"},  # no command
    {"type": "shout", "id": "b"},
    {"type": "command", "id": "c", "command": {"type": "auto-pair"}, "extra": 1},
]


@pytest.mark.parametrize("frame", MALFORMED, ids=range(len(MALFORMED)))
def test_a_frame_the_contract_refuses_gets_an_error_and_changes_nothing(server, server_trainer, schema, frame):
    with pytest.raises(ValidationError):
        CLIENT_FRAME.validate_python(frame)
    assert list(schema.iter_errors(frame))
    code = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    with socket(server, server_trainer, code, "trainer") as ws:
        seq = json.loads(ws.recv(timeout=5))["seq"]
        ws.send(json.dumps(frame))
        answer = json.loads(ws.recv(timeout=5))
    assert answer["type"] == "error" and answer["message"]
    assert server_trainer.get(f"/api/sessions/{code}/view").json()["session"]["seq"] == seq


def test_an_unknown_session_is_told_so_then_closed_with_its_code(server, server_trainer):
    with socket(server, server_trainer, "NOSUCH", "trainer") as ws:
        assert json.loads(ws.recv(timeout=5))["type"] == "error"
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=5)
    assert closed.value.rcvd.code == CloseCode.UNKNOWN_SESSION


def _close_codes_in(module) -> set[int]:
    """Every code the module's source passes to a `close(...)` call, by literal or by module-level name
    (a code carried in a variable is found where it is set)."""
    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "close" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant):
                found.add(arg.value)
            elif isinstance(arg, ast.Name) and isinstance(getattr(module, arg.id, None), int):
                found.add(getattr(module, arg.id))
    return found


def test_the_close_codes_the_server_uses_are_the_protocol_s():
    used = _close_codes_in(ws_module) | _close_codes_in(hub_module)
    assert used == {int(c) for c in CloseCode}


def test_the_trainer_s_http_commands_and_socket_commands_share_one_contract(server, server_trainer):
    """A command that fits the contract over the socket is the same command the HTTP API takes."""
    code = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    frame = command({"type": "announce", "text": "Coffee is ready"})
    CLIENT_FRAME.validate_python(frame)
    assert send(server_trainer, code, frame["command"], frame["id"])["duplicate"] is False
    with socket(server, server_trainer, code, "trainer") as ws:
        json.loads(ws.recv(timeout=5))
        ws.send(json.dumps(frame))
        assert json.loads(ws.recv(timeout=5)) | {"seq": 0} == {
            "type": "ack",
            "id": frame["id"],
            "seq": 0,
            "duplicate": True,
        }
