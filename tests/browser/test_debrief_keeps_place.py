"""The debrief's pages redraw in place (render.js) as the day moves on under them: on a participant's reflection
page the comment being typed keeps its focus and its text while the others' reflections arrive in batches, and the
results' table stays the same node; on the trainer's debrief an open "Show the numbers" stays open and focused,
and a focused, scrolled table keeps its focus and its scroll, while time moves on and reflections come in. Each
change worth hearing is said in the page's polite live region. An observer is offered no reflection."""

from __future__ import annotations

from functools import partial

import pytest
from playwright.sync_api import expect

from tests.browser.steps import churn_counter
from tests.browser.test_accessibility import violations
from tests.browser.test_debrief import command
from tests.browser.test_projector_fits import PEOPLE, RATINGS
from tests.support import PAGE_HEADERS

HELD = "() => { const el = window.held; return !!el && el.isConnected && el === document.activeElement; }"
SAME = "(name) => { const el = window[name]; return !!el && el.isConnected; }"


class Debrief:
    """A Kilnbrook session played to the debrief over HTTP, with an evaluator seated as an observer."""

    def __init__(self, server, new_context):
        self.base, self.new_context = server.base_url, new_context
        self.trainer = new_context(viewport={"width": 1300, "height": 900})
        self.trainer.new_page().goto(server.sign_in_url)
        created = self.trainer.request.post(
            f"{self.base}/api/sessions", data={"scenario_id": "kilnbrook"}, headers=PAGE_HEADERS
        )
        self.code = created.json()["code"]
        self.run = partial(command, base=self.base, code=self.code)
        self.seats = {name: self.join(name, agency) for name, agency in PEOPLE}
        self.run(self.trainer, type="auto-pair")
        self.run(self.trainer, type="shuffle", seed=11)
        self.observer = self.join("Evaluator Eve", "council-housing")
        seats = self.trainer.request.get(f"{self.base}/api/sessions/{self.code}/view").json()["seats"]
        eve = next(s["id"] for s in seats if s["name"] == "Evaluator Eve")
        self.run(self.trainer, type="seat-observer", seat_id=eve)
        for phase in ("read_in", "board", "debrief"):
            self.run(self.trainer, type="start-phase", phase=phase)

    def join(self, name, agency):
        context = self.new_context(viewport={"width": 1000, "height": 800})
        context.request.get(f"{self.base}/api/sessions/{self.code}/lobby")  # as a browser would: its browser id first
        joined = context.request.post(
            f"{self.base}/api/sessions/{self.code}/join", data={"name": name, "agency": agency}, headers=PAGE_HEADERS
        )
        assert joined.ok, joined.text()
        return context

    def reflect(self, name, score, comment=""):
        self.run(self.seats[name], type="reflect", ratings=dict.fromkeys(RATINGS, score), comment=comment)


@pytest.fixture
def debrief(day_server, new_context):
    return Debrief(day_server, new_context)


def test_the_comment_being_typed_survives_batches_of_reflections(debrief):
    page = debrief.seats["Asha"].new_page()
    page.goto(f"{debrief.base}/play/{debrief.code}/debrief")
    expect(page.get_by_role("heading", name="How did the partnership work?")).to_be_visible()
    comment = page.get_by_label("Comment (optional)")
    comment.fill("The money followed")
    page.evaluate("() => { window.held = document.getElementById('comment'); window.held.focus(); }")
    page.evaluate("() => window.scrollTo(0, 300)")
    # The reading position: where the comment box sits on the screen (text appearing above it must not move it).
    place = "() => Math.round(window.held.getBoundingClientRect().top)"
    before = page.evaluate(place)

    for score, name in enumerate(["Ben", "Chloe", "Dev"], start=2):
        debrief.reflect(name, score, f"{name}: prevention paid")
    results = page.get_by_role("region", name="What everyone said")
    expect(results).to_contain_text("3 people have answered")
    expect(page.locator("#updates")).to_have_text("Enough people have answered: the reflection's results are shown.")
    expect(page.locator("#updates")).to_have_attribute("aria-live", "polite")
    assert page.evaluate(HELD), "the comment box lost focus when the results appeared"
    assert page.evaluate(place) == before, "the page jumped under the reader"
    page.evaluate("() => { window.table = document.querySelector('#results table'); }")
    page.evaluate("() => { window.comments = document.querySelector('#results .comment-list'); }")

    # The next batch renews the totals: the table and the list are the same nodes, with the new numbers.
    for score, name in enumerate(["Ellis", "Fatima", "Gareth"], start=3):
        debrief.reflect(name, score, f"{name}: residents first")
    expect(results).to_contain_text("6 people have answered")
    expect(page.locator("#updates")).to_have_text("The reflection's results have been updated with the latest answers.")
    expect(results.locator(".comment-list li")).to_have_count(6)
    assert page.evaluate(SAME, "table") and page.evaluate(SAME, "comments")
    assert page.evaluate(HELD)
    expect(comment).to_have_value("The money followed")
    page.keyboard.type(" the cost.")
    expect(comment).to_have_value("The money followed the cost.")
    assert violations(page) == []


