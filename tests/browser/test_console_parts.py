"""The console follows the day: one part at a time under a bar that stays in view, the running phase's part chosen,
"Start board meeting" a few Tab presses from the top, and on a laptop every part fits the screen, a long list
scrolling in its own pane (test_console_fits.py checks every part at every phase of a played day)."""

import re

from playwright.sync_api import expect

from tests.browser.steps import create_session, join_people, open_part
from tests.browser.test_accessibility import violations
from tests.support import PAGE_HEADERS

LAPTOP = {"width": 1366, "height": 768}
SMALL_LAPTOP = {"width": 1280, "height": 720}
NARROW = {"width": 900, "height": 700}
PARTS = ["Seating", "Read-in", "Meeting", "Consequences", "Debrief", "Record"]


def open_console(server, new_context, viewport):
    trainer = new_context(viewport=viewport)
    page = trainer.new_page()
    page.goto(server.sign_in_url)
    expect(page.get_by_role("heading", name="Your sessions")).to_be_visible()
    created = trainer.request.post(
        f"{server.base_url}/api/sessions", data={"scenario_id": "kilnbrook"}, headers=PAGE_HEADERS
    )
    code = created.json()["code"]
    page.goto(f"{server.base_url}/trainer/{code}")
    expect(page.locator("#phase")).to_have_text("Arrival")
    return page, code


def tabs_to_reach(page, button) -> int:
    """Presses Tab from the top of a freshly loaded page until `button` has focus; returns how many presses."""
    for presses in range(1, 100):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            return presses
    raise AssertionError("Tab never reached the button")


def fits(page) -> bool:
    return page.evaluate(
        "() => document.scrollingElement.scrollHeight <= innerHeight && document.scrollingElement.scrollWidth <= innerWidth"
    )


def inside_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] and box["x"] >= 0


def test_start_board_meeting_is_a_few_tab_presses_from_the_top(day_server, new_context):
    page, _ = open_console(day_server, new_context, LAPTOP)
    start = page.get_by_role("button", name="Start board meeting")
    presses = tabs_to_reach(page, start)
    assert presses <= 10, presses  # it took 62 when every part of the day was on one long page
    # Focus is drawn where the keyboard is.
    assert start.evaluate("el => getComputedStyle(el).outlineStyle") != "none"


def test_the_big_screen_menu_opens_from_the_keyboard_and_closes_on_escape(day_server, new_context):
    page, _ = open_console(day_server, new_context, SMALL_LAPTOP)
    summary = page.locator("#stage-picker summary")
    summary.focus()
    page.keyboard.press("Enter")
    stages = page.get_by_role("group", name="On the big screen")
    expect(stages).to_be_visible()
    assert violations(page) == []
    page.keyboard.press("Tab")
    expect(stages.get_by_role("button", name="Join")).to_be_focused()
    page.keyboard.press("Escape")
    expect(stages).to_be_hidden()
    expect(summary).to_be_focused()
    # Clicking elsewhere closes it too, so it never sits over the part of the day below.
    page.keyboard.press("Enter")
    expect(stages).to_be_visible()
    page.get_by_role("heading", name="People").click()
    expect(stages).to_be_hidden()


def test_the_parts_of_the_day_show_one_at_a_time_and_follow_the_phase(day_server, new_context):
    _, console, _, code = create_session(day_server, new_context)
    join_people(day_server, new_context, code)
    console.set_viewport_size(LAPTOP)
    tabs = console.get_by_role("tablist", name="Parts of the day")
    panels = console.get_by_role("tabpanel")
    expect(panels).to_have_count(1)
    expect(tabs.get_by_role("tab", name="Seating")).to_have_attribute("aria-selected", "true")
    expect(console.get_by_role("tabpanel", name="Seating")).to_contain_text("Asha")
    # At arrival on a laptop, what the trainer works with is on screen without scrolling.
    for control in (
        console.get_by_role("button", name="Auto-pair"),
        console.get_by_role("button", name="Shuffle roles"),
        console.get_by_role("table", name="People in this session"),
    ):
        assert inside_viewport(console, control), control
    assert violations(console) == []

    # The arrow keys move between the parts; only the chosen tab is in the Tab order.
    tabs.get_by_role("tab", name="Seating").focus()
    console.keyboard.press("ArrowRight")
    expect(tabs.get_by_role("tab", name="Read-in")).to_be_focused()
    expect(console.get_by_role("tabpanel", name="Read-in")).to_be_visible()
    expect(console.get_by_role("tabpanel", name="Seating")).to_be_hidden()
    console.keyboard.press("End")
    expect(tabs.get_by_role("tab", name="Record")).to_have_attribute("aria-selected", "true")
    assert tabs.get_by_role("tab", name="Seating").get_attribute("tabindex") == "-1"

    # In a narrow window the part scrolls as a page does, and the bar stays at the top however far it scrolls.
    console.set_viewport_size(NARROW)
    open_part(console, "Read-in")
    console.evaluate("() => window.scrollTo(0, document.scrollingElement.scrollHeight)")
    bar = console.locator("#console-bar")
    assert console.evaluate("() => window.scrollY") > 0
    assert bar.bounding_box()["y"] == 0
    for name in ("Pause clock", "Start board meeting"):
        assert inside_viewport(console, bar.get_by_role("button", name=name)), name
    # Moving focus to a control scrolled out of sight brings it into view below the bar, never under it.
    console.locator("#stage-picker summary").focus()
    console.keyboard.press("Tab")
    read_in = tabs.get_by_role("tab", name="Read-in")
    expect(read_in).to_be_focused()
    bar_box = bar.bounding_box()
    assert read_in.bounding_box()["y"] >= bar_box["y"] + bar_box["height"]

    # On a laptop the page never scrolls: a long pane scrolls on its own, and focus moved down it stays in view.
    console.set_viewport_size(LAPTOP)
    assert fits(console)
    pane = console.get_by_role("region", name="Agenda editor")
    last = pane.locator("button:visible").last
    last.focus()
    assert pane.evaluate("el => el.scrollTop") > 0
    assert inside_viewport(console, last) and inside_viewport(console, bar)

    # Starting a phase brings its part forward.
    open_part(console, "Seating")
    console.get_by_role("button", name="Auto-pair").click()
    console.get_by_role("button", name="Shuffle roles").click()
    expect(console.locator("#shuffle-result")).to_contain_text("Seed")
    console.get_by_role("button", name="Start read-in").click()
    expect(tabs.get_by_role("tab", name="Read-in")).to_have_attribute("aria-selected", "true")
    console.get_by_role("button", name="Start board meeting").click()
    expect(tabs.get_by_role("tab", name="Meeting")).to_have_attribute("aria-selected", "true")
    expect(console.get_by_role("button", name="Start board meeting")).to_have_attribute("aria-current", "step")
    assert violations(console) == []

    # The short parts fit a small laptop's screen with no scrolling at all.
    console.set_viewport_size(SMALL_LAPTOP)
    for part in ("Consequences", "Debrief", "Record"):
        open_part(console, part)
        assert fits(console), part
    open_part(console, "Consequences")
    console.get_by_role("button", name="Advance a year").click()
    expect(console.locator("#dividend-line")).to_have_text(re.compile(r"Residents' dividend after 1 year: \d+\.\d\d"))
