"""Over HTTP, the document access matrix for late arrivals: a third member reads exactly their pair's pack and the
shared documents; an observer reads only the shared ones, and neither the chair's nor the residents' brief."""

from tests.api.test_meeting_api import browser_for, held, meeting  # noqa: F401  (the fixture)
from tests.support import join, send

DIRECTORATES = ("housing", "health", "safety", "education")
PUBLIC = {"profile"}


def readable(browser, code) -> set[str]:
    return {d["id"] for d in browser.get(f"/api/sessions/{code}/documents").json()}


def test_a_third_member_reads_the_pairs_pack_and_an_observer_only_the_shared_documents(
    meeting,  # noqa: F811
    trainer,
    participant,
):
    code, view, _ = meeting
    directorate = held(view)[0]
    pair = next(d["pair_id"] for d in view["directorates"] if d["id"] == directorate)
    third, observer = participant(), participant()
    third_id, observer_id = join(third, code, "Lee", "fire"), join(observer, code, "Eve", "fire")
    assert readable(third, code) == PUBLIC == readable(observer, code), "unplaced, a late arrival reads only the shared"
    send(trainer, code, {"type": "seat-third-member", "seat_id": third_id, "pair_id": pair})
    send(trainer, code, {"type": "seat-observer", "seat_id": observer_id})
    partner = readable(browser_for(meeting, directorate), code)
    assert readable(third, code) == partner and f"{directorate}-mission" in partner
    assert readable(observer, code) == PUBLIC
    for other in DIRECTORATES:
        status = observer.get(f"/api/sessions/{code}/documents/{other}-mission").status_code
        assert status == 404
    for private in ("chair-brief", "residents-brief"):
        assert third.get(f"/api/sessions/{code}/documents/{private}").status_code == 404
        assert observer.get(f"/api/sessions/{code}/documents/{private}").status_code == 404
    me = third.get(f"/api/sessions/{code}/view").json()["me"]
    assert (me["role"], me["directorate"], me["title"]) == (
        "member",
        directorate,
        f"Third member, {directorate.title()}",
    )
    refused = send(observer, code, {"type": "raise-hand"}, expect=409)
    assert "Observers watch the meeting" in refused["detail"]
    nobody_moved = trainer.get(f"/api/sessions/{code}/view").json()
    assert [(s["id"], s["role"]) for s in nobody_moved["seats"] if s["id"] in {x["id"] for x in view["seats"]}] == [
        (s["id"], s["role"]) for s in view["seats"]
    ]
