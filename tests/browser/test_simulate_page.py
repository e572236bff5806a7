"""The organiser picks a plan in the preview and sees its rounds drawn beside the board that did nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.organiser import preview_server

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"
PLAN = """\
rounds:
  - transfers:
      - {from: safety, to: housing, amount: 25000}
    levers: [shared-data]
    advance: year
  - advance: year
"""


def test_a_picked_plan_is_drawn_round_by_round_beside_doing_nothing(tmp_path, new_context):
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    (folder / "plans").mkdir()
    (folder / "plans" / "invest.yaml").write_text(PLAN)
    with preview_server(folder) as preview:
        page = new_context(viewport={"width": 1300, "height": 900}).new_page()
        page.goto(preview)
        page.get_by_role("link", name="Simulate a plan on this pack").click()
        expect(page.get_by_role("heading", name="Tiny Town plc: simulate a plan")).to_be_visible()
        page.wait_for_load_state("load")  # the page's module script is listening
        page.get_by_label("A plan from the pack's folder").select_option("plans/invest.yaml")
        expect(page.get_by_label("Plan (YAML)")).to_have_value(PLAN)
        page.get_by_role("button", name="Play the plan").click()
        expect(page.locator("#plan-message")).to_contain_text("Played 2 round(s): After 2 years")
        for heading in ("Dividend", "Ledger", "Exported costs a year", "Indicators"):
            expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        charts = page.locator("#results canvas")
        assert charts.count() == 1 + 4 + 1 + 5  # the dividend, four directorates, one link, five indicators
        assert page.evaluate("() => typeof window.Chart") == "function"
        housing = page.locator("figure", has_text="Ledger: Housing")
        housing.get_by_text("Show the numbers as a table").click()
        rows = housing.locator("tbody tr")
        expect(rows).to_have_count(3)
        expect(rows.nth(0)).to_contain_text("At the start£400k£400k")
        expect(rows.nth(1)).to_contain_text("After 1 year£425k£400k")
        page.get_by_label("Plan (YAML)").fill("rounds:\n  - transfers: [{from: nowhere, to: housing, amount: 1}]\n")
        page.get_by_role("button", name="Play the plan").click()
        expect(page.locator("#plan-message")).to_contain_text("'nowhere' is not a directorate")
