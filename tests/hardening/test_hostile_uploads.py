"""Hostile packs uploaded through the trainer's API: 422 with every problem listed, and the library unchanged."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.hardening.hostile import YAML, tiny_files, tiny_yaml, tiny_zip, write_pack
from tests.hardening.test_hostile_ids import rename_directorate
from tests.hardening.test_hostile_yaml import HOSTILE_YAML


def cases():
    for make in HOSTILE_YAML:
        yaml, line, message = make()
        yield pytest.param({YAML: yaml}, f"{YAML}:{line}: {message}", id=make.__name__)
    yield pytest.param(
        {YAML: tiny_yaml("baseline: 20", "baseline: .nan")},
        f"{YAML}:36: indicators[0].baseline must be an ordinary number",
        id="nan",
    )
    yield pytest.param(
        {YAML: rename_directorate("residents")},
        "'residents' is a name the server keeps for its own roles",
        id="reserved",
    )
    yield pytest.param(
        {"docs/housing.md": b"![" * 30_000}, "docs/housing.md:1: the pack has more than 1,000 square brackets", id="md"
    )


@pytest.mark.parametrize(("changes", "expected"), cases())
def test_a_hostile_upload_is_refused_with_its_problems_and_stores_nothing(trainer, changes, expected):
    before = trainer.get("/api/scenarios").json()
    download = trainer.get("/api/scenarios/tiny/download").content
    response = trainer.post("/api/scenarios", content=tiny_zip(**changes), headers={"content-type": "application/zip"})
    assert response.status_code == 422, response.text
    assert any(expected in problem for problem in response.json()["problems"]), response.json()
    assert trainer.get("/api/scenarios").json() == before
    assert trainer.get("/api/scenarios/tiny/download").content == download


def test_validate_lists_a_500_deep_pack_s_problem_without_a_traceback(tmp_path):
    nested = tiny_yaml("injects:\n", "injects: " + "[" * 500 + "]" * 500 + "\nold_injects:\n")
    pack = write_pack(tmp_path, tiny_files(**{YAML: nested}))
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "scenario", "validate", str(pack)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert f"{pack.as_posix()}/{YAML}:" in run.stdout and "nested more than 64 levels deep" in run.stdout


def test_validate_refuses_a_huge_zip_without_reading_it(tmp_path):
    huge = tmp_path / "huge.zip"
    with huge.open("wb") as sparse:
        sparse.truncate(50 * 2**30)  # 50 GB of holes: reading it would exhaust memory
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "scenario", "validate", str(huge)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{huge.as_posix()}:huge.zip: the zip is larger than 10 MB" in run.stdout
