"""The HTML pages: static files from `frontend/` and the printable pack."""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from ...domain.views import role_title
from ...scenarios.render import point_images
from ..deps import ServicesDep, caller, normalise_code
from .sessions import files_base, readable

FRONTEND = Path(__file__).resolve().parents[3] / "frontend"
router = APIRouter(include_in_schema=False)


def page(name: str) -> FileResponse:
    return FileResponse(FRONTEND / name, media_type="text/html", headers={"Cache-Control": "no-cache"})


@router.get("/")
def home() -> FileResponse:
    return page("index.html")


@router.get("/play/{code}")
def play(code: str) -> FileResponse:
    return page("play.html")


@router.get("/trainer")
@router.get("/trainer/{code}")
def trainer(code: str | None = None) -> FileResponse:
    return page("trainer.html")


@router.get("/projector/{code}")
def projector(code: str) -> FileResponse:
    return page("projector.html")


@router.get("/trainer/{code}/debrief")
@router.get("/projector/{code}/debrief")
def debrief(code: str) -> FileResponse:
    return page("debrief.html")


@router.get("/play/{code}/debrief")
def reflect(code: str) -> FileResponse:
    return page("reflect.html")


@router.get("/play/{code}/pack", response_class=HTMLResponse)
async def print_pack(code: str, request: Request, svc: ServicesDep) -> HTMLResponse:
    """Every document the seat may read, on one page, laid out for printing."""
    who = await caller(request, code, svc)
    live = await svc.actions.state(normalise_code(code))
    docs = readable(live, who)
    title = escape(live.state.scenario.title)
    role = escape(_role_line(live.state, who))
    base = files_base(live.state.code)
    body = "".join(
        f'<section class="doc"><h2>{escape(d.title)}</h2>{point_images(d.html, base)}</section>' for d in docs
    ) or ("<p>Your briefing pack opens when the trainer starts the read-in.</p>")
    return HTMLResponse(
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Briefing pack: {title}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="stylesheet" href="/static/css/app.css"></head>'
        f'<body class="print-pack"><main><h1>{title}</h1><p class="role-line">{role}</p>{body}</main></body></html>'
    )


def _role_line(state, who) -> str:
    if who.viewer.kind == "trainer":
        return "Trainer's copy: every document in the pack"
    title = role_title(state, who.viewer.seat_id)
    return f"Briefing pack for: {title}" if title else "Your role has not been given yet."
