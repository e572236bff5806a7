"""The organiser's preview and the participant's page show a document as the same HTML, with the same
stylesheet: what the organiser proofreads is what the pair will read."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.organiser import preview_server
from tests.support import TINY_ROSTER, LiveServer, join, page_client, send, sign_in_client

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"
PROFILE = """\
# Tiny Town profile

Everyone can read this. Damp affects **one home in five**, and *most* of them are flats.

## People

| Age group | Share |
|-----------|------:|
| Under 18  | 24%   |
| Over 65   | 17%   |

### What residents said

> "The mould comes back every winter."

1. Damp
2. Waiting times
   - for the GP
   - for repairs

See [the council's site](https://example.org/council) and `ward 7`.
"""
STYLES = "el => [...el.ownerDocument.styleSheets].map((s) => new URL(s.href).pathname)"


def test_preview_and_participant_page_render_a_document_to_identical_html(tmp_path, new_context):
    folder = tmp_path / "scenarios" / "tiny"
    shutil.copytree(TINY, folder)
    (folder / "docs" / "shared.md").write_text(PROFILE)
    server = LiveServer(tmp_path / "nplc.db", folder.parent)
    server.start()
    try:
        with sign_in_client(server) as trainer, preview_server(folder) as preview:
            code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
            play = new_context().new_page()
            play.goto(f"{server.base_url}/play/{code.lower()}")
            play.get_by_label("Your name").fill(TINY_ROSTER[0][0])
            play.get_by_label("Your organisation").select_option(label="Council housing")
            play.get_by_role("button", name="Join").click()
            expect(play.get_by_role("heading", name="Your role")).to_be_visible()
            others = [page_client(server) for _ in TINY_ROSTER[1:]]
            for http, (name, agency) in zip(others, TINY_ROSTER[1:], strict=True):
                join(http, code, name, agency)
            for command in (
                {"type": "auto-pair"},
                {"type": "shuffle", "seed": 7},
                {"type": "start-phase", "phase": "read_in"},
            ):
                send(trainer, code, command)
            play.get_by_role("button", name="Area profile").click()
            shown = play.locator("#doc-profile")
            expect(shown).to_contain_text("The mould comes back every winter.")
            participant_html = shown.inner_html()

            page = new_context().new_page()
            page.goto(f"{preview}/?role=everyone")
            proofread = page.locator("#doc-profile .document-body")
            expect(proofread).to_contain_text("The mould comes back every winter.")
            assert proofread.inner_html() == participant_html
            assert "<h4>Tiny Town profile</h4>" in participant_html and "<table>" in participant_html
            assert proofread.evaluate(STYLES) == shown.evaluate(STYLES) == ["/static/css/app.css"]
            for http in others:
                http.close()
    finally:
        server.stop()
