"""Reading a session export back, trusting nothing in it. Every check runs before anything is stored: the
file's shape (pydantic) and size, numbers (finite, bounded), every event decoded, the pack rebuilt
from its zip through the very path uploads take (so its Markdown is rendered and sanitised afresh), and
the whole log decided again through the real rules and replayed through the real reducer, with the
session's invariants checked after each event, and every screen, the minutes and the CSV files built from
the result.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from dataclasses import dataclass, replace
from typing import Any, Literal

import nh3
from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError

from .domain import events as ev
from .domain.core import codec
from .exports import FORMAT
from .import_checks import LogProblem, check_log
from .scenarios.archive import MAX_ARCHIVE_BYTES, read_zip, write_zip
from .scenarios.loader import Document, Pack, facts, facts_before_model_v2, load_files
from .scenarios.problems import PackInvalid

MAX_EVENTS = 20_000
MAX_NUMBER = 10**15  # far beyond any budget in pence; keeps every sum finite
MAX_PACK_JSON = 8 * 1024 * 1024
NOT_AN_EXPORT = "This is not a Neighbourhood plc session export."


class ImportRefused(ValueError):
    """The file cannot become a session; the message says why, for the trainer."""


class EventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seq: StrictInt
    type: str = Field(max_length=60)
    payload: dict[str, Any]


class ExportIn(BaseModel):
    model_config = ConfigDict(extra="ignore")  # `code` and `state` are for readers; the log is the record
    format: Literal["neighbourhood-plc-session"]
    format_version: Literal[1, 2]
    anonymised: bool = False
    pack: str = Field(max_length=MAX_PACK_JSON)
    pack_archive: str | None = Field(None, max_length=MAX_ARCHIVE_BYTES * 4 // 3 + 4)
    events: list[EventIn] = Field(min_length=1, max_length=MAX_EVENTS)


@dataclass(frozen=True)
class Imported:
    pack: Pack
    events: list[ev.Event]
    archive: bytes | None  # the pack's files, for its pictures; None for an export from before they travelled


def read_export(body: bytes) -> Imported:
    """Takes the uploaded bytes; returns the pack and the events, checked whole. Raises ImportRefused."""
    export = _shape(_json(body))
    if export.anonymised:
        raise ImportRefused(
            "This is an anonymised export, made for sharing: it has no names or secret ballots, so it cannot "
            'become a session again. Import the full record instead ("Download the full record" on the debrief page).'
        )
    # A link to the follow-up meeting points at a session on the server it came from, so it is not brought in.
    events = [e for e in (_event(row) for row in _in_order(export.events)) if not isinstance(e, ev.FollowUpOpened)]
    pack, archive = _pack(export)
    created = events[0]
    # The scenario's facts in the log drive every rule, so they must be the checked pack's, not the file's say.
    if not isinstance(created, ev.SessionCreated):
        raise ImportRefused("The export's log does not start by creating a session of its own scenario pack.")
    expected = replace(facts(pack), version=created.scenario.version)
    if created.scenario not in (expected, facts_before_model_v2(expected)):
        raise ImportRefused("The export's log does not start by creating a session of its own scenario pack.")
    try:
        check_log(events)
    except LogProblem as problem:
        raise ImportRefused(f"The export's log does not replay: {problem}. It may have been edited.") from None
    return Imported(pack, events, archive)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 16 or abs(int(text)) > MAX_NUMBER:
        raise ImportRefused(f"The export holds the number {text[:20]}, which is too large to be real.")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise ImportRefused(f"The export holds the number {text[:20]}, which is too large to be real.")
    return value


def _no_constant(name: str) -> float:
    raise ImportRefused(f"The export holds {name} where a number should be; numbers must be finite.")


def _json(body: bytes) -> Any:
    try:
        return json.loads(body, parse_int=_bounded_int, parse_float=_finite_float, parse_constant=_no_constant)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ImportRefused(f"{NOT_AN_EXPORT} It may have been cut short or edited.") from None
    except RecursionError:
        raise ImportRefused(f"{NOT_AN_EXPORT} It is nested far too deeply.") from None


def _shape(data: Any) -> ExportIn:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRefused(NOT_AN_EXPORT)
    try:
        return ExportIn.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ImportRefused(f"The export could not be read: {where}: {first['msg'].lower()}.") from None


def _in_order(rows: list[EventIn]) -> list[EventIn]:
    if [row.seq for row in rows] != list(range(1, len(rows) + 1)):
        raise ImportRefused("The export's log could not be read whole; it may have been edited or cut short.")
    return rows


def _event(row: EventIn) -> ev.Event:
    if row.type not in ev.EVENT_TYPES:
        raise ImportRefused(f"Event {row.seq} of the export is of a kind this server does not know ({row.type}).")
    try:
        return codec.decode(row.type, row.payload)
    except ValidationError as error:
        where = ".".join(str(p) for p in error.errors()[0]["loc"])
        raise ImportRefused(f"Event {row.seq} of the export ({row.type}) could not be read at '{where}'.") from None


def _pack(export: ExportIn) -> tuple[Pack, bytes | None]:
    if export.pack_archive is None:
        return _pack_without_files(export.pack), None
    try:
        files = read_zip(base64.b64decode(export.pack_archive, validate=True), "the export's pack")
        return load_files("the export's pack", files, lesson=False), write_zip(files)
    except binascii.Error:
        raise ImportRefused("The export's pack could not be read; it may have been edited.") from None
    except PackInvalid as bad:
        raise ImportRefused(
            "The export's scenario pack is not valid: " + "; ".join(str(p) for p in bad.problems[:5])
        ) from None


def _pack_without_files(text: str) -> Pack:
    """An export from before packs travelled as their files: its documents' HTML is sanitised again, and the
    version is named after its content, so it can never pass for (or replace) a version in the library."""
    strict = json.dumps(_json(text.encode()))  # the same strict numbers as the rest of the file
    try:
        pack = Pack.from_json(strict)
        documents = {
            doc.id: replace(
                pack.documents[doc.id] if doc.id in pack.documents else _blank(doc.id),
                id=doc.id,
                title=doc.title,
                section=doc.section,
                visible_to=tuple(doc.visible_to),
            )
            for doc in pack.scenario.documents
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ImportRefused("The export's scenario pack could not be read; it may have been edited.") from None
    documents = {key: replace(doc, html=sanitised(doc.html)) for key, doc in documents.items()}
    version = "imported-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    return Pack(pack.scenario, version, documents)


def _blank(doc_id: str) -> Document:
    return Document(doc_id, "", "", (), "")


# The figure tables the server writes carry classes for their layout; nothing else is allowed beyond nh3's
# defaults, the same sanitiser that finishes every rendered Markdown document.
_ATTRIBUTES = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
for _tag in ("table", "td", "th"):
    _ATTRIBUTES.setdefault(_tag, set()).add("class")


def sanitised(html: Any) -> str:
    """HTML from outside, cleaned again before anyone's browser can see it."""
    return nh3.clean(html, attributes=_ATTRIBUTES) if isinstance(html, str) else ""
