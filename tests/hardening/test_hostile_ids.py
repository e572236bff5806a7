"""Ids that the server uses for its own roles are refused, so no pack can share a role's confidential papers.

A directorate called `residents` once read the residents' brief, and the residents' panel read its budget.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.scenarios.loader import load_files
from app.scenarios.problems import PackInvalid
from tests.hardening.hostile import YAML, line_of, problems_of, tiny_files, tiny_yaml

RESERVED = ["residents", "resident", "chair", "trainer", "projector", "observer", "shared", "everyone"]
BUILT_IN_AUDIENCES = {"chair", "residents", "everyone"}


def rename_directorate(new: str) -> bytes:
    """The tiny pack with its housing directorate given another id everywhere it is named."""
    text = (tiny_files()[YAML]).decode()
    return re.sub(r"(?<![-/])\bhousing\b(?![-.])", new, text).encode()


def reserved_message(name: str) -> str:
    return f"'{name}' is a name the server keeps for its own roles"


@pytest.mark.parametrize("name", RESERVED)
def test_a_directorate_may_not_take_a_reserved_id(name):
    yaml = rename_directorate(name)
    line = line_of(yaml, f"- id: {name}")
    found = problems_of(tiny_files(**{YAML: yaml}))
    assert any(p.startswith(f"{YAML}:{line}: {reserved_message(name)}") for p in found), found


@pytest.mark.parametrize("name", RESERVED)
def test_an_agency_may_not_take_a_reserved_id(name):
    yaml = tiny_yaml("{id: fire,", f"{{id: {name},")
    found = problems_of(tiny_files(**{YAML: yaml}))
    line = line_of(yaml, "{id: " + name + ",")
    assert any(p.startswith(f"{YAML}:{line}: {reserved_message(name)}") for p in found), found


def test_two_directorates_may_not_share_an_id():
    yaml = tiny_yaml("id: safety\n", "id: health\n")
    found = problems_of(tiny_files(**{YAML: yaml}))
    line = line_of(yaml, "Community Safety") - 1
    assert f"{YAML}:{line}: the id 'health' is used more than once in directorates; ids must be unique" in found


def test_a_directorate_id_may_not_end_in_a_newline():
    yaml = rename_directorate('"chair\\n"')
    assert problems_of(tiny_files(**{YAML: yaml}))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(RESERVED + ["housing", "planning"]) | st.from_regex(r"\A[a-z][a-z0-9-]{0,12}\Z"))
def test_no_directorate_that_loads_shares_an_audience_with_a_built_in_role(name):
    try:
        pack = load_files("drawn", tiny_files(**{YAML: rename_directorate(name)}))
    except PackInvalid:
        return
    ids = {d.id for d in pack.scenario.directorates}
    assert not ids & BUILT_IN_AUDIENCES
    chair_papers = {d.id for d in pack.documents.values() if "chair" in d.visible_to}
    residents_papers = {d.id for d in pack.documents.values() if "residents" in d.visible_to}
    assert chair_papers == {"chair-brief"} and residents_papers == {"residents-brief"}
