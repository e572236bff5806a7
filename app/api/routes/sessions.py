"""Sessions over HTTP: create and list (trainer), lobby and join (anyone), view, commands and documents."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import segno
from anyio import to_thread
from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError

from ... import projector_links
from ...actions import actor_key
from ...auth import seat_cookie
from ...contracts import http as wire
from ...contracts.views import View
from ...domain.commands import COMMANDS, Join
from ...domain.core.state import SessionState
from ...domain.lobby.rules import JOINABLE_PHASES
from ...reach import venue_warning
from ...realtime.protocol import value_problem
from ...scenarios.loader import Document
from ...scenarios.render import image_paths, markdown_to_html, point_images, reader_html
from ..deps import CallerDep, ServicesDep, TrainerDep, normalise_code
from ..errors import command_problem
from ..guessing import check_not_guessing

router = APIRouter(
    prefix="/api", dependencies=[Depends(check_not_guessing)], responses=wire.errors(401, 403, 404, 409, 413, 422, 429)
)


class SessionCreate(BaseModel):
    scenario_id: str = Field(min_length=1, max_length=40)


class CommandEnvelope(BaseModel):
    id: str | None = Field(None, min_length=1, max_length=80)
    command: dict[str, Any]


def refuse_unsafe_values(value: Any) -> None:
    """Numbers too large, NUL characters and the like, which the rules or the database cannot take."""
    problem = value_problem(value)
    if problem:
        raise HTTPException(422, problem)


def join_url(request: Request, svc, code: str) -> str:
    base = (svc.settings.public_url or str(request.base_url)).rstrip("/")
    return f"{base}/play/{code}"


@router.post("/sessions", status_code=201, response_model=wire.SessionCode)
async def create_session(body: SessionCreate, trainer: TrainerDep, svc: ServicesDep) -> dict:
    """Start a new session from a scenario pack, run by the trainer asking; answers with its join code."""
    pack = svc.packs.get(body.scenario_id)
    if pack is None:
        raise HTTPException(404, f"There is no scenario called '{body.scenario_id}'. Choose one from the list.")
    return {"code": await svc.actions.create_session(pack, owner=trainer.id)}


@router.get("/sessions", response_model=list[wire.SessionRow])
async def list_sessions(trainer: TrainerDep, svc: ServicesDep) -> list[dict]:
    """The trainer's own sessions (an administrator's: every session), newest first."""
    return await svc.reads.list_sessions(owner=None if trainer.is_admin else trainer.id)


@router.get("/sessions/{code}/lobby", response_model=wire.Lobby)
async def lobby(code: str, request: Request, svc: ServicesDep) -> dict:
    """What someone about to join needs: the session's title, whether it takes people, the organisations."""
    state: SessionState = (await svc.reads.state(normalise_code(code))).state
    address = join_url(request, svc, state.code)
    warning = venue_warning(svc.settings.host, address)
    return {
        "code": state.code,
        "title": state.scenario.title,
        "area": state.scenario.area,
        "phase": state.phase,
        "joinable": state.phase in JOINABLE_PHASES and state.doors_open,
        "join_url": address,
        "reachable": warning is None,
        "reach_warning": warning,
        "agencies": [{"id": a.id, "name": a.name} for a in state.scenario.agencies],
    }


@router.post("/sessions/{code}/join", response_model=wire.Joined)
async def join(code: str, body: Join, request: Request, response: Response, svc: ServicesDep) -> dict:
    """Take a seat with a display name and organisation; the seat is kept in a cookie."""
    code = normalise_code(code)
    refuse_unsafe_values(body.model_dump())
    request.app.state.limits.join(code, request.app.state.browsers.key_of(request))
    done = await svc.actions.join(code, body)
    if done.token is None:
        raise RuntimeError("joining always issues a seat credential")
    response.set_cookie(
        seat_cookie(code), done.token, max_age=svc.settings.seat_cookie_days * 86400, httponly=True, samesite="lax"
    )
    return {"seat_id": done.seat_id}


@router.post("/sessions/{code}/projector-link", response_model=wire.ProjectorLink)
async def projector_link(code: str, request: Request, trainer: TrainerDep, svc: ServicesDep) -> wire.ProjectorLink:
    """A new read-only link for the big screen; the previous link stops working."""
    state = (await svc.actions.state(normalise_code(code))).state
    key = await to_thread.run_sync(projector_links.new_key, svc.live.engine, state.code)
    base = (svc.settings.public_url or str(request.base_url)).rstrip("/")
    return wire.ProjectorLink(url=f"{base}/projector/{state.code}?key={key}")


