"""The Wi-Fi drop of the day with comings and goings: the server goes away for everyone and some people stay cut off
for longer; what each of them pressed meanwhile waits on screen, then goes through or is refused with the reason."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.day_room import Room, banner_on_screen


def wifi_drop(room: Room, pairs: list[dict]) -> None:
    """The server goes away for everyone; the third pair stays cut off after it is back. The second pair
    seconds while it is gone, and so does the third: the second pair's goes through once the server is back, the
    third's is refused once its Wi-Fi returns, because the motion no longer wants a seconder."""
    second, third = pairs[1], pairs[2]
    seconder = room.people[second["assistant"]["name"]]  # a tablet
    too_late = room.people[third["director"]["name"]]  # a laptop
    cut_off = [room.people[third[role]["name"]] for role in ("director", "assistant")]
    room.server.kill()
    for person in (seconder, *cut_off):
        banner_on_screen(person, "Connection lost")
    for person in cut_off:
        person.context.set_offline(True)
    seconder.page.locator("#action-bar").get_by_role("button", name="Second").click()
    too_late.page.locator("#action-bar").get_by_role("button", name="Second").click()
    banner_on_screen(seconder, "Waiting to send: Second a motion")
    banner_on_screen(too_late, "Waiting to send: Second a motion")
    for page in (room.console, *room.screens.values()):
        expect(page.locator(".connection-banner")).to_contain_text("Connection lost", timeout=20_000)
    room.stage("wifi-drop", [seconder.name, too_late.name])

    room.server.start()
    banner_on_screen(seconder, "Sent: Second a motion.")
    expect(seconder.page.locator("#connection")).to_contain_text("Connected", timeout=20_000)
    # Every page of the room's own machines comes back by itself, the big screens opened from a link too.
    for page in (room.console, *room.screens.values()):
        expect(page.locator(".connection-banner")).to_be_hidden(timeout=20_000)
    for screen in room.screens.values():
        expect(screen.locator("#motion-m1")).to_contain_text("Voting", timeout=20_000)
    # Still cut off: the banner stays, and the second still waits.
    banner_on_screen(too_late, "Waiting to send: Second a motion")
    for person in cut_off:
        expect(person.page.locator("#connection")).not_to_contain_text("Connected")
        person.context.set_offline(False)
    banner_on_screen(too_late, "Not done: Second a motion. That motion is not waiting for a seconder.")
    for person in cut_off:
        expect(person.page.locator("#connection")).to_contain_text("Connected", timeout=20_000)
    room.stage("back-online", [seconder.name, too_late.name])
