"""The board meeting in five browsers: the speakers' queue, an amended budget transfer, a changed vote, the close."""

from playwright.sync_api import expect

from tests.browser.steps import big_screen_menu, create_session, join_people, money, shuffle_and_read_in

PROPOSED = 150_000
AMENDED = 120_000


def test_queue_amendment_and_changed_vote_reach_the_projector(day_server, new_context):
    trainer, console, projector, code = create_session(day_server, new_context)
    pages = join_people(day_server, new_context, code)
    shuffle_and_read_in(console, seed=11)
    expect(console.locator("#phase")).to_have_text("Read-in")
    console.get_by_role("button", name="Start board meeting").click()
    expect(console.locator("#phase")).to_have_text("Board meeting")

    view = trainer.request.get(f"{day_server.base_url}/api/sessions/{code}/view").json()
    source, target = [d for d in view["directorates"] if d["director"]]
    proposer = pages[source["director"]["name"]]
    amender = pages[target["director"]["name"]]
    seconder = pages[target["assistant"]["name"]]
    first, second = source["assistant"]["name"], target["assistant"]["name"]

    # The chair opens an item; the projector shows it with its own clock.
    console.get_by_label("Agenda item").select_option("budget")
    console.get_by_role("button", name="Open item").click()
    expect(projector.locator("#current")).to_contain_text("Budget strategy")
    expect(projector.locator("#item-clock")).to_contain_text("left")

    # Two hands go up; the chair calls the first, then the next.
    pages[first].get_by_role("button", name="Raise hand").click()
    expect(console.locator("#speakers")).to_contain_text(first)
    pages[second].get_by_role("button", name="Raise hand").click()
    expect(pages[second].get_by_role("button", name="Lower hand")).to_be_visible()
    floor = projector.locator("#floor")
    expect(floor).to_contain_text("Waiting to speak (2)")
    console.get_by_role("button", name="Call next speaker").click()
    expect(floor.locator(".speaking")).to_contain_text(first)
    expect(floor.locator(".queue")).to_contain_text(second)
    expect(pages[first].locator("#speakers")).to_contain_text("You have the floor.")
    console.get_by_role("button", name="Call next speaker").click()
    expect(floor.locator(".speaking")).to_contain_text(second)
    expect(floor).to_contain_text("Waiting to speak (0)")

    # A director proposes a budget transfer.
    proposer.get_by_role("radio", name="Budget transfer").check()
    proposer.get_by_label("Motion", exact=True).fill("Fund the repairs that stop the cost at its source.")
    proposer.get_by_label("Transfer from").select_option(label=source["name"])
    proposer.get_by_label("Transfer to").select_option(label=target["name"])
    proposer.get_by_label("Amount (£)").fill(str(PROPOSED))
    proposer.get_by_label("Reason", exact=True).fill("Paying for the cause costs less than paying for the symptoms.")
    proposer.get_by_role("button", name="Propose motion").click()

    # The other directorate proposes an amendment that changes the amount; the proposer accepts it.
    motion = amender.locator("#motion-m1")
    expect(motion).to_contain_text(money(PROPOSED))
    motion.get_by_role("button", name="Propose an amendment").click()
    motion.get_by_label("New wording").fill("Fund the repairs that stop the cost at its source, starting smaller.")
    motion.get_by_label("New amount (£)").fill(str(AMENDED))
    motion.get_by_role("button", name="Propose amendment").click()
    own = proposer.locator("#motion-m1")
    expect(own).to_contain_text("Waiting for the proposer")
    own.get_by_role("button", name="Accept amendment").click()
    expect(own.locator(".transfer").first).to_contain_text(money(AMENDED))
    expect(own).to_contain_text("starting smaller")

    # Seconded; a vote cannot close before the quorum, and the chair sees why.
    seconder.locator("#motion-m1").get_by_role("button", name="Second").click()
    expect(console.locator("#motion-m1")).to_contain_text("Voting open")
    expect(console.locator("#quorum-line")).to_contain_text("at least 2")
    console.locator("#motion-m1").get_by_role("button", name="Close vote").click()
    expect(console.locator("#errors")).to_contain_text("not quorate")

    # Both directorates vote; one changes its mind once, and its buttons show the current choice.
    theirs = seconder.locator("#motion-m1")
    theirs.get_by_role("button", name="Vote against").click()
    expect(theirs.get_by_role("button", name="Vote against")).to_have_attribute("aria-pressed", "true")
    expect(amender.locator("#motion-m1").get_by_role("button", name="Vote against")).to_have_attribute(
        "aria-pressed", "true"
    )
    theirs.get_by_role("button", name="Vote for").click()
    expect(theirs.get_by_role("button", name="Vote for")).to_have_attribute("aria-pressed", "true")
    expect(theirs.get_by_role("button", name="Vote against")).to_have_attribute("aria-pressed", "false")
    expect(theirs).to_contain_text("Your directorate's vote: For")
    proposer.locator("#motion-m1").get_by_role("button", name="Vote for").click()
    expect(console.locator("#motion-m1")).to_contain_text("2 for")
    expect(projector.locator("#motion-m1")).to_contain_text("2 for")
    console.locator("#motion-m1").get_by_role("button", name="Close vote").click()

    # Carried with the amended amount: the ledger and the corporate strategy follow, side by side on the big screen
    # once the trainer puts the ledger there.
    expect(projector.locator("#motion-m1")).to_contain_text("Carried")
    expect(projector.locator("#motion-m1")).to_contain_text(money(AMENDED))
    big_screen_menu(console).get_by_role("group", name="On the big screen").get_by_role("button", name="Ledger").click()
    ledger = projector.locator("#ledger")
    expect(ledger).to_contain_text(money(source["budget"] - AMENDED))
    expect(ledger).to_contain_text(money(target["budget"] + AMENDED))
    strategy = projector.locator("#strategy")
    expect(strategy.get_by_role("heading", name="Budget transfers")).to_be_visible()
    expect(strategy).to_contain_text(f"{money(AMENDED)} from {source['name']} to {target['name']}")
    for page in pages.values():
        expect(page.locator("#motion-m1")).to_contain_text("Carried")
        expect(page.locator("#strategy")).to_contain_text(money(AMENDED))
