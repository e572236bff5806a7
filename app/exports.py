"""A session's record for keeping: the whole log as JSON, and CSV files of seats, motions, votes, transfers,
indicators and speaking, zipped with the minutes. The full JSON record imports back to the same state; the
record for sharing (the default) is built from an anonymised log and is refused on import."""

from __future__ import annotations

import base64
import csv
import io
import zipfile
from collections.abc import Sequence
from typing import Any

from .anonymised import neutral_news, shared_events
from .domain import events as ev
from .domain.consequences.views import consequences_view
from .domain.core import codec
from .domain.core.state import SessionState
from .domain.floor.views import floor_view
from .domain.views import role_title
from .scenarios.loader import Pack

FORMAT = "neighbourhood-plc-session"
Numbered = Sequence[tuple[int, ev.Event]]


def session_json(
    state: SessionState, pack: Pack, log: Numbered, view: dict[str, Any], archive: bytes | None
) -> dict[str, Any]:
    """The full record, which imports back to the same state: names, secret ballots and reflections as given,
    and the pack's own files, so an import rebuilds the pack exactly as an upload would."""
    return {
        "format": FORMAT,
        "format_version": 2,
        "anonymised": False,
        "code": state.code,
        "pack": pack.to_json(),
        "pack_archive": base64.b64encode(archive).decode() if archive else None,
        "events": [{"seq": seq, "type": e.type, "payload": codec.encode(e)} for seq, e in log],
        "state": view,
        "pairs_own": pair_records(state),
    }


def pair_records(state: SessionState) -> list[dict[str, Any]]:
    """Each pair's private notebook as that pair's own record, with who was in the pair; only the full record
    carries them (the trainer's view and every shared export leave them out)."""
    rows = []
    for pair_id, page in state.notebooks.items():
        held = state.assignments.get(pair_id)
        members = [{"id": s, "name": state.seats[s].name} for s in state.pairs.get(pair_id, ()) if s in state.seats]
        rows.append(
            {
                "pair_id": pair_id,
                "directorate": held.directorate if held else None,
                "members": members,
                "notebook": page.text,
            }
        )
    return rows


def shared_json(state: SessionState, pack: Pack, log: Numbered, view: dict[str, Any]) -> dict[str, Any]:
    """The record for sharing, from an anonymised state and log (see `anonymised`); it does not import."""
    events, reflections = shared_events(state, list(log))
    return {
        "format": FORMAT,
        "format_version": 2,
        "anonymised": True,
        "code": state.code,
        "pack": pack.to_json(),
        "events": events,
        "reflections": reflections,
        "state": neutral_news(state, view),
    }


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A spreadsheet runs a cell starting like a formula; a leading quote makes it text (as OWASP advises)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue()


def _name(state: SessionState, directorate: str | None) -> str:
    d = state.directorate(directorate) if directorate else None
    return d.name if d else ""


def tables(state: SessionState, log: Numbered) -> dict[str, str]:
    """Returns file name -> CSV text. Secret ballots appear without anyone's choice."""
    seats = [
        [
            s.id,
            s.name,
            (agency.name if (agency := state.agency(s.agency)) else "Resident"),
            state.role_of(s.id).kind,
            _name(state, state.role_of(s.id).directorate),
            role_title(state, s.id),
        ]
        for s in state.seats.values()
    ]
    motions = [
        [
            m.id,
            m.kind,
            m.term or "",
            m.text,
            m.status,
            _name(state, m.directorate),
            _name(state, m.seconded_by),
            "secret" if m.secret else "named",
            m.note,
        ]
        for m in state.motions.values()
    ]
    votes = [
        [m.id, _name(state, d), "" if m.secret else b.choice]
        for m in state.motions.values()
        for d, b in m.ballots.items()
    ]
    transfers = [
        [e.motion_id, _name(state, e.source), _name(state, e.target), e.amount, "yes" if e.correction else ""]
        for _, e in log
        if isinstance(e, ev.BudgetTransferred)
    ]
    indicators = [
        [r["label"], i["id"], i["name"], i["baseline"], i["value"], i["target"] or "", r["dividend"]]
        for r in consequences_view(state)["rounds"]
        for i in r["indicators"]
    ]
    speaking = [
        [row["name"], row["voice"], _name(state, row["directorate"]), row["count"]]
        for row in floor_view(state)["contributions"]
    ]
    return {
        "seats.csv": _csv(["seat", "name", "organisation", "role", "directorate", "title"], seats),
        "motions.csv": _csv(
            ["motion", "kind", "term", "text", "result", "proposed by", "seconded by", "ballot", "note"], motions
        ),
        "votes.csv": _csv(["motion", "directorate", "choice"], votes),
        "transfers.csv": _csv(["motion", "from", "to", "amount", "correction"], transfers),
        "indicators.csv": _csv(
            ["round", "indicator", "name", "baseline", "value", "board target", "dividend"], indicators
        ),
        "speaking.csv": _csv(["name", "voice", "directorate", "times"], speaking),
    }


def csv_zip(state: SessionState, log: Numbered, minutes_html: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in tables(state, log).items():
            archive.writestr(f"{state.code}/{name}", text)
        archive.writestr(f"{state.code}/minutes.html", minutes_html)
    return out.getvalue()
