"""The JSON Schema editors read (`nplc scenario schema`) helps at every field: a description, an example that is
itself valid, and the limits the checker applies."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from app.scenarios import schema as pack_schema
from app.scenarios.schema import Scenario


def printed_schema() -> dict[str, Any]:
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "scenario", "schema"], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


SCHEMA = printed_schema()
MODELS = {"Scenario": SCHEMA, **SCHEMA["$defs"]}
FIELDS = [(model, name, spec) for model, m in MODELS.items() for name, spec in m.get("properties", {}).items()]


def test_every_field_of_the_schema_has_a_description_and_an_example():
    assert len(FIELDS) > 90
    bare = [
        f"{model}.{name}" for model, name, spec in FIELDS if not spec.get("description") or not spec.get("examples")
    ]
    assert bare == [], f"fields without a description or example: {bare}"


def test_every_model_says_what_it_is():
    assert [name for name, m in SCHEMA["$defs"].items() if "enum" not in m and not m.get("description")] == []


def _values(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The schemas a value may have: each branch of anyOf, the items of an array, a tuple's places."""
    for branch in spec.get("anyOf", [spec]):
        yield branch
        if branch.get("type") == "array":
            yield from _values(branch.get("items", {})) if "items" in branch else iter(())
            for place in branch.get("prefixItems", []):
                yield from _values(place)
        if isinstance(branch.get("additionalProperties"), dict):
            yield from _values(branch["additionalProperties"])


def _unlimited(spec: dict[str, Any]) -> str | None:
    kind = spec.get("type")
    if "enum" in spec or "const" in spec or "$ref" in spec or kind in (None, "null", "boolean", "object"):
        return None
    if kind == "string" and "maxLength" not in spec:
        return "no maxLength"
    if kind in ("integer", "number"):
        low = "minimum" in spec or "exclusiveMinimum" in spec
        high = "maximum" in spec or "exclusiveMaximum" in spec
        return None if low and high else "no minimum or maximum"
    if kind == "array" and "maxItems" not in spec and "prefixItems" not in spec:
        return "no maxItems"
    return None


def test_every_field_states_its_limits():
    missing = [
        f"{model}.{name}: {why}"
        for model, name, spec in FIELDS
        for value in _values(spec)
        if (why := _unlimited(value))
    ]
    assert missing == []


@pytest.mark.parametrize(("model", "name", "spec"), FIELDS, ids=[f"{m}.{n}" for m, n, _ in FIELDS])
def test_each_example_is_a_value_the_checker_accepts(model, name, spec):
    cls = Scenario if model == "Scenario" else getattr(pack_schema, model)
    field = next(f for key, f in cls.model_fields.items() if (f.alias or key) == name)
    for example in spec["examples"]:
        try:
            TypeAdapter(field.annotation).validate_python(example, strict=False)
        except ValidationError as error:  # pragma: no cover - the message is the point
            pytest.fail(f"{model}.{name}: the example {example!r} is refused: {error}")
