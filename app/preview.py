"""`nplc scenario preview PATH`: the pack as each role would read it, for proofreading.

Each role is one click away. Documents are shown through the same path as the participant's page
(`reader_html`) and with the same stylesheet. A pack with problems is shown as far as it can be read, each
problem beside the document it concerns. The page reloads itself when a file of the pack is saved: it
listens on `/changes`, which waits for the next change with watchfiles (uvicorn[standard] brings it).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path, PurePosixPath

import anyio
from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from . import preview_pages, templating
from .preview_simulate import MAX_PLAN_CHARS, example_plan, folder_plan, plan_files, played
from .scenarios.files import read_folder
from .scenarios.loader import Pack, load_files, pack_version
from .scenarios.problems import PackInvalid
from .scenarios.simulate import PlanError
from .shipped import FRONTEND

IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
WATCH_SECONDS = 25  # a quiet `/changes` ends after this, and the page asks again


def _read(folder: Path) -> tuple[dict[str, bytes] | PackInvalid, str]:
    """The pack's files and their version; or, for a folder that cannot be read safely, why and a version
    that changes with the problems, so the page still reloads once they are fixed."""
    try:
        files = read_folder(folder)
    except PackInvalid as bad:
        return bad, pack_version({str(p): b"" for p in bad.problems})
    return files, pack_version(files)


_BUILT: dict[tuple[str, str], tuple[preview_pages.Preview, Pack | None]] = {}


def build_preview(folder: Path) -> tuple[preview_pages.Preview, Pack | None, str]:
    """The preview of the folder as it is now, the Pack if it is valid, and the version of its files. The files
    are read every time (their version is their content), but checked and rendered only when they change."""
    files, version = _read(folder)
    key = (str(folder), version)
    built = _BUILT.get(key)
    if built is None:
        built = _built(folder, files)
        _BUILT.clear()  # one folder, one version at a time: the newest is all the page shows
        _BUILT[key] = built
    return *built, version


def _built(folder: Path, files: dict[str, bytes] | PackInvalid) -> tuple[preview_pages.Preview, Pack | None]:
    if isinstance(files, PackInvalid):
        return preview_pages.of_broken(folder.name, {}, files.problems), None
    try:
        pack = load_files(folder.name, files)
    except PackInvalid as bad:
        return preview_pages.of_broken(folder.name, files, bad.problems), None
    return preview_pages.of_pack(pack), pack


def _page(folder: Path, role: str | None) -> HTMLResponse:
    preview, pack, version = build_preview(folder)
    chosen = (
        role if role in {key for key, _ in preview.roles} else (preview.roles[0][0] if preview.roles else "everyone")
    )
    groups = preview_pages.for_role(preview, chosen)
    shown = {d.id for _, docs in groups for d in docs}
    elsewhere = [(d, p) for d in preview.documents if d.id not in shown for p in d.problems]
    count = len(preview.problems) + sum(len(d.problems) for d in preview.documents)
    return templating.page(
        "preview.html",
        title=f"Preview: {preview.title}",
        folder=folder.name,
        pack_title=preview.title,
        roles=preview.roles,
        role=chosen,
        groups=[(label, [_shown(d) for d in docs]) for label, docs in groups],
        problems=preview.problems,
        elsewhere=[(d.title, ", ".join(d.visible_to), p) for d, p in elsewhere],
        count=count,
        version=version,
        version_label=pack.version if pack else version,
        valid=pack is not None,
    )


def _shown(d: preview_pages.PreviewDocument) -> dict:
    return {
        "id": d.id,
        "title": d.title,
        "section": d.section,
        "html": templating.trusted(d.html),
        "problems": d.problems,
    }


async def _next_change(folder: Path, since: str) -> AsyncIterator[str]:
    """One server-sent event when the pack differs from `since` (at once if it already does), else a comment
    after WATCH_SECONDS; the page reloads on the event and simply asks again after the comment."""
    from watchfiles import awatch

    if _read(folder)[1] != since:
        yield "data: changed\n\n"
        return
    stop = anyio.Event()
    try:
        with anyio.move_on_after(WATCH_SECONDS):
            async for _ in awatch(folder, stop_event=stop, recursive=True):
                if _read(folder)[1] != since:
                    yield "data: changed\n\n"
                    return
    except (OSError, RuntimeError):  # the folder went away or cannot be watched: the page reloads to say so
        yield "data: changed\n\n"
        return
    finally:
        stop.set()
    yield ": nothing changed\n\n"


class PlanIn(BaseModel):
    plan: str = Field(max_length=MAX_PLAN_CHARS)


def add_simulator(app: FastAPI, folder: Path) -> None:
    """The simulator page: pick or paste a plan, see its rounds as charts beside doing nothing."""

    @app.get("/simulate", response_class=HTMLResponse)
    def simulator() -> HTMLResponse:
        preview, pack, version = build_preview(folder)
        files, _ = _read(folder)
        plans = plan_files(files) if isinstance(files, dict) else []
        example = example_plan(pack) if pack else ""
        return templating.page(
            "simulate.html",
            title=f"Simulate: {preview.title}",
            pack_title=preview.title,
            plans=plans,
            example=example,
            valid=pack is not None,
            version=version,
        )

    @app.get("/plans/{path:path}", response_class=PlainTextResponse)
    def plan_text(path: str) -> str:
        files, _ = _read(folder)
        text = None if isinstance(files, PackInvalid) else folder_plan(files, path)
        if text is None:
            raise HTTPException(404, "There is no such plan in the pack's folder.")
        return text

    @app.post("/simulate")
    def play(plan: PlanIn) -> JSONResponse:
        _, pack, _ = build_preview(folder)
        if pack is None:
            return JSONResponse({"detail": "The pack has problems; fix them in the preview first."}, status_code=409)
        try:
            return JSONResponse(played(pack, plan.plan))
        except PlanError as bad:
            return JSONResponse({"detail": f"The plan cannot be played: {bad}"}, status_code=422)


def create_preview_app(folder: Path) -> FastAPI:
    app = FastAPI(title="Neighbourhood plc pack preview", docs_url=None, redoc_url=None)
    app.mount("/static", StaticFiles(directory=FRONTEND), name="static")

    @app.get("/version")
    def version() -> dict:
        return {"version": _read(folder)[1]}

    @app.get("/changes")
    def changes(since: str = Query(max_length=64)) -> StreamingResponse:
        return StreamingResponse(_next_change(folder, since), media_type="text/event-stream")

    @app.get("/files/{path:path}")
    def picture(path: str) -> Response:
        files, _ = _read(folder)
        kind = IMAGE_TYPES.get(PurePosixPath(path).suffix.lower())
        if isinstance(files, PackInvalid) or kind is None or path not in files:
            raise HTTPException(404, "There is no such picture in the pack.")
        return Response(files[path], media_type=kind)

    @app.get("/", response_class=HTMLResponse)
    def preview(role: str | None = Query(None, max_length=40)) -> HTMLResponse:
        return _page(folder, role)

    add_simulator(app, folder)

    return app
