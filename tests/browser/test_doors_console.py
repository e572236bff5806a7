"""The console closes the doors and removes several people with one confirmation."""

import re

from playwright.sync_api import expect

from tests.browser.steps import create_session, join_people


def test_the_trainer_closes_the_doors_and_removes_two_people_at_once(day_server, new_context):
    _, console, _, code = create_session(day_server, new_context)
    pages = join_people(day_server, new_context, code)
    roster = console.locator("#roster")
    expect(roster).to_contain_text("4 people have joined")

    console.get_by_role("button", name="Close the doors").click()
    expect(roster).to_contain_text("The doors are closed")
    latecomer = new_context().new_page()
    latecomer.goto(f"{day_server.base_url}/play/{code.lower()}")
    expect(latecomer.get_by_text("no longer taking new people")).to_be_visible()
    expect(latecomer.get_by_role("button", name="Join")).to_be_hidden()
    pages["Asha"].reload()  # a seat comes back with its cookie
    expect(pages["Asha"].get_by_role("heading", name="Your role")).to_be_visible()

    console.get_by_label("Choose Ben to remove").check()
    console.get_by_label("Choose Dev to remove").check()
    console.get_by_role("button", name="Remove the chosen people").click()
    dialog = console.get_by_role("dialog", name="Remove 2 people?")
    expect(dialog).to_contain_text("Ben and Dev")
    dialog.get_by_role("button", name="Remove 2 people").click()
    expect(roster).to_contain_text("2 people have joined")
    expect(roster).not_to_contain_text("Ben")
    expect(pages["Ben"].get_by_text(re.compile("removed you|taken you out")).first).to_be_visible()

    console.get_by_role("button", name="Open the doors").click()
    expect(roster).to_contain_text("New people can join.")
