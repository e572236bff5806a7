"""Steps shared by the browser tests, done through the pages as a trainer and participants would."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

PEOPLE = [
    ("Asha", "Hartbridge Council Housing Services"),
    ("Ben", "Hartbridge Council Housing Services"),
    ("Chloe", "NHS Hartbridge Primary Care Network"),
    ("Dev", "NHS Hartbridge Primary Care Network"),
]


def money(amount: int) -> str:
    return f"£{amount:,}"


def create_session(server, new_context) -> tuple[object, Page, Page, str]:
    """Signs in, creates a Kilnbrook session; returns (trainer context, console, projector, code)."""
    trainer = new_context(viewport={"width": 1400, "height": 1000})
    console = trainer.new_page()
    console.goto(server.sign_in_url)
    expect(console.get_by_role("heading", name="Your sessions")).to_be_visible()
    console.get_by_label("Scenario", exact=True).select_option("kilnbrook")
    console.get_by_role("button", name="Create session").click()
    console.wait_for_url(re.compile(r"/trainer/[A-Z0-9]{6}$"))
    code = console.url.rsplit("/", 1)[1]
    projector = trainer.new_page()
    projector.goto(f"{server.base_url}/projector/{code}")
    expect(projector.get_by_text(code).first).to_be_visible()
    return trainer, console, projector, code


def join_people(server, new_context, code: str) -> dict[str, Page]:
    """Four people join from their own browsers; returns name -> page."""
    pages = {}
    for name, organisation in PEOPLE:
        page = new_context(viewport={"width": 1100, "height": 900}).new_page()
        page.goto(f"{server.base_url}/play/{code.lower()}")
        page.get_by_label("Your name").fill(name)
        page.get_by_label("Your organisation").select_option(label=organisation)
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_role("heading", name="Your role")).to_be_visible()
        pages[name] = page
    return pages


def shuffle_and_read_in(console: Page, seed: int) -> None:
    console.get_by_role("button", name="Auto-pair").click()
    expect(console.locator("#pairs")).to_contain_text("p2")
    console.get_by_label("Seed (optional)").fill(str(seed))
    console.get_by_role("button", name="Shuffle roles").click()
    expect(console.locator("#shuffle-result")).to_contain_text(str(seed))
    console.get_by_role("button", name="Start read-in").click()


def big_screen_menu(console: Page):
    """Opens the console bar's big-screen menu (stage buttons, projector links) if it is closed; returns it."""
    picker = console.locator("#stage-picker")
    if not picker.evaluate("details => details.open"):
        picker.locator("summary").click()
    return picker


def open_part(console: Page, name: str) -> None:
    """Shows one of the console's parts of the day ("Seating", "Meeting"...)."""
    tab = console.get_by_role("tab", name=name, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


_CHURN = """() => {
  if (!window.churn) {
    window.churn = 0;
    const count = (nodes) => [...nodes].filter((n) => n.nodeType === 1).reduce((sum, n) => sum + 1 + n.querySelectorAll('*').length, 0);
    new MutationObserver((records) => { for (const r of records) window.churn += count(r.addedNodes) + count(r.removedNodes); })
      .observe(document.getElementById('ELEMENT_ID'), { childList: true, subtree: true });
  }
  const seen = window.churn;
  window.churn = 0;
  return seen;
}"""


def churn_counter(element_id: str) -> str:
    """A script for `page.evaluate`: how many elements were added to or removed from the element (with
    everything inside them) since the last time it ran; the first run starts counting."""
    return _CHURN.replace("ELEMENT_ID", element_id)
