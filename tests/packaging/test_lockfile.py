"""requirements.lock pins every dependency, with hashes, and the tests run on exactly those versions."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT

pytestmark = pytest.mark.packaging
REGENERATE = "regenerate it with the command at the top of requirements.lock"


def locked(lockfile: str = "requirements.lock") -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) from a lockfile."""
    pins: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=\S)", (ROOT / lockfile).read_text()):
        found = re.match(r"([A-Za-z0-9._-]+)==(\S+)", block)
        if found:
            pins[canonicalize_name(found[1])] = (found[2], re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return pins


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def test_every_declared_dependency_is_pinned_within_its_range():
    pins = locked()
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is in pyproject.toml but not in requirements.lock; {REGENERATE}"
        assert requirement.specifier.contains(pins[name][0]), f"{name}=={pins[name][0]} breaks '{requirement}'"


def test_every_pin_has_a_hash():
    pins = locked()
    assert len(pins) > 20
    assert not [name for name, (_, hashes) in pins.items() if not hashes]


def test_the_tests_run_on_the_locked_versions():
    drift = {}
    for name, (version, _) in locked().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != version:
            drift[name] = f"{installed} installed, {version} locked"
    assert not drift, f"install with `pip install --require-hashes -r requirements.lock`: {drift}"
