"""Over HTTP: the earlier meeting's view names its follow-up, and late arrivals (a third member, an observer)
come across in their roles with the seat they already hold, typing nothing."""

from tests.api.test_follow_up import finish_first_meeting
from tests.api.test_meeting_api import browser_for, held, meeting  # noqa: F401  (the fixture)
from tests.support import join, send


def test_the_earlier_meeting_points_to_the_follow_up_and_late_arrivals_come_along(
    meeting,  # noqa: F811
    trainer,
    participant,
):
    code, view, browsers = meeting
    pair = next(d["pair_id"] for d in view["directorates"] if d["id"] == held(view)[0])
    third, observer = participant(), participant()
    third_id, observer_id = join(third, code, "Lee", "nhs"), join(observer, code, "Eve", "fire")
    send(trainer, code, {"type": "seat-third-member", "seat_id": third_id, "pair_id": pair})
    send(trainer, code, {"type": "seat-observer", "seat_id": observer_id})
    finish_first_meeting(meeting, trainer)
    assert trainer.get(f"/api/sessions/{code}/view").json()["session"]["follow_up"] is None
    follow = trainer.post(f"/api/sessions/{code}/follow-up").json()["code"]
    for browser in (*browsers.values(), third, observer, trainer):
        assert browser.get(f"/api/sessions/{code}/view").json()["session"]["follow_up"] == follow
    mine = third.get(f"/api/sessions/{follow}/view").json()["me"]
    assert (mine["seat_id"], mine["role"], mine["directorate"]) == (third_id, "member", "health")
    theirs = observer.get(f"/api/sessions/{follow}/view").json()["me"]
    assert (theirs["seat_id"], theirs["role"]) == (observer_id, "observer")
    roles = {s["name"]: s["role"] for s in trainer.get(f"/api/sessions/{follow}/view").json()["seats"]}
    assert len(roles) == 6 and None not in roles.values() and roles["Eve"] == "observer"


def test_a_full_record_with_a_follow_up_imports_as_a_meeting_of_its_own(meeting, trainer):  # noqa: F811
    code = finish_first_meeting(meeting, trainer)
    trainer.post(f"/api/sessions/{code}/follow-up")
    record = trainer.get(f"/api/sessions/{code}/export.json?full=1")
    assert any(e["type"] == "follow-up-opened" for e in record.json()["events"])
    imported = trainer.post("/api/sessions/import", content=record.content)
    assert imported.status_code == 201, imported.text
    copy = trainer.get(f"/api/sessions/{imported.json()['code']}/view").json()
    assert copy["session"]["follow_up"] is None
