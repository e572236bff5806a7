"""The frontend reads only what the schemas say the server sends: every chain of keys the scripts read from a
view, its session, `me`, `me.can` or a frame (`view.session.phase`, `msg.reset`, ...) is followed through
docs/protocol.schema.json (and the OpenAPI document, for `GET /api/me`), so a key renamed on the server cannot
leave a page reading nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.contracts.wire import APP

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "protocol.schema.json").read_text())
DEFS = APP.openapi()["components"]["schemas"] | SCHEMA["$defs"]
SCRIPTS = sorted((ROOT / "frontend" / "js").glob("*.js"))

# What each name the scripts use for server data holds.
ROOTS = {
    "view": ["TrainerView", "ProjectorView", "SeatView"],
    "session": ["TrainerSession"],
    "me": ["Me", "RemovedMe", "TrainerIdentity"],  # a seat's `me`, or the trainer's (GET /api/me)
    "can": ["Can"],
    "msg": ["SyncFrame", "DeltaFrame", "AckFrame", "ErrorFrame", "PongFrame"],
}
CHAIN = re.compile(r"(?<![\w\-./?])(" + "|".join(ROOTS) + r")((?:\??\.[A-Za-z_]+)+)")


def _expand(schema: dict) -> list[dict]:
    if "$ref" in schema:
        return _expand(DEFS[schema["$ref"].rsplit("/", 1)[1]])
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            return [s for part in schema[key] for s in _expand(part)]
    return [schema]


def unknown_key(root: str, keys: list[str]) -> str | None:
    """Follows `keys` from `root` through the schema; returns the first key no schema there names, or None."""
    node = [s for name in ROOTS[root] for s in _expand({"$ref": f"#/$defs/{name}"})]
    for key in keys:
        objects = [s for s in node if s.get("type") == "object" or "properties" in s]
        if len(objects) < len([s for s in node if s.get("type") != "null"]):
            return None  # a string, number or array: the rest is JavaScript's own (length, map, ...)
        if any(isinstance(s.get("additionalProperties"), dict) for s in objects):
            return None  # a map such as ballots or by_voice: any key
        found = [s["properties"][key] for s in objects if key in s.get("properties", {})]
        if not found:
            return key
        node = [s for f in found for s in _expand(f)]
    return None


def reads() -> list[tuple[str, str, list[str]]]:
    found = []
    for script in SCRIPTS:
        for match in CHAIN.finditer(script.read_text()):
            keys = [k for k in re.split(r"\??\.", match.group(2)) if k]
            found.append((script.name, match.group(1), keys))
    return found


def test_the_scripts_read_server_data_in_many_places():
    assert len(reads()) > 150  # the check below would pass vacuously if the pattern stopped matching


def test_every_key_the_frontend_reads_is_in_the_protocol_schema():
    missing = sorted(
        {f"{script}: {root}.{'.'.join(keys)}" for script, root, keys in reads() if unknown_key(root, keys)}
    )
    assert missing == []


def test_a_key_the_server_never_sends_is_caught():
    assert unknown_key("view", ["session", "phase"]) is None
    assert unknown_key("view", ["motions", "length"]) is None
    assert unknown_key("view", ["session", "phaze"]) == "phaze"
    assert unknown_key("me", ["can", "veto"]) == "veto"
    assert unknown_key("msg", ["reset"]) is None
