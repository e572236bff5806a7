"""The console makes a projector link that works in a browser nobody signed in on."""

from playwright.sync_api import expect

from tests.browser.steps import big_screen_menu, create_session, open_part


def test_a_projector_link_opens_the_big_screen_without_signing_in(day_server, new_context):
    _, console, _, code = create_session(day_server, new_context)
    big_screen_menu(console)
    console.get_by_role("button", name="Make a projector link").click()
    field = console.get_by_label("Projector link")
    expect(field).not_to_have_value("")
    link = field.input_value()
    screen = new_context().new_page()
    screen.goto(link)
    expect(screen.get_by_text(code).first).to_be_visible()
    expect(screen.locator("#connection")).to_contain_text("Connected")
    expect(screen.locator("#problem")).to_be_hidden()

    # The console's debrief part puts one debrief chart on that screen: it moves to the debrief, key and all.
    open_part(console, "Debrief")
    charts = console.get_by_role("group", name="Chart on the big screen")
    charts.get_by_role("button", name="Who spoke").click()
    expect(charts.get_by_role("button", name="Who spoke")).to_have_attribute("aria-pressed", "true")
    expect(console.locator("#stage-short")).to_have_text("Debrief: Who spoke")
    screen.wait_for_url(f"**/projector/{code}/debrief?key=*")
    expect(screen.get_by_role("region", name="Who spoke")).to_be_visible()
    expect(screen.get_by_role("region", name="The residents' dividend")).to_be_hidden()
    expect(screen.locator("#problem")).to_be_hidden()
    charts.get_by_role("button", name="Dividend").click()
    expect(screen.get_by_role("region", name="The residents' dividend")).to_be_visible()
    expect(screen.get_by_role("region", name="Who spoke")).to_be_hidden()
    # Any other stage brings it back to the big screen's own page.
    big_screen_menu(console).get_by_role("button", name="Join").click()
    screen.wait_for_url(f"**/projector/{code}?key=*")
    expect(screen.locator("#join-code")).to_have_text(code)

    console.get_by_role("button", name="Replace the projector link").click()
    expect(field).not_to_have_value(link)
    old = new_context().new_page()
    old.goto(link)
    expect(old.locator("#problem")).to_contain_text("no longer works")
