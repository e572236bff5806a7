"""Keeping and ending the record: export a session (JSON or CSV files), import one back, delete one."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from anyio import to_thread
from fastapi import APIRouter, HTTPException, Request, Response

from ...domain.consequences.views import consequences_view
from ...domain.debrief.minutes import minutes
from ...domain.views import Viewer, view_for
from ...exports import csv_zip, read_session_json, session_json
from ...store import events as log
from ...store.db import session_scope
from ..deps import ServicesDep, TrainerDep, TrainerOnly, normalise_code
from .minutes import render

router = APIRouter(prefix="/api/sessions", dependencies=[TrainerOnly])
IMPORT_LIMIT = 20 * 1024 * 1024


async def _record(svc, code: str):
    live = await svc.actions.state(code)

    def load():
        with session_scope(svc.live.engine) as db:
            return log.load(session=db, code=code)

    return live, await to_thread.run_sync(load)


def _download(data: bytes, filename: str, media_type: str) -> Response:
    return Response(data, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/{code}/export.json")
async def export_json(code: str, svc: ServicesDep) -> Response:
    """The whole session: its event log, its pack, and the state derived from them."""
    code = normalise_code(code)
    live, events = await _record(svc, code)
    view = view_for(live.state, Viewer("trainer"), svc.actions.clock())
    body = json.dumps(session_json(live.state, live.pack, events, view), indent=1)
    return _download(body.encode(), f"session-{code}.json", "application/json")


@router.get("/{code}/export.zip")
async def export_zip(code: str, svc: ServicesDep) -> Response:
    """CSV files of seats, motions, votes, transfers, indicators and speaking, with the minutes."""
    code = normalise_code(code)
    live, events = await _record(svc, code)
    zone = ZoneInfo(svc.settings.timezone)
    page = render(minutes(live.state, events), lambda at: datetime.fromtimestamp(at, zone))
    return _download(csv_zip(live.state, events, page), f"session-{code}.zip", "application/zip")


@router.post("/import", status_code=201)
async def import_session(request: Request, trainer: TrainerDep, svc: ServicesDep) -> dict:
    """Make a new session from an exported JSON file; it replays to the same state under a new code."""
    try:
        pack, events = read_session_json(json.loads(await request.body()))
    except json.JSONDecodeError:
        raise HTTPException(422, "This is not a Neighbourhood plc session export.") from None
    except ValueError as problem:
        raise HTTPException(422, str(problem)) from None
    return {"code": await svc.actions.import_session(pack, events, owner=trainer.id)}


@router.delete("/{code}", status_code=204)
async def delete_session(code: str, svc: ServicesDep) -> Response:
    """Delete a session and the personal data in it, for good."""
    await svc.actions.delete_session(normalise_code(code))
    return Response(status_code=204)


@router.post("/{code}/follow-up", status_code=201)
async def follow_up(code: str, svc: ServicesDep) -> dict:
    """Start the next meeting: the same people in their real-life roles, carrying forward what was agreed."""
    return {"code": await svc.actions.follow_up(normalise_code(code))}


@router.get("/{code}/series")
async def series(code: str, svc: ServicesDep) -> list[dict]:
    """Every meeting in this session's series, first to last, with where the neighbourhood stood after each."""
    codes = await to_thread.run_sync(svc.actions.series, normalise_code(code))
    found = []
    for each in codes:
        state = (await svc.actions.state(each)).state
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
