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


def test_minutes_give_transfer_terms_in_pounds_and_names_and_keep_their_look_offline(meeting, trainer):  # noqa: F811
    import base64
    import hashlib
    import io
    import re
    import zipfile

    code, view, _ = meeting
    first, second = held(view)
    names = {d["id"]: d["name"] for d in view["directorates"]}
    proposer = browser_for(meeting, first)
    send(proposer, code, {"type": "raise-hand"})
    send(trainer, code, {"type": "call-speaker"})
    transfer = {"source": first, "target": second, "amount": 120000, "reason": "damp", "addresses": "housing>health"}
    send(proposer, code, {"type": "propose", "kind": "transfer", "text": "Fund damp repairs", "transfer": transfer})

    [motion] = [m for i in trainer.get(f"/api/sessions/{code}/minutes").json()["items"] for m in i["motions"]]
    assert motion["terms"] == [
        f"Transfer of £120,000 from {names[first]} to {names[second]}.",
        "Reason given: damp",
        "Addresses the cost exported from Housing to Health (£50,000 a year): "
        "Damp homes bring more chest infections to the surgery.",
    ]

    page = trainer.get(f"/trainer/{code}/minutes")
    assert f"Transfer of £120,000 from {names[first]} to {names[second]}." in page.text
    # The page carries its own stylesheet, and the security policy allows exactly that text and no other.
    [css] = re.findall(r"<style>(.*?)</style>", page.text, flags=re.S)
    assert ".connection-banner" in css and '/static/css/app.css"' not in page.text
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert f"style-src 'self' 'sha256-{digest}'" in page.headers["content-security-policy"]

    archive = zipfile.ZipFile(io.BytesIO(trainer.get(f"/api/sessions/{code}/export.zip").content))
    exported = archive.read(f"{code}/minutes.html").decode()
    assert re.findall(r"<style>(.*?)</style>", exported, flags=re.S) == [css]
    assert "/static/" not in exported and "Print the minutes" not in exported  # nothing the file cannot load
    assert "Transfer of £120,000" in exported
