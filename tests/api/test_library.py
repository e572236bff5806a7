"""Uploading, versioning and downloading packs through the trainer's API."""

from pathlib import Path

from app.scenarios.archive import read_zip, write_zip
from app.scenarios.loader import read_folder
from tests.support import join, send

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"


def tiny_zip(**changes: bytes) -> bytes:
    files = read_folder(TINY)
    files.update(changes)
    return write_zip(files)


def upload(http, data: bytes, expect: int = 201) -> dict:
    response = http.post("/api/scenarios", content=data, headers={"content-type": "application/zip"})
    assert response.status_code == expect, response.text
    return response.json()


def test_only_trainers_upload_and_download(client):
    assert client.post("/api/scenarios", content=tiny_zip()).status_code == 401
    assert client.get("/api/scenarios/tiny/download").status_code == 401


def test_a_broken_upload_lists_every_problem_and_stores_nothing(trainer):
    before = trainer.get("/api/scenarios").json()
    yaml = (TINY / "scenario.yaml").read_text().replace("total_budget: 1000000", "total_budget: 7")
    answer = upload(trainer, tiny_zip(**{"scenario.yaml": yaml.encode(), "evil.html": b"<script>"}), expect=422)
    assert answer["problems"] == [
        "evil.html: only .yaml, .md, .txt and image files (.png, .jpg, .gif, .webp) may be in a pack"
    ]
    answer = upload(trainer, tiny_zip(**{"scenario.yaml": yaml.encode()}), expect=422)
    assert any(p.startswith("scenario.yaml:") and "add up to £1,000,000" in p for p in answer["problems"])
    assert trainer.get("/api/scenarios").json() == before


def test_a_new_version_does_not_disturb_a_running_session(trainer, participant):
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browser = participant()
    join(browser, code, "Asha", "council-housing")
    changed = (TINY / "docs" / "shared.md").read_bytes().replace(b"one home in five", b"one home in three")
    new = upload(trainer, tiny_zip(**{"docs/shared.md": changed}))
    listed = {p["id"]: p["version"] for p in trainer.get("/api/scenarios").json()}
    assert listed["tiny"] == new["version"]
    for command in ({"type": "auto-pair"}, {"type": "shuffle", "seed": 1}, {"type": "start-phase", "phase": "read_in"}):
        send(trainer, code, command)
    old_text = browser.get(f"/api/sessions/{code}/documents/profile").json()["html"]
    assert "one home in five" in old_text
    fresh = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    assert "one home in three" in trainer.get(f"/api/sessions/{fresh}/documents/profile").json()["html"]


def test_download_gives_back_the_pack_exactly(trainer):
    original = upload(trainer, tiny_zip(), expect=200)  # the same files as the folder: no new version
    response = trainer.get("/api/scenarios/tiny/download")
    assert response.headers["content-type"] == "application/zip"
    assert f'filename="tiny-{original["version"]}.zip"' in response.headers["content-disposition"]
    assert read_zip(response.content) == read_folder(TINY)
    assert trainer.get("/api/scenarios/nothing/download").status_code == 404


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_pictures_in_a_pack_reach_only_those_who_may_read_them(trainer, participant):
    housing = (TINY / "docs" / "housing.md").read_bytes() + b"\n![Map of the estate](docs/map.png)\n"
    upload(trainer, tiny_zip(**{"docs/housing.md": housing, "docs/map.png": PNG}))
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browsers = {}
    for name, agency in (("Asha", "council-housing"), ("Ben", "council-housing"), ("Cai", "nhs"), ("Dee", "nhs")):
        browser = participant()
        browsers[join(browser, code, name, agency)] = browser
    for command in ({"type": "auto-pair"}, {"type": "shuffle", "seed": 7}, {"type": "start-phase", "phase": "read_in"}):
        send(trainer, code, command)
    view = trainer.get(f"/api/sessions/{code}/view").json()
    holder = next(d["director"]["id"] for d in view["directorates"] if d["id"] == "housing")
    other = next(d["director"]["id"] for d in view["directorates"] if d["director"] and d["id"] != "housing")
    html = browsers[holder].get(f"/api/sessions/{code}/documents/housing-mission").json()["html"]
    src = f"/api/sessions/{code}/files/docs/map.png"
    assert f'src="{src}"' in html
    picture = browsers[holder].get(src)
    assert picture.status_code == 200 and picture.headers["content-type"] == "image/png" and picture.content == PNG
    assert browsers[other].get(src).status_code == 404
    assert browsers[holder].get(f"/api/sessions/{code}/files/scenario.yaml").status_code == 404
    assert src in browsers[holder].get(f"/play/{code}/pack").text
