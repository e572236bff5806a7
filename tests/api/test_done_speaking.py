"""Over HTTP: the speaker ends their own turn; someone else who tries is told why and nothing changes."""

from tests.api.test_meeting_api import browser_for, held, meeting  # noqa: F401  (the fixture)
from tests.support import seat_holding, send


def test_the_speaker_says_they_are_done(meeting, trainer):  # noqa: F811
    code, view, _ = meeting
    first, second = held(view)
    speaker, other = browser_for(meeting, first), browser_for(meeting, second)
    send(speaker, code, {"type": "raise-hand"})
    send(trainer, code, {"type": "call-speaker"})
    refused = send(other, code, {"type": "done-speaking"}, expect=409)
    assert "do not have the floor" in refused["detail"]
    assert trainer.get(f"/api/sessions/{code}/view").json()["floor"]["speaking"]["id"] == seat_holding(view, first)
    send(speaker, code, {"type": "done-speaking"})
    floor = speaker.get(f"/api/sessions/{code}/view").json()["floor"]
    assert floor["speaking"] is None and floor["contributions"][0]["count"] == 1
