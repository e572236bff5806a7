"""Every stage of the big screen fits a 1920x1080 and a 1280x720 screen with no scrolling, its main part in view,
after a played day with the Kilnbrook pack; the debrief shows one chart at a time, the one the console chose.
Each stage at each size is saved to test-artifacts/screenshots/ (CI keeps that folder)."""

from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_debrief import command
from tests.support import PAGE_HEADERS

SIZES = {"1920x1080": {"width": 1920, "height": 1080}, "1280x720": {"width": 1280, "height": 720}}
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PEOPLE = [
    ("Asha", "council-housing"),
    ("Ben", "council-housing"),
    ("Chloe", "nhs-primary-care"),
    ("Dev", "nhs-primary-care"),
    ("Ellis", "police"),
    ("Fatima", "police"),
    ("Gareth", "schools"),
    ("Hannah", "schools"),
]
RATINGS = ["shared-aims", "clear-roles", "power-sharing", "trust", "residents-voice", "information-sharing"]


def fits(page) -> bool:
    return page.evaluate(
        "() => document.scrollingElement.scrollHeight <= innerHeight && document.scrollingElement.scrollWidth <= innerWidth"
    )


def in_view(page, selector) -> bool:
    box = page.locator(selector).first.bounding_box()
    size = page.viewport_size
    return (
        box is not None
        and box["height"] > 0
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"] + 0.5
        and box["y"] + box["height"] <= size["height"] + 0.5
    )


