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
        SHOTS.mkdir(parents=True, exist_ok=True)
        for size, page in self.screens.items():
            expect(page.locator(f'body[data-stage="{stage}"]')).to_be_attached()
            for part in key_parts:
                expect(page.locator(part).first).to_be_visible()
            page.evaluate("() => document.fonts.ready")
            page.screenshot(path=str(SHOTS / f"projector-{stage}-{size}.png"))
            if not fits(page):
                height = page.evaluate("() => document.scrollingElement.scrollHeight")
                self.problems.append(f"{stage} at {size} scrolls ({height} px tall)")
            self.problems += [
                f"{stage} at {size}: {part} is out of view" for part in key_parts if not in_view(page, part)
            ]


@pytest.fixture
def day(day_server, new_context):
    return Day(day_server, new_context)


def test_every_stage_fits_the_big_screen_at_both_sizes(day):
    run, trainer = day.run, day.trainer
    day.stage("join", "#join-code", "#join-qr", "#join-url")
    day.stage("roster", "#roster-box", ".roster-list")

    run(trainer, type="auto-pair")
    run(trainer, type="shuffle", seed=11)
    day.stage("shuffle", "#board-section table")

    run(trainer, type="start-phase", phase="read_in")
    run(trainer, type="release-inject", inject_id="mould-story")
    run(trainer, type="release-inject", inject_id="bakery-closure")
    day.stage("news", "#news-section .news-latest")

    run(trainer, type="start-phase", phase="board")
    run(trainer, type="open-item", item_id="budget")
    held = [d for d in day.view()["directorates"] if d["director"]]
    for name in ("Asha", "Chloe", "Ellis"):
        run(day.seats[name], type="raise-hand")
    run(trainer, type="call-speaker")
    run(trainer, type="finish-speaker")
    run(trainer, type="call-speaker")
    source, target = held[0], held[1]
    run(
        day.director(source),
        type="propose",
        kind="transfer",
        text="Fund the repairs where the cost starts, so that the services it spills onto are spared.",
        transfer={"source": source["id"], "target": target["id"], "amount": 120_000, "reason": "Prevention."},
    )
    motion = day.view()["motions"][0]["id"]
    run(day.director(target), type="second", motion_id=motion)
    run(day.director(source), type="vote", motion_id=motion, choice="for")
    day.stage("agenda", "#current", "#motions-section .tally")
    day.stage("ledger", "#ledger-section table")

    for d in held[1:]:
        run(day.director(d), type="vote", motion_id=motion, choice="for")
    run(trainer, type="close-vote", motion_id=motion)
    run(trainer, type="open-ten-percent")
    for i, d in enumerate(held):
        recipient = held[(i + 1) % len(held)]["id"]
        run(day.director(d), type="answer-ten-percent", recipient=recipient, reason="They hold the cause of our costs.")
    run(trainer, type="reveal-ten-percent")
    day.stage("ten-percent", "#ten svg")
    run(trainer, type="advance-time", period="year")
    day.stage("consequences", "#dividend-section", "#ledger-section table")

    run(trainer, type="start-phase", phase="debrief")
    for score, name in enumerate(["Asha", "Ben", "Chloe", "Dev"], start=2):
        run(
            day.seats[name],
            type="reflect",
            ratings=dict.fromkeys(RATINGS, score),
            comment=f"{name} would fund prevention.",
        )
    # The debrief: the big screen moves to its own page and shows the one chart the console chose.
    for stage, section in [
        ("debrief", "#dividend-section canvas"),
        ("debrief-flows", "#flows-section svg"),
        ("debrief-costs", "#costs-section canvas"),
        ("debrief-indicators", "#indicators-section canvas"),
        ("debrief-motions", "#motions-section .motion-timeline"),
        ("debrief-voices", "#voices-section canvas"),
        ("debrief-ten", "#ten-section svg"),
        ("debrief-reflection", "#reflection-section canvas"),
    ]:
        day.stage(stage, section)
        for page in day.screens.values():
            expect(page.locator(".debrief-card:visible")).to_have_count(1)
    # Another stage takes the big screen back from the debrief.
    day.stage("roster", "#roster-box")
    assert day.problems == [], "\n".join(day.problems)