def trainers_debrief_a_year_on(debrief):
    """The trainer's debrief page, open as time moves on a year."""
    page = debrief.trainer.new_page()
    page.goto(f"{debrief.base}/trainer/{debrief.code}/debrief")
    expect(page.get_by_role("heading", name="Debrief: Neighbourhood plc: Kilnbrook")).to_be_visible()
    debrief.run(debrief.trainer, type="advance-time", period="year")
    expect(page.locator("#updates")).to_contain_text("After 1 year, the residents' dividend is")
    return page


def test_an_open_table_and_a_scrolled_one_keep_their_place_on_the_trainers_debrief(debrief):
    page = trainers_debrief_a_year_on(debrief)

    # Open the dividend's numbers from the keyboard; it stays open and focused as time moves on again.
    summary = page.locator("#dividend-chart summary")
    summary.focus()
    page.keyboard.press("Enter")
    page.evaluate(
        "() => { window.held = document.activeElement; window.canvas = document.querySelector('#dividend-chart canvas'); }"
    )
    rows = page.locator("#dividend-chart table tbody tr")
    expect(rows).to_have_count(2)
    debrief.run(debrief.trainer, type="advance-time", period="quarter")
    expect(rows).to_have_count(3)
    assert page.evaluate(HELD), "the focused disclosure lost focus"
    assert page.evaluate("() => window.held.closest('details').open"), "the open table closed"
    assert page.evaluate(SAME, "canvas"), "the chart's canvas was replaced"

    # A table scrolled sideways, and focused, keeps both while reflections come in and time moves on.
    box = page.locator("#indicator-table .table-wrap")
    box.focus()
    page.evaluate("() => { window.held = document.activeElement; window.held.scrollLeft = 40; }")
    kept = page.evaluate("() => window.held.scrollLeft")
    for score, name in enumerate(["Asha", "Ben", "Chloe"], start=2):
        debrief.reflect(name, score)
    expect(page.locator("#updates")).to_contain_text("3 people have sent a reflection.")
    expect(page.locator("#updates")).to_contain_text("the reflection's results are shown")
    debrief.run(debrief.trainer, type="advance-time", period="year")
    expect(page.locator("#indicator-rounds-table thead th")).to_have_count(6)  # indicator, start, 3 rounds, target
    assert page.evaluate(HELD), "the focused table lost focus"
    assert page.evaluate("() => window.held.scrollLeft") == kept
    assert violations(page) == []


def test_an_observer_is_offered_no_reflection_but_sees_the_results(debrief):
    for score, name in enumerate(["Asha", "Ben", "Chloe"], start=2):
        debrief.reflect(name, score)
    play = debrief.observer.new_page()
    play.goto(f"{debrief.base}/play/{debrief.code}")
    expect(play.locator("#phase")).to_have_text("Debrief")
    expect(play.get_by_role("link", name="Give your reflection")).to_have_count(0)
    expect(play.get_by_role("link", name="Give your reflection on the partnership")).to_have_count(0)

    page = debrief.observer.new_page()
    page.goto(f"{debrief.base}/play/{debrief.code}/debrief")
    expect(page.get_by_role("heading", name="Observers do not give a reflection")).to_be_visible()
    expect(page.get_by_role("heading", name="How did the partnership work?")).to_be_hidden()
    expect(page.get_by_role("button", name="Send my reflection")).to_be_hidden()
    expect(page.get_by_role("region", name="What everyone said")).to_contain_text("3 people have answered")
    assert violations(page) == []


CHURN = churn_counter("content")  # elements added to or removed from #content since the last read
# The elements in the parts a view draws: what redrawing them whole would take away and put back.
DRAWN = """() => ['#dividend-now', '#dividend-why', '#transfers', '#causes', '#indicator-table', '#indicator-rounds-table',
  '#motions', '#ten', '.chart-table'].flatMap((s) => [...document.querySelectorAll(s)])
  .reduce((sum, el) => sum + el.querySelectorAll('*').length, 0)"""


def test_an_update_redraws_only_what_it_changed(debrief):
    page = trainers_debrief_a_year_on(debrief)
    page.evaluate(CHURN)
    debrief.reflect("Asha", 4)
    expect(page.locator("#updates")).to_contain_text("1 person has sent a reflection.")
    one_reflection = page.evaluate(CHURN)
    debrief.run(debrief.trainer, type="advance-time", period="quarter")
    expect(page.locator("#updates")).to_contain_text("After 15 months, the residents' dividend is")
    time_moved, drawn = page.evaluate(CHURN), page.evaluate(DRAWN)
    assert one_reflection == 0, "a reflection changes words, not elements"
    assert time_moved < drawn / 4, (time_moved, drawn)