class Day:
    """A Kilnbrook session played through the API, with two big screens (one per size) signed in as the trainer."""

    def __init__(self, server, new_context):
        self.base = server.base_url
        self.trainer = new_context()
        self.trainer.new_page().goto(server.sign_in_url)
        created = self.trainer.request.post(
            f"{self.base}/api/sessions", data={"scenario_id": "kilnbrook"}, headers=PAGE_HEADERS
        )
        self.code = created.json()["code"]
        self.run = partial(command, base=self.base, code=self.code)
        self.seats = {}
        for name, agency in PEOPLE:
            context = new_context()
            joined = context.request.post(
                f"{self.base}/api/sessions/{self.code}/join",
                data={"name": name, "agency": agency},
                headers=PAGE_HEADERS,
            )
            assert joined.ok, joined.text()
            self.seats[name] = context
        self.problems: list[str] = []
        self.screens = {}
        for size, viewport in SIZES.items():
            page = self.trainer.new_page()
            page.set_viewport_size(viewport)
            page.goto(f"{self.base}/projector/{self.code}")
            expect(page.locator("#join-code")).to_have_text(self.code)
            self.screens[size] = page

    def view(self):
        return self.trainer.request.get(f"{self.base}/api/sessions/{self.code}/view").json()

    def director(self, directorate):
        return self.seats[directorate["director"]["name"]]

    def stage(self, stage, *key_parts):
        """Puts `stage` on the big screen; notes where a size scrolls or a key part is out of view; saves a picture."""
        self.run(self.trainer, type="set-stage", stage=stage)
        self.check_screens(stage, f'body[data-stage="{stage}"]', f"projector-{stage}", key_parts)

    def check_screens(self, name, shown, picture, key_parts):
        """Waits for every screen to match `shown`; notes where one scrolls or a key part is out of view; saves
        each as `picture`-SIZE.png."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        for size, page in self.screens.items():
            expect(page.locator(shown)).to_be_attached()
            for part in key_parts:
                expect(page.locator(part).first).to_be_visible()
            page.evaluate("() => document.fonts.ready")
            page.screenshot(path=str(SHOTS / f"{picture}-{size}.png"))
            if not fits(page):
                height = page.evaluate("() => document.scrollingElement.scrollHeight")
                self.problems.append(f"{name} at {size} scrolls ({height} px tall)")
            self.problems += [
                f"{name} at {size}: {part} is out of view" for part in key_parts if not in_view(page, part)
            ]

    # --- the day, step by step ----------------------------------------------------------------------

    def seat_people(self):
        self.run(self.trainer, type="auto-pair")
        self.run(self.trainer, type="shuffle", seed=11)

    def release_news(self):
        self.run(self.trainer, type="start-phase", phase="read_in")
        for inject in ("mould-story", "bakery-closure"):
            self.run(self.trainer, type="release-inject", inject_id=inject)

    def open_a_vote(self):
        """The board meeting: three people ask to speak, two are called, a transfer is put and the first vote cast."""
        run, trainer = self.run, self.trainer
        run(trainer, type="start-phase", phase="board")
        run(trainer, type="open-item", item_id="budget")
        self.held = [d for d in self.view()["directorates"] if d["director"]]
        for name in ("Asha", "Chloe", "Ellis"):
            run(self.seats[name], type="raise-hand")
        run(trainer, type="call-speaker")
        run(trainer, type="finish-speaker")
        run(trainer, type="call-speaker")
        source, target = self.held[0], self.held[1]
        run(
            self.director(source),
            type="propose",
            kind="transfer",
            text="Fund the repairs where the cost starts, so that the services it spills onto are spared.",
            transfer={"source": source["id"], "target": target["id"], "amount": 120_000, "reason": "Prevention."},
        )
        self.motion = self.view()["motions"][0]["id"]
        run(self.director(target), type="second", motion_id=self.motion)
        run(self.director(source), type="vote", motion_id=self.motion, choice="for")

    def carry(self):
        for d in self.held[1:]:
            self.run(self.director(d), type="vote", motion_id=self.motion, choice="for")
        self.run(self.trainer, type="close-vote", motion_id=self.motion)

    def fill_the_motions_list(self):
        """A busy item: a motion carried and one lost since the transfer, one with long words put to the vote and
        one waiting for a seconder; then the two still open are withdrawn, leaving the rest of the day as it was."""
        run, trainer, held = self.run, self.trainer, self.held
        words = "Ask every directorate to report, each quarter, what its shortfalls cost the others and why, " * 3
        for i, (text, choices) in enumerate(
            [("Meet again in the spring.", ["for"] * 3), ("Close the youth centre.", ["against"] * 3), (words, [])]
        ):
            proposer, seconder = held[i], held[(i + 1) % len(held)]
            run(self.director(proposer), type="propose", kind="free", text=text)
            motion = self.view()["motions"][-1]["id"]
            run(self.director(seconder), type="second", motion_id=motion)
            for d, choice in zip(held[1:], choices, strict=False):
                run(self.director(d), type="vote", motion_id=motion, choice=choice)
            if choices:
                run(trainer, type="close-vote", motion_id=motion)
        run(self.director(held[3]), type="propose", kind="free", text="Invite the bus company to the next item.")
        self.withdrawn = [m["id"] for m in self.view()["motions"][-2:]]

    def withdraw_the_open_motions(self):
        proposers = [self.held[2], self.held[3]]
        for motion, proposer in zip(self.withdrawn, proposers, strict=True):
            self.run(self.director(proposer), type="withdraw", motion_id=motion)

    def carry_and_ask_the_ten_percent(self):
        self.carry()
        self.ask_the_ten_percent()

    def ask_the_ten_percent(self):
        run, trainer = self.run, self.trainer
        run(trainer, type="open-ten-percent")
        for i, d in enumerate(self.held):
            recipient = self.held[(i + 1) % len(self.held)]["id"]
            run(self.director(d), type="answer-ten-percent", recipient=recipient, reason="They hold our costs' cause.")
        run(trainer, type="reveal-ten-percent")

    def move_time_on(self):
        self.run(self.trainer, type="advance-time", period="year")

    def debrief(self):
        self.run(self.trainer, type="start-phase", phase="debrief")
        for score, name in enumerate(["Asha", "Ben", "Chloe", "Dev"], start=2):
            ratings = dict.fromkeys(RATINGS, score)
            self.run(self.seats[name], type="reflect", ratings=ratings, comment=f"{name} would fund prevention.")

    def play(self):
        for step in (self.seat_people, self.release_news, self.open_a_vote, self.carry_and_ask_the_ten_percent):
            step()
        self.move_time_on()
        self.debrief()


DEBRIEF_STAGES = [
    ("debrief", "#dividend-section canvas"),
    ("debrief-flows", "#flows-section svg"),
    ("debrief-costs", "#costs-section canvas"),
    ("debrief-indicators", "#indicators-section canvas"),
    ("debrief-motions", "#motions-section .motion-timeline"),
    ("debrief-voices", "#voices-section canvas"),
    ("debrief-ten", "#ten-section svg"),
    ("debrief-reflection", "#reflection-section canvas"),
]


@pytest.fixture
def day(day_server, new_context):
    return Day(day_server, new_context)


def test_every_stage_fits_the_big_screen_at_both_sizes(day):
    day.stage("join", "#join-code", "#join-qr", "#join-url")
    day.stage("roster", "#roster-box", ".roster-list")
    day.seat_people()
    day.stage("shuffle", "#board-section table")
    day.release_news()
    day.stage("news", "#news-section .news-latest")
    day.open_a_vote()
    day.stage("agenda", "#current", "#motions-section .tally")
    day.carry()
    day.stage("ledger", "#ledger-section table", "#strategy-section .strategy")
    day.stage("agenda", "#current", "#motion-m1[data-status=carried]")
    # Whatever the list holds, the motion being voted on is in full and the screen does not scroll.
    day.fill_the_motions_list()
    day.stage("ledger", "#ledger-section table", "#strategy-section .strategy")
    day.stage("agenda", "#current", "#motions-section .tally")
    # The others take a line each, as many as there is room for: a large screen has room for one at least.
    expect(day.screens["1920x1080"].locator(".motion-line:visible").first).to_be_visible()
    day.withdraw_the_open_motions()
    day.ask_the_ten_percent()
    day.stage("ten-percent", "#ten svg")
    day.move_time_on()
    day.stage("consequences", "#dividend-section", "#ledger-section table")
    day.debrief()
    # The debrief: the big screen moves to its own page and shows the one chart the console chose.
    for stage, section in DEBRIEF_STAGES:
        day.stage(stage, section)
        for page in day.screens.values():
            expect(page.locator(".debrief-card:visible")).to_have_count(1)
    # Another stage takes the big screen back from the debrief.
    day.stage("roster", "#roster-box")
    # Once the follow-up starts, the old big screen names the session the meeting continues in, and still fits.
    started = day.trainer.request.post(f"{day.base}/api/sessions/{day.code}/follow-up", headers=PAGE_HEADERS)
    assert started.ok, started.text()
    for size, page in day.screens.items():
        expect(page.locator("#follow-up-note")).to_have_text(
            f": this board's meeting continues in session {started.json()['code']}"
        )
        if not fits(page):
            day.problems.append(f"the old meeting's big screen at {size} scrolls once its follow-up has started")
    assert day.problems == [], "\n".join(day.problems)
