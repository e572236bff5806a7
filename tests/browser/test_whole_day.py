"""A trainer and four participants, each in their own browser, from arrival to a carried budget transfer."""

import re

from playwright.sync_api import expect

PEOPLE = [("Asha", "Hartbridge Council Housing Services"), ("Ben", "Hartbridge Council Housing Services"),
          ("Chloe", "NHS Hartbridge Primary Care Network"), ("Dev", "NHS Hartbridge Primary Care Network")]
AMOUNT = 150_000


def money(amount: int) -> str:
    return f"£{amount:,}"


def test_lobby_to_a_carried_transfer_seen_on_the_projector(day_server, new_context):
    trainer_context = new_context(viewport={"width": 1400, "height": 1000})
    console = trainer_context.new_page()
    console.goto(day_server.sign_in_url)
    expect(console.get_by_role("heading", name="Your sessions")).to_be_visible()
    console.get_by_label("Scenario", exact=True).select_option("kilnbrook")
    console.get_by_role("button", name="Create session").click()
    console.wait_for_url(re.compile(r"/trainer/[A-Z0-9]{6}$"))
    code = console.url.rsplit("/", 1)[1]

    projector = trainer_context.new_page()
    projector.goto(f"{day_server.base_url}/projector/{code}")
    expect(projector.get_by_text(code).first).to_be_visible()

    pages = {}
    for name, organisation in PEOPLE:
        page = new_context(viewport={"width": 1100, "height": 900}).new_page()
        page.goto(f"{day_server.base_url}/play/{code.lower()}")
        page.get_by_label("Your name").fill(name)
        page.get_by_label("Your organisation").select_option(label=organisation)
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_role("heading", name="Your role")).to_be_visible()
        pages[name] = page
    for name, _ in PEOPLE:
        expect(projector.locator("body")).to_contain_text(name)

    console.get_by_role("button", name="Auto-pair").click()
    expect(console.locator("#pairs")).to_contain_text("p2")
    console.get_by_label("Seed (optional)").fill("11")
    console.get_by_role("button", name="Shuffle roles").click()
    expect(console.locator("#shuffle-result")).to_contain_text("11")
    console.get_by_role("button", name="Start read-in").click()

    view = trainer_context.request.get(f"{day_server.base_url}/api/sessions/{code}/view").json()
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

    proposer.get_by_label("Motion").fill("Move money to where the exported cost starts.")
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
