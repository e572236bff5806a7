"""A Kilnbrook day as a room plays it: eight people in four pairs on laptops and tablets, two big screens, a late
arrival seated as a third member, an observer, a resident who comes in during the meeting, a Wi-Fi drop that
takes the server away from some people for longer than others, the 10% round, the debrief, and the follow-up
meeting that brings everyone back in their real roles. At every moment that needs a person, their action bar is on
their screen; at every stage both big screens fit with no scrolling and axe finds nothing; a picture of every
stage is kept in test-artifacts/screenshots/ (day-<stage>-<who>-<size>.png)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.day_room import (
    LAPTOP,
    TABLET,
    Room,
    held,
    not_wanted,
    seating,
    wanted,
)
from tests.browser.day_wifi_drop import wifi_drop
from tests.browser.steps import create_session, open_part, shuffle_and_read_in
from tests.conftest import SHIPPED_PACKS
from tests.support import LiveServer

HOUSING = "Hartbridge Council Housing Services"
ARRIVING = [
    ("Asha", HOUSING, LAPTOP),
    ("Ben", HOUSING, TABLET),
    ("Chloe", "NHS Hartbridge Primary Care Network", LAPTOP),
    ("Dev", "NHS Hartbridge Primary Care Network", TABLET),
    ("Ellis", "Hartbridge Police Division", LAPTOP),
    ("Fatima", "Hartbridge Police Division", TABLET),
    ("Gareth", "Kilnbrook schools (heads and governors)", LAPTOP),
    ("Hannah", "Kilnbrook schools (heads and governors)", TABLET),
]
LATE, OBSERVER, RESIDENT = "Ivy", "Jo", "Kit"
NOTE = "Ask Health what damp costs its surgeries each winter"
MOTION = "Fund the repairs that stop the cost where it starts."
CONFIDENTIAL = ": confidential brief"


@pytest.fixture
def server(tmp_path):
    """A server of this test's own, since the Wi-Fi drop stops it and starts it again."""
    live = LiveServer(tmp_path / "nplc.db", SHIPPED_PACKS)
    live.start()
    yield live
    live.stop()


def test_a_day_with_late_arrivals_a_wifi_drop_and_a_follow_up(server, new_context):
    trainer, console, first_screen, code = create_session(server, new_context)
    first_screen.close()  # the big screens are opened from a projector link, as a room's would be
    room = Room(server, new_context, trainer, console, code)
    room.open_big_screens()
    arrive(room)
    pairs = read_in(room)
    late_arrivals(room, pairs)
    meeting_opens(room, pairs)
    propose_and_ask_for_a_second(room, pairs)
    wifi_drop(room, pairs)
    vote(room, pairs)
    ten_percent_and_consequences(room, pairs)
    debrief(room, pairs)
    follow_up(room)
    assert room.problems == [], "\n".join(room.problems)


# --- the day, stage by stage -------------------------------------------------------------------------------------


def arrive(room: Room) -> None:
    for name, organisation, size in ARRIVING:
        room.join(name, organisation, size)
    for screen in room.screens.values():
        for name, _, _ in ARRIVING:
            expect(screen.locator("body")).to_contain_text(name)
    room.stage("arrival", ["Asha", "Ben"], axe=[room.screens[LAPTOP], room.people["Asha"].page, room.console])


def read_in(room: Room) -> list[dict]:
    """The shuffle puts every pair on another agency's directorate; each reads its own pack and nobody else's;
    one pair writes in its notebook and only that pair sees it."""
    shuffle_and_read_in(room.console, seed=11)
    view = room.view()
    pairs = held(view)
    assert len(pairs) == 4
    own = {name: organisation for name, organisation, _ in ARRIVING}
    names = {d["id"]: d["name"] for d in pairs}
    for d in pairs:
        director, assistant = room.people[d["director"]["name"]], room.people[d["assistant"]["name"]]
        assert own[director.name] == own[assistant.name], "auto-pair keeps colleagues together"
        for person in (director, assistant):
            documents = person.page.locator("#documents")
            expect(documents).to_contain_text(f"{d['name']}{CONFIDENTIAL}")
            for other in set(names.values()) - {d["name"]}:
                expect(documents).not_to_contain_text(f"{other}{CONFIDENTIAL}")
    writer, partner = (room.people[pairs[0][role]["name"]] for role in ("director", "assistant"))
    writer.page.get_by_label("Notes").fill(NOTE)
    expect(writer.page.locator("#notebook-status")).to_contain_text("Saved")
    expect(partner.page.get_by_label("Notes")).to_have_value(NOTE)
    for d in pairs[1:]:
        expect(room.people[d["director"]["name"]].page.get_by_label("Notes")).to_have_value("")
    for page in (room.console, *room.screens.values()):
        expect(page.locator("body")).not_to_contain_text(NOTE)
    room.stage("read-in", [writer.name, partner.name], axe=[writer.page, room.screens[LAPTOP]])
    return pairs


