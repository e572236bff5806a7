"""A pooled fund and a lever from the participant's page: money moved into the fund shows in the ledger as
doing nothing until the board votes it a purpose, and a strategy motion names the purpose from a list."""

import uuid
from functools import partial

from playwright.sync_api import expect

from tests.support import PAGE_HEADERS

PEOPLE = [
    ("Asha", "council-housing"),
    ("Ben", "council-housing"),
    ("Chloe", "nhs-primary-care"),
    ("Dev", "nhs-primary-care"),
]


def command(context, base, code, **body):
    response = context.request.post(
        f"{base}/api/sessions/{code}/commands",
        data={"id": uuid.uuid4().hex, "command": body},
        headers=PAGE_HEADERS,
    )
    assert response.ok, f"{body['type']}: {response.status} {response.text()}"


def carry(trainer, seats, base, code, motion_id, proposer_name, seconder_name):
    run = partial(command, base=base, code=code)
    run(seats[seconder_name], type="second", motion_id=motion_id)
    run(seats[proposer_name], type="vote", motion_id=motion_id, choice="for")
    run(seats[seconder_name], type="vote", motion_id=motion_id, choice="for")
    run(trainer, type="close-vote", motion_id=motion_id)


def test_money_in_a_pooled_fund_waits_for_a_purpose_the_board_votes(day_server, new_context):
    base = day_server.base_url
    trainer = new_context(viewport={"width": 1400, "height": 1000})
    trainer.new_page().goto(day_server.sign_in_url)
    code = trainer.request.post(f"{base}/api/sessions", data={"scenario_id": "kilnbrook"}, headers=PAGE_HEADERS).json()[
        "code"
    ]
    seats = {}
    for name, agency in PEOPLE:
        context = new_context(viewport={"width": 1200, "height": 1000})
        assert context.request.post(
            f"{base}/api/sessions/{code}/join", data={"name": name, "agency": agency}, headers=PAGE_HEADERS
        ).ok
        seats[name] = context
    run = partial(command, base=base, code=code)
    for step in ({"type": "auto-pair"}, {"type": "shuffle", "seed": 11}):
        run(trainer, **step)
    run(trainer, type="start-phase", phase="read_in")
    run(trainer, type="start-phase", phase="board")
    run(trainer, type="open-item", item_id="budget")
    view = trainer.request.get(f"{base}/api/sessions/{code}/view").json()
    first, second = (d["director"]["name"] for d in view["directorates"] if d["director"])
    page = seats[first].new_page()
    page.goto(f"{base}/play/{code}")

    page.get_by_role("radio", name="Budget transfer").check()
    page.get_by_label("Motion", exact=True).fill("Pool money for prevention.")
    giver = next(d for d in view["directorates"] if d["director"] and d["director"]["name"] == first)
    page.get_by_label("Transfer from").select_option(label=giver["name"])
    page.get_by_label("Transfer to").select_option(label="Kilnbrook prevention fund (pooled fund)")
    page.get_by_label("Amount (£)").fill("100000")
    page.get_by_label("Reason", exact=True).fill("Prevention we buy together.")
    page.get_by_role("button", name="Propose motion").click()
    expect(page.locator("#motion-m1")).to_be_visible()
    carry(trainer, seats, base, code, "m1", first, second)
    ledger = page.locator("#ledger")
    expect(ledger).to_contain_text("Pooled fund with no purpose yet: its money does nothing")
    expect(ledger).to_contain_text("£100,000")

    page.get_by_role("radio", name="Strategy").check()
    page.get_by_label("Motion", exact=True).fill("Spend the prevention fund on warm homes.")
    page.get_by_label("Lever or fund purpose").select_option(
        label="Kilnbrook prevention fund: Warm homes (insulation and energy advice)"
    )
    page.get_by_role("button", name="Propose motion").click()
    expect(page.locator("#motion-m2")).to_be_visible()
    carry(trainer, seats, base, code, "m2", first, second)
    expect(ledger).to_contain_text("Pooled fund for: Warm homes (insulation and energy advice)")
    motion = trainer.request.get(f"{base}/api/sessions/{code}/view").json()["motions"][1]
    assert motion["lever"] == "warm-homes" and motion["status"] == "carried"
