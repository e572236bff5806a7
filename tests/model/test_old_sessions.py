"""A session recorded before the second consequences model still replays to what it showed: its rounds carry
no model version, so they are worked out by the first model, kept for them (`model_v1.py`)."""

import json
from pathlib import Path

from app.domain import apply
from app.domain import commands as c
from app.domain.consequences.explain import line_amount
from app.domain.consequences.views import consequences_view
from app.domain.decide import decide
from app.exports import session_json
from app.imports import read_export
from app.scenarios.archive import write_zip
from app.scenarios.loader import load_folder, read_folder
from app.scenarios.simulate import Board

FIXTURE = Path(__file__).parent / "fixtures" / "session-model-v1.json"
TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"


def recorded():
    """The export as a server reads it back: checked whole, every event decided again by today's rules."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    imported = read_export(FIXTURE.read_bytes())
    return data, imported.pack, imported.events


def test_an_old_session_shows_the_rounds_it_showed_when_it_was_recorded():
    data, _, events = recorded()
    state = apply.replay(events)
    shown = data["state"]["consequences"]["rounds"]
    now = consequences_view(state)["rounds"]
    assert [r["model"] for r in now] == [1, 1, 1]
    for before, after in zip(shown, now, strict=True):
        assert after["dividend"] == before["dividend"]
        assert after["indicators"] == before["indicators"]
        for old, new in zip(before["directorates"], after["directorates"], strict=True):
            assert {k: v for k, v in new.items() if k != "causes"} == {k: v for k, v in old.items() if k != "causes"}
    assert [r["dividend"] for r in now] == [102.5, 103.01, 105.07]


def test_time_advanced_in_an_old_session_after_the_change_runs_on_the_new_model():
    _, _, events = recorded()
    state = apply.replay(events)
    for event in decide(state, c.AdvanceTime(period="year"), c.Context(c.TRAINER, 10**6)):
        state = apply.apply(state, event)
    rounds = consequences_view(state)["rounds"]
    assert [r["model"] for r in rounds] == [1, 1, 1, 2]
    assert rounds[-1]["months"] == 39
    assert rounds[-1]["explanation"] and rounds[-1]["had_nothing_been_done"] is not None
    shown = round(sum(line_amount(line) for line in rounds[-1]["explanation"]), 2)
    assert shown == round(rounds[-1]["dividend"] - rounds[-2]["dividend"], 2)
    assert "newer version of the consequences model" in rounds[-1]["explanation"][0]


def test_an_export_made_before_the_change_imports_and_shows_the_same_results(trainer):
    answer = trainer.post(
        "/api/sessions/import", content=FIXTURE.read_bytes(), headers={"content-type": "application/json"}
    )
    assert answer.status_code == 201, answer.text
    view = trainer.get(f"/api/sessions/{answer.json()['code']}/view").json()
    shown = json.loads(FIXTURE.read_text(encoding="utf-8"))["state"]["consequences"]["rounds"]
    assert [r["dividend"] for r in view["consequences"]["rounds"]] == [r["dividend"] for r in shown]
    assert [r["indicators"] for r in view["consequences"]["rounds"]] == [r["indicators"] for r in shown]


def test_a_session_with_levers_and_a_pooled_fund_exports_and_imports_to_the_same_consequences():
    pack = load_folder(TINY)
    board = Board(pack)
    terms = c.TransferTerms(source="health", target="joint-fund", amount=20_000, reason="pool it")
    board.carry(text="Pool money", kind="transfer", transfer=terms)
    board.carry(text="Spend it on damp", kind="strategy", lever="damp-repairs")
    board.carry(text="Share data", kind="strategy", lever="shared-data")
    board.do(c.AdvanceTime(period="year"))
    view = consequences_view(board.state)
    record = session_json(board.state, pack, list(enumerate(board.log, 1)), {}, write_zip(read_folder(TINY)))
    imported = read_export(json.dumps(record).encode())
    assert consequences_view(apply.replay(imported.events)) == view
