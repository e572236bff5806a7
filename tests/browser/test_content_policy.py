"""Every page works under the Content-Security-Policy (no inline script): the browser reports no violation."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.steps import create_session, join_people


def watch(page, found: list[str]) -> None:
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: found.append(str(e)))


def test_no_page_breaks_the_content_security_policy(day_server, new_context):
    found: list[str] = []
    base = day_server.base_url
    _, console, projector, code = create_session(day_server, new_context)
    watch(console, found), watch(projector, found)
    people = join_people(day_server, new_context, code)
    person = next(iter(people.values()))
    watch(person, found)
    for page, path in [
        (console, "/"),
        (console, "/trainer"),
        (console, f"/trainer/{code}"),
        (projector, f"/projector/{code}"),
        (console, f"/trainer/{code}/debrief"),
        (projector, f"/projector/{code}/debrief"),
        (person, f"/play/{code}"),
        (person, f"/play/{code}/debrief"),
        (person, f"/play/{code}/pack"),
        (console, f"/trainer/{code}/minutes"),
    ]:
        page.goto(base + path)
        heading = page.locator("h1:visible").first
        expect(heading).not_to_have_text("Loading…")
        expect(heading).not_to_contain_text("could not")
    expect(person.locator(".role-line")).to_be_visible()  # the print pack rendered
    minutes = console
    minutes.evaluate("window.print = () => { window.printed = true; }")
    minutes.get_by_role("button", name="Print the minutes").click()
    assert minutes.evaluate("window.printed") is True
    assert found == []
