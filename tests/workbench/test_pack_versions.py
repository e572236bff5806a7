"""Every version of a pack is kept: listed with when and who, downloadable, comparable; the same files again make
no new version, and a session runs on the version it started with."""

from __future__ import annotations

from pathlib import Path

from app.scenarios.archive import read_zip, write_zip
from app.scenarios.loader import read_folder
from tests.support import PAGE_HEADERS

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"
RICHER = [
    (
        "{total: 400000, lines: [{label: Repairs, amount: 300000}",
        "{total: 450000, lines: [{label: Repairs, amount: 350000}",
    ),
    ("total_budget: 1000000", "total_budget: 1050000"),
    ("annual_cost: 50000", "annual_cost: 65000"),
]


def tiny_files(*edits: tuple[str, str], **extra: bytes) -> dict[str, bytes]:
    files = read_folder(TINY)
    text = files["scenario.yaml"].decode()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return files | {"scenario.yaml": text.encode()} | extra


def upload(http, files: dict[str, bytes], expect: int) -> dict:
    answer = http.post("/api/scenarios", content=write_zip(files), headers={"content-type": "application/zip"})
    assert answer.status_code == expect, answer.text
    return answer.json()


def test_versions_are_listed_newest_first_with_when_and_who(trainer):
    name = trainer.get("/api/me").json()["name"]
    folder_version = trainer.get("/api/scenarios/tiny/versions").json()
    assert [v["uploaded_by"] for v in folder_version] == [None] and folder_version[0]["current"]
    richer = upload(trainer, tiny_files(*RICHER), expect=201)
    assert richer["new"] and "Stored" in richer["detail"]
    listed = trainer.get("/api/scenarios/tiny/versions").json()
    assert [v["version"] for v in listed] == [richer["version"], folder_version[0]["version"]]
    assert [v["uploaded_by"] for v in listed] == [name, None]
    assert [v["current"] for v in listed] == [True, False]
    assert listed[0]["stored_at"] >= listed[1]["stored_at"]
    assert trainer.get("/api/scenarios/nothing/versions").status_code == 404


def test_the_same_files_again_make_no_new_version_and_say_so(trainer):
    first = upload(trainer, tiny_files(*RICHER), expect=201)
    again = upload(trainer, tiny_files(*RICHER), expect=200)
    assert again["version"] == first["version"] and again["new"] is False
    assert "No new version" in again["detail"] and "newest already" in again["detail"]
    assert len(trainer.get("/api/scenarios/tiny/versions").json()) == 2
    older = upload(trainer, read_folder(TINY), expect=200)
    assert "earlier version" in older["detail"] and "newest again" in older["detail"]
    listed = trainer.get("/api/scenarios/tiny/versions").json()
    assert len(listed) == 2 and listed[0]["version"] == older["version"] and listed[0]["current"]


def test_any_version_downloads_as_it_was(trainer):
    old = trainer.get("/api/scenarios/tiny/versions").json()[0]["version"]
    upload(trainer, tiny_files(*RICHER), expect=201)
    answer = trainer.get(f"/api/scenarios/tiny/download?version={old}")
    assert answer.status_code == 200 and read_zip(answer.content) == read_folder(TINY)


def test_the_changes_between_two_versions_name_files_and_figures(trainer):
    old = trainer.get("/api/scenarios/tiny/versions").json()[0]["version"]
    shared = read_folder(TINY)["docs/shared.md"] + b"\nA new paragraph.\n"
    files = tiny_files(*RICHER, **{"docs/shared.md": shared, "docs/extra.txt": b"notes"})
    new = upload(trainer, files, expect=201)["version"]
    changes = trainer.get(f"/api/scenarios/tiny/changes?from={old}&to={new}").json()
    assert changes["files"] == {
        "added": ["docs/extra.txt"],
        "removed": [],
        "changed": ["docs/shared.md", "scenario.yaml"],
    }
    figures = {c["what"]: (c["before"], c["after"]) for c in changes["figures"]}
    assert figures == {
        "total_budget": (1000000, 1050000),
        "directorates.housing.budget.total": (400000, 450000),
        "directorates.housing.budget.lines.Repairs.amount": (300000, 350000),
        "exported_costs.housing>health.annual_cost": (50000, 65000),
    }
    assert changes["settings"] == []
    back = trainer.get(f"/api/scenarios/tiny/changes?from={new}&to={old}").json()
    assert back["files"]["removed"] == ["docs/extra.txt"]
    assert trainer.get(f"/api/scenarios/tiny/changes?from={old}&to=000000000000").status_code == 404


def test_only_trainers_see_versions_and_changes(client):
    assert client.get("/api/scenarios/tiny/versions").status_code == 401
    assert client.get("/api/scenarios/tiny/changes?from=a&to=b").status_code == 401


def test_a_session_keeps_the_version_it_started_with(trainer):
    before = trainer.post("/api/sessions", json={"scenario_id": "tiny"}, headers=PAGE_HEADERS).json()["code"]
    upload(trainer, tiny_files(*RICHER), expect=201)
    after = trainer.post("/api/sessions", json={"scenario_id": "tiny"}, headers=PAGE_HEADERS).json()["code"]

    def housing_budget(code: str) -> int:
        view = trainer.get(f"/api/sessions/{code}/view").json()
        return next(d["budget"] for d in view["directorates"] if d["id"] == "housing")

    assert housing_budget(before) == 400000 and housing_budget(after) == 450000
