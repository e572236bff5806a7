"""Before the trainer chooses anything for the big screen it follows the phase, showing one stage that suits
the moment: the lobby, the read-in, the board's business, the extra 10% once revealed, the dividend once time
has moved on, and at the debrief the debrief's first chart. Each fits a 1920x1080 and a 1280x720 screen with no
scrolling, its main parts in view. Each is saved to test-artifacts/screenshots/ as
projector-follows-MOMENT-SIZE.png."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_projector_fits import Day
from tests.support import PAGE_HEADERS


class FollowingDay(Day):
    """The played day of test_projector_fits, with the stage never chosen."""

    def shows(self, name, phase, stage, *key_parts):
        """Waits for both screens to follow `phase` into `stage`; notes where one scrolls or a key part is out of view;
        saves a picture."""
        following = f'body[data-phase="{phase}"][data-stage="{stage}"][data-following="phase"]'
        self.check_screens(name, following, f"projector-follows-{name}", key_parts)


@pytest.fixture
def day(day_server, new_context):
    return FollowingDay(day_server, new_context)


def test_the_screen_that_follows_the_phase_fits_at_both_sizes(day):
    for page in day.screens.values():
        expect(page.locator(".roster-list li")).to_have_count(4)  # eight people from four agencies
    day.shows("lobby", "lobby", "lobby", "#join-code", "#join-qr", ".roster-list")
    day.seat_people()
    day.release_news()
    day.shows("read-in", "read_in", "read-in", "#board-section table", "#ledger-section table")
    day.open_a_vote()
    day.shows("board", "board", "agenda", "#current", "#motions-section .tally")
    day.carry()
    day.shows("carried", "board", "agenda", "#current", "#motion-m1[data-status=carried]")
    day.ask_the_ten_percent()
    day.shows("ten-percent", "board", "ten-percent", "#ten svg")
    day.move_time_on()
    for page in day.screens.values():
        expect(page.locator("#dividend")).to_contain_text("after 1 year")
    day.shows("consequences", "board", "consequences", "#dividend-section", "#ledger-section table")
    day.debrief()
    day.shows("debrief", "debrief", "debrief", "#dividend-section canvas")
    for page in day.screens.values():
        assert page.url.endswith(f"/projector/{day.code}/debrief"), "the debrief's charts have their own page"
        expect(page.locator(".debrief-card:visible")).to_have_count(1)
    day.run(day.trainer, type="start-phase", phase="closed")
    day.shows("closed", "closed", "debrief", "#dividend-section canvas")
    assert day.problems == [], "\n".join(day.problems)


# The agencies nobody in the played day comes from first, so that every agency has someone at the board.
AGENCIES = [
    "jobcentre", "council-finance", "environmental-health", "social-services", "fire-rescue", "probation",
    "housing-association", "voluntary-sector", "council-housing", "nhs-primary-care", "police", "schools",
]  # fmt: skip


def test_a_full_lobby_fits_at_both_sizes(day):
    """Everyone the board takes, from every agency, and a full residents' panel: thirteen lines of who is here."""
    joined = len(day.seats)
    for i, agency in enumerate(AGENCIES * 2 + ["resident"] * 8):
        context = day.trainer.browser.new_context()
        context.request.get(f"{day.base}/api/sessions/{day.code}/lobby")  # as a browser would: its browser id first
        answer = context.request.post(
            f"{day.base}/api/sessions/{day.code}/join",
            data={"name": f"Person {i} with a longer name", "agency": agency},
            headers=PAGE_HEADERS,
        )
        joined += answer.ok  # the board takes seventeen; the rest are told it is full
        context.close()
    for page in day.screens.values():
        expect(page.locator(".roster-list li")).to_have_count(13)
        expect(page.locator("#roster .count")).to_have_text(f"{joined} people have joined")
    day.shows("full-lobby", "lobby", "lobby", "#join-code", "#join-qr", ".roster-list")
    assert day.problems == [], "\n".join(day.problems)
