"""A trainer sees who is signed in, signs out with one button, and the link they used does not work twice."""

from playwright.sync_api import expect

from app import accounts
from app.store.db import make_engine
from tests.browser.test_accessibility import violations


def test_sign_out_from_the_console_and_the_used_link_is_spent(day_server, new_context):
    page = new_context().new_page()
    link = day_server.sign_in_url
    page.goto(link)
    expect(page.get_by_role("heading", name="Your sessions")).to_be_visible()
    expect(page.locator("#account")).to_contain_text("Signed in as admin (administrator)")
    assert violations(page) == []

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in as a trainer")).to_be_visible()
    expect(page.locator("#account")).to_be_hidden()
    page.reload()
    expect(page.get_by_role("heading", name="Sign in as a trainer")).to_be_visible()

    page.goto(link)  # the same link again
    expect(page.get_by_role("heading", name="That sign-in link does not work")).to_be_visible()
    expect(page.get_by_text("used already")).to_be_visible()


def test_the_password_form_is_accessible_and_says_what_went_wrong(day_server, new_context):
    page = new_context().new_page()
    page.goto(f"{day_server.base_url}/sign-in")
    assert violations(page) == []
    page.get_by_label("Your trainer name").fill("admin")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("That name and password do not match.")
    expect(page.get_by_label("Your trainer name")).to_have_value("admin")
    assert violations(page) == []


def test_another_trainer_opening_a_console_is_told_whose_it_is(day_server, new_context):
    owner = new_context().new_page()
    owner.goto(day_server.sign_in_url)
    expect(owner.get_by_role("heading", name="Your sessions")).to_be_visible()
    code = owner.evaluate(
        "async () => (await (await fetch('/api/sessions', {method: 'POST', headers: {'X-NPLC': '1', "
        "'Content-Type': 'application/json'}, body: JSON.stringify({scenario_id: document.querySelector('#create-scenario').value})"
        "})).json()).code"
    )
    engine = make_engine(day_server.database_url)
    try:
        other = accounts.add_trainer(engine, "Another trainer")
        link = f"{day_server.base_url}/sign-in?token={accounts.new_link(engine, other, 15)}"
    finally:
        engine.dispose()
    page = new_context().new_page()
    page.goto(link)
    expect(page.locator("#account")).to_contain_text("Signed in as Another trainer")
    expect(page.locator("#sessions")).not_to_contain_text(code)
    page.goto(f"{day_server.base_url}/trainer/{code}")
    expect(page.get_by_role("heading", name="This session is run by another trainer")).to_be_visible()
    expect(page.get_by_text("belongs to another trainer")).to_be_visible()
