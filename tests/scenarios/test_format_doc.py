"""docs/scenario-format.md is kept true: every field of `scenario.yaml` is explained, and its example is valid."""

import re
import typing
from collections.abc import Iterator
from pathlib import Path

import yaml
from pydantic import BaseModel

from app.scenarios.loader import load_files
from app.scenarios.schema import Scenario

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "scenario-format.md"


def models_in(annotation: object) -> Iterator[type[BaseModel]]:
    """Takes a field's type; yields every model in it, looking inside list[...], Optional and unions."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from models_in(arg)


def every_field(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> Iterator[tuple[str, str]]:
    """Takes a model; yields (owner, field name) for it and every model nested in it, each model once."""
    seen = set() if seen is None else seen
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        yield model.__name__, info.alias or name
        for nested in models_in(info.annotation):
            yield from every_field(nested, seen)


def example_block() -> str:
    found = re.search(r"^```yaml\n(.*?)^```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL | re.MULTILINE)
    assert found, "docs/scenario-format.md has no ```yaml block"
    return found.group(1)


def test_the_walk_reaches_nested_models():
    owners = {owner for owner, _ in every_field(Scenario)}
    assert {"Scenario", "Timings", "Directorate", "Budget", "BudgetLine", "Target", "Inject"} <= owners


def test_every_field_is_documented_in_backticks():
    doc = DOC.read_text(encoding="utf-8")
    missing = sorted({f"{owner}.{name}" for owner, name in every_field(Scenario) if f"`{name}`" not in doc})
    assert not missing, "docs/scenario-format.md does not explain these fields (write each as `name`): " + ", ".join(
        missing
    )


def test_the_first_yaml_example_matches_the_model():
    scenario = Scenario.model_validate(yaml.safe_load(example_block()))
    assert len(scenario.directorates) == 3


def test_the_first_yaml_example_passes_every_check_of_meaning():
    text = example_block()
    data = yaml.safe_load(text)
    files = {"scenario.yaml": text.encode("utf-8")}
    files |= {doc["file"]: f"# {doc['title']}\n".encode() for doc in data["documents"]}
    assert load_files("example", files).scenario.id == data["id"]
