"""News sent to chosen seats stays theirs in the records everyone reads: the minutes and the exports for
sharing name only whose roles it went to, never its title or text."""

from __future__ import annotations

import io
import zipfile

from tests.api.test_meeting_api import browser_for, held, meeting  # noqa: F401  (the fixture)
from tests.support import send

TITLE = "Ward 7 closure leaked"
TEXT = "The surgery on Mill Lane shuts in March."
PUBLIC = "Flood warning for everyone"


def private_news_sent(meeting, trainer) -> tuple[str, str, str]:  # noqa: F811
    """News written for one directorate's director, and a scenario item released to them alone."""
    code, view, _ = meeting
    first = held(view)[0]
    row = next(d for d in view["directorates"] if d["id"] == first)
    to = [row["director"]["id"]]
    send(trainer, code, {"type": "write-inject", "title": TITLE, "text": TEXT, "to": to})
    send(trainer, code, {"type": "release-inject", "inject_id": "news", "to": to})
    send(trainer, code, {"type": "write-inject", "title": PUBLIC, "text": "Sandbags at the depot.", "to": []})
    return code, first, row["name"]


def test_the_minutes_give_private_news_only_as_whom_it_went_to(meeting, trainer):  # noqa: F811
    code, first, name = private_news_sent(meeting, trainer)
    _, view, _ = meeting
    others = [browser_for(meeting, d) for d in held(view) if d != first]
    for reader in [trainer, *others]:
        record = reader.get(f"/api/sessions/{code}/minutes")
        assert record.status_code == 200
        texts = [t["text"] for t in record.json()["timeline"]]
        assert texts.count(f"Private news to {name}.") == 2
        assert f"News written by the trainer: {PUBLIC}." in texts, "news for everyone keeps its title"
        assert TITLE not in record.text and TEXT not in record.text and "Local news" not in record.text
    page = others[0].get(f"/play/{code}/minutes").text
    assert f"Private news to {name}." in page and TITLE not in page


def test_the_exports_for_sharing_never_carry_private_news(meeting, trainer):  # noqa: F811
    code, _, name = private_news_sent(meeting, trainer)
    shared = trainer.get(f"/api/sessions/{code}/export.json")
    assert TITLE not in shared.text and TEXT not in shared.text
    written = [r["payload"] for r in shared.json()["events"] if r["type"] == "inject-written"]
    assert [w["title"] for w in written] == [f"Private news to {name}", PUBLIC]
    titles = [row["title"] for row in shared.json()["state"]["injects"] if row["to"]]
    assert titles and all(t == f"Private news to {name}" for t in titles)
    with zipfile.ZipFile(io.BytesIO(trainer.get(f"/api/sessions/{code}/export.zip").content)) as archive:
        text = "\n".join(archive.read(n).decode() for n in archive.namelist())
    assert f"Private news to {name}." in text and TITLE not in text and TEXT not in text
    full = trainer.get(f"/api/sessions/{code}/export.json?full=1").text
    assert TITLE in full and TEXT in full, "the full record keeps everything, for the trainer alone"
