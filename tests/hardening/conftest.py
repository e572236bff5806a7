"""A pack with room for a whole venue: the tiny pack with a panel of 40 residents (49 seats in all)."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from app.main import build_services, create_app
from tests.conftest import TEST_PACKS
from tests.support import PAGE_HEADERS


@pytest.fixture
def roomy_settings(settings, tmp_path):
    packs = tmp_path / "packs"
    shutil.copytree(TEST_PACKS / "tiny", packs / "roomy")
    scenario = packs / "roomy" / "scenario.yaml"
    text = scenario.read_text().replace("id: tiny", "id: roomy", 1)
    scenario.write_text(text.replace("title: Shareholders' panel, max: 4", "title: Shareholders' panel, max: 40"))
    return settings.model_copy(update={"scenarios_dir": packs})


@pytest.fixture
def venue(roomy_settings):
    """Makes browsers that all share one address, as a venue behind one NAT does; the first is the trainer's."""
    app = create_app(roomy_settings)
    app.state.services = build_services(roomy_settings)
    made = []

    def browser(home_page: bool = True) -> TestClient:
        made.append(TestClient(app, headers=dict(PAGE_HEADERS)))
        if home_page:
            assert made[-1].get("/").status_code == 200  # as a person opening the page does
        return made[-1]

    with TestClient(app, headers=dict(PAGE_HEADERS)) as trainer:
        from app.auth import new_sign_in_token

        token = new_sign_in_token(app.state.services.live.engine, 5)
        assert trainer.get(f"/sign-in?token={token}", follow_redirects=False).status_code == 303
        yield trainer, browser
    for each in made:
        each.close()


def new_session(trainer, pack: str = "roomy") -> str:
    response = trainer.post("/api/sessions", json={"scenario_id": pack})
    assert response.status_code == 201, response.text
    return response.json()["code"]
