"""axe-core (WCAG 2.2 AA rules) on every page a trainer, participant or projector sees, at each stage."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.steps import create_session, join_people, shuffle_and_read_in

AXE = (Path(__file__).parent / "vendor" / "axe-4.14.1.min.js").read_text()
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page) -> list[str]:
    page.evaluate(AXE)
    found = page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)",
        RULES,
    )
    return found


@pytest.fixture
def day(day_server, new_context):
    trainer, console, projector, code = create_session(day_server, new_context)
    pages = join_people(day_server, new_context, code)
    return day_server, trainer, console, projector, code, pages


def test_the_pages_pass_axe_at_every_stage(day, new_context):
    server, trainer, console, projector, code, pages = day
    home = new_context().new_page()
    home.goto(f"{server.base_url}/")
    join_form = new_context().new_page()
    join_form.goto(f"{server.base_url}/play/{code}")
    expect(join_form.get_by_label("Your name")).to_be_visible()
    checked = {
        "home": home,
        "join form": join_form,
        "console in the lobby": console,
        "projector in the lobby": projector,
        "participant in the lobby": pages["Asha"],
    }
    problems = {name: violations(page) for name, page in checked.items()}

    shuffle_and_read_in(console, seed=11)
    expect(pages["Asha"].get_by_role("heading", name="Your briefing pack")).to_be_visible()
    problems["participant in the read-in"] = violations(pages["Asha"])
    console.get_by_role("button", name="Start board meeting").click()
    console.get_by_role("button", name="Open item").click()
    expect(pages["Ben"].get_by_role("button", name="Propose motion")).to_be_visible()
    for name, page in (
        ("console in the meeting", console),
        ("projector in the meeting", projector),
        ("participant in the meeting", pages["Ben"]),
    ):
        problems[name] = violations(page)
    debrief = trainer.new_page()
    debrief.goto(f"{server.base_url}/trainer/{code}/debrief")
    expect(debrief.get_by_role("heading", name="The residents' dividend")).to_be_visible()
    problems["debrief"] = violations(debrief)
    reflect = pages["Dev"]
    reflect.goto(f"{server.base_url}/play/{code}/debrief")
    problems["reflection page"] = violations(reflect)
    assert {name: found for name, found in problems.items() if found} == {}
