"""The HTML pages: static files from `frontend/` and the printable pack."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse

from ... import templating
from ...domain.views import role_title
from ...scenarios.render import reader_html
from ...shipped import FRONTEND
from ..deps import ServicesDep, caller, normalise_code
from ..guessing import check_not_guessing
from .sessions import files_base, readable

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


@router.get("/play/{code}/pack", response_class=HTMLResponse, dependencies=[Depends(check_not_guessing)])
async def print_pack(code: str, request: Request, svc: ServicesDep) -> HTMLResponse:
    """Every document the seat may read, on one page, laid out for printing."""
    who = await caller(request, code, svc)
    live = await svc.actions.state(normalise_code(code))
    docs = readable(live, who)
    base = files_base(live.state.code)
    return templating.page(
        "pack.html",
        title=live.state.scenario.title,
        role_line=_role_line(live.state, who),
        documents=[{"title": d.title, "html": templating.trusted(reader_html(d.html, base, top=3))} for d in docs],
    )


def _role_line(state, who) -> str:
    if who.viewer.kind == "trainer":
        return "Trainer's copy: every document in the pack"
    title = role_title(state, who.viewer.seat_id)
    return f"Briefing pack for: {title}" if title else "Your role has not been given yet."
