"""The preview's simulator page plays a plan with the same code as `nplc scenario simulate`."""

from __future__ import annotations

import json
import subprocess
import sys

from fastapi.testclient import TestClient

from app.preview import create_preview_app
from tests.support import edit

PLAN = """\
rounds:
  - transfers:
      - {from: safety, to: housing, amount: 25000}
    levers: [shared-data]
    advance: year
  - advance: quarter
"""


def test_the_page_plays_a_plan_exactly_as_the_command_does(pack):
    (pack / "plans").mkdir()
    (pack / "plans" / "invest.yaml").write_text(PLAN)
    client = TestClient(create_preview_app(pack))
    page = client.get("/simulate").text
    assert '<option value="plans/invest.yaml">' in page and "chart-4.6.1.umd.min.js" in page
    assert client.get("/plans/plans/invest.yaml").text == PLAN
    assert client.get("/plans/scenario.yaml").status_code == 404
    answer = client.post("/simulate", json={"plan": PLAN}).json()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "scenario",
            "simulate",
            str(pack),
            "--plan",
            str(pack / "plans" / "invest.yaml"),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert answer["rounds"] == json.loads(run.stdout)["rounds"]
    assert answer["names"]["housing"] == "Housing" and answer["indicators"]["damp-homes"]["unit"] == "%"


def test_doing_nothing_keeps_the_budgets_and_follows_the_model_own_counterfactual(pack):
    answer = TestClient(create_preview_app(pack)).post("/simulate", json={"plan": PLAN}).json()
    nothing = answer["nothing"]
    assert [r["label"] for r in nothing] == [r["label"] for r in answer["rounds"]]
    assert nothing[0]["ledger"]["housing"] == 400000 and answer["rounds"][0]["ledger"]["housing"] == 425000
    assert [r["dividend"] for r in nothing] == [r["had_nothing_been_done"] for r in answer["rounds"]]
    start = answer["start"]
    assert start["months"] == 0 and start["dividend"] == 100.0 and start["ledger"]["housing"] == 400000
    assert start["exported"] == {"housing>health": 50000} and start["indicators"]["damp-homes"] == 20


def test_a_plan_the_rules_refuse_is_explained(pack):
    client = TestClient(create_preview_app(pack))
    refused = client.post(
        "/simulate", json={"plan": "rounds:\n  - transfers: [{from: nowhere, to: housing, amount: 1}]\n"}
    )
    assert refused.status_code == 422 and "'nowhere' is not a directorate" in refused.json()["detail"]
    bad = client.post("/simulate", json={"plan": "rounds: ["})
    assert bad.status_code == 422 and "not valid YAML" in bad.json()["detail"]


def test_a_broken_pack_cannot_be_simulated_and_says_where_to_look(pack):
    edit(pack, "total_budget: 1000000", "total_budget: 999")
    client = TestClient(create_preview_app(pack))
    assert "a plan cannot be played on it yet" in client.get("/simulate").text
    assert client.post("/simulate", json={"plan": PLAN}).status_code == 409
