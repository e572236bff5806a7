"""The committed JSON Schema of the websocket protocol is the one the contracts generate, and a valid one."""

from __future__ import annotations

import json

import jsonschema

from app.contracts.export import SCHEMA_FILE, main, protocol_schema, render
from app.contracts.frames import CLOSE_MEANINGS, CloseCode


def test_the_committed_schema_is_the_generated_one():
    assert SCHEMA_FILE.read_text() == render(protocol_schema()), (
        "docs/protocol.schema.json is out of date: run `python -m app.contracts.export` and commit it"
    )


def test_the_export_check_fails_on_a_stale_file_and_passes_on_a_fresh_one(tmp_path, capsys):
    stale = tmp_path / "protocol.schema.json"
    stale.write_text("{}\n")
    assert main(["--out", str(stale), "--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert main(["--out", str(stale)]) == 0
    assert main(["--out", str(stale), "--check"]) == 0
    assert stale.read_text() == SCHEMA_FILE.read_text()


def test_the_schema_is_valid_json_schema_and_names_every_close_code():
    schema = json.loads(SCHEMA_FILE.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    codes = {entry["const"]: entry["description"] for entry in schema["$defs"]["CloseCode"]["oneOf"]}
    assert codes == {int(code): meaning for code, meaning in CLOSE_MEANINGS.items()}
    assert set(codes) == {int(code) for code in CloseCode}


def test_every_object_in_the_schema_refuses_keys_it_does_not_name():
    schema = json.loads(SCHEMA_FILE.read_text())
    open_ended = [
        name
        for name, part in schema["$defs"].items()
        if "properties" in part and part.get("additionalProperties") is not False
    ]
    assert open_ended == []


def test_the_export_writes_the_openapi_document_on_request(tmp_path):
    target = tmp_path / "openapi.json"
    assert main(["--out", str(tmp_path / "protocol.schema.json"), "--openapi", str(target)]) == 0
    document = json.loads(target.read_text())
    assert document["paths"]["/api/sessions/{code}/view"]["get"]["responses"]["200"]
