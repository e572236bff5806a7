"""One misclick on the console's disruptive buttons changes nothing: a dialog asks first."""

from playwright.sync_api import expect

from tests.browser.steps import create_session


def test_finish_session_asks_first_and_escape_or_cancel_change_nothing(day_server, new_context):
    _, console, _, _ = create_session(day_server, new_context)
    now = console.locator("#phase-now")
    expect(now).to_contain_text("Arrival")

    console.get_by_role("button", name="Finish session").click()
    dialog = console.get_by_role("dialog", name="Finish the session?")
    expect(dialog).to_be_visible()
    assert console.evaluate("document.activeElement.closest('dialog') !== null"), "focus moves into the dialog"
    console.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(now).to_contain_text("Arrival")

    console.get_by_role("button", name="Finish session").click()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    expect(now).to_contain_text("Arrival")

    console.get_by_role("button", name="Finish session").click()
    dialog.get_by_role("button", name="Finish session").click()
    expect(now).to_contain_text("Finished")


def test_going_forward_needs_no_confirmation_but_going_back_does(day_server, new_context):
    _, console, _, _ = create_session(day_server, new_context)
    now = console.locator("#phase-now")
    console.get_by_role("button", name="Start debrief").click()
    expect(now).to_contain_text("Debrief")
    console.get_by_role("button", name="Back to arrival").click()
    dialog = console.get_by_role("dialog", name="Go back to the arrival?")
    expect(dialog).to_be_visible()
    console.keyboard.press("Escape")
    expect(now).to_contain_text("Debrief")
    console.get_by_role("button", name="Back to arrival").click()
    dialog.get_by_role("button", name="Go back to the arrival").click()
    expect(now).to_contain_text("Arrival")
