"""Keeping and ending the record: export a session (JSON or CSV files), import one back, delete one."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from anyio import to_thread
from fastapi import APIRouter, Depends, HTTPException, Request, Response

from ...anonymised import anonymised_record
from ...contracts import http as wire
from ...domain.consequences.views import consequences_view
from ...domain.debrief.minutes import minutes
from ...domain.views import Viewer, view_for
from ...exports import csv_zip, session_json, shared_json
from ...imports import ImportRefused, read_export
from ..deps import ServicesDep, TrainerDep, TrainerOnly, normalise_code
from ..guessing import check_not_guessing
from .minutes import render

router = APIRouter(
    prefix="/api/sessions",
    dependencies=[TrainerOnly, Depends(check_not_guessing)],
    responses=wire.errors(401, 403, 404, 409, 413, 422),
)
IMPORT_LIMIT = 20 * 1024 * 1024


async def _record(svc, code: str, full: bool):
    """The session and its log: as stored for the full record, with pseudonyms for names otherwise."""
    live = await svc.reads.state(code)
    events = list(live.events)
    if full:
        return live.state, live.pack, events
    state, events = anonymised_record(events)
    return state, live.pack, events


def _download(data: bytes, filename: str, media_type: str) -> Response:
    return Response(data, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/{code}/export.json", response_model=wire.SessionExport)
async def export_json(code: str, svc: ServicesDep, full: bool = False) -> Response:
    """The session's log, its pack and the state derived from them. For sharing by default: names replaced
    by pseudonyms, no secret ballot choices, reflections apart from seats. `full=1` gives the whole record,
    which is the one that imports back."""
    code = normalise_code(code)
    state, pack, events = await _record(svc, code, full)
    view = view_for(state, Viewer("trainer"), svc.actions.clock())
    if full:
        archive = await to_thread.run_sync(svc.reads.pack_archive, pack)
        record, name = session_json(state, pack, events, view, archive), f"session-{code}-full.json"
    else:
        record, name = shared_json(state, pack, events, view), f"session-{code}.json"
    return _download(json.dumps(record, indent=1).encode(), name, "application/json")


@router.get(
    "/{code}/export.zip",
    response_class=Response,
    responses=wire.file_answer("application/zip", "CSV files and the minutes"),
)
async def export_zip(code: str, svc: ServicesDep, full: bool = False) -> Response:
    """CSV files of seats, motions, votes, transfers, indicators and speaking, with the minutes; anonymised
    unless `full=1`. Secret ballot choices are never in them."""
    code = normalise_code(code)
    state, _, events = await _record(svc, code, full)
    zone = ZoneInfo(svc.settings.timezone)
    page = render(minutes(state, events), lambda at: datetime.fromtimestamp(at, zone), exported=True)
    name = f"session-{code}-full.zip" if full else f"session-{code}.zip"
    return _download(csv_zip(state, events, page), name, "application/zip")


@router.post(
    "/import",
    status_code=201,
    response_model=wire.SessionCode,
    openapi_extra=wire.body_of("application/json", {"$ref": "#/components/schemas/FullExport"}),
)
async def import_session(request: Request, trainer: TrainerDep, svc: ServicesDep) -> dict:
    """Make a new session from a full exported record, owned by the trainer importing it; it replays to the
    same state under a new code. The file is checked whole first (see `app.imports`); a refused file stores
    nothing."""
    body = await request.body()
    try:
        imported = await to_thread.run_sync(read_export, body)
    except ImportRefused as problem:
        raise HTTPException(422, str(problem)) from None
    return {"code": await svc.actions.import_session(imported, owner=trainer.id)}


@router.delete("/{code}", status_code=204)
async def delete_session(code: str, svc: ServicesDep) -> Response:
    """Delete a session and the personal data in it, for good."""
    await svc.actions.delete_session(normalise_code(code))
    return Response(status_code=204)


@router.post("/{code}/follow-up", status_code=201, response_model=wire.SessionCode)
async def follow_up(code: str, svc: ServicesDep) -> dict:
    """Start the next meeting: the same people in their real-life roles, carrying forward what was agreed."""
    return {"code": await svc.actions.follow_up(normalise_code(code))}


@router.get("/{code}/series", response_model=list[wire.SeriesMeeting])
async def series(code: str, svc: ServicesDep) -> list[dict]:
    """Every meeting in this session's series, first to last, with where the neighbourhood stood after each."""
    codes = await to_thread.run_sync(svc.reads.series, normalise_code(code))
    found = []
    for each in codes:
        state = (await svc.reads.state(each)).state
        rounds = consequences_view(state)["rounds"]
        found.append(
            {
                "code": each,
                "meeting": state.meeting,
                "phase": state.phase,
                "created_at": state.created_at,
                "carried": len(state.carried) + sum(m.status == "carried" for m in state.motions.values()),
                "dividend": rounds[-1]["dividend"] if rounds else None,
                "rounds": len(rounds),
            }
        )
    return found