@router.get("/sessions/{code}/view", response_model=View)
async def view(code: str, who: CallerDep, svc: ServicesDep) -> JSONResponse:
    """Everything the caller may see of the session now."""
    # Sent as built: the tests check views against the contract, so production need not pay for it.
    return JSONResponse(await svc.reads.view(normalise_code(code), who.viewer))


@router.get("/sessions/{code}/next", response_model=wire.NextMeeting)
async def next_meeting(code: str, who: CallerDep, svc: ServicesDep) -> dict:
    """The follow-up of this meeting, if the trainer has started one, so its people can go straight there."""
    return {"code": await to_thread.run_sync(svc.reads.follow_up_of, normalise_code(code))}


@router.post("/sessions/{code}/commands", response_model=wire.Recorded)
async def command(code: str, body: CommandEnvelope, request: Request, who: CallerDep, svc: ServicesDep) -> dict:
    """Carry out one command; a repeated id is recorded once."""
    refuse_unsafe_values(body.model_dump())
    request.app.state.limits.command(normalise_code(code), actor_key(who.actor))
    try:
        parsed = COMMANDS.validate_python(body.command)
    except ValidationError as error:
        raise HTTPException(422, command_problem(error)) from None
    done = await svc.actions.submit(normalise_code(code), who.actor, parsed, body.id)
    return {"seq": done.seq, "duplicate": done.duplicate}


@router.get("/sessions/{code}/documents", response_model=list[wire.DocumentRow])
async def documents(code: str, who: CallerDep, svc: ServicesDep) -> list[dict]:
    """The briefing documents the caller may read, in pack order."""
    live = await svc.reads.state(normalise_code(code))
    return [
        {"id": d.id, "title": d.title, "section": d.section, "audience": list(d.visible_to)}
        for d in readable(live, who)
    ]


@router.get("/sessions/{code}/documents/{doc_id}", response_model=wire.DocumentBody)
async def document(code: str, doc_id: str, who: CallerDep, svc: ServicesDep) -> dict:
    """One briefing document as sanitised HTML, if the caller may read it."""
    live = await svc.reads.state(normalise_code(code))
    doc = next((d for d in readable(live, who) if d.id == doc_id), None)
    if doc is None:
        raise HTTPException(404, "There is no such document in your pack.")
    html = reader_html(doc.html, files_base(live.state.code))
    return {"id": doc.id, "title": doc.title, "section": doc.section, "html": html}


def files_base(code: str) -> str:
    return f"/api/sessions/{code}/files/"


IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}


@router.get(
    "/sessions/{code}/files/{path:path}", response_class=Response, responses=wire.file_answer("image/*", "The picture")
)
async def pack_file(code: str, path: str, who: CallerDep, svc: ServicesDep) -> Response:
    """An image from the pack, if a document the caller may read shows it."""
    live = await svc.reads.state(normalise_code(code))
    base = files_base(live.state.code)
    shown = set().union(*(image_paths(point_images(d.html, base), base) for d in readable(live, who)))
    kind = IMAGE_TYPES.get(Path(path).suffix.lower())
    if path not in shown or kind is None:
        raise HTTPException(404, "There is no such picture in your pack.")
    data = await to_thread.run_sync(svc.library.file, live.pack, path)
    if data is None:
        raise HTTPException(404, "There is no such picture in your pack.")
    return Response(data, media_type=kind, headers={"Cache-Control": "private, max-age=3600"})


def readable(live, who) -> list[Document]:
    """The pack's documents and the news written on the spot that this caller may read."""
    state, seat = live.state, who.viewer.seat_id
    trainer = who.viewer.kind == "trainer"
    docs = [d for d in live.pack.documents.values() if trainer or state.can_read(seat, d.id, d.section, d.visible_to)]
    written = [w for w in state.written.values() if trainer or not w.to or seat in w.to]
    return docs + [Document(w.id, w.title, "inject", ("everyone",), markdown_to_html(w.text)) for w in written]


@router.get(
    "/sessions/{code}/qr.svg", response_class=Response, responses=wire.file_answer("image/svg+xml", "The QR code")
)
async def qr(code: str, request: Request, svc: ServicesDep) -> Response:
    """A QR code of the join address, for the projector."""
    state = (await svc.reads.state(normalise_code(code))).state
    out = io.BytesIO()
    segno.make(join_url(request, svc, state.code), error="m").save(
        out, kind="svg", scale=8, border=2, title=f"Join session {state.code}"
    )
    return Response(out.getvalue(), media_type="image/svg+xml")
