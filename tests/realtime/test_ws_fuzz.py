"""Random frames (any JSON, any text, any bytes, commands with random fields) thrown at a real server: it
answers every one, stays up, and nothing changes."""

from __future__ import annotations

import json
import typing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.commands import AnyCommand
from tests.realtime.test_websocket import receive, socket
from tests.support import TINY_ROSTER, join, page_client


def command_types() -> list[str]:
    union = typing.get_args(typing.get_args(AnyCommand)[0])
    return sorted(typing.get_args(model.model_fields["type"].annotation)[0] for model in union)


COMMAND_TYPES = command_types()

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
commands = st.fixed_dictionaries({"type": st.sampled_from(COMMAND_TYPES)}).flatmap(
    lambda base: st.dictionaries(
        st.sampled_from(
            [
                "seat_id",
                "motion_id",
                "choice",
                "text",
                "amount",
                "seed",
                "phase",
                "item_id",
                "to_pair",
                "name",
                "agency",
                "position",
                "minutes",
            ]
        ),
        json_values,
        max_size=4,
    ).map(lambda extra: {**extra, **base})
)
frames = (
    json_values.map(lambda v: json.dumps(v))
    | st.fixed_dictionaries({"type": st.just("command"), "id": st.text(max_size=90), "command": commands}).map(
        json.dumps
    )
    | st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
    | st.binary(max_size=200)
)


@pytest.fixture
def seat(server, server_trainer):
    code = server_trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browser = page_client(server)
    join(browser, code, *TINY_ROSTER[0])
    yield code, browser
    browser.close()


def test_random_frames_are_answered_and_change_nothing(server, server_trainer, seat):
    code, browser = seat
    before = server_trainer.get(f"/api/sessions/{code}/view").json()["session"]["seq"]
    with socket(server, browser, code=code) as ws:
        receive(ws, "sync")

        @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
        @given(frame=frames)
        def answered(frame):
            ws.send(frame)
            answer = receive(ws)
            if answer["type"] == "pong":
                assert json.loads(frame) == {"type": "ping"}
            else:
                assert answer["type"] == "error" and answer["message"], (frame, answer)

        answered()
        ws.send(json.dumps({"type": "ping"}))
        assert receive(ws, "pong")["type"] == "pong"
    assert server_trainer.get("/api/health").status_code == 200
    assert server_trainer.get(f"/api/sessions/{code}/view").json()["session"]["seq"] == before
    assert "Traceback" not in server.output
