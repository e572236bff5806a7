"""The console makes a projector link that works in a browser nobody signed in on."""

from playwright.sync_api import expect

from tests.browser.steps import big_screen_menu, create_session


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

    console.get_by_role("button", name="Replace the projector link").click()
    expect(field).not_to_have_value(link)
    old = new_context().new_page()
    old.goto(link)
    expect(old.locator("#problem")).to_contain_text("no longer works")
