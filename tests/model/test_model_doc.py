"""docs/consequences-model.md is kept true: its worked example is what the simulator prints, its plan format is
a plan the simulator plays, and its JSON format is the shape the simulator gives."""

import json
import re
from pathlib import Path

from app.scenarios.loader import load_folder
from app.scenarios.simulate import as_text, read_plan, simulate

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "consequences-model.md").read_text(encoding="utf-8")


def block(marker: str) -> str:
    found = re.search(rf"<!-- {marker} -->\n```\w+\n(.*?)^```", DOC, flags=re.DOTALL | re.MULTILINE)
    assert found, f"docs/consequences-model.md has no block marked {marker}"
    return found.group(1)


def test_the_worked_example_is_exactly_what_the_simulator_prints():
    rounds = simulate(load_folder(ROOT / "scenarios" / "marram-bay"), read_plan(block("worked-example-plan")))
    assert block("worked-example-output").rstrip("\n") == as_text(rounds)


def test_the_worked_example_prose_quotes_the_figures_it_shows():
    output = block("worked-example-output")
    for figure in ["100.87", "99.61", "99.20", "101.26", "£27,000", "£51,000", "£32,000", "33%"]:
        assert figure in output
    assert round(101.26 - 100.87, 2) == round(100 - 99.61, 2) == 0.39


def test_the_plan_format_is_a_plan_the_simulator_plays():
    rounds = simulate(load_folder(ROOT / "tests" / "packs" / "tiny"), read_plan(block("plan-format")))
    assert [r["label"] for r in rounds] == ["After 1 year", "After 2 years"]
    assert rounds[0]["ledger"]["housing"] == 700_000


def test_the_json_format_is_the_shape_the_simulator_gives():
    documented = json.loads(block("json-format"))
    rounds = simulate(load_folder(ROOT / "tests" / "packs" / "tiny"), read_plan("rounds:\n  - advance: year\n"))
    assert set(documented) == {"rounds"}
    assert set(documented["rounds"][0]) == set(rounds[0])
    for key, value in documented["rounds"][0].items():
        assert isinstance(rounds[0][key], type(value)), key
    for key in rounds[0]:
        assert f"- `{key}`" in DOC, f"the JSON field {key} is not described"
