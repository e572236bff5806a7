"""A room for the browser tests that play a whole day: the trainer's console, two big screens and people at their
own laptops and tablets, each a browser context of its own; and the checks made at every stage (the big screens fit
with no scrolling, axe stays clean, a picture of every screen is kept for CI)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.steps import big_screen_menu
from tests.browser.test_accessibility import violations
from tests.support import PAGE_HEADERS

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
BIG_SCREENS = {"1920x1080": {"width": 1920, "height": 1080}, "1280x720": {"width": 1280, "height": 720}}
LAPTOP, TABLET = "1280x720", "768x1024"
DEVICES = {LAPTOP: {"width": 1280, "height": 720}, TABLET: {"width": 768, "height": 1024}}

SCROLLS = (
    "() => document.scrollingElement.scrollHeight > innerHeight || document.scrollingElement.scrollWidth > innerWidth"
)
INSIDE = """el => { const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }"""


@dataclass
class Person:
    name: str
    agency: str
    size: str
    page: Page

    @property
    def context(self):
        return self.page.context

    def view(self, base: str, code: str) -> dict:
        return self.context.request.get(f"{base}/api/sessions/{code}/view").json()

    def may_read(self, base: str, code: str, document: str) -> bool:
        """Whether this browser is given a document when it asks the server directly, not through its page."""
        return self.context.request.get(f"{base}/api/sessions/{code}/documents/{document}").ok

    def try_command(self, base: str, code: str, **command) -> int:
        """Sends a command over HTTP with this browser's cookies, as a curious participant could; returns the status."""
        answer = self.context.request.post(
            f"{base}/api/sessions/{code}/commands",
            data={"id": uuid.uuid4().hex, "command": command},
            headers=PAGE_HEADERS,
        )
        return answer.status


@dataclass
class Room:
    server: object
    new_context: object
    trainer: object
    console: Page
    code: str
    screens: dict[str, Page] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # what fails to fit or axe finds: listed at the end, all of it

    @property
    def base(self) -> str:
        return self.server.base_url

    def open_big_screens(self) -> None:
        """The console makes a projector link; each big screen opens it in a browser nobody signed in on."""
        big_screen_menu(self.console)
        self.console.get_by_role("button", name="Make a projector link").click()
        link = self.console.get_by_label("Projector link")
        expect(link).not_to_have_value("")
        for size, viewport in BIG_SCREENS.items():
            page = self.new_context(viewport=viewport).new_page()
            page.goto(link.input_value())
            expect(page.locator("#join-code")).to_have_text(self.code)
            self.screens[size] = page

    def join(self, name: str, organisation: str, size: str) -> Person:
        """Someone types the code at their own device and joins through the form."""
        page = self.new_context(viewport=DEVICES[size]).new_page()
        page.goto(f"{self.base}/play/{self.code.lower()}")
        page.get_by_label("Your name").fill(name)
        page.get_by_label("Your organisation").select_option(label=organisation)
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_role("heading", name="Your role")).to_be_visible()
        self.people[name] = Person(name, organisation, size, page)
        return self.people[name]

    def seat(self, name: str, place: str) -> None:
        """The trainer seats a late arrival from the console's "Seat a late arrival" card."""
        form = self.console.locator("#arrivals-section")
        if form.evaluate("card => card.tagName === 'DETAILS' && !card.open"):  # a tool the console keeps folded
            form.locator("summary").click()
        form.get_by_label("Person without a place").select_option(label=name)
        form.get_by_label("Seat them as").select_option(label=place)
        form.get_by_role("button", name="Seat this person").click()
        expect(form).to_contain_text(f"Seated {name}.")

    def run(self, **command) -> None:
        """The trainer sends one command over HTTP with the console's cookies."""
        answer = self.trainer.request.post(
            f"{self.base}/api/sessions/{self.code}/commands",
            data={"id": uuid.uuid4().hex, "command": command},
            headers=PAGE_HEADERS,
        )
        assert answer.ok, f"{command['type']}: {answer.status} {answer.text()}"

    def view(self) -> dict:
        return self.trainer.request.get(f"{self.base}/api/sessions/{self.code}/view").json()

    def note(self, what: str, check) -> None:
        """Runs `check`; a failure is noted for the end, so the rest of the day is still played and checked."""
        try:
            check()
        except AssertionError as failure:
            self.problems.append(f"{what}: {str(failure).splitlines()[0]}")

    def stage(self, stage: str, who: list[str], axe: list[Page] = ()) -> None:
        """Checks both big screens fit with no scrolling, runs axe on `axe`, and keeps a picture of every screen."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        for size, page in self.screens.items():
            page.evaluate("() => document.fonts.ready")
            if page.evaluate(SCROLLS):
                height = page.evaluate("() => document.scrollingElement.scrollHeight")
                self.problems.append(f"{stage}: the {size} big screen scrolls ({height} px tall)")
            page.screenshot(path=str(SHOTS / f"day-{stage}-projector-{size}.png"))
        for name in who:
            person = self.people[name]
            person.page.screenshot(path=str(SHOTS / f"day-{stage}-{name.lower()}-{person.size}.png"))
        self.axe(stage, *axe)

    def axe(self, stage: str, *pages: Page) -> None:
        for page in pages:
            self.problems += [f"{stage}: axe on {page.url}: {found}" for found in violations(page)]


def held(view: dict) -> list[dict]:
    """The directorates a pair holds, in the scenario's order."""
    return [d for d in view["directorates"] if d["director"]]


def seating(view: dict) -> dict[str, tuple[str, str | None]]:
    """Who holds what: directorate -> (director's seat, assistant's seat)."""
    return {d["id"]: (d["director"]["id"], d["assistant"]["id"] if d["assistant"] else None) for d in held(view)}


def wanted(person: Person, sentence: str, tag: str) -> None:
    """The bar asks this person for something: on screen at their size wherever they have scrolled to, said to
    screen readers, and the tab's title marked."""
    page, bar = person.page, person.page.locator("#action-bar")
    expect(bar).to_contain_text(sentence)
    expect(page.locator("#action-live")).to_contain_text(sentence)
    assert page.locator("#action-live").get_attribute("aria-live") == "polite"
    expect(page).to_have_title(re.compile(rf"^\({re.escape(tag)}\) "))
    for scroll in ("0", "document.body.scrollHeight"):
        page.evaluate(f"() => window.scrollTo(0, {scroll})")
        for control in bar.locator("button, a").all():
            assert control.evaluate(INSIDE), f"{person.name} at {person.size}: {control.inner_text()} is off screen"


def not_wanted(person: Person) -> None:
    expect(person.page.locator("#action-bar")).to_be_hidden()
    expect(person.page).not_to_have_title(re.compile(r"^\("))


def banner_on_screen(person: Person, text: str) -> None:
    banner = person.page.locator(".connection-banner")
    expect(banner).to_contain_text(text, timeout=20_000)
    person.page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    assert banner.evaluate(INSIDE), f"{person.name}'s connection banner is off screen at {person.size}"
