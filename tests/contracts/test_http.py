"""The HTTP API's answers have contracts: the OpenAPI document names a model for every JSON answer and the one
error shape for every error, and what the server really answers is checked against them in every test."""

from __future__ import annotations

import json

import httpx
import pytest
from fastapi.routing import APIRoute
from openapi_spec_validator import validate
from pydantic import ValidationError

from tests.contracts.wire import APP, ROUTES, check_http, is_contract
from tests.support import TINY_ROSTER


@pytest.fixture(scope="module")
def openapi() -> dict:
    return APP.openapi()


def operations(openapi: dict):
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_the_openapi_document_is_valid(openapi):
    validate(openapi)


def test_every_json_answer_names_a_model_and_every_error_is_a_problem(openapi):
    loose, errors = [], []
    for name, operation in operations(openapi):
        for status, answer in operation["responses"].items():
            schema = answer.get("content", {}).get("application/json", {}).get("schema")
            if schema is None:
                continue
            schema = schema.get("items") or schema
            refs = [one.get("$ref", "") for one in schema.get("oneOf") or schema.get("anyOf") or [schema]]
            if not all(ref.startswith("#/components/schemas/") for ref in refs):
                loose.append(f"{name} {status}")
            elif status.startswith(("4", "5")) and refs[0].rsplit("/", 1)[1] not in ("Problem", "PackProblems"):
                errors.append(f"{name} {status}: {refs}")
    assert loose == [] and errors == []
    assert "HTTPValidationError" not in openapi["components"]["schemas"]  # our 422 is a sentence, not a list


def test_every_route_that_answers_json_has_a_contract():
    """A route either has a response model from app.contracts, or says it answers with a file, or no body."""
    missing = []
    for route in ROUTES:
        original = route.original_route
        if not isinstance(original, APIRoute) or not original.include_in_schema or route.status_code == 204:
            continue
        files = any(media != "application/json" for a in route.responses.values() for media in a.get("content", {}))
        if not (is_contract(route.response_model) or files):
            missing.append(route.path)
    assert missing == []


def _answer(path: str, status: int, body: dict, method: str = "GET") -> httpx.Response:
    request = httpx.Request(method, f"http://testserver{path}")
    return httpx.Response(status, json=body, request=request)


def test_the_check_refuses_an_answer_with_a_key_the_contract_does_not_name():
    good = {"status": "ok", "database": "sqlite", "scenarios": ["tiny"]}
    check_http(_answer("/api/health", 200, good))
    with pytest.raises(ValidationError, match="build"):
        check_http(_answer("/api/health", 200, good | {"build": "abc"}))
    with pytest.raises(ValidationError, match="traceback"):
        check_http(_answer("/api/sessions/ABC/view", 404, {"detail": "No.", "traceback": "..."}))
    with pytest.raises(ValidationError):
        check_http(_answer("/api/sessions/ABC/lobby", 200, {"code": "ABC"}))


def test_errors_a_careless_or_hostile_caller_meets_are_problems(client, trainer, participant):
    """Each is checked against the error contract by the plugin; here they are also read as people would."""
    stranger = participant()
    answers = [
        stranger.get("/api/sessions"),  # not the trainer
        trainer.get("/api/sessions/NOSUCH/view"),  # no such session
        trainer.post("/api/sessions", json={"scenario_id": ""}),  # malformed
        trainer.post("/api/sessions", content=b"{", headers={"content-type": "application/json"}),
        trainer.post("/api/scenarios", content=b"not a zip", headers={"x-filename": "pack.zip"}),
        trainer.post("/api/sessions/import", content=b"[]"),
    ]
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    answers.append(trainer.post(f"/api/sessions/{code}/commands", json={"id": "x", "command": {"type": "nope"}}))
    answers.append(
        trainer.post(f"/api/sessions/{code}/commands", json={"id": "y", "command": {"type": "reveal-ten-percent"}})
    )
    assert [a.status_code for a in answers] == [401, 404, 422, 422, 422, 422, 422, 409]
    for answer in answers:
        body = answer.json()
        assert body["detail"].endswith((".", "!")) and "Traceback" not in json.dumps(body)
    assert answers[4].json()["problems"]


def test_the_view_and_the_minutes_are_sent_as_built_and_match_their_contracts(client, trainer, participant):
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    seat = participant()
    name, agency = TINY_ROSTER[0]
    seat.post(f"/api/sessions/{code}/join", json={"name": name, "agency": agency})
    for caller in (trainer, seat):
        for path in ("view", "minutes"):
            answer = caller.get(f"/api/sessions/{code}/{path}")
            assert answer.status_code == 200
            check_http(answer)
    assert seat.get(f"/api/sessions/{code}/view").json()["me"]["name"] == name
    for query, anonymised in (("", True), ("?full=1", False)):
        export = trainer.get(f"/api/sessions/{code}/export.json{query}")
        check_http(export)
        assert export.json()["anonymised"] is anonymised and export.json()["state"]["viewer"] == "trainer"


def test_an_oversized_body_gets_a_problem_too(trainer):
    answer = trainer.post("/api/sessions", content=b"x" * 70_000, headers={"content-type": "application/json"})
    assert answer.status_code == 413 and "too large" in answer.json()["detail"]
