"""The minutes, written from the event log, as data and as a printable page."""

from tests.api.test_meeting_api import browser_for, held, meeting  # noqa: F401  (the fixture)
from tests.support import send


def test_minutes_tell_the_story_of_the_meeting(meeting, trainer):  # noqa: F811
    code, view, _ = meeting
    first, second = held(view)
    proposer, other = browser_for(meeting, first), browser_for(meeting, second)
    send(proposer, code, {"type": "raise-hand"})
    send(trainer, code, {"type": "call-speaker"})
    send(
        proposer,
        code,
        {
            "type": "propose",
            "kind": "transfer",
            "text": "Fund damp repairs",
            "transfer": {"source": first, "target": second, "amount": 30000, "reason": "damp"},
        },
    )
    send(
        other,
        code,
        {
            "type": "amend",
            "motion_id": "m1",
            "text": "Fund damp repairs now",
            "transfer": {"source": first, "target": second, "amount": 20000, "reason": "damp"},
        },
    )
    send(proposer, code, {"type": "decide-amendment", "motion_id": "m1", "amendment_id": "m1-a1", "accept": True})
    send(other, code, {"type": "second", "motion_id": "m1"})
    send(proposer, code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    send(other, code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    send(trainer, code, {"type": "close-vote", "motion_id": "m1"})
    send(trainer, code, {"type": "announce", "text": "Tea is served"})
    send(trainer, code, {"type": "void-motion", "motion_id": "m1", "reason": "Counted the wrong budget"})

    record = trainer.get(f"/api/sessions/{code}/minutes").json()
    assert [a["name"] for a in record["attendance"]] == ["Asha", "Ben", "Cai", "Dee"]
    [item] = [i for i in record["items"] if i["motions"]]
    motion = item["motions"][0]
    assert motion["original_text"] == "Fund damp repairs" and motion["text"] == "Fund damp repairs now"
    assert motion["result"] == "Decision set aside by a correction"
    assert [t["text"].split(" from")[0] for t in record["transfers"]] == [
        "£20,000 moved",
        "£20,000 returned by a correction",
    ]
    assert any(t["text"] == "Announcement: Tea is served" for t in record["timeline"])
    assert any("Counted the wrong budget" in t["text"] for t in record["timeline"])
    assert record["speaking"][0]["count"] == 1
    assert all(r["start"] == r["end"] for r in record["ledger"])  # the correction put the money back

    page = proposer.get(f"/play/{code}/minutes")
    assert page.status_code == 200
    assert "Minutes: Tiny Town plc" in page.text and "As first proposed:" in page.text
    assert "Print the minutes" in page.text
    assert trainer.get(f"/trainer/{code}/minutes").status_code == 200


def test_minutes_are_not_public(meeting, client):  # noqa: F811
    code, _, _ = meeting
    client.cookies.clear()
    assert client.get(f"/api/sessions/{code}/minutes").status_code == 401
