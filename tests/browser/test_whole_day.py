"""A trainer and four participants, each in their own browser, from arrival to a carried budget transfer."""

from playwright.sync_api import expect

from tests.browser.steps import PEOPLE, create_session, join_people, money, shuffle_and_read_in

AMOUNT = 150_000


def test_lobby_to_a_carried_transfer_seen_on_the_projector(day_server, new_context):
    trainer, console, projector, code = create_session(day_server, new_context)
    pages = join_people(day_server, new_context, code)
    for name, _ in PEOPLE:
        expect(projector.locator("body")).to_contain_text(name)
    shuffle_and_read_in(console, seed=11)

    view = trainer.request.get(f"{day_server.base_url}/api/sessions/{code}/view").json()
    held = [d for d in view["directorates"] if d["director"]]
    assert len(held) == 2
    own = {"Asha": "housing", "Ben": "housing", "Chloe": "health", "Dev": "health"}
    for d in held:
        assert own[d["director"]["name"]] != d["id"] and own[d["assistant"]["name"]] != d["id"]
    source, target = held
    proposer, seconder = pages[source["director"]["name"]], pages[target["assistant"]["name"]]

    expect(proposer.get_by_role("heading", name="Your briefing pack")).to_be_visible()
    expect(proposer.locator("#pack-section")).to_contain_text("Mission")
    expect(proposer.locator("#pack-section")).not_to_contain_text("The mould always comes back")
    console.get_by_role("button", name="Release Hartbridge Echo: 'The mould always comes back'").click()
    expect(proposer.locator("#pack-section")).to_contain_text("The mould always comes back")

    console.get_by_role("button", name="Start board meeting").click()
    console.get_by_label("Agenda item").select_option("budget")
    console.get_by_role("button", name="Open item").click()
    expect(projector.locator("body")).to_contain_text("Budget strategy")

    proposer.get_by_label("Motion", exact=True).fill("Move money to where the exported cost starts.")
    proposer.get_by_label("Transfer from").select_option(label=source["name"])
    proposer.get_by_label("Transfer to").select_option(label=target["name"])
    proposer.get_by_label("Amount (£)").fill(str(AMOUNT))
    proposer.get_by_label("Reason").fill("Fixing the cause costs less than paying for the symptoms.")
    proposer.get_by_role("button", name="Propose motion").click()
    expect(seconder.locator("#motion-m1")).to_be_visible()
    seconder.locator("#motion-m1").get_by_role("button", name="Second").click()
    seconder.locator("#motion-m1").get_by_role("button", name="Vote for").click()
    proposer.locator("#motion-m1").get_by_role("button", name="Vote for").click()
    expect(console.locator("#motion-m1")).to_contain_text("2 for")
    console.locator("#motion-m1").get_by_role("button", name="Close vote").click()

    expect(projector.locator("#motion-m1")).to_contain_text("Carried")
    ledger = projector.locator("body")
    expect(ledger).to_contain_text(money(source["budget"] - AMOUNT))
    expect(ledger).to_contain_text(money(target["budget"] + AMOUNT))
    expect(ledger).to_contain_text(money(59_640_000))
    for page in pages.values():
        expect(page.locator("#motion-m1")).to_contain_text("Carried")
