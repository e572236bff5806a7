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


def test_a_draft_is_tabled_in_one_action_and_the_speaker_ends_their_own_turn(day_server, new_context):
    trainer, console, projector, code = create_session(day_server, new_context)
    pages = join_people(day_server, new_context, code)
    shuffle_and_read_in(console, 11)
    view = trainer.request.get(f"{day_server.base_url}/api/sessions/{code}/view").json()
    held = next(d for d in view["directorates"] if d["director"])
    director = pages[held["director"]["name"]]
    director.get_by_label("Kind of motion").select_option("objective")
    director.get_by_label("Term").select_option("long")
    director.get_by_label("Wording").fill("Halve damp homes by 2030")
    director.get_by_role("button", name="Save draft").click()
    expect(director.locator("#drafts-section")).to_contain_text("Halve damp homes by 2030")
    console.get_by_role("button", name="Start board meeting").click()
    console.get_by_label("Agenda item").select_option("budget")
    console.get_by_role("button", name="Open item").click()
    expect(projector.locator("#current")).to_contain_text("Budget strategy")

    director.get_by_role("button", name="Table this motion").click()
    expect(director.locator("#drafts-section")).to_contain_text("Tabled as motion m1")
    expect(projector.locator("body")).to_contain_text("Halve damp homes by 2030")

    director.get_by_role("button", name="Raise hand").click()
    console.get_by_role("button", name="Call next speaker").click()
    expect(projector.locator("#floor .speaking")).to_contain_text(held["director"]["name"])
    director.get_by_role("button", name="I have finished speaking").click()
    expect(projector.locator("#floor .speaking")).to_have_text("Speaking now: nobody")
    expect(director.get_by_role("button", name="Raise hand")).to_be_visible()
