"""A Wi-Fi drop, played with a real server killed and started again: the trouble is visible and short."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.steps import create_session, join_people, shuffle_and_read_in
from tests.conftest import SHIPPED_PACKS
from tests.support import LiveServer

GENEROUS_MS = 20_000


@pytest.fixture
def restartable_server(tmp_path):
    live = LiveServer(tmp_path / "nplc.db", SHIPPED_PACKS)
    live.start()
    yield live
    live.stop()


def inside_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        """el => { const r = el.getBoundingClientRect();
                   return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
                       && r.bottom <= innerHeight && r.right <= innerWidth; }""",
    )


def test_a_participant_sees_the_drop_and_an_action_sent_offline_goes_through(restartable_server, new_context):
    server = restartable_server
    _trainer, console, projector, code = create_session(server, new_context)
    # Bound to 127.0.0.1 (the default): the console and the big screen say laptops cannot reach the address.
    expect(console.locator("#join-warning")).to_contain_text("nplc serve --host 0.0.0.0")
    expect(projector.locator("#join-warning")).to_contain_text("nplc serve --host 0.0.0.0")
    pages = join_people(server, new_context, code)
    shuffle_and_read_in(console, seed=5)
    console.get_by_role("button", name="Start board meeting").click()
    expect(console.locator("#phase")).to_have_text("Board meeting")
    console.get_by_label("Agenda item").select_option("budget")
    console.get_by_role("button", name="Open item").click()
    name, page = next(iter(pages.items()))
    raise_hand = page.get_by_role("button", name="Raise hand")
    expect(raise_hand).to_be_visible()
    banner = page.locator(".connection-banner")
    expect(banner).to_be_hidden()
    assert banner.get_attribute("aria-live") == "polite"

    server.kill()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    expect(banner).to_contain_text("Connection lost", timeout=GENEROUS_MS)
    assert inside_viewport(page, ".connection-banner")

    raise_hand.click()
    expect(banner).to_contain_text("Waiting to send: Raise your hand")
    assert inside_viewport(page, ".connection-banner")

    server.start()
    expect(banner).to_contain_text("Sent: Raise your hand", timeout=GENEROUS_MS)
    expect(banner).not_to_contain_text("Waiting to send")
    expect(page.get_by_role("button", name="Lower hand")).to_be_visible()
    expect(console.locator("#speakers")).to_contain_text(name, timeout=GENEROUS_MS)
    # Every page that opens a websocket has the banner, and it clears once the connection is back.
    expect(projector.locator(".connection-banner")).to_be_hidden(timeout=GENEROUS_MS)
    expect(console.locator(".connection-banner")).to_be_hidden(timeout=GENEROUS_MS)
