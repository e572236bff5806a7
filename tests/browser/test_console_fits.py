"""On a 1366x768 laptop and a 1280x720 one, every part of the console fits the window with no scrolling at each
phase of a Kilnbrook day played by sixteen people: the part the day is in has its main controls in view, a long
list scrolls in its own pane (a named region the keyboard can reach), and axe finds nothing. Each part is saved at
each size to test-artifacts/screenshots/console-<part>-<size>.png, at the phase it belongs to."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.steps import open_part
from tests.browser.test_accessibility import violations
from tests.support import join, page_client, send, sign_in_client

SIZES = {"1366x768": {"width": 1366, "height": 768}, "1280x720": {"width": 1280, "height": 720}}
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PARTS = ["Seating", "Read-in", "Meeting", "Consequences", "Debrief", "Record"]
AGENCIES = [
    "council-housing", "jobcentre", "nhs-primary-care", "police",
    "schools", "council-finance", "environmental-health", "social-services",
]  # fmt: skip
NAMES = [
    "Asha Okonkwo-Whitfield", "Ben Hargreaves", "Chloe Fairbrother", "Dev Ramaswamy", "Ellis MacPherson",
    "Fatima Al-Sayed", "Gareth Llewellyn", "Hannah Kowalczyk", "Idris Oyelaran", "Jo Pemberton",
    "Kemi Adebayo", "Liam O'Sullivan", "Maya Thistlethwaite", "Nikhil Chaudhary", "Olu Babatunde", "Priya Venkatesan",
]  # fmt: skip

# Whether the document scrolls, and which scrolling boxes in the shown part the keyboard cannot reach or has no name for.
FITS = (
    "() => document.scrollingElement.scrollHeight <= innerHeight && document.scrollingElement.scrollWidth <= innerWidth"
)
UNREACHABLE = """() => [...document.querySelectorAll('.day-part:not([hidden]) *')].filter((el) => {
  const style = getComputedStyle(el);
  const scrolls = /(auto|scroll)/.test(style.overflowY + style.overflowX)
    && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
  const named = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
  return scrolls && !(el.tabIndex === 0 && named && ['region', 'group'].includes(el.getAttribute('role') || el.localName === 'section' && 'region'));
}).map((el) => el.id || el.className)"""
# On screen and not covered: the middle of the control is the control (not the bar, a pane's edge or anything else).
SHOWN = """(el) => {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false;
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!hit && (hit === el || el.contains(hit));
}"""


class ConsoleDay:
    """A Kilnbrook day played by sixteen people over HTTP, watched through the trainer's console in Chromium."""

    def __init__(self, server, new_context, trainer):
        self.trainer = trainer
        self.code = trainer.post("/api/sessions", json={"scenario_id": "kilnbrook"}).json()["code"]
        self.people = []
        for i, name in enumerate(NAMES):
            http = page_client(server)
            http.get(f"/api/sessions/{self.code}/lobby")
            self.people.append((join(http, self.code, name, AGENCIES[i // 2]), http))
        self.console: Page = new_context(viewport=SIZES["1366x768"]).new_page()
        self.console.goto(server.sign_in_url)
        expect(self.console.get_by_role("heading", name="Your sessions")).to_be_visible()
        self.console.goto(f"{server.base_url}/trainer/{self.code}")
        expect(self.console.locator("#roster")).to_contain_text("16 people have joined")
        self.problems: list[str] = []

    def run(self, command, http=None):
        send(http or self.trainer, self.code, command)

    def close(self):
        for _, http in self.people:
            http.close()

    # --- the day -------------------------------------------------------------------------------------------

    def read_in(self):
        self.run({"type": "auto-pair"})
        self.run({"type": "shuffle", "seed": 11})
        self.run({"type": "start-phase", "phase": "read_in"})
        for inject in ("mould-story", "bakery-closure"):
            self.run({"type": "release-inject", "inject_id": inject})
        self.run({"type": "announce", "text": "Coffee is in the hall; the board meets at eleven."})
        expect(self.console.locator("#injects")).to_contain_text("bakery to close")
        expect(self.console.locator("#announcement")).to_contain_text("Coffee")

    def board(self):
        """Hands go up, two speakers are called, a transfer is put and half voted on, two more motions follow."""
        self.run({"type": "start-phase", "phase": "board"})
        self.run({"type": "open-item", "item_id": "budget"})
        view = self.trainer.get(f"/api/sessions/{self.code}/view").json()
        holder = {p["id"]: d["id"] for d in view["directorates"] for p in (d["director"], d["assistant"]) if p}
        self.held = {}
        for seat_id, http in self.people:
            self.held.setdefault(holder[seat_id], http)
        seats = list(self.held.items())
        for _, http in self.people[:6]:
            self.run({"type": "raise-hand"}, http)
        for command in ("call-speaker", "finish-speaker", "call-speaker"):
            self.run({"type": command})
        (source, proposer), (target, seconder) = seats[0], seats[1]
        transfer = {"source": source, "target": target, "amount": 120_000, "reason": "Prevention."}
        text = "Fund the repairs where the cost starts, so that the services it spills onto are spared."
        self.run({"type": "propose", "kind": "transfer", "text": text, "transfer": transfer}, proposer)
        self.run({"type": "second", "motion_id": "m1"}, seconder)
        for _, http in seats[:5]:
            self.run({"type": "vote", "motion_id": "m1", "choice": "for"}, http)
        text = "Publish every transfer the board makes, each month, on the council's website."
        self.run({"type": "propose", "kind": "free", "text": text, "secret": False}, seats[2][1])
        self.run({"type": "propose", "kind": "free", "text": "Meet again in March.", "secret": False}, seats[3][1])
        self.run({"type": "second", "motion_id": "m3"}, seats[4][1])
        expect(self.console.locator("#motion-m3")).to_contain_text("Voting open")
        expect(self.console.locator("#motion-m1 .tally")).to_contain_text("5 for")

    def consequences(self):
        seats = list(self.held.items())
        for _, http in seats[5:]:
            self.run({"type": "vote", "motion_id": "m1", "choice": "for"}, http)
        self.run({"type": "close-vote", "motion_id": "m1"})
        self.run({"type": "open-ten-percent"})
        for i, (_, http) in enumerate(seats):
            recipient = seats[(i + 1) % len(seats)][0]
            self.run(
                {"type": "answer-ten-percent", "recipient": recipient, "reason": "They hold our costs' cause."}, http
            )
        self.run({"type": "reveal-ten-percent"})
        self.run({"type": "advance-time", "period": "year"})
        expect(self.console.locator("#dividend-line")).to_contain_text("after 1 year")
        expect(self.console.locator("#ten svg.ten-map")).to_be_attached()

    def debrief(self):
        self.run({"type": "start-phase", "phase": "debrief"})
        expect(self.console.locator("#phase")).to_have_text("Debrief")

    def finish(self):
        self.run({"type": "start-phase", "phase": "closed"})
        expect(self.console.locator("#phase")).to_have_text("Finished")

    # --- the checks ----------------------------------------------------------------------------------------

    def check(self, phase: str, shown: str, *main):
        """At each size: every part fits; the part `shown` has `main` (locators) on screen and is photographed.
        At the laptop size, axe runs on every part and every scrolling pane is a named region with a tab stop."""
        page = self.console
        bar = page.locator("#console-bar")
        for size, viewport in SIZES.items():
            page.set_viewport_size(viewport)
            for part in PARTS:
                open_part(page, part)
                if not page.evaluate(FITS):
                    height = page.evaluate("() => document.scrollingElement.scrollHeight")
                    self.problems.append(f"{phase}: {part} at {size} scrolls ({height} px tall)")
                for control in (bar.get_by_role("button", name="Pause clock"), page.locator("#stage-picker summary")):
                    if not control.evaluate(SHOWN):
                        self.problems.append(f"{phase}: {part} at {size}: the bar's {control} is out of view")
                if part == shown:
                    self.problems += [
                        f"{phase}: {part} at {size}: {control} is out of view"
                        for control in main
                        if not control.evaluate(SHOWN)
                    ]
                    page.evaluate("() => document.fonts.ready")
                    page.screenshot(path=str(SHOTS / f"console-{part.lower()}-{size}.png"))
                if size == "1366x768":
                    self.problems += [f"{phase}: {part}: {v}" for v in violations(page)]
                    self.problems += [
                        f"{phase}: {part}: {box} scrolls but is not a named region with a tab stop"
                        for box in page.evaluate(UNREACHABLE)
                    ]
        page.set_viewport_size(SIZES["1366x768"])


@pytest.fixture
def day(day_server, new_context):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sign_in_client(day_server) as trainer:
        played = ConsoleDay(day_server, new_context, trainer)
        try:
            yield played
        finally:
            played.close()


def test_every_part_of_the_console_fits_a_laptop_at_every_phase_of_the_day(day):
    console = day.console

    def button(name):
        return console.get_by_role("button", name=name, exact=True)

    day.check(
        "arrival",
        "Seating",
        button("Auto-pair"),
        button("Shuffle roles"),
        console.get_by_label("Chair", exact=True),
        console.get_by_role("table", name="People in this session").locator("tbody tr").first,
    )
    day.read_in()
    day.check(
        "read-in",
        "Read-in",
        button("Release Inspection letter: Kilnbrook Academy"),
        button("Announce"),
        console.get_by_role("region", name="Agenda editor").get_by_role("button", name="Move down").first,
    )
    day.board()
    day.check(
        "board meeting",
        "Meeting",
        button("Open item"),
        button("Call next speaker"),
        console.locator("#motion-m1 .tally"),
        console.locator("#motion-m1").get_by_role("button", name="Close vote"),
    )
    day.consequences()
    day.check(
        "after a year",
        "Consequences",
        button("Advance a year"),
        button("Start the extra 10% round again"),
        console.locator("#ten-status"),
    )
    day.debrief()
    day.check("debrief", "Debrief", console.get_by_role("group", name="Chart on the big screen"))
    day.finish()
    day.check("finished", "Record", console.get_by_role("link", name="Minutes"), console.locator("#record table"))
    assert day.problems == [], "\n".join(day.problems)
