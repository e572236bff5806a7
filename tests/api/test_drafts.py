"""Over HTTP: a pair's drafts reach only the pair, and one action tables a draft as a motion everyone sees."""

import json

from tests.api.test_meeting_api import browser_for, held, meeting  # noqa: F401  (the fixture)
from tests.support import send

MOTION = {"text": "Pool the damp budgets", "kind": "objective", "term": "medium"}


def test_a_draft_stays_with_the_pair_until_it_is_tabled(meeting, trainer):  # noqa: F811
    code, view, browsers = meeting
    first, second = held(view)
    writer, other = browser_for(meeting, first), browser_for(meeting, second)
    send(writer, code, {"type": "write-draft", "motion": MOTION})
    pair = next(
        p for p in view["pairs"] if writer.get(f"/api/sessions/{code}/view").json()["me"]["seat_id"] in p["seats"]
    )
    for seat_id in pair["seats"]:
        drafts = browsers[seat_id].get(f"/api/sessions/{code}/view").json()["me"]["drafts"]
        assert [(d["id"], d["text"], d["tabled"]) for d in drafts] == [("d1", MOTION["text"], None)]
    for outsider in (other, trainer):
        assert MOTION["text"] not in outsider.get(f"/api/sessions/{code}/view").text
    refused = send(other, code, {"type": "table-draft", "draft_id": "d1"}, expect=409)
    assert "no such draft" in refused["detail"]
    send(writer, code, {"type": "table-draft", "draft_id": "d1"})
    seen = other.get(f"/api/sessions/{code}/view").json()
    assert [(m["text"], m["term"], m["status"]) for m in seen["motions"]] == [(MOTION["text"], "medium", "proposed")]
    assert writer.get(f"/api/sessions/{code}/view").json()["me"]["drafts"][0]["tabled"] == "m1"
    shared = trainer.get(f"/api/sessions/{code}/export.json").json()
    assert not any(row["type"].startswith("draft-") for row in shared["events"])
    assert json.dumps(shared).count(MOTION["text"]) >= 1  # the motion itself is the room's, and stays
