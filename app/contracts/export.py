"""Writes the JSON Schema of the websocket protocol, generated from the contracts:
`python -m app.contracts.export` (to docs/protocol.schema.json), or `--check` to fail if that file is stale.
`--openapi FILE` also writes the HTTP API's OpenAPI document (the server serves it at /openapi.json)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .frames import CLOSE_MEANINGS, ClientFrame, ServerFrame

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "protocol.schema.json"


def protocol_schema() -> dict[str, Any]:
    """The websocket protocol as one JSON Schema (draft 2020-12): any frame, in either direction."""
    frames, definitions = TypeAdapter.json_schemas(
        [
            ("ServerFrame", "validation", TypeAdapter(ServerFrame)),
            ("ClientFrame", "validation", TypeAdapter(ClientFrame)),
        ],
        ref_template="#/$defs/{model}",
    )
    defs = dict(definitions.get("$defs", {}))
    for schema in defs.values():  # the events' dataclasses refuse unknown fields too; pydantic does not say so
        if "properties" in schema:
            schema.setdefault("additionalProperties", False)
    defs["ServerFrame"] = frames[("ServerFrame", "validation")] | {"description": "Sent by the server."}
    defs["ClientFrame"] = frames[("ClientFrame", "validation")] | {"description": "Sent by a page."}
    defs["CloseCode"] = {
        "description": "Why the server ended a connection.",
        "oneOf": [{"const": int(code), "description": meaning} for code, meaning in CLOSE_MEANINGS.items()],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Neighbourhood plc websocket protocol (/ws/{code})",
        "description": "Generated from app/contracts by `python -m app.contracts.export`; do not edit by hand. "
        "docs/protocol.md explains it.",
        "oneOf": [{"$ref": "#/$defs/ServerFrame"}, {"$ref": "#/$defs/ClientFrame"}],
        "$defs": dict(sorted(defs.items())),
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.contracts.export", description=__doc__)
    parser.add_argument("--out", type=Path, default=SCHEMA_FILE, help="where to write the protocol's schema")
    parser.add_argument("--check", action="store_true", help="write nothing; fail if the file is not up to date")
    parser.add_argument("--openapi", type=Path, help="also write the OpenAPI document here")
    args = parser.parse_args(argv)
    text = render(protocol_schema())
    if args.check:
        if not args.out.exists() or args.out.read_text() != text:
            print(f"{args.out} is out of date: run python -m app.contracts.export", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text)
    print(f"wrote {args.out}")
    if args.openapi:
        from ..config import Settings
        from ..main import create_app

        app = create_app(Settings(database_url="sqlite://", secret_key="k" * 40))
        args.openapi.write_text(json.dumps(app.openapi(), indent=1) + "\n")
        print(f"wrote {args.openapi}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