def late_arrivals(room: Room, pairs: list[dict]) -> None:
    """Two people come in during the read-in: one joins the first pair as its third member, one observes."""
    before = seating(room.view())
    late = room.join(LATE, HOUSING, LAPTOP)
    observer = room.join(OBSERVER, "Kilnbrook Community Trust and voluntary groups", TABLET)
    brief = f"{pairs[0]['id']}-confidential"
    for person in (late, observer):
        expect(person.page.locator("#role")).to_contain_text("You have no part in this shuffle")
        expect(person.page.locator("#documents")).not_to_contain_text(CONFIDENTIAL)
        assert not person.may_read(room.base, room.code, brief), f"{person.name} read {brief} before being seated"
    open_part(room.console, "Seating")
    room.seat(LATE, f"Third member of {pairs[0]['name']}")
    room.seat(OBSERVER, "Observer")
    assert seating(room.view()) == before, "seating a late arrival moved someone already placed"

    expect(late.page.locator("#role")).to_contain_text(f"You joined the {pairs[0]['name']} pair as its third member")
    expect(late.page.get_by_label("Notes")).to_have_value(NOTE)
    expect(late.page.locator("#documents")).to_contain_text(f"{pairs[0]['name']}{CONFIDENTIAL}")
    expect(observer.page.locator("#role")).to_contain_text("You are observing")
    expect(observer.page.locator("#documents")).to_contain_text("Kilnbrook area profile")
    expect(observer.page.locator("#documents")).not_to_contain_text(CONFIDENTIAL)
    expect(observer.page.locator("#notebook-section")).to_be_hidden()
    expect(observer.page.locator("body")).not_to_contain_text(NOTE)
    assert late.may_read(room.base, room.code, brief)
    assert not observer.may_read(room.base, room.code, brief), "an observer read a pair's confidential brief"
    assert NOTE not in json.dumps(observer.view(room.base, room.code)), "an observer was sent a pair's notebook"
    room.stage("late-arrivals", [LATE, OBSERVER], axe=[late.page, observer.page, room.console])


def meeting_opens(room: Room, pairs: list[dict]) -> None:
    """The board meets; a resident arrives and sits on the panel; the third member is called to speak."""
    console = room.console
    console.get_by_role("button", name="Start board meeting").click()
    expect(console.locator("#phase")).to_have_text("Board meeting")
    console.get_by_label("Agenda item").select_option("budget")
    console.get_by_role("button", name="Open item").click()
    before = seating(room.view())
    resident = room.join(RESIDENT, "Resident", LAPTOP)
    assert resident.may_read(room.base, room.code, "residents-brief")
    assert not resident.may_read(room.base, room.code, f"{pairs[0]['id']}-confidential")
    expect(resident.page.locator("#role")).to_contain_text("You sit on the shareholders' panel")
    expect(resident.page.locator("#documents")).to_contain_text("Shareholders' panel: your brief")
    expect(resident.page.locator("#documents")).not_to_contain_text(CONFIDENTIAL)
    assert seating(room.view()) == before, "a resident's arrival moved someone already placed"
    observer, late = room.people[OBSERVER], room.people[LATE]
    expect(observer.page.locator("#meeting-section")).to_be_visible()
    expect(observer.page.get_by_role("button", name="Raise hand")).to_have_count(0)
    expect(observer.page.locator("#propose-section")).to_be_hidden()

    late.page.get_by_role("button", name="Raise hand").click()
    resident.page.get_by_role("button", name="Raise hand").click()
    expect(console.locator("#speakers")).to_contain_text(RESIDENT)
    console.get_by_role("button", name="Call next speaker").click()
    wanted(late, "it is your turn to speak", "Your turn to speak")
    not_wanted(resident)
    room.stage("speaking", [LATE, RESIDENT], axe=[resident.page, room.screens[LAPTOP], console])
    late.page.get_by_role("button", name="I have finished speaking").click()
    not_wanted(late)


