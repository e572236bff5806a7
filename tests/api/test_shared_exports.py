"""Exports for sharing are anonymised by default: pseudonyms for names, no secret ballot choices, reflections
apart from seats, never a seat token. The full record is asked for explicitly, and it is the one that imports."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from tests.accounts.test_authorisation import World
from tests.api.test_meeting_api import browser_for, held, meeting  # noqa: F401  (the fixture)
from tests.support import TINY_ROSTER, send

NAMES = [name for name, _ in TINY_ROSTER]


def secret_vote_then_reflect(meeting, trainer) -> str:  # noqa: F811
    """A transfer decided by secret ballot, then the debrief with two reflections."""
    code, view, _ = meeting
    first, second = held(view)
    proposer, other = browser_for(meeting, first), browser_for(meeting, second)
    transfer = {"source": first, "target": second, "amount": 5000, "reason": "damp"}
    send(proposer, code, {"type": "propose", "kind": "transfer", "text": "Fund damp repairs", "transfer": transfer})
    send(trainer, code, {"type": "set-ballot", "motion_id": "m1", "secret": True})
    send(other, code, {"type": "second", "motion_id": "m1"})
    send(proposer, code, {"type": "vote", "motion_id": "m1", "choice": "against"})
    send(other, code, {"type": "vote", "motion_id": "m1", "choice": "abstain"})
    send(trainer, code, {"type": "close-vote", "motion_id": "m1", "casting": "against"})
    send(trainer, code, {"type": "start-phase", "phase": "debrief"})
    send(proposer, code, {"type": "reflect", "ratings": {"trust": 2}, "comment": "Asha's idea was ignored"})
    send(other, code, {"type": "reflect", "ratings": {"trust": 5}, "comment": "Good"})
    return code


def seat_tokens(meeting) -> list[str]:  # noqa: F811
    _, _, browsers = meeting
    return [value for browser in browsers.values() for value in browser.cookies.values()]


def zip_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "\n".join(archive.read(name).decode() for name in archive.namelist())


def test_the_shared_json_export_names_nobody_and_keeps_secrets(meeting, trainer):  # noqa: F811
    code = secret_vote_then_reflect(meeting, trainer)
    response = trainer.get(f"/api/sessions/{code}/export.json")
    assert response.headers["content-disposition"] == f'attachment; filename="session-{code}.json"'
    text, shared = response.text, response.json()
    assert shared["anonymised"] is True
    assert not any(name in text for name in NAMES if name != "Asha") and '"Asha"' not in text
    assert not any(token in text for token in seat_tokens(meeting))
    joined = [row["payload"]["name"] for row in shared["events"] if row["type"] == "seat-joined"]
    assert joined == ["Participant 1", "Participant 2", "Participant 3", "Participant 4"]
    assert sorted(s["name"] for s in shared["state"]["seats"]) == joined
    votes = [row["payload"] for row in shared["events"] if row["type"] == "vote-cast"]
    assert len(votes) == 2 and all("choice" not in v for v in votes)
    assert "against" not in json.dumps(votes) and "abstain" not in json.dumps(votes)
    assert set(shared["state"]["motions"][0]["ballots"].values()) == {"voted"}
    assert not any(row["type"] == "reflection-given" for row in shared["events"])
    assert shared["reflections"] == [
        {"ratings": {"trust": 2}, "comment": "Asha's idea was ignored"},
        {"ratings": {"trust": 5}, "comment": "Good"},
    ]
    assert [row["seq"] for row in shared["events"]] == list(range(1, len(shared["events"]) + 1))


def test_the_shared_csv_files_and_minutes_name_nobody(meeting, trainer):  # noqa: F811
    code = secret_vote_then_reflect(meeting, trainer)
    content = trainer.get(f"/api/sessions/{code}/export.zip").content
    text = zip_text(content)
    assert "Participant 1" in text and "Fund damp repairs" in text
    assert not any(name in text for name in ("Ben", "Cai", "Dee")) and "Asha," not in text
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        votes = list(csv.DictReader(io.StringIO(archive.read(f"{code}/votes.csv").decode())))
    assert len(votes) == 2 and {v["choice"] for v in votes} == {""}  # the tally is public; who chose what is not
    assert not any(token in text for token in seat_tokens(meeting))


def test_the_full_record_has_everything_but_seat_tokens_and_imports_back(meeting, trainer):  # noqa: F811
    code = secret_vote_then_reflect(meeting, trainer)
    full = trainer.get(f"/api/sessions/{code}/export.json?full=1")
    record = full.json()
    assert record["anonymised"] is False and all(name in full.text for name in NAMES)
    assert {r["payload"]["choice"] for r in record["events"] if r["type"] == "vote-cast"} == {"against", "abstain"}
    assert len([r for r in record["events"] if r["type"] == "reflection-given"]) == 2
    assert not any(token in full.text for token in seat_tokens(meeting))
    assert not any(
        token in zip_text(trainer.get(f"/api/sessions/{code}/export.zip?full=1").content)
        for token in seat_tokens(meeting)
    )
    copy = trainer.post("/api/sessions/import", content=full.content)
    assert copy.status_code == 201, copy.text
    view = trainer.get(f"/api/sessions/{copy.json()['code']}/view").json()
    assert view["reflection"] == trainer.get(f"/api/sessions/{code}/view").json()["reflection"]
    assert sorted(s["name"] for s in view["seats"]) == sorted(NAMES)


def test_only_the_trainer_gets_any_export(meeting, participant):  # noqa: F811
    code, _, browsers = meeting
    for browser in (participant(), *browsers.values()):
        for path in ("export.json", "export.json?full=1", "export.zip", "export.zip?full=1"):
            assert browser.get(f"/api/sessions/{code}/{path}").status_code == 401


def test_an_imported_session_belongs_to_the_trainer_who_imported_it(client):
    world = World(client)
    code, _ = world.session()
    a, b = world.browser(world.a), world.browser(world.b)
    assert b.get(f"/api/sessions/{code}/export.json?full=1").status_code == 403
    full = a.get(f"/api/sessions/{code}/export.json?full=1")
    copy = b.post("/api/sessions/import", content=full.content).json()["code"]
    assert b.get(f"/api/sessions/{copy}/export.json").status_code == 200
    assert a.get(f"/api/sessions/{copy}/export.json?full=1").status_code == 403
    assert [s["code"] for s in b.get("/api/sessions").json()] == [copy]
