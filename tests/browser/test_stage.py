"""The console chooses what the big screen shows; "Blank" hides everything again."""

from playwright.sync_api import expect

from tests.browser.steps import big_screen_menu, create_session


def test_the_projector_shows_only_the_stage_the_console_chose(day_server, new_context):
    _, console, projector, code = create_session(day_server, new_context)
    join_code, roster = projector.locator("#join-code"), projector.locator("#roster")
    expect(join_code).to_be_visible()  # before any choice the screen follows the phase
    expect(roster).to_be_visible()

    stages = big_screen_menu(console).get_by_role("group", name="On the big screen")
    stages.get_by_role("button", name="Who is here").click()
    expect(stages.get_by_role("button", name="Who is here")).to_have_attribute("aria-pressed", "true")
    expect(roster).to_be_visible()
    expect(join_code).to_be_hidden()

    stages.get_by_role("button", name="Join").click()
    expect(join_code).to_be_visible()
    expect(join_code).to_have_text(code)
    expect(roster).to_be_hidden()

    stages.get_by_role("button", name="Blank").click()
    expect(console.locator("#stage-now")).to_have_text("The big screen shows: Blank.")
    for part in ("#lobby", "#current", "#motions-section", "#board-section", "#side", "#ten-section", "#announcement"):
        expect(projector.locator(part)).to_be_hidden()
