"""The debrief: money moved to the source of an exported cost lifts the dividend on the trainer's
debrief page, and the participants' reflections reach the projector's debrief once enough have answered."""

import re
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
# Health carries £920,000 a year of the costs Housing exports; paying Housing to prevent them helps Health too.
AMOUNT = 520_000
COMMENTS = {"Asha": "Residents should have spoken earlier.", "Ben": "The money followed the cost.", "Chloe": ""}


def command(context, base, code, **body):
    """Sends one command over HTTP with this browser's cookies (the trainer's, or a seat's)."""
    response = context.request.post(
        f"{base}/api/sessions/{code}/commands", data={"id": uuid.uuid4().hex, "command": body}, headers=PAGE_HEADERS
    )
    assert response.ok, f"{body['type']}: {response.status} {response.text()}"


def test_a_transfer_to_the_source_lifts_the_dividend_and_reflections_reach_the_projector(day_server, new_context):
    base = day_server.base_url
    trainer = new_context(viewport={"width": 1400, "height": 1000})
    console = trainer.new_page()
    console.goto(day_server.sign_in_url)
    expect(console.get_by_role("heading", name="Your sessions")).to_be_visible()
    created = trainer.request.post(f"{base}/api/sessions", data={"scenario_id": "kilnbrook"}, headers=PAGE_HEADERS)
    assert created.status == 201, created.text()
    code = created.json()["code"]

    seats = {}
    for name, agency in PEOPLE:
        context = new_context(viewport={"width": 1000, "height": 900})
        joined = context.request.post(
            f"{base}/api/sessions/{code}/join", data={"name": name, "agency": agency}, headers=PAGE_HEADERS
        )
        assert joined.ok, joined.text()
        seats[name] = context

    run = partial(command, base=base, code=code)
    run(trainer, type="auto-pair")
    run(trainer, type="shuffle", seed=11)
    run(trainer, type="start-phase", phase="read_in")
    run(trainer, type="start-phase", phase="board")
    run(trainer, type="open-item", item_id="budget")

    # Before the debrief, a participant's reflection page says when it opens.
    asha = seats["Asha"].new_page()
    asha.goto(f"{base}/play/{code.lower()}/debrief")
    expect(asha.get_by_role("heading", name="The reflection opens at the debrief")).to_be_visible()
    expect(asha.get_by_role("link", name="Back to the session").first).to_have_attribute("href", f"/play/{code}")

    # The two held directorates carry a transfer from Health to Housing, the source of Housing → Health.
    view = trainer.request.get(f"{base}/api/sessions/{code}/view").json()
    held = [d for d in view["directorates"] if d["director"]]
    assert len(held) == 2
    proposer, seconder = (seats[d["director"]["name"]] for d in held)
    run(
        proposer,
        type="propose",
        kind="transfer",
        text="Fund damp repairs where the cost starts.",
        transfer={
            "source": "health",
            "target": "housing",
            "amount": AMOUNT,
            "reason": "Damp homes fill the surgeries.",
            "addresses": "housing>health",
        },
    )
    motion_id = trainer.request.get(f"{base}/api/sessions/{code}/view").json()["motions"][0]["id"]
    run(seconder, type="second", motion_id=motion_id)
    run(proposer, type="vote", motion_id=motion_id, choice="for")
    run(seconder, type="vote", motion_id=motion_id, choice="for")
    run(trainer, type="close-vote", motion_id=motion_id)
    view = trainer.request.get(f"{base}/api/sessions/{code}/view").json()
    assert view["motions"][0]["status"] == "carried"
    run(trainer, type="start-phase", phase="debrief")

    # The participant's page follows the phase: the form opens without a reload.
    expect(asha.get_by_role("heading", name="How did the partnership work?")).to_be_visible()

    # The trainer's debrief: no rounds yet, then a year on, the dividend above 100.
    debrief = trainer.new_page()
    debrief.goto(f"{base}/trainer/{code}/debrief")
    expect(debrief.get_by_role("heading", name="Debrief: Neighbourhood plc: Kilnbrook")).to_be_visible()
    expect(debrief.get_by_text("Time has not moved on yet").first).to_be_visible()
    # The record to share is anonymised; the full record, the one that imports again, is asked for by name.
    shared = f"/api/sessions/{code}/export.json"
    expect(debrief.get_by_role("link", name="Download the session to share (JSON)")).to_have_attribute("href", shared)
    full = debrief.get_by_role("link", name="Download the full record (JSON)")
    expect(full).to_have_attribute("href", f"{shared}?full=1")
    transfers = debrief.get_by_role("region", name="Budget flows between directorates")
    expect(transfers.get_by_role("listitem").filter(has_text="£520,000 from Health to Housing")).to_be_visible()
    debrief.get_by_role("button", name="Advance a year").click()
    headline = debrief.get_by_text("Residents' dividend after 1 year:")
    expect(headline).to_be_visible()
    dividend = float(re.search(r"(\d+\.\d\d)", headline.inner_text()).group(1))
    nothing = debrief.get_by_text("Had the board done nothing:")
    expect(nothing).to_be_visible()
    assert dividend > float(re.search(r"(\d+\.\d\d)", nothing.inner_text()).group(1))
    why = debrief.get_by_role("list").filter(has_text="Housing's indicators: its budget is up £520,000 on the start")
    expect(why).to_be_visible()
    expect(debrief.get_by_role("img", name=re.compile("Line chart: the residents' dividend"))).to_be_visible()

    table = debrief.get_by_role("table", name="Indicators against targets")
    expect(table).to_be_visible()
    damp = table.get_by_role("row").filter(has_text="Council homes with a serious damp")
    expect(damp).to_contain_text("Housing")
    expect(damp).to_contain_text("of the way")
    expect(
        debrief.get_by_text("Health: £536,293 a year of extra demand exported by the shortfall in Housing", exact=False)
    ).to_be_visible()

    # The projector: large type, no controls, the part the console put on it, the results once three have answered.
    run(trainer, type="set-stage", stage="debrief-reflection")
    screen = trainer.new_page()
    screen.goto(f"{base}/projector/{code}/debrief")
    results = screen.get_by_role("region", name="How the partnership worked")
    expect(results).to_contain_text("Nobody has answered yet")
    expect(screen.get_by_role("button", name="Advance a year")).to_have_count(0)
    expect(screen.get_by_role("button", name="Delete this session")).to_have_count(0)

    features = view["reflection"]["features"]
    for score, name in enumerate(["Asha", "Ben", "Chloe"], start=3):
        page = asha if name == "Asha" else seats[name].new_page()
        if name != "Asha":
            page.goto(f"{base}/play/{code}/debrief")
        for feature in features:
            page.get_by_role("group", name=feature["label"]).get_by_role("radio", name=str(score), exact=False).check()
        if COMMENTS[name]:
            page.get_by_label("Comment (optional)").fill(COMMENTS[name])
        page.get_by_role("button", name="Send my reflection").click()
        expect(page.get_by_text("Thank you: your reflection is in.")).to_be_visible()
        expect(page.get_by_role("region", name="Your current answers")).to_contain_text(f"{score} out of 5")
        if name == "Ben":
            expect(results).to_contain_text("2 people have answered so far")

    expect(results).to_contain_text("3 people have answered")
    expect(results.get_by_role("img", name=re.compile("Stacked bar chart"))).to_be_visible()
    # The numbers behind the chart are on the trainer's own copy (the big screen shows the chart and the comments).
    scores = debrief.get_by_role("table", name=re.compile("Reflection results"))
    expect(scores).to_be_visible()
    shared_aims = scores.get_by_role("row").filter(has_text="Shared aims")
    expect(shared_aims.get_by_role("cell").first).to_have_text("4")  # the average of 3, 4 and 5
    expect(results.get_by_text("Residents should have spoken earlier.")).to_be_visible()
    expect(results.get_by_text("The money followed the cost.")).to_be_visible()
    expect(results.get_by_role("img", name=re.compile("Stacked bar chart"))).to_be_visible()

    # Answering again replaces the answer: still three people. The totals wait until two more people have
    # answered or changed theirs, so the room cannot see Asha's change on its own.
    asha.get_by_role("group", name=features[0]["label"]).get_by_role("radio", name="5 (excellent)").check()
    asha.get_by_role("button", name="Send my reflection").click()
    expect(asha.get_by_text("Thank you: your reflection has been updated.")).to_be_visible()
    expect(results).to_contain_text("updated once 2 more people have answered or changed their answers")
    expect(shared_aims.get_by_role("cell").first).to_have_text("4")  # still 3, 4 and 5
    expect(results).to_contain_text("3 people have answered")
