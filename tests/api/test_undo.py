"""Over HTTP: the trainer undoes the latest correction in one action; a seat may not, and a stale undo does nothing."""

from tests.api.test_meeting_api import meeting  # noqa: F401  (the fixture)
from tests.support import send


def test_the_trainer_undoes_the_latest_correction(meeting, trainer):  # noqa: F811
    code, view, browsers = meeting
    seat = next(iter(browsers.values()))
    send(trainer, code, {"type": "add-item", "title": "Added in error"})
    undoable = trainer.get(f"/api/sessions/{code}/view").json()["session"]["undoable"]
    assert undoable["what"] == "adding “Added in error” to the agenda"
    assert "undoable" not in seat.get(f"/api/sessions/{code}/view").json()["session"]
    assert "Only the trainer" in send(seat, code, {"type": "undo"}, expect=409)["detail"]
    stale = send(trainer, code, {"type": "undo", "seq": undoable["seq"] - 1}, expect=409)
    assert "Only the latest correction" in stale["detail"]
    send(trainer, code, {"type": "undo", "seq": undoable["seq"]})
    after = trainer.get(f"/api/sessions/{code}/view").json()
    assert [item["title"] for item in after["agenda"]] == [item["title"] for item in view["agenda"]]
    assert after["session"]["undoable"] is None
    assert "no correction left" in send(trainer, code, {"type": "undo"}, expect=409)["detail"]
    logged = [e["type"] for e in trainer.get(f"/api/sessions/{code}/export.json?full=1").json()["events"]]
    assert logged[-3:] == ["agenda-item-added", "correction-undone", "agenda-item-removed"]
