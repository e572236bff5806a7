"""The minutes: as JSON, and as a page laid out for printing (trainer or any seat of the session)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse

from ... import print_style, templating
from ...contracts.debrief import Minutes
from ...contracts.http import errors
from ...domain.core.money import pounds
from ...domain.debrief.minutes import minutes
from ..deps import ServicesDep, caller, normalise_code
from ..guessing import check_not_guessing

router = APIRouter(dependencies=[Depends(check_not_guessing)])


async def minutes_for(request: Request, code: str, svc) -> dict[str, Any]:
    await caller(request, code, svc)  # the trainer, or a seat of this session
    code = normalise_code(code)
    live = await svc.reads.state(code)
    return minutes(live.state, list(live.events))


@router.get("/api/sessions/{code}/minutes", response_model=Minutes, responses=errors(401, 403, 404, 422))
async def minutes_json(code: str, request: Request, svc: ServicesDep) -> JSONResponse:
    """The minutes as data (sent as built, like the view; the tests check them against the contract)."""
    return JSONResponse(await minutes_for(request, code, svc))


@router.get("/trainer/{code}/minutes", response_class=HTMLResponse, include_in_schema=False)
@router.get("/play/{code}/minutes", response_class=HTMLResponse, include_in_schema=False)
async def minutes_page(code: str, request: Request, svc: ServicesDep) -> HTMLResponse:
    record = await minutes_for(request, code, svc)
    zone = ZoneInfo(svc.settings.timezone)
    return HTMLResponse(render(record, lambda at: datetime.fromtimestamp(at, zone)))


def render(m: dict[str, Any], when, exported: bool = False) -> str:
    """The minutes as a whole HTML page; `when` turns a timestamp into a datetime in the session's zone.
    `exported`: a file to keep, without the print button (its script is not in the file)."""

    def clock(at: float | None) -> str:
        return when(at).strftime("%H:%M") if at else ""

    held_on = when(m["created_at"]).strftime("%A %d %B %Y")
    return templating.render(
        "minutes.html",
        m=m,
        clock=clock,
        held_on=held_on,
        tables=_tables(m, clock),
        css=print_style.CSS,
        exported=exported,
    )


def _tables(m: dict[str, Any], clock) -> dict[str, Any]:
    """The rows of each table, as the text of each cell."""
    return {
        "present": [[a["name"], a["organisation"], a["role"]] for a in m["attendance"]],
        "ledger": [[r["directorate"], pounds(r["start"]), pounds(r["end"])] for r in m["ledger"]],
        "indicators": [[_indicator(i) for i in outcome["indicators"]] for outcome in m["outcomes"]],
        "speaking": [[s["name"], s["voice"], str(s["count"])] for s in m["speaking"]],
        "timeline": [[clock(t["at"]), t["text"]] for t in m["timeline"]],
    }


def _indicator(i: dict[str, Any]) -> list[str]:
    return [
        i["name"],
        f"{i['baseline']:g} {i['unit']}",
        f"{i['value']:g} {i['unit']}",
        "" if i["target"] is None else f"{i['target']:g}",
        "" if i["progress"] is None else f"{i['progress']}%",
    ]
