"""Updates redraw the participant's page in place: the focused control stays the same node and keeps focus,
an open "How each directorate voted" stays open, focus after Propose and Second lands somewhere visible,
and a changed vote is said in the page's polite live region. A full board of eight directorates:
one participant in Chromium, everyone else sending commands over HTTP as their own browsers would."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.steps import churn_counter, open_part
from tests.browser.test_accessibility import violations
from tests.support import join, page_client, send, sign_in_client

# Two people from each of eight agencies: each pair comes from one agency, and the shuffle keeps it off its own directorate.
AGENCIES = [
    "council-housing", "jobcentre", "nhs-primary-care", "police",
    "schools", "council-finance", "environmental-health", "social-services",
]  # fmt: skip
BROWSER_ORGANISATION = "Hartbridge Council Housing Services"

HELD = "() => { const el = window.held; return !!el && el.isConnected && el === document.activeElement; }"
VISIBLE_FOCUS = """() => {
  const el = document.activeElement;
  return !!el && el !== document.body && el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden]');
}"""


@dataclass
class Room:
    code: str
    page: Page
    mine: str  # the browser's directorate
    trainer: object
    seats: dict[str, object]  # directorate -> an HTTP client holding it (not the browser's)


@pytest.fixture
def room(day_server, new_context):
    with sign_in_client(day_server) as trainer:
        code = trainer.post("/api/sessions", json={"scenario_id": "kilnbrook"}).json()["code"]
        page = new_context(viewport={"width": 1100, "height": 900}).new_page()
        page.goto(f"{day_server.base_url}/play/{code.lower()}")
        page.get_by_label("Your name").fill("Asha")
        page.get_by_label("Your organisation").select_option(label=BROWSER_ORGANISATION)
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_role("heading", name="Your role")).to_be_visible()
        others = []
        for i, agency in enumerate([AGENCIES[0]] + [a for a in AGENCIES[1:] for _ in (0, 1)]):
            http = page_client(day_server)
            http.get(f"/api/sessions/{code}/lobby")  # as a browser would: it is given its browser id first
            others.append((join(http, code, f"Person {i}", agency), http))
        for command in ({"type": "auto-pair"}, {"type": "shuffle", "seed": 3}):
            send(trainer, code, command)
        for phase in ("read_in", "board"):
            send(trainer, code, {"type": "start-phase", "phase": phase})
        send(trainer, code, {"type": "open-item", "item_id": "budget"})
        view = trainer.get(f"/api/sessions/{code}/view").json()
        holder = {
            person["id"]: d["id"] for d in view["directorates"] for person in (d["director"], d["assistant"]) if person
        }
        mine = next(d for seat_id, d in holder.items() if seat_id not in dict(others))
        seats = {}
        for seat_id, http in others:
            if holder.get(seat_id) and holder[seat_id] != mine:
                seats.setdefault(holder[seat_id], http)
        try:
            assert len(seats) == 7, (holder, mine)
            expect(page.locator("#motions-section")).to_be_visible()
            yield Room(code, page, mine, trainer, seats)
        finally:
            for _, http in others:
                http.close()


def open_vote(room: Room) -> None:
    """Another directorate proposes a motion and a third seconds it, so voting is open."""
    proposer, seconder = list(room.seats.values())[:2]
    send(
        proposer, room.code, {"type": "propose", "kind": "free", "text": "Pool the early-help money.", "secret": False}
    )
    send(seconder, room.code, {"type": "second", "motion_id": "m1"})
    expect(room.page.locator("#vote-for-m1")).to_be_visible()


def wait_for_votes(page: Page, voted: int) -> None:
    expect(page.locator("#motion-m1 .tally")).to_contain_text(
        re.compile(rf"(?<!\d){voted} of 8 directorates ha(s|ve) voted")
    )


CHURN = churn_counter("motions")  # elements added to or removed from #motions since the last read


def test_the_focused_vote_button_stays_the_same_node_while_ten_votes_arrive(room):
    open_vote(room)
    page = room.page
    page.evaluate("() => { window.held = document.getElementById('vote-for-m1'); window.held.focus(); }")
    page.evaluate(CHURN)
    others = list(room.seats.items())
    churn = []
    for n, (_, http) in enumerate(others, start=1):
        send(http, room.code, {"type": "vote", "motion_id": "m1", "choice": "for"})
        wait_for_votes(page, n)
        assert page.evaluate(HELD), f"focus left the button after vote {n}"
        churn.append(page.evaluate(CHURN))
    for directorate, http in others[:3]:
        send(http, room.code, {"type": "vote", "motion_id": "m1", "choice": "against"})
        expect(page.locator("#updates")).to_contain_text("changed its vote on motion 1 to against")
        assert page.evaluate(HELD), f"focus left the button after {directorate} changed its vote"
        churn.append(page.evaluate(CHURN))
    # Only what a vote changed is redrawn: the first brings the ballots list (and ends amendments, so their button
    # goes); each later one adds its line; a changed vote only edits text. Rebuilding the card would be 50 or more.
    assert churn[0] <= 8 and all(n <= 1 for n in churn[1:]), churn
    expect(page.locator("#motion-m1 .tally")).to_contain_text("4 for")
    expect(page.locator("#motion-m1 .tally")).to_contain_text("3 against")
    # Still the button it was, pressed from the keyboard, and the vote is cast.
    page.keyboard.press("Enter")
    expect(page.locator("#motion-m1")).to_contain_text("Your directorate's vote: For")
    assert page.evaluate(HELD)


def test_an_open_ballots_list_stays_open_and_focused_and_a_changed_vote_is_announced(room):
    open_vote(room)
    page = room.page
    (first_name, first), *rest = room.seats.items()
    send(first, room.code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    summary = page.locator("#motion-m1 summary")
    expect(summary).to_have_text("How each directorate voted")
    summary.focus()
    page.keyboard.press("Enter")
    page.evaluate("() => { window.held = document.activeElement; }")
    assert page.evaluate("() => window.held.tagName") == "SUMMARY"
    for n, (_, http) in enumerate(rest, start=2):
        send(http, room.code, {"type": "vote", "motion_id": "m1", "choice": "abstain"})
        wait_for_votes(page, n)
    send(first, room.code, {"type": "vote", "motion_id": "m1", "choice": "against"})
    view = room.trainer.get(f"/api/sessions/{room.code}/view").json()
    name = next(d["name"] for d in view["directorates"] if d["id"] == first_name)
    expect(page.locator("#updates")).to_contain_text(f"{name} changed its vote on motion 1 to against.")
    expect(page.locator("#updates")).to_have_attribute("aria-live", "polite")
    assert page.evaluate(HELD)
    assert page.evaluate("() => window.held.closest('details').open")
    expect(page.locator("#motion-m1 details.ballots")).to_contain_text(f"{name}: Against")
    assert violations(page) == []


def test_focus_after_propose_and_second_lands_somewhere_visible(room):
    page = room.page
    page.get_by_role("radio", name="Strategy").check()
    page.get_by_label("Motion", exact=True).fill("Share the case data between housing and health.")
    page.get_by_role("button", name="Propose motion").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#motion-m1")).to_be_visible()
    page.wait_for_function("() => document.activeElement.id === 'motion-m1-title'")
    assert page.evaluate(VISIBLE_FOCUS)

    other = next(iter(room.seats.values()))
    send(other, room.code, {"type": "propose", "kind": "free", "text": "Open the hub on Saturdays.", "secret": False})
    second = page.locator("#second-m2")
    second.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#motion-m2")).to_contain_text("Voting open")
    # The Second button is gone; focus went to what replaced it in the card, the vote buttons.
    page.wait_for_function("() => document.activeElement.id === 'vote-for-m2'")
    assert page.evaluate(VISIBLE_FOCUS)
    assert violations(page) == []


def console_for(day_server, new_context, code: str) -> Page:
    trainer = new_context(viewport={"width": 1400, "height": 1000})
    console = trainer.new_page()
    console.goto(day_server.sign_in_url)
    expect(console.get_by_role("heading", name="Your sessions")).to_be_visible()
    console.goto(f"{day_server.base_url}/trainer/{code}")
    expect(console.locator("#phase")).to_have_text("Board meeting")
    return console


def test_the_trainer_keeps_typing_and_focus_in_the_agenda_editor_and_a_ruling(room, day_server, new_context):
    console = console_for(day_server, new_context, room.code)
    editor = console.locator("#agenda-editor")
    open_part(console, "Read-in")
    # Moving an item down keeps focus on the same button, which moved with its item.
    console.evaluate("() => { window.held = document.getElementById('down-objectives'); window.held.focus(); }")
    console.keyboard.press("Enter")
    expect(editor.locator("li").nth(1)).to_contain_text("Corporate objectives")
    assert console.evaluate(HELD)

    # A half-written new title survives other people's updates, in the same field, still focused.
    editor.get_by_role("button", name="Edit “Departmental targets”").click()
    title = console.locator("#edit-targets-title")
    title.fill("Departmental targets, with owners")
    console.evaluate("() => { window.held = document.getElementById('edit-targets-title'); }")
    others = list(room.seats.values())
    send(others[0], room.code, {"type": "propose", "kind": "free", "text": "Publish the minutes.", "secret": False})
    send(room.trainer, room.code, {"type": "move-item", "item_id": "budget", "position": 0})
    expect(editor.locator("li").first).to_contain_text("Budget strategy")
    expect(console.locator("#motion-m1")).to_contain_text("Publish the minutes.")
    assert console.evaluate(HELD)
    expect(title).to_have_value("Departmental targets, with owners")

    open_part(console, "Meeting")
    expect(console.locator("#motion-m1")).to_be_visible()

    # A focused toggle stays the same node, and its name follows what it now does.
    console.evaluate("() => { window.held = document.getElementById('ballot-m1'); window.held.focus(); }")
    console.keyboard.press("Enter")
    expect(console.locator("#ballot-m1")).to_have_text("Make ballot named")
    expect(room.page.locator("#motion-m1")).to_contain_text("Secret ballot")
    assert console.evaluate(HELD)

    # The chair's "Rule out of order" form on a motion card keeps its reason across an update.
    card = console.locator("#motion-m1")
    card.get_by_role("button", name="Rule out of order").click()
    card.get_by_role("button", name="Rule it out of order").click()  # no reason yet: refused, nothing sent
    expect(card).to_contain_text("Say why the motion is out of order.")
    expect(card.get_by_label("Why it is out of order")).to_be_focused()
    expect(card.get_by_label("Why it is out of order")).to_have_attribute("aria-invalid", "true")
    expect(room.page.locator("#motion-m1")).not_to_contain_text("Ruled out of order")
    card.get_by_label("Why it is out of order").fill("It is not on this item")
    send(others[1], room.code, {"type": "raise-hand"})
    expect(console.locator("#speakers")).to_contain_text("Waiting to speak (1)")
    expect(card.get_by_label("Why it is out of order")).to_have_value("It is not on this item")
    card.get_by_role("button", name="Rule it out of order").click()
    expect(card).to_contain_text("Ruled out of order by the chair. It is not on this item")
    expect(room.page.locator("#motion-m1")).to_contain_text("Ruled out of order")


def test_the_error_banner_never_covers_the_focused_control(room):
    open_vote(room)
    page = room.page
    vote = page.locator("#vote-for-m1")
    vote.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#motion-m1")).to_contain_text("Your directorate's vote: For")
    # The button at the very top of the screen; pressing it again is refused, and the refusal shows in the
    # banner that sticks to the top of the screen.
    page.evaluate("() => document.getElementById('vote-for-m1').scrollIntoView({ block: 'start' })")
    page.keyboard.press("Enter")
    banner = page.locator("#errors")
    expect(banner).to_contain_text("already “For”")
    page.wait_for_function(
        """() => {
          const banner = document.getElementById('errors').getBoundingClientRect();
          const focused = document.activeElement.getBoundingClientRect();
          return document.activeElement.id === 'vote-for-m1' && focused.top >= banner.bottom;
        }"""
    )


def test_the_pairs_drafts_keep_focus_while_they_change(room):
    page = room.page
    drafts = page.locator("#drafts-section")
    for wording in ("Publish every transfer.", "Meet again in March."):
        page.locator("#draft-text").fill(wording)
        drafts.get_by_role("button", name="Save draft").click()
        expect(drafts.locator(".draft-list")).to_contain_text(wording)
    first, second = drafts.locator(".draft-list li").all()
    second_id = second.get_attribute("id")
    # When a draft goes, the others keep their nodes, and focus moves to a visible control rather than the page.
    page.evaluate(f"() => {{ window.held = document.querySelector('#{second_id} button:nth-of-type(2)'); }}")
    first.get_by_role("button", name="Discard").focus()
    page.keyboard.press("Enter")
    expect(drafts.locator(".draft-list li")).to_have_count(1)
    assert page.evaluate(VISIBLE_FOCUS)
    assert page.evaluate("() => window.held.isConnected && window.held.textContent.startsWith('Table this motion')")
    page.evaluate("() => window.held.focus()")
    page.keyboard.press("Enter")
    expect(page.locator("#motions")).to_contain_text("Meet again in March.")
    expect(page.locator(f"#{second_id}")).to_contain_text("Tabled as motion")
    assert page.evaluate(VISIBLE_FOCUS)
