"""The console's seating tables and the extra 10% answers are drawn in place (render.js): when someone joins or
a directorate answers, the control the trainer is using stays the same node and keeps focus, a ticked box stays
ticked, and the rows already there are not rebuilt. Everyone but the trainer sends commands over HTTP."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support import join, page_client, send, sign_in_client

AGENCIES = ["council-housing", "jobcentre", "nhs-primary-care", "police"]
HELD = "() => { const el = window.held; return !!el && el.isConnected && el === document.activeElement; }"


@pytest.fixture
def room(day_server, new_context):
    """A Kilnbrook session with four people in it, and the trainer's console open in Chromium."""
    with sign_in_client(day_server) as trainer:
        code = trainer.post("/api/sessions", json={"scenario_id": "kilnbrook"}).json()["code"]
        people = [page_client(day_server) for _ in range(8)]
        seats = [join(http, code, f"Person {i}", AGENCIES[i // 2]) for i, http in enumerate(people[:4])]
        console = new_context(viewport={"width": 1366, "height": 768}).new_page()
        console.goto(day_server.sign_in_url)
        expect(console.get_by_role("heading", name="Your sessions")).to_be_visible()
        console.goto(f"{day_server.base_url}/trainer/{code}")
        expect(console.locator("#roster")).to_contain_text("4 people have joined")
        try:
            yield code, console, trainer, people, seats
        finally:
            for http in people:
                http.close()


def test_a_focused_seat_control_stays_the_same_node_while_people_join_and_pair_up(room):
    code, console, trainer, people, seats = room
    roster = console.locator("#roster")
    # Focus on the first person's "move to pair" box, and tick the second person's "choose to remove".
    console.get_by_label("Choose Person 1 to remove").check()
    console.evaluate(
        """([first, second]) => {
          window.held = document.getElementById(`move-${first}`);
          window.held.focus();
          window.row = document.getElementById(`roster-${first}`);
          window.tick = document.getElementById(`choose-${second}`);
        }""",
        seats[:2],
    )
    for i, http in enumerate(people[4:8], start=4):
        join(http, code, f"Person {i}", AGENCIES[i % 4])
        expect(roster).to_contain_text(f"{i + 1} people have joined")
        assert console.evaluate(HELD), f"focus left the seat's control when person {i} joined"
    # Pairing everyone changes every row's "Pair" cell; the focused control and the row it sits in stay.
    send(trainer, code, {"type": "auto-pair"})
    expect(console.locator("#pairs")).to_contain_text("p4")
    assert console.evaluate(HELD)
    assert console.evaluate("() => window.row.isConnected && window.row.contains(window.held)")
    assert console.evaluate("() => window.tick.isConnected && window.tick.checked")
    # It is still the working control: the trainer moves the person from the keyboard.
    pair = console.evaluate("() => window.held.value")
    assert pair.startswith("p")
    console.keyboard.press("End")  # the last option: a pair of their own
    expect(console.locator("#pairs")).to_contain_text("on their own")
    assert console.evaluate(HELD)
    # Someone leaving takes their row away; everyone else's rows stay the nodes they were.
    console.evaluate("() => { window.rows = [...document.querySelectorAll('#roster tbody tr')]; }")
    send(trainer, code, {"type": "remove-seat", "seat_id": seats[3]})
    expect(roster).to_contain_text("7 people have joined")
    assert console.evaluate(HELD)
    kept = console.evaluate("() => window.rows.filter((row) => row.isConnected).length")
    assert kept == 7


def test_the_extra_ten_percent_answers_are_added_to_the_list_in_place(room):
    code, console, trainer, people, first_four = room
    seats = dict(zip(first_four, people[:4], strict=True))
    for i, http in enumerate(people[4:8], start=4):
        seats[join(http, code, f"Person {i}", AGENCIES[i % 4])] = http
    send(trainer, code, {"type": "auto-pair"})
    send(trainer, code, {"type": "shuffle", "seed": 5})
    for phase in ("read_in", "board"):
        send(trainer, code, {"type": "start-phase", "phase": phase})
    view = trainer.get(f"/api/sessions/{code}/view").json()
    held = [(d["id"], seats[d["director"]["id"]]) for d in view["directorates"] if d["director"]]
    send(trainer, code, {"type": "open-ten-percent"})
    console.get_by_role("tab", name="Consequences", exact=True).click()
    answers = console.locator("#ten .ten-answers-box")
    start = console.locator("#ten-start")
    for n, (_, http) in enumerate(held[:3], start=1):
        recipient = held[n % len(held)][0]
        send(http, code, {"type": "answer-ten-percent", "recipient": recipient, "reason": f"Reason {n}."})
        expect(answers.locator("li")).to_have_count(n)
        if n == 1:
            console.evaluate(
                "() => { window.list = document.querySelector('#ten .ten-answers-box ul');"
                " window.first = window.list.firstElementChild; }"
            )
            console.get_by_role("button", name="Reveal answers").focus()
            console.evaluate("() => { window.held = document.activeElement; }")
    assert console.evaluate("() => window.list.isConnected && window.first.isConnected")
    assert console.evaluate(HELD)
    expect(start).to_be_disabled()
