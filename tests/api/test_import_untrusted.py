"""A session export is untrusted input: an edited, crafted, cut or oversized file is refused with a clear
message and stores nothing; what is accepted is sanitised; and no import ever changes the pack library,
before or after a restart."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from html.parser import HTMLParser

import pytest

from app.main import build_services
from tests.api.test_meeting_api import meeting  # noqa: F401  (the fixture)
from tests.api.test_records import play_a_little

IMPORT = "/api/sessions/import"


class Markup(HTMLParser):
    """Collects what a browser would run from some HTML: script tags, event handlers, javascript: links."""

    def __init__(self, html: str):
        super().__init__()
        self.runnable: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "style"):
            self.runnable.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:text")):
                self.runnable.append(f"{tag} {name}={value}")


@pytest.fixture
def record(meeting, trainer):  # noqa: F811
    """The full export of a tiny session with a carried transfer and a year of consequences."""
    code = play_a_little(meeting, trainer)
    return json.loads(trainer.get(f"/api/sessions/{code}/export.json?full=1").content)


def library(trainer) -> list[tuple[str, str]]:
    return [(p["id"], p["version"]) for p in trainer.get("/api/scenarios").json()]


def stored(trainer) -> set[str]:
    listing = trainer.get("/api/sessions")
    assert listing.status_code == 200, listing.text
    return {s["code"] for s in listing.json()}


def post(trainer, body: bytes | dict):
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return trainer.post(IMPORT, content=content, headers={"content-type": "application/json"})


def refused(trainer, body: bytes | dict, says: str) -> None:
    """The import answers 422 with a message containing `says`, and the server's sessions are as they were."""
    before = stored(trainer)
    answer = post(trainer, body)
    assert answer.status_code == 422, answer.text
    assert says in answer.json()["detail"], answer.json()["detail"]
    assert stored(trainer) == before


def event(record: dict, type_: str, nth: int = 0) -> dict:
    return [row for row in record["events"] if row["type"] == type_][nth]


def repacked(record: dict, edit) -> str:
    """The export's pack zip with `edit(files)` applied, base64 as an export carries it."""
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(record["pack_archive"]))) as old:
        files = {name: old.read(name) for name in old.namelist()}
    edit(files)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as new:
        for name, data in files.items():
            new.writestr(name, data)
    return base64.b64encode(out.getvalue()).decode()


# --- script injection ------------------------------------------------------------------------------------


def test_script_in_names_and_motions_stays_text_everywhere_it_is_shown(record, trainer):
    event(record, "seat-joined")["payload"]["name"] = "<script>alert('name')</script>"
    event(record, "motion-proposed")["payload"]["text"] = '<img src=x onerror="alert(1)">'
    answer = post(trainer, record)
    assert answer.status_code == 201, answer.text
    copy = answer.json()["code"]
    minutes = trainer.get(f"/trainer/{copy}/minutes").text
    assert "<script>alert" not in minutes and "<img src=x" not in minutes
    assert "&lt;script&gt;alert" in minutes
    view = trainer.get(f"/api/sessions/{copy}/view").json()
    assert "<script>alert('name')</script>" in {s["name"] for s in view["seats"]}  # data, escaped when shown


def test_script_written_into_a_pack_document_is_sanitised_on_import(record, trainer):
    def poison(files):
        files["docs/shared.md"] = files["docs/shared.md"] + (
            b"\n\n<script>alert('doc')</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror=alert(2)>\n"
        )

    record["pack_archive"] = repacked(record, poison)
    # The rendered HTML also travels in the export; it is never trusted, the pack is rendered again.
    record["pack"] = record["pack"].replace("</p>", "</p><script>alert('html')</script>", 1)
    answer = post(trainer, record)
    assert answer.status_code == 201, answer.text
    html = trainer.get(f"/api/sessions/{answer.json()['code']}/documents/profile").json()["html"]
    assert Markup(html).runnable == [] and "alert('html')" not in html, html
    assert "&lt;script&gt;alert('doc')" in html  # the pack's own text, shown as text


def test_an_export_from_before_packs_travelled_as_files_is_sanitised_too(record, trainer):
    record["format_version"], record["pack_archive"] = 1, None
    pack = json.loads(record["pack"])
    profile = next(d for d in pack["documents"] if d["id"] == "profile")
    profile["html"] += '<script>alert(1)</script><a href="javascript:alert(2)">x</a><p onclick="alert(3)">y</p>'
    profile["visible_to"] = ["everyone", "chair", "housing", "health", "safety", "education"]
    record["pack"] = json.dumps(pack)
    answer = post(trainer, record)
    assert answer.status_code == 201, answer.text
    doc = trainer.get(f"/api/sessions/{answer.json()['code']}/documents/profile").json()
    assert Markup(doc["html"]).runnable == [] and "<p>y</p>" in doc["html"], doc["html"]
    assert "<table" in trainer.get(f"/api/sessions/{answer.json()['code']}/documents/housing-budget").json()["html"]


def test_an_invalid_pack_in_the_export_is_refused_with_its_problems(record, trainer):
    def break_it(files):
        files["scenario.yaml"] = files["scenario.yaml"].replace(b"title: Tiny Town plc", b"title: [unclosed")

    record["pack_archive"] = repacked(record, break_it)
    refused(trainer, record, "scenario pack is not valid: scenario.yaml:")


# --- the pack library ----------------------------------------------------------------------------------------


