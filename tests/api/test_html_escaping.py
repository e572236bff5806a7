"""Every page the server writes itself escapes what people typed and what a pack says: a `<script>` in a
name, a motion, an announcement, a pack title or a role is shown as text and never runs."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.preview import create_preview_app
from tests.api.test_join import new_session
from tests.support import board_meeting, join, send

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"


def evil(label: str) -> str:
    return f"<script>alert('{label}')</script>"


def assert_escaped(html: str, *labels: str) -> None:
    assert "<script>alert" not in html
    for label in labels:
        assert f"&lt;script&gt;alert(&#39;{label}&#39;)&lt;/script&gt;" in html, f"{label} is not on the page"


def evil_pack(folder: Path) -> Path:
    shutil.copytree(TINY, folder)
    yaml = folder / "scenario.yaml"
    text = yaml.read_text()
    for plain, label in [
        ("title: Tiny Town plc", "pack-title"),
        ("director_title: Chief Housing Officer", "role-title"),
        ("title: Housing mission", "doc-title"),
        ("title: Area profile", "shared-title"),
        ("label: Repairs", "budget-line"),
        ("name: Homes with damp", "indicator"),
    ]:
        key, _ = plain.split(": ", 1)
        assert plain in text
        text = text.replace(plain, f'{key}: "{evil(label)}"', 1)
    yaml.write_text(text)
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    evil_pack(tmp_path / "packs" / "tiny")
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'test.db'}",
        scenarios_dir=tmp_path / "packs",
        secret_key="k" * 40,
        public_url="http://testserver",
    )


def test_names_motions_and_pack_text_are_escaped_on_the_minutes_the_pack_and_the_export(trainer, participant):
    code = new_session(trainer)
    browsers = {}
    for name, agency in [("Asha", "council-housing"), ("Ben", "council-housing"), ("Cai", "nhs"), ("Dee", "nhs")]:
        browser = participant()
        browsers[join(browser, code, evil(name), agency)] = browser
    view = board_meeting(trainer, code, browsers)
    held = [d for d in view["directorates"] if d["director"]]
    first, second = (browsers[d["director"]["id"]] for d in held[:2])
    send(first, code, {"type": "raise-hand"})
    send(trainer, code, {"type": "call-speaker"})
    transfer = {"source": held[0]["id"], "target": held[1]["id"], "amount": 10000, "reason": evil("reason")}
    send(first, code, {"type": "propose", "kind": "transfer", "text": evil("motion"), "transfer": transfer})
    send(second, code, {"type": "second", "motion_id": "m1"})
    send(first, code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    send(second, code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    send(trainer, code, {"type": "close-vote", "motion_id": "m1"})
    send(trainer, code, {"type": "announce", "text": evil("announcement")})

    names = ("Asha", "Ben", "Cai", "Dee")
    for page in (trainer.get(f"/trainer/{code}/minutes"), first.get(f"/play/{code}/minutes")):
        assert page.status_code == 200
        assert_escaped(page.text, "pack-title", "motion", "announcement", *names)
    exported = zipfile.ZipFile(io.BytesIO(trainer.get(f"/api/sessions/{code}/export.zip?full=1").content))
    assert_escaped(exported.read(f"{code}/minutes.html").decode(), "pack-title", "motion", "announcement", *names)

    housing = next(browsers[d["director"]["id"]] for d in held if d["id"] == "housing")
    pack = housing.get(f"/play/{code}/pack")
    assert pack.status_code == 200
    assert_escaped(pack.text, "pack-title", "role-title", "doc-title", "shared-title", "budget-line", "indicator")
    assert_escaped(trainer.get(f"/play/{code}/pack").text, "pack-title", "doc-title", "shared-title")


def test_a_sign_in_link_with_a_script_in_it_is_not_reflected(client: TestClient):
    page = client.get("/sign-in", params={"token": evil("token")})
    assert page.status_code == 403
    assert "<script" not in page.text and "alert" not in page.text
    assert "<code>nplc sign-in</code>" in page.text


def test_the_password_form_escapes_the_name_it_gives_back(client: TestClient):
    page = client.post("/sign-in", data={"name": "\"><script>alert('name')</script>", "password": "wrong"})
    assert page.status_code == 403
    assert "<script>alert" not in page.text
    assert 'value="&#34;&gt;&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"' in page.text
    assert "That name and password do not match." in page.text


def test_the_pack_preview_escapes_the_pack_and_its_problems(tmp_path: Path):
    folder = evil_pack(tmp_path / "tiny")
    preview = TestClient(create_preview_app(folder))
    page = preview.get("/", params={"role": "housing"})
    assert page.status_code == 200
    assert_escaped(page.text.replace("<script>\nconst seen", ""), "pack-title", "role-title", "doc-title")
    # The role in the address is only compared with the pack's roles, never written back.
    assert "role-param" not in preview.get("/", params={"role": evil("role-param")}).text

    yaml = folder / "scenario.yaml"
    yaml.write_text(yaml.read_text().replace("file: docs/shared.md", f'file: "docs/{evil("file")}.md"'))
    broken = preview.get("/")
    assert "problem(s) to fix" in broken.text
    assert_escaped(broken.text.replace("<script>\nconst seen", ""), "file")
