"""`nplc scenario simulate` plays a plan through the real domain rules, and `nplc scenario validate` refuses a
pack that breaks the lesson, saying which figures to change."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.consequences import model
from app.scenarios.loader import facts, load_folder
from app.scenarios.ordering import moved, start
from app.scenarios.simulate import PlanError, read_plan, simulate

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "packs" / "tiny"
PLAN = """\
rounds:
  - transfers:
      - {from: safety, to: housing, amount: 25000}
      - {from: health, to: joint-fund, amount: 10000}
    levers: [shared-data, damp-repairs]
    advance: year
  - advance: quarter
"""


def nplc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=120)


def test_the_json_rounds_are_what_the_model_gives_for_the_same_decisions(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN)
    run = nplc("scenario", "simulate", str(TINY), "--plan", str(tmp_path / "plan.yaml"), "--json")
    assert run.returncode == 0, run.stderr
    rounds = json.loads(run.stdout)["rounds"]
    assert [r["label"] for r in rounds] == ["After 1 year", "After 15 months"]
    assert set(rounds[0]) >= {"label", "dividend", "indicators", "ledger", "explanation"}
    assert rounds[0]["ledger"] == {"housing": 425_000, "health": 290_000, "safety": 175_000, "education": 100_000}
    s = facts(load_folder(TINY))
    board = moved(moved(start(s), "safety", "housing", 25_000), "health", "joint-fund", 10_000)
    from dataclasses import replace

    board = replace(board, levers=frozenset({"shared-data"}), purposes=(("joint-fund", "damp-repairs"),))
    direct = model.run(s, [(12, board), (3, board)])
    assert [r["dividend"] for r in rounds] == [round(r.dividend, 2) for r in direct]
    assert rounds[0]["indicators"] == {i.id: round(i.value, 2) for i in direct[0].indicators}


def test_the_text_report_shows_each_round_with_its_explanation(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN)
    run = nplc("scenario", "simulate", str(TINY), "--plan", str(tmp_path / "plan.yaml"))
    assert run.returncode == 0, run.stderr
    assert "After 1 year: dividend" in run.stdout and "had the board done nothing" in run.stdout
    assert "Housing's indicators" in run.stdout and "Ledger: housing £425,000" in run.stdout


@pytest.mark.parametrize(
    "plan, said",
    [
        ("rounds:\n  - transfers: [{from: nowhere, to: housing, amount: 5}]\n", "'nowhere' is not a directorate"),
        ("rounds:\n  - levers: [magic]\n", "'magic' is not a lever or fund purpose"),
        ("rounds:\n  - transfers: [{from: health, to: housing, amount: 5000000}]\n", "Health holds only £300,000"),
        ("rounds:\n  - advance: decade\n", "rounds.0.advance"),
        ("rounds: [\n", "not valid YAML"),
    ],
)
def test_a_plan_the_rules_refuse_gets_a_clear_error_and_exit_status_2(tmp_path, plan, said):
    (tmp_path / "plan.yaml").write_text(plan)
    run = nplc("scenario", "simulate", str(TINY), "--plan", str(tmp_path / "plan.yaml"))
    assert run.returncode == 2 and said in run.stderr and "Traceback" not in run.stderr + run.stdout


def test_a_missing_plan_or_pack_is_exit_status_2_without_a_traceback(tmp_path):
    run = nplc("scenario", "simulate", str(TINY), "--plan", str(tmp_path / "none.yaml"))
    assert run.returncode == 2 and "no such file" in run.stderr and "Traceback" not in run.stderr


def test_read_plan_refuses_unknown_keys():
    with pytest.raises(PlanError, match="extra"):
        read_plan("rounds:\n  - {advance: year, budget: 5}\n")


def test_validate_refuses_a_pack_whose_prevention_cannot_beat_doing_nothing(tmp_path):
    pack = tmp_path / "tiny"
    shutil.copytree(TINY, pack)
    yaml_file = pack / "scenario.yaml"
    text = yaml_file.read_text()
    yaml_file.write_text(
        text.replace("preventable: 0.6, return: 1.8, lag: 0.75", "preventable: 0.1, return: 0.2, lag: 8")
    )
    run = nplc("scenario", "validate", str(pack))
    assert run.returncode == 1
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.startswith("prevention:"))
    assert f"tiny/scenario.yaml:{line}: after 1 year, the holistic board" in run.stdout
    assert "raise `return` or `preventable`" in run.stdout


def test_simulating_every_shipped_pack_plays(tmp_path):
    for folder in sorted((ROOT / "scenarios").iterdir()):
        pack = load_folder(folder)
        plan = read_plan("rounds:\n  - advance: year\n  - advance: year\n")
        rounds = simulate(pack, plan)
        assert rounds[1]["dividend"] < rounds[0]["dividend"] < 100
