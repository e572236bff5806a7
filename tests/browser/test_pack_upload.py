"""A trainer uploads packs in the console: problems are listed as file:line, a good pack becomes usable."""

from pathlib import Path

from playwright.sync_api import expect

from app.scenarios.archive import write_zip
from app.scenarios.loader import read_folder

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"


def as_upload(name: str, data: bytes) -> dict:
    return {"name": name, "mimeType": "application/zip", "buffer": data}


def test_upload_shows_problems_then_stores_a_good_pack(day_server, new_context):
    page = new_context().new_page()
    page.goto(day_server.sign_in_url)
    expect(page.get_by_role("heading", name="Scenario packs")).to_be_visible()
    files = read_folder(TINY)
    broken = dict(
        files, **{"scenario.yaml": files["scenario.yaml"].replace(b"indicator: damp-homes", b"indicator: nowhere")}
    )
    page.get_by_label("Scenario pack (.zip)").set_input_files(as_upload("broken.zip", write_zip(broken)))
    page.get_by_role("button", name="Upload pack").click()
    message = page.locator("#upload-message")
    expect(message).to_contain_text("The pack was not stored: 1 problem(s) to fix.")
    expect(message.locator("li")).to_contain_text("scenario.yaml:")
    expect(message.locator("li")).to_contain_text("'nowhere' is not a known indicator")

    page.get_by_label("Scenario pack (.zip)").set_input_files(as_upload("tiny.zip", write_zip(files)))
    page.get_by_role("button", name="Upload pack").click()
    expect(message).to_contain_text('Stored "Tiny Town plc"')
    expect(page.locator("#packs")).to_contain_text("Tiny Town plc")
    expect(page.get_by_label("Scenario", exact=True)).to_have_value("tiny")
