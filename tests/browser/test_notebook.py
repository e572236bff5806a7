"""The pair notebook and drafts on the participant's page: what one partner types reaches the other, and nobody
else; a draft written in the read-in is listed for both partners. The new cards pass axe."""

from playwright.sync_api import expect

from tests.browser.steps import create_session, join_people, shuffle_and_read_in
from tests.browser.test_accessibility import violations


def test_partners_share_a_notebook_and_drafts_that_nobody_else_sees(day_server, new_context):
    _, console, _, code = create_session(day_server, new_context)
    pages = join_people(day_server, new_context, code)
    shuffle_and_read_in(console, 11)
    asha, ben, chloe = pages["Asha"], pages["Ben"], pages["Chloe"]  # auto-pair puts colleagues together
    notes = asha.get_by_label("Notes")
    notes.fill("Ask health about the damp money")
    expect(asha.locator("#notebook-status")).to_contain_text("Saved")
    expect(ben.get_by_label("Notes")).to_have_value("Ask health about the damp money")
    expect(chloe.get_by_label("Notes")).to_have_value("")

    asha.get_by_label("Wording").fill("Pool the damp budgets")
    asha.get_by_role("button", name="Save draft").click()
    expect(ben.locator("#drafts-section")).to_contain_text("Pool the damp budgets")
    expect(chloe.locator("#drafts-section")).not_to_contain_text("Pool the damp budgets")
    expect(console.locator("body")).not_to_contain_text("damp money")
    assert violations(asha) == []