def test_no_import_changes_the_library_even_after_a_restart(record, trainer, settings):
    before = library(trainer)

    def crafted(files):
        files["docs/shared.md"] += b"\n\nThis version never went through the library.\n"

    def retitled(files):
        files["scenario.yaml"] = files["scenario.yaml"].replace(b"title: Tiny Town plc", b"title: Taken Over plc")

    refused(trainer, dict(record, pack_archive=repacked(record, retitled)), "of its own scenario pack")
    newer = dict(record, pack_archive=repacked(record, crafted))
    older = dict(record, format_version=1, pack_archive=None)
    older["pack"] = json.dumps(json.loads(record["pack"]) | {"version": "0000000000zz"})
    copies = []
    for each in (newer, older, record):
        answer = post(trainer, each)
        assert answer.status_code == 201, answer.text
        copies.append(answer.json()["code"])
    assert library(trainer) == before
    profile = trainer.get(f"/api/sessions/{copies[0]}/documents/profile").json()["html"]
    assert "never went through the library" in profile  # the imported session runs on its own version
    assert trainer.get("/api/scenarios/tiny/download?version=0000000000zz").status_code == 404

    restarted = build_services(settings)  # the same database, as after `nplc serve` starts again
    assert {(p.id, p.version) for p in restarted.library.current.values()} == set(before)
    trainer.app.state.services = restarted
    assert library(trainer) == before
    assert stored(trainer) >= set(copies)
    for copy in copies:
        assert trainer.get(f"/api/sessions/{copy}/view").status_code == 200


# --- logs that do not replay -------------------------------------------------------------------------------------


def test_a_log_that_does_not_replay_is_refused_and_nothing_is_stored(record, trainer):
    event(record, "vote-cast")["payload"]["motion_id"] = "m99"
    refused(trainer, record, "does not replay: event")


def test_a_log_the_rules_would_not_have_written_is_refused(record, trainer):
    pairs = event(record, "pairs-set")["payload"]["pairs"]
    pairs[0]["seats"] = [*pairs[0]["seats"], "s-nobody"]
    refused(trainer, record, "(pairs-set) is not what the rules record at that point")


def test_a_log_creating_a_second_session_midway_is_refused(record, trainer):
    record["events"].append(dict(record["events"][0], seq=len(record["events"]) + 1))
    refused(trainer, record, "(session-created) is not what the rules record")


def test_an_event_of_an_unknown_kind_or_shape_is_refused(record, trainer):
    event(record, "seat-joined")["type"] = "seat-teleported"
    refused(trainer, record, "of a kind this server does not know (seat-teleported)")


def test_an_event_with_a_missing_field_is_refused(record, trainer):
    del event(record, "budget-transferred")["payload"]["amount"]
    refused(trainer, record, "(budget-transferred) could not be read at 'amount'")


def test_a_log_out_of_order_or_with_gaps_is_refused(record, trainer):
    record["events"][2]["seq"] = 99
    refused(trainer, record, "could not be read whole")


# --- damaged, hostile and oversized files ----------------------------------------------------------------------


def test_a_truncated_file_is_refused(record, trainer):
    whole = json.dumps(record).encode()
    refused(trainer, whole[: len(whole) // 2], "cut short")


def test_a_file_too_large_to_read_is_refused_before_it_is_read(trainer):
    before = stored(trainer)
    answer = post(trainer, b"[" + b" " * (21 * 1024 * 1024) + b"]")
    assert answer.status_code == 413 and "too large" in answer.json()["detail"]
    assert stored(trainer) == before


def test_a_log_longer_than_any_real_day_is_refused(record, trainer):
    record["events"] = [{"seq": n, "type": "clock-paused", "payload": {"at": 1.0}} for n in range(1, 20_002)]
    refused(trainer, record, "events: list should have at most 20000 items")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "9" * 5000], ids=str.__len__)
def test_numbers_that_are_not_finite_or_not_real_are_refused(record, trainer, number):
    text = json.dumps(record).replace('"amount": 15000', f'"amount": {number}', 1)
    assert number in text
    refused(trainer, text.encode(), "number")


def test_deeply_nested_json_is_refused_quickly(trainer):
    refused(trainer, b"[" * 100_000, "nested far too deeply")
    refused(trainer, b'{"format": "neighbourhood-plc-session", "events": ' + b"[" * 5000, "nested far too deeply")


def test_something_else_entirely_is_refused(trainer):
    for body in (b"\xff\xfe not utf-8", b"[]", b'"text"', b'{"format": "something-else"}'):
        refused(trainer, body, "This is not a Neighbourhood plc session export.")


def test_an_anonymised_export_is_refused_with_what_to_do(meeting, trainer):  # noqa: F811
    code = play_a_little(meeting, trainer)
    shared = trainer.get(f"/api/sessions/{code}/export.json").content
    refused(trainer, shared, "Import the full record")


def test_a_log_whose_scenario_is_not_its_packs_is_refused(record, trainer):
    # Budgets, directorates and timings in the log drive every rule; they must be the checked pack's own.
    record["events"][0]["payload"]["scenario"]["directorates"][0]["budget"] = 10**12
    refused(trainer, record, "does not start by creating a session of its own scenario pack")


def test_numbers_inside_an_older_exports_pack_are_held_to_the_same_rule(record, trainer):
    pack = json.loads(record["pack"])
    pack["scenario"]["indicators"][0]["baseline"] = float("nan")
    older = dict(record, format_version=1, pack_archive=None, pack=json.dumps(pack))
    assert "NaN" in older["pack"]
    refused(trainer, older, "numbers must be finite")
