"""Broken packs are rejected with every problem as `file:line: what to fix`, and never a traceback."""

import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from app.scenarios.loader import load_folder
from app.scenarios.problems import PackInvalid
from tests.support import TINY, LiveServer, edit


def problems(pack: Path) -> list[str]:
    with pytest.raises(PackInvalid) as bad:
        load_folder(pack)
    return [str(p) for p in bad.value.problems]


def line_of(pack: Path, needle: str) -> int:
    return next(i for i, line in enumerate((pack / "scenario.yaml").read_text().splitlines(), 1) if needle in line)


def test_the_tiny_pack_is_valid():
    assert load_folder(TINY).scenario.id == "tiny"


def test_budget_lines_that_do_not_add_up(pack):
    edit(pack, "{label: Lettings, amount: 100000}", "{label: Lettings, amount: 90000}")
    found = problems(pack)
    line = line_of(pack, "Lettings, amount: 90000")
    assert (
        f"scenario.yaml:{line}: Housing's budget lines add up to £390,000, not the stated total £400,000; "
        "correct a line or the total" in found
    )


def test_directorate_totals_that_do_not_match_the_corporate_total(pack):
    edit(pack, "total_budget: 1000000", "total_budget: 1200000")
    assert (
        f"scenario.yaml:{line_of(pack, 'total_budget')}: the directorates' budgets add up to £1,000,000, not "
        "£1,200,000; make total_budget 1000000 or correct a directorate" in problems(pack)
    )


def test_unknown_indicator_and_directorate_are_named_with_the_choices(pack):
    edit(pack, "indicator: gp-visits", "indicator: gp-visit")
    edit(pack, "directorate: safety}", "directorate: policing}")
    found = "\n".join(problems(pack))
    assert (
        "'gp-visit' is not a known indicator; use one of: burglaries, damp-homes, gp-visits, reading-age, told-story-again"
        in found
    )
    assert "'policing' is not a known directorate; use one of: education, health, housing, safety" in found


def test_missing_file_is_named(pack):
    (pack / "docs" / "news.md").unlink()
    line = line_of(pack, "file: docs/news.md")
    assert (
        f"scenario.yaml:{line}: the file 'docs/news.md' does not exist in the pack; create it or fix the name"
        in problems(pack)
    )


def test_a_private_document_shared_with_everyone(pack):
    edit(pack, "section: mission, visible_to: [housing]", "section: mission, visible_to: [everyone]")
    found = "\n".join(problems(pack))
    assert "'housing-mission' is a mission document, private to a role, but is shared with everyone" in found


def test_every_problem_is_reported_in_one_run(pack):
    edit(pack, "total_budget: 1000000", "total_budget: 5")
    edit(pack, "indicator: damp-homes", "indicator: nowhere")
    (pack / "docs" / "chair.md").unlink()
    assert len(problems(pack)) == 3


def test_bad_yaml_gives_its_line(pack):
    (pack / "scenario.yaml").write_text("id: tiny\ntitle: [unclosed\nsummary: x\n")
    (found,) = problems(pack)
    assert found.startswith("scenario.yaml:") and "not valid YAML" in found


def test_anchors_and_aliases_are_refused(pack):
    (pack / "scenario.yaml").write_text("id: tiny\nbase: &b {a: 1}\ncopy: *b\n")
    (found,) = problems(pack)
    assert found == "scenario.yaml:2: anchors and aliases (& and *) are not allowed; write the value out"


def test_unknown_and_missing_fields(pack):
    edit(pack, "summary: A four", "sumary: A four")
    found = problems(pack)
    assert (
        f"scenario.yaml:{line_of(pack, 'sumary')}: sumary is not a field this format knows; check the "
        "spelling (see docs/scenario-format.md)" in found
    )
    assert any(p.endswith("summary is missing; add it") for p in found)


def test_validate_command_lists_problems_and_exits_1_without_traceback(pack):
    edit(pack, "indicator: damp-homes", "indicator: nowhere")
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "scenario", "validate", str(pack)], capture_output=True, text=True
    )
    assert run.returncode == 1
    assert f"{pack.as_posix()}/scenario.yaml:" in run.stdout and "'nowhere' is not a known indicator" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_validate_command_accepts_a_good_pack():
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "scenario", "validate", str(TINY)], capture_output=True, text=True
    )
    assert run.returncode == 0 and "is valid" in run.stdout


def test_serve_skips_a_broken_pack_and_says_why(pack, tmp_path):
    edit(pack, "total_budget: 1000000", "total_budget: 5")
    good = tmp_path / "packs"
    shutil.copytree(TINY, good / "tiny")
    shutil.move(pack, good / "broken")
    server = LiveServer(tmp_path / "x.db", good)
    server.start()
    try:
        health = httpx.get(f"{server.base_url}/api/health").json()
    finally:
        server.stop()
    assert health["scenarios"] == ["tiny"]
    assert "Skipped the scenario pack 'broken'" in server.output
    assert "broken/scenario.yaml:" in server.output and "Traceback" not in server.output


def test_a_directorate_that_owns_no_indicator_and_a_range_that_misses_its_baseline_are_named(pack):
    edit(pack, "better: lower, owner: safety,", "better: lower,")
    edit(pack, "range: [8, 35]", "range: [21, 35]")
    found = "\n".join(problems(pack))
    assert "Community Safety owns no indicator, so cutting it would harm nobody" in found
    assert "the baseline 20 of 'damp-homes' must lie inside its range [21, 35]" in found


def test_prevention_and_levers_must_name_real_sources_and_links(pack):
    edit(pack, "- {source: housing, preventable", "- {source: safety, preventable")
    edit(
        pack,
        "lag: 0.5, because: Housing and the surgery",
        "lag: 0.5, links: [health>housing], because: Housing and the surgery",
    )
    found = "\n".join(problems(pack))
    assert "'safety' is not a known source of an exported cost; use one of: housing" in found
    assert "'health>housing' is not a known exported cost; use one of: housing>health" in found