def propose_and_ask_for_a_second(room: Room, pairs: list[dict]) -> None:
    """The first pair's director proposes a transfer to the second pair's directorate; every other directorate is
    asked for a second, at a laptop's and a tablet's size; the proposers, the observer and the resident are not."""
    source, target = pairs[0], pairs[1]
    proposer = room.people[source["director"]["name"]].page
    proposer.get_by_role("radio", name="Budget transfer").check()
    proposer.get_by_label("Motion", exact=True).fill(MOTION)
    proposer.get_by_label("Transfer from").select_option(label=source["name"])
    proposer.get_by_label("Transfer to").select_option(label=target["name"])
    proposer.get_by_label("Amount (£)").fill("120000")
    proposer.get_by_label("Reason", exact=True).fill("Paying for the cause costs less than paying for the symptoms.")
    proposer.get_by_role("button", name="Propose motion").click()
    for d in pairs[1:]:
        for role in ("director", "assistant"):
            wanted(room.people[d[role]["name"]], f"A seconder is wanted for motion 1: “{MOTION}”", "Seconder wanted")
    for name in (source["director"]["name"], source["assistant"]["name"], LATE, OBSERVER, RESIDENT):
        not_wanted(room.people[name])
    room.stage("seconder-wanted", [target["director"]["name"], target["assistant"]["name"]])


def vote(room: Room, pairs: list[dict]) -> None:
    """Every directorate is asked for its vote, the third member too; each is cast from the bar, and the
    transfer is carried on every screen."""
    for d in pairs:
        for role in ("director", "assistant"):
            wanted(room.people[d[role]["name"]], "Your vote is wanted on motion 1", "Vote wanted")
    wanted(room.people[LATE], "Your vote is wanted on motion 1", "Vote wanted")
    for name in (OBSERVER, RESIDENT):
        not_wanted(room.people[name])
        refused = room.people[name].try_command(room.base, room.code, type="vote", motion_id="m1", choice="for")
        assert refused >= 400, f"{name} cast a vote"
    room.stage("vote-wanted", [LATE, pairs[1]["assistant"]["name"]], axe=[room.people[LATE].page])
    voters = [room.people[LATE]] + [room.people[d["assistant"]["name"]] for d in pairs[1:]]
    for person, choice in zip(voters, ["Vote for", "Vote for", "Vote against", "Abstain"], strict=True):
        person.page.locator("#action-bar").get_by_role("button", name=choice).click()
    for d in pairs:
        for role in ("director", "assistant"):
            not_wanted(room.people[d[role]["name"]])
    not_wanted(room.people[LATE])
    room.console.locator("#motion-m1").get_by_role("button", name="Close vote").click()
    for screen in room.screens.values():
        expect(screen.locator("#motion-m1")).to_contain_text("Carried")
    for person in room.people.values():
        expect(person.page.locator("#motion-m1")).to_contain_text("Carried")
    room.stage("carried", [OBSERVER, RESIDENT], axe=[room.screens[LAPTOP], room.people[OBSERVER].page])


def ten_percent_and_consequences(room: Room, pairs: list[dict]) -> None:
    """Each directorate names who should get its extra 10%; the observer and the resident are not asked."""
    room.run(type="open-ten-percent")
    for i, d in enumerate(pairs):
        page = room.people[d["director"]["name"]].page
        recipient = pairs[(i + 1) % len(pairs)]["name"]
        page.get_by_label("Which directorate should receive your extra 10%?").select_option(label=recipient)
        page.get_by_label("Why").fill("They carry the cost our shortfall exports.")
        page.get_by_role("button", name="Send answer").click()
        expect(page.locator("#ten")).to_contain_text(f"Your directorate's answer: {recipient}")
    for name in (OBSERVER, RESIDENT):
        expect(room.people[name].page.get_by_role("button", name="Send answer")).to_be_hidden()
    room.run(type="reveal-ten-percent")
    room.run(type="set-stage", stage="ten-percent")
    for screen in room.screens.values():
        expect(screen.locator("#ten svg")).to_be_visible()
    room.stage("ten-percent", [pairs[0]["director"]["name"]], axe=[room.screens[LAPTOP]])
    room.run(type="advance-time", period="year")
    room.run(type="set-stage", stage="consequences")
    for screen in room.screens.values():
        expect(screen.locator('body[data-stage="consequences"]')).to_be_attached()
    room.stage("consequences", [pairs[0]["assistant"]["name"]], axe=[room.screens[LAPTOP]])


