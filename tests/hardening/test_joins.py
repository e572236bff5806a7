"""Joins are limited per browser, so one client cannot take every seat, while whole rooms behind one
address all get in at once."""

from __future__ import annotations

from app.api.limits import JOINS_PER_BROWSER, JOINS_WITHOUT_ID
from tests.hardening.conftest import new_session


def join(browser, code, name, agency="resident"):
    return browser.post(f"/api/sessions/{code}/join", json={"name": name, "agency": agency})


def test_a_venue_of_40_behind_one_address_all_get_in(venue):
    trainer, browser = venue
    code = new_session(trainer)
    people = [browser() for _ in range(40)]
    for n, person in enumerate(people):
        assert join(person, code, f"Person {n}").status_code == 200
    assert len(trainer.get(f"/api/sessions/{code}/view").json()["seats"]) == 40


def test_ten_rooms_of_25_behind_one_address_all_get_in(venue):
    trainer, browser = venue
    codes = [new_session(trainer, "roomy") for _ in range(10)]
    for code in codes:
        for n in range(25):
            assert join(browser(), code, f"Person {n}").status_code == 200
    for code in codes:
        assert len(trainer.get(f"/api/sessions/{code}/view").json()["seats"]) == 25


def test_one_browser_cannot_take_every_seat(venue):
    trainer, browser = venue
    code = new_session(trainer)
    grabber = browser()
    answers = [join(grabber, code, f"Seat {n}") for n in range(10)]
    assert [a.status_code for a in answers[:JOINS_PER_BROWSER]] == [200] * JOINS_PER_BROWSER
    refused = answers[JOINS_PER_BROWSER]
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert f"already taken {JOINS_PER_BROWSER} seats" in refused.json()["detail"]
    assert len(trainer.get(f"/api/sessions/{code}/view").json()["seats"]) == JOINS_PER_BROWSER
    assert join(browser(), code, "Somebody else").status_code == 200  # the next person is not held up


def test_a_script_without_cookies_cannot_take_every_seat(venue):
    trainer, browser = venue
    code = new_session(trainer)
    script = browser(home_page=False)
    statuses = []
    for n in range(25):
        script.cookies.clear()
        statuses.append(join(script, code, f"Bot {n}").status_code)
    assert statuses[:JOINS_WITHOUT_ID] == [200] * JOINS_WITHOUT_ID and set(statuses[JOINS_WITHOUT_ID:]) == {429}
    script.cookies.clear()
    assert "cookies" in join(script, code, "Bot").json()["detail"]
    assert join(browser(), code, "A real person").status_code == 200


def test_commands_are_limited_per_seat_with_a_clear_answer(venue):
    from app.api.limits import COMMAND_BURST, Limits

    trainer, browser = venue
    trainer.app.state.limits = Limits(clock=lambda: 500.0)  # time stands still: only the burst is allowed
    code = new_session(trainer)
    seat = browser()
    assert join(seat, code, "Asha", "nhs").status_code == 200
    statuses = [
        seat.post(f"/api/sessions/{code}/commands", json={"id": f"c{n}", "command": {"type": "raise-hand"}}).status_code
        for n in range(COMMAND_BURST + 5)
    ]
    assert 429 not in statuses[:COMMAND_BURST] and set(statuses[COMMAND_BURST:]) == {429}
    refused = seat.post(f"/api/sessions/{code}/commands", json={"id": "late", "command": {"type": "raise-hand"}})
    assert "Too many commands" in refused.json()["detail"] and "nothing was changed" in refused.json()["detail"]
    ok = trainer.post(f"/api/sessions/{code}/commands", json={"id": "t", "command": {"type": "auto-pair"}})
    assert ok.status_code == 200  # another seat (the trainer) has its own allowance
