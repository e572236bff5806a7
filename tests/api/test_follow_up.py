"""Returning to real life: a follow-up meeting of the same people in their own roles, carrying forward
what the board agreed, shown together with the first meeting as a series."""

from tests.api.test_meeting_api import browser_for, held, meeting  # noqa: F401  (the fixture)
from tests.support import send


def finish_first_meeting(meeting, trainer):  # noqa: F811
    code, view, _ = meeting
    first, second = held(view)
    proposer, other = browser_for(meeting, first), browser_for(meeting, second)
    send(
        proposer,
        code,
        {
            "type": "propose",
            "kind": "target",
            "text": "Cut damp to one home in ten",
            "target": {"indicator": "damp-homes", "directorate": "housing", "value": 10, "by": "March 2028"},
        },
    )
    send(other, code, {"type": "second", "motion_id": "m1"})
    for browser in (proposer, other):
        send(browser, code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    send(trainer, code, {"type": "close-vote", "motion_id": "m1"})
    send(
        proposer,
        code,
        {
            "type": "propose",
            "kind": "transfer",
            "text": "Move money to repairs",
            "transfer": {"source": "health", "target": "housing", "amount": 50000, "reason": "damp"},
        },
    )
    send(other, code, {"type": "second", "motion_id": "m2"})
    for browser in (proposer, other):
        send(browser, code, {"type": "vote", "motion_id": "m2", "choice": "for"})
    send(trainer, code, {"type": "close-vote", "motion_id": "m2"})
    send(trainer, code, {"type": "start-phase", "phase": "debrief"})
    return code


def test_a_follow_up_seats_everyone_in_their_real_role_with_what_was_agreed(meeting, trainer):  # noqa: F811
    code = finish_first_meeting(meeting, trainer)
    answer = trainer.post(f"/api/sessions/{code}/follow-up")
    assert answer.status_code == 201, answer.text
    follow = answer.json()["code"]
    view = trainer.get(f"/api/sessions/{follow}/view").json()
    own = {"Asha": "housing", "Ben": "housing", "Cai": "health", "Dee": "health"}
    assert {s["name"]: s["directorate"] for s in view["seats"]} == own
    assert view["session"]["meeting"] == 2 and view["session"]["previous"] == code
    assert view["agenda"][0]["title"] == "Progress against the targets we agreed"
    assert [d["text"] for d in view["carried"]] == ["Cut damp to one home in ten", "Move money to repairs"]
    balances = {d["id"]: d["balance"] - d["budget"] for d in view["directorates"]}
    assert balances["housing"] == 50000 and balances["health"] == -50000
    refused = send(trainer, follow, {"type": "shuffle", "seed": 1}, expect=409)
    assert "real-life role" in refused["detail"]
    series = trainer.get(f"/api/sessions/{follow}/series").json()
    assert [(m["code"], m["meeting"]) for m in series] == [(code, 1), (follow, 2)]


def test_people_come_back_to_the_follow_up_without_joining_again(meeting, trainer):  # noqa: F811
    code = finish_first_meeting(meeting, trainer)
    follow = trainer.post(f"/api/sessions/{code}/follow-up").json()["code"]
    for seat_id, browser in meeting[2].items():
        me = browser.get(f"/api/sessions/{follow}/view").json()["me"]
        assert me["seat_id"] == seat_id and me["directorate"] in ("housing", "health")


def test_a_follow_up_needs_the_meeting_to_have_finished(meeting, trainer):  # noqa: F811
    code, _, _ = meeting
    answer = trainer.post(f"/api/sessions/{code}/follow-up")
    assert answer.status_code == 409 and "Finish the board meeting first" in answer.json()["detail"]


def test_a_meeting_has_one_follow_up(meeting, trainer):  # noqa: F811
    code = finish_first_meeting(meeting, trainer)
    follow = trainer.post(f"/api/sessions/{code}/follow-up").json()["code"]
    again = trainer.post(f"/api/sessions/{code}/follow-up")
    assert again.status_code == 409 and follow in again.json()["detail"]


def test_the_session_list_shows_the_series(meeting, trainer):  # noqa: F811
    code = finish_first_meeting(meeting, trainer)
    follow = trainer.post(f"/api/sessions/{code}/follow-up").json()["code"]
    listed = {s["code"]: (s["meeting"], s["follows"]) for s in trainer.get("/api/sessions").json()}
    assert listed[code] == (1, None) and listed[follow] == (2, code)


def test_the_first_meetings_people_are_told_where_the_follow_up_is_and_their_seat_lets_them_in(
    meeting,  # noqa: F811
    trainer,
    participant,
):
    code = finish_first_meeting(meeting, trainer)
    _code, view, browsers = meeting
    someone = next(iter(browsers.values()))
    assert someone.get(f"/api/sessions/{code}/next").json() == {"code": None}
    follow = trainer.post(f"/api/sessions/{code}/follow-up").json()["code"]
    assert someone.get(f"/api/sessions/{code}/next").json() == {"code": follow}
    # The earlier seat's cookie is enough to take the same seat in the new meeting.
    theirs = someone.get(f"/api/sessions/{follow}/view")
    assert theirs.status_code == 200 and theirs.json()["viewer"] == "seat"
    assert theirs.json()["me"]["name"] in {s["name"] for s in view["seats"]}
    # The new meeting has no follow-up yet; a stranger is told nothing about either.
    assert someone.get(f"/api/sessions/{follow}/next").json() == {"code": None}
    assert participant().get(f"/api/sessions/{code}/next").status_code in (401, 403)
