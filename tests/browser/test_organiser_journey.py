"""An organiser's day with a pack, end to end: scaffold it, write it, check it, proofread it, try a plan on it,
upload it (twice), correct a figure, upload again, then read the version list and what changed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from playwright.sync_api import expect

from app.scenarios.archive import read_zip, write_zip
from app.scenarios.loader import read_folder
from tests.browser.organiser import preview_server
from tests.browser.test_accessibility import violations
from tests.support import ROOT

NAME = "Côte Ward"
PLAN = """\
rounds:
  - transfers:
      - {from: safety, to: housing, amount: 30000}
    advance: year
  - advance: year
"""
GOOD = "rgb(30, 107, 52)"  # --good in app.css


def nplc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def upload(page, name: str, data: bytes) -> None:
    page.get_by_label("Scenario pack (.zip)").set_input_files(
        {"name": name, "mimeType": "application/zip", "buffer": data}
    )
    page.get_by_role("button", name="Upload pack").click()


def test_an_organiser_writes_checks_previews_simulates_and_uploads_a_pack(tmp_path, day_server, new_context):
    made = nplc("scenario", "new", NAME, "--into", str(tmp_path))
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "cote-ward"
    yaml = folder / "scenario.yaml"
    rewrite(
        yaml,
        "Replace this with two or three sentences",
        "Côte Ward has damp flats and a busy surgery. Two or three sentences",
    )
    (folder / "shared" / "area-profile.md").write_text(
        "# Area profile\n\nCôte Ward has 3,000 residents.\n\n## Homes\n\nOne flat in five is damp.\n"
    )
    (folder / "plans").mkdir()
    (folder / "plans" / "invest.yaml").write_text(PLAN)
    checked = nplc("scenario", "validate", str(folder), "--plan", str(folder / "plans" / "invest.yaml"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "'Côte Ward' is valid" in checked.stdout and "0 warning(s)" in checked.stdout
    played = nplc("scenario", "simulate", str(folder), "--plan", str(folder / "plans" / "invest.yaml"))
    assert played.returncode == 0 and "After 2 years: dividend" in played.stdout

    with preview_server(folder) as preview:
        proof = new_context().new_page()
        proof.goto(preview)
        proof.get_by_role("link", name="Everyone (shared papers only)").click()
        expect(proof.locator("#doc-area-profile .document-body h4")).to_have_text("Area profile")
        expect(proof.locator("#doc-area-profile")).to_contain_text("One flat in five is damp.")
        problems = {"preview": violations(proof)}
        proof.get_by_role("link", name="Simulate a plan on this pack").click()
        proof.wait_for_load_state("load")
        proof.get_by_label("A plan from the pack's folder").select_option("plans/invest.yaml")
        expect(proof.get_by_label("Plan (YAML)")).to_have_value(PLAN)
        proof.get_by_role("button", name="Play the plan").click()
        expect(proof.locator("#plan-message")).to_contain_text("Played 2 round(s)")
        expect(proof.locator("figure", has_text="Ledger: Housing")).to_be_visible()
        problems["simulator with a plan played"] = violations(proof)

    first = read_folder(folder)
    console = new_context(viewport={"width": 1300, "height": 1000}).new_page()
    console.goto(day_server.sign_in_url)
    message = console.locator("#upload-message")
    upload(console, "cote-ward.zip", write_zip(first))
    expect(message).to_contain_text(f'Stored "{NAME}" as version')
    assert message.evaluate("el => getComputedStyle(el.querySelector('p')).color") == GOOD
    upload(console, "cote-ward-again.zip", write_zip(first))
    expect(message).to_contain_text("No new version: this is the same as version")
    assert message.evaluate("el => getComputedStyle(el.querySelector('p')).color") == GOOD

    rewrite(yaml, "total_budget: 1200000", "total_budget: 1250000")
    rewrite(
        yaml,
        "budget: {total: 500000, lines: [{label: Repairs and maintenance, amount: 350000}",
        "budget: {total: 550000, lines: [{label: Repairs and maintenance, amount: 400000}",
    )
    rewrite(yaml, "annual_cost: 60000", "annual_cost: 75000")
    (folder / "housing" / "budget.md").write_text("# Housing: budget commentary\n\nRepairs are up by £50,000.\n")
    assert nplc("scenario", "validate", str(folder)).returncode == 0
    upload(console, "cote-ward-2.zip", write_zip(read_folder(folder)))
    expect(message).to_contain_text(f'Stored "{NAME}" as version')

    console.get_by_role("button", name=f"Versions of {NAME}").click()
    versions = console.locator("table.pack-versions tbody tr")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_contain_text("Newest")
    for row in (versions.nth(0), versions.nth(1)):
        expect(row).to_contain_text("admin")
    older = versions.nth(1).get_by_role("link").get_attribute("href")
    assert read_zip(console.request.get(f"{day_server.base_url}{older}").body()) == first

    console.get_by_role("button", name="Show what changed").click()
    diff = console.locator("#pack-diff")
    expect(diff.get_by_text("Files changed: housing/budget.md, scenario.yaml")).to_be_visible()
    expect(diff.get_by_text("Files added: none")).to_be_visible()
    figures = diff.locator("table", has_text="Figures changed")
    for what, before, after in (
        ("total_budget", "1,200,000", "1,250,000"),
        ("directorates.housing.budget.total", "500,000", "550,000"),
        ("directorates.housing.budget.lines.Repairs and maintenance.amount", "350,000", "400,000"),
        ("exported_costs.housing>health.annual_cost", "60,000", "75,000"),
    ):
        expect(figures.locator("tr", has_text=what).first).to_contain_text(f"{what}{before}{after}")
    problems["console with versions and changes"] = violations(console)
    assert {name: found for name, found in problems.items() if found} == {}
