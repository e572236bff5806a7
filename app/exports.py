"""A session's record for keeping: the whole log as JSON (which imports back to the same state), and
CSV files of seats, motions, votes, transfers, indicators and speaking, zipped with the minutes."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from typing import Any

from .domain import events as ev
from .domain.consequences.views import consequences_view
from .domain.core import codec
from .domain.core.state import SessionState
from .domain.floor.views import floor_view
from .domain.views import role_title
from .scenarios.loader import Pack

FORMAT = "neighbourhood-plc-session"
Numbered = Sequence[tuple[int, ev.Event]]


def session_json(state: SessionState, pack: Pack, log: Numbered, view: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": 1,
        "code": state.code,
        "pack": pack.to_json(),
        "events": [{"seq": seq, "type": e.type, "payload": codec.encode(e)} for seq, e in log],
        "state": view,
    }


def read_session_json(data: dict[str, Any]) -> tuple[Pack, list[ev.Event]]:
    """Takes an exported session; returns its pack and events in order. Raises ValueError when it is not one."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("format_version") != 1:
        raise ValueError("This is not a Neighbourhood plc session export.")
    try:
        rows = sorted(data["events"], key=lambda row: row["seq"])
        if [row["seq"] for row in rows] != list(range(1, len(rows) + 1)) or not rows:
            raise ValueError("incomplete")
        return Pack.from_json(data["pack"]), [codec.decode(row["type"], row["payload"]) for row in rows]
    except (KeyError, TypeError, ValueError):
        raise ValueError("The export's log could not be read whole; it may have been edited or cut short.") from None


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
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
            (state.agency(s.agency).name if state.agency(s.agency) else "Resident"),
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
