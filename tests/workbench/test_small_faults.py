"""Small faults an organiser or trainer met: each message says the right thing to the right person."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from app.domain.views import Viewer, view_for
from app.scenarios.loader import load_folder
from app.scenarios.problems import PackInvalid
from app.scenarios.scaffold import create_pack, slug
from app.scenarios.schema import Scenario
from app.scenarios.simulate import Board, read_plan, simulate
from app.scenarios.yaml_lines import load_with_lines
from tests.support import edit

ROOT = Path(__file__).resolve().parents[2]


def nplc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=120)


def test_a_comma_inside_braces_is_explained_as_a_comma_not_an_unknown_field(pack):
    edit(pack, "{label: Repairs, amount: 300000}", "{label: Repairs, damp work, amount: 300000}")
    with pytest.raises(PackInvalid) as bad:
        load_folder(pack)
    (problem,) = bad.value.problems
    assert "not a field" not in problem.message
    assert "comma" in problem.message and 'label: "Repairs, damp work"' in problem.message
    assert problem.line == 20


def test_an_unknown_field_written_with_a_value_is_still_called_unknown(pack):
    edit(pack, "{label: Repairs, amount: 300000}", "{label: Repairs, amout: 300000, amount: 300000}")
    with pytest.raises(PackInvalid) as bad:
        load_folder(pack)
    assert "not a field this format knows" in bad.value.problems[0].message


def test_a_key_with_a_colon_and_no_value_is_not_taken_for_a_comma():
    _, lines = load_with_lines("a: {x: 1, y: }\nb: {p: 2, q}\n")
    assert ("b", "q") in lines.bare_keys and ("a", "y") not in lines.bare_keys


@given(st.text(min_size=1, max_size=60))
def test_any_display_name_makes_a_valid_pack_id(name):
    pack_id = slug(name)
    assert re.fullmatch(r"[a-z][a-z0-9-]{0,39}", pack_id) and not pack_id.endswith("-")


def test_scaffold_names_with_spaces_capitals_and_accents_get_a_clean_id_and_keep_the_name(tmp_path):
    folder = create_pack(tmp_path, 'Côte  d\'Azur: "Saint-Étienne" Ward')
    assert folder.name == "cote-d-azur-saint-etienne-ward"
    scenario = load_folder(folder).scenario
    assert scenario.id == folder.name
    assert scenario.title == 'Côte d\'Azur: "Saint-Étienne" Ward'
    assert scenario.area == 'Côte d\'Azur: "Saint-Étienne" Ward (fictional)'


def _unheld_pack(pack: Path) -> tuple[Path, str]:
    """The tiny pack with one agency fewer running a directorate, so the simulated day leaves one unheld."""
    edit(pack, "{id: schools, name: Schools, directorate: education}", "{id: schools, name: Schools}")
    board = Board(load_folder(pack))
    unheld = [d.id for d in board.scenario.directorates if board.state.holder(d.id) is None]
    assert len(unheld) == 1
    return pack, unheld[0]


def test_simulate_warns_when_a_transfer_drains_a_directorate_nobody_holds(pack, tmp_path):
    pack, unheld = _unheld_pack(pack)
    budget = next(d.budget.total for d in load_folder(pack).scenario.directorates if d.id == unheld)
    held = next(d.id for d in load_folder(pack).scenario.directorates if d.id != unheld)
    plan = f"rounds:\n  - transfers: [{{from: {unheld}, to: {held}, amount: {budget}}}]\n  - advance: year\n"
    rounds = simulate(load_folder(pack), read_plan(plan))
    (warning,) = rounds[0]["warnings"]
    assert "nobody holds" in warning and "drains it" in warning and rounds[1]["warnings"] == []
    (tmp_path / "plan.yaml").write_text(plan)
    run = nplc("scenario", "simulate", str(pack), "--plan", str(tmp_path / "plan.yaml"))
    assert run.returncode == 0 and "Warning: nobody holds" in run.stdout
    checked = nplc("scenario", "validate", str(pack), "--plan", str(tmp_path / "plan.yaml"))
    assert checked.returncode == 0, checked.stderr
    assert "round 1: warning: nobody holds" in checked.stdout and "1 warning(s)" in checked.stdout


def test_a_transfer_between_held_directorates_gives_no_warning(pack):
    rounds = simulate(
        load_folder(pack), read_plan("rounds:\n  - transfers: [{from: health, to: housing, amount: 1}]\n")
    )
    assert rounds[0]["warnings"] == []


def _failing(client: TestClient) -> TestClient:
    def fails() -> None:
        raise ValueError("boom")

    client.app.add_api_route("/api/fails-for-wording", fails)
    return TestClient(client.app, raise_server_exceptions=False, cookies=dict(client.cookies))


def test_a_participant_who_meets_a_failure_is_told_to_tell_the_trainer(client):
    with _failing(client) as http:
        answer = http.get("/api/fails-for-wording")
    assert answer.status_code == 500 and "tell the trainer" in answer.json()["detail"]


def test_a_trainer_who_meets_a_failure_is_not_told_to_tell_the_trainer(client, trainer):
    with _failing(trainer) as http:
        answer = http.get("/api/fails-for-wording", headers={"X-Request-ID": "venue-wifi-0099"})
    detail = answer.json()["detail"]
    assert answer.status_code == 500 and "tell the trainer" not in detail
    assert "venue-wifi-0099" in detail and "looks after this server" in detail


def test_the_view_carries_each_directorate_assistant_title(pack):
    edit(
        pack,
        "director_title: Director of Public Health",
        "director_title: Director of Public Health\n    assistant_title: Link worker",
    )
    scenario: Scenario = load_folder(pack).scenario
    board = Board(load_folder(pack))
    view = view_for(board.state, Viewer("trainer"), 0.0)
    titles = {d["id"]: d["assistant_title"] for d in view["directorates"]}
    assert titles == {d.id: d.assistant_title for d in scenario.directorates} and titles["health"] == "Link worker"
