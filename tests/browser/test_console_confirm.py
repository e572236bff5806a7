"""One misclick on the console's disruptive buttons changes nothing: a dialog asks first."""

from playwright.sync_api import expect

from tests.browser.steps import create_session, join_people


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


def test_the_running_phase_button_does_nothing(day_server, new_context):
    _, console, _, _ = create_session(day_server, new_context)
    now = console.locator("#phase-now")
    arrival = console.get_by_role("button", name="Back to arrival")
    expect(arrival).to_have_attribute("aria-current", "step")
    arrival.click()
    expect(console.get_by_role("dialog")).to_have_count(0)
    # A command after it has its answer, so any answer to the first would be in by now: none was sent
    # (the server refuses a phase already running, and the console would have said so).
    console.get_by_role("button", name="Pause clock").click()
    expect(console.get_by_role("button", name="Resume clock")).to_be_visible()
    expect(console.locator("#errors")).to_be_empty()
    expect(now).to_contain_text("Arrival (clock paused)")


def test_removing_a_person_asks_first(day_server, new_context):
    _, console, _, code = create_session(day_server, new_context)
    join_people(day_server, new_context, code)
    roster = console.get_by_role("table", name="People in this session")
    expect(roster.get_by_role("row")).to_have_count(5)
    roster.get_by_role("button", name="Remove Asha").click()
    dialog = console.get_by_role("dialog", name="Remove Asha?")
    expect(dialog).to_be_visible()
    console.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(roster).to_contain_text("Asha")
    roster.get_by_role("button", name="Remove Asha").click()
    dialog.get_by_role("button", name="Remove Asha").click()
    expect(roster.get_by_role("row")).to_have_count(4)
    expect(roster).not_to_contain_text("Asha")
