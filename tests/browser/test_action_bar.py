"""The participant's action bar: a wanted second or vote shows at the bottom of the screen, without scrolling,
at a laptop's and a tablet's size; it marks the tab, tells screen readers, and its buttons act."""

import re
from functools import partial

from playwright.sync_api import expect

from tests.browser.steps import create_session, join_people, shuffle_and_read_in
from tests.browser.test_accessibility import violations
from tests.browser.test_debrief import PEOPLE, command
from tests.support import PAGE_HEADERS

LAPTOP = {"width": 1280, "height": 720}
TABLET = {"width": 768, "height": 1024}


def inside_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    scrolled = page.evaluate("() => window.scrollY")
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] and scrolled == 0


def test_the_bar_asks_for_a_second_then_a_vote_and_its_buttons_act(day_server, new_context):
    trainer, console, _projector, code = create_session(day_server, new_context)
    pages = join_people(day_server, new_context, code)
    shuffle_and_read_in(console, seed=11)
    console.get_by_role("button", name="Start board meeting").click()
    expect(console.locator("#phase")).to_have_text("Board meeting")
    console.get_by_label("Agenda item").select_option("budget")
    console.get_by_role("button", name="Open item").click()

    view = trainer.request.get(f"{day_server.base_url}/api/sessions/{code}/view").json()
    source, target = [d for d in view["directorates"] if d["director"]]
    proposer = pages[source["director"]["name"]]
    laptop, tablet = pages[target["director"]["name"]], pages[target["assistant"]["name"]]
    laptop.set_viewport_size(LAPTOP)
    tablet.set_viewport_size(TABLET)
    for page in (laptop, tablet):
        page.evaluate("() => window.scrollTo(0, 0)")
        expect(page.locator("#action-bar")).to_be_hidden()

    proposer.get_by_role("radio", name="Budget transfer").check()
    proposer.get_by_label("Motion", exact=True).fill("Fund the repairs that stop the cost at its source.")
    proposer.get_by_label("Transfer from").select_option(label=source["name"])
    proposer.get_by_label("Transfer to").select_option(label=target["name"])
    proposer.get_by_label("Amount (£)").fill("50000")
    proposer.get_by_label("Reason", exact=True).fill("Paying for the cause costs less than paying for the symptoms.")
    proposer.get_by_role("button", name="Propose motion").click()

    # The other directorate is asked to second; the proposer's own is not.
    bar = tablet.locator("#action-bar")
    expect(bar).to_contain_text("A seconder is wanted for motion 1")
    expect(tablet).to_have_title(f"(Seconder wanted) {view['session']['title']} – Neighbourhood plc")
    expect(proposer.locator("#action-bar")).to_be_hidden()
    bar.get_by_role("button", name="Second").click()

    # Voting opens: both of the pair see the bar without scrolling, the title and the spoken sentence.
    sentence = "Your vote is wanted on motion 1: “Fund the repairs that stop the cost at its source.”"
    for page in (laptop, tablet):
        bar = page.locator("#action-bar")
        expect(bar).to_contain_text(sentence)
        expect(page.locator("#action-live")).to_have_text(sentence)
        expect(page).to_have_title(f"(Vote wanted) {view['session']['title']} – Neighbourhood plc")
        for name in ("Vote for", "Vote against", "Abstain"):
            assert inside_viewport(page, bar.get_by_role("button", name=name)), (page.viewport_size, name)
        # The page is padded so the bar never hides the last control.
        padding = page.evaluate("() => parseFloat(getComputedStyle(document.body).paddingBottom)")
        assert padding >= bar.bounding_box()["height"]
    assert violations(laptop) == []

    laptop.locator("#action-bar").get_by_role("button", name="Vote against").click()
    expect(laptop.locator("#motion-m1")).to_contain_text("Your directorate's vote: Against")
    expect(console.locator("#motion-m1")).to_contain_text("1 against")
    # One vote per directorate: once cast, the bar goes for both of the pair and the title is plain again.
    for page in (laptop, tablet):
        expect(page.locator("#action-bar")).to_be_hidden()
        expect(page).to_have_title(f"{view['session']['title']} – Neighbourhood plc")
    expect(proposer.locator("#action-bar")).to_contain_text("Your vote is wanted on motion 1")


def test_the_reflection_is_asked_for_and_the_old_meeting_points_to_the_follow_up(day_server, new_context):
    base = day_server.base_url
    trainer = new_context()
    trainer.new_page().goto(day_server.sign_in_url)
    created = trainer.request.post(f"{base}/api/sessions", data={"scenario_id": "kilnbrook"}, headers=PAGE_HEADERS)
    code = created.json()["code"]
    seats = {}
    for name, agency in [*PEOPLE, ("Femi", "fire-rescue")]:
        context = new_context(viewport=TABLET)
        joined = context.request.post(
            f"{base}/api/sessions/{code}/join", data={"name": name, "agency": agency}, headers=PAGE_HEADERS
        )
        assert joined.ok, joined.text()
        seats[name] = context
    run = partial(command, base=base, code=code)
    run(trainer, type="auto-pair")
    run(trainer, type="shuffle", seed=11)
    for phase in ("read_in", "board", "debrief"):
        run(trainer, type="start-phase", phase=phase)

    page = seats["Asha"].new_page()
    page.goto(f"{base}/play/{code}")
    bar = page.locator("#action-bar")
    expect(bar).to_contain_text("your reflection on the partnership is wanted")
    expect(page).to_have_title(re.compile(r"^\(Reflection open\) "))
    assert inside_viewport(page, bar.get_by_role("link", name="Give your reflection"))
    expect(page.locator("#next-meeting")).to_be_hidden()

    follow = trainer.request.post(f"{base}/api/sessions/{code}/follow-up", headers=PAGE_HEADERS).json()["code"]
    page.reload()
    link = page.get_by_role("link", name="Go to your seat in the next meeting")
    expect(link).to_have_attribute("href", f"/play/{follow}")
    assert violations(page) == []
    link.click()
    # The seat from the first meeting lets them straight in: no join form.
    expect(page.get_by_role("heading", name="Your role")).to_be_visible()
    expect(page.locator("#role")).to_contain_text("Asha")
    expect(page.locator("#role")).to_contain_text("Housing")
    # Someone from an agency without a directorate comes too, as themselves, in words (no ids).
    femi = seats["Femi"].new_page()
    femi.goto(f"{base}/play/{code}")
    femi.get_by_role("link", name="Go to your seat in the next meeting").click()
    role = femi.locator("#role")
    expect(role).to_contain_text("You take part as yourself, for Hartbridge Fire and Rescue Service.")
    expect(role).not_to_contain_text("fire-rescue")
    expect(role).not_to_contain_text("speak to the trainer")