def debrief(room: Room, pairs: list[dict]) -> None:
    """The reflection is asked of everyone who played, the third member and the resident too, not the observer."""
    room.run(type="start-phase", phase="debrief")
    asked = [room.people[LATE], room.people[RESIDENT], room.people[pairs[1]["assistant"]["name"]]]
    for person in asked:
        wanted(person, "your reflection on the partnership is wanted", "Reflection open")
    observer = room.people[OBSERVER]
    room.note("the observer is asked for a reflection", lambda: not_wanted(observer))
    room.note(
        "the observer is invited to reflect", lambda: expect(observer.page.locator("#reflect-invite")).to_be_hidden()
    )
    late = room.people[LATE].page
    late.locator("#action-bar").get_by_role("link", name="Give your reflection").click()
    expect(late.get_by_role("heading", name="How did the partnership work?")).to_be_visible()
    for fieldset in late.locator("#ratings fieldset").all():
        fieldset.get_by_role("radio").nth(3).check()
    late.get_by_label("Comment (optional)").fill("Joining late, the notebook told me what the pair had agreed.")
    late.get_by_role("button", name="Send my reflection").click()
    expect(late.locator("#thanks")).to_be_visible()
    reflection = observer.page.context.new_page()
    reflection.goto(f"{room.base}/play/{room.code}/debrief")
    expect(reflection.locator("#title")).to_be_visible()
    form = reflection.get_by_role("heading", name="How did the partnership work?")
    room.note("the observer is offered the reflection form", lambda: expect(form).to_be_hidden())
    reflection.close()
    room.run(type="set-stage", stage="debrief")
    for screen in room.screens.values():
        screen.wait_for_url(f"**/projector/{room.code}/debrief?key=*")
        expect(screen.locator("#dividend-section")).to_be_visible()
    room.stage("debrief", [LATE, OBSERVER], axe=[late, room.screens[LAPTOP]])


def follow_up(room: Room) -> None:
    """The trainer starts the follow-up from the debrief page; every open page of the old meeting offers the way
    there, and everyone arrives without typing anything, in the role they have in real life."""
    debrief_page = room.trainer.new_page()
    debrief_page.goto(f"{room.base}/trainer/{room.code}/debrief")
    expect(debrief_page.get_by_role("button", name="Start the follow-up meeting")).to_be_visible()
    room.axe("debrief", debrief_page)
    debrief_page.get_by_role("button", name="Start the follow-up meeting").click()
    debrief_page.wait_for_url(lambda url: f"/trainer/{room.code}" not in url)
    follow = debrief_page.url.rstrip("/").rsplit("/", 1)[1]
    for person in room.people.values():
        link = person.page.get_by_role("link", name="Go to your seat in the next meeting")
        if "/debrief" in person.page.url:  # the reflection page, where the third member gave theirs
            room.note(
                f"{person.name}'s reflection page points to the follow-up",
                lambda link=link: expect(link).to_be_visible(),
            )
            person.page.get_by_role("link", name="Back to the session").first.click()
        expect(link).to_have_attribute("href", f"/play/{follow}")
        link.click()
        expect(person.page.get_by_role("heading", name="Your role")).to_be_visible()
        expect(person.page.locator("#join")).to_be_hidden()
    for where, page in [("console", room.console), *((f"{size} big screen", p) for size, p in room.screens.items())]:
        room.note(
            f"the old meeting's {where} points to the follow-up",
            lambda p=page: expect(p.locator("body")).to_contain_text(follow),
        )
    real = {person.name: person.view(room.base, follow)["me"] for person in room.people.values()}
    # The first of each agency to join directs its own directorate, the second assists, the late arrival is third.
    played = {name: (real[name]["directorate"], real[name]["role"]) for name, _, _ in ARRIVING + [(LATE, 0, 0)]}
    assert played == {
        "Asha": ("housing", "director"),
        "Ben": ("housing", "assistant"),
        LATE: ("housing", "member"),
        "Chloe": ("health", "director"),
        "Dev": ("health", "assistant"),
        "Ellis": ("community-safety", "director"),
        "Fatima": ("community-safety", "assistant"),
        "Gareth": ("education", "director"),
        "Hannah": ("education", "assistant"),
    }
    assert real[OBSERVER]["role"] == "observer"
    assert real[RESIDENT]["role"] == "panel"
    expect(room.people[LATE].page.locator("#role")).to_contain_text("You joined the Housing pair as its third member")
    expect(room.people[OBSERVER].page.locator("#role")).to_contain_text("You are observing")
    expect(room.people[RESIDENT].page.locator("#role")).to_contain_text("You sit on the shareholders' panel")
    new_console = debrief_page  # the debrief page went on to the follow-up's console
    room.stage("follow-up", [LATE, OBSERVER, RESIDENT], axe=[room.people[RESIDENT].page, new_console])
