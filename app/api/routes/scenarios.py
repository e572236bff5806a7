"""The scenario library over HTTP: list, upload a .zip, download any pack (trainers only)."""

from __future__ import annotations

from anyio import to_thread
from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse

from ...contracts import http as wire
from ...library import Stored
from ...scenarios.archive import MAX_ARCHIVE_BYTES
from ...scenarios.problems import PackInvalid
from ..deps import ServicesDep, TrainerDep, TrainerOnly

router = APIRouter(prefix="/api/scenarios", dependencies=[TrainerOnly], responses=wire.errors(401, 404, 413, 422))
UPLOAD_LIMIT = MAX_ARCHIVE_BYTES


@router.get("", response_model=list[wire.ScenarioSummary])
def list_scenarios(svc: ServicesDep) -> list[dict]:
    """The scenario packs a trainer can start a session from (the newest version of each)."""
    return [
        {
            "id": p.id,
            "title": p.scenario.title,
            "summary": p.scenario.summary,
            "area": p.scenario.area,
            "directorates": len(p.scenario.directorates),
            "version": p.version,
        }
        for p in sorted(svc.packs.values(), key=lambda p: p.scenario.title)
    ]


@router.post(
    "",
    status_code=201,
    response_model=wire.PackStored,
    responses={
        200: {"model": wire.PackStored, "description": "The same files as a stored version: no new version"},
        422: {"model": wire.PackProblems, "description": "The pack was not stored; every problem listed"},
    },
    openapi_extra=wire.body_of("application/zip", {"type": "string", "format": "binary"}),
)
async def upload(request: Request, svc: ServicesDep, trainer: TrainerDep) -> Response:
    """Upload a pack as a .zip (the request body). It is checked before it is stored; problems are listed.
    The same files as a version already stored make no new version: 200 with `new: false`."""
    data = await request.body()
    name = request.headers.get("x-filename", "upload.zip")[:100]
    try:
        stored = await to_thread.run_sync(svc.library.store_upload, data, name, trainer.id)
    except PackInvalid as bad:
        return JSONResponse(
            status_code=422,
            content={
                "detail": f"The pack was not stored: {len(bad.problems)} problem(s) to fix.",
                "problems": [str(p) for p in bad.problems],
            },
        )
    pack = stored.pack
    answer = {"id": pack.id, "title": pack.scenario.title, "version": pack.version, "new": stored.new}
    return JSONResponse(status_code=201 if stored.new else 200, content=answer | {"detail": _stored_words(stored)})


def _stored_words(stored: Stored) -> str:
    title, version = stored.pack.scenario.title, stored.pack.version
    if stored.new:
        return f'Stored "{title}" as version {version}. It is ready to use.'
    if stored.was_current:
        return f'No new version: this is the same as version {version} of "{title}", the newest already.'
    return f'No new version: this is the same as the earlier version {version} of "{title}", which is the newest again.'


@router.get("/{pack_id}/versions", response_model=list[wire.PackVersion])
async def versions(pack_id: str, svc: ServicesDep) -> list[dict]:
    """Every stored version of a pack, newest first: when it was stored, who uploaded it, which is current."""
    if pack_id not in svc.packs:
        raise HTTPException(404, f"There is no stored pack '{pack_id}'.")
    return await to_thread.run_sync(svc.library.versions, pack_id)


@router.get("/{pack_id}/changes", response_model=wire.PackChanges)
async def changes(
    pack_id: str,
    svc: ServicesDep,
    before: str = Query(max_length=40, alias="from"),
    after: str = Query(max_length=40, alias="to"),
) -> dict:
    """What changed from one stored version of a pack to another: files, figures and other settings."""
    found = await to_thread.run_sync(svc.library.changes, pack_id, before, after)
    if found is None:
        raise HTTPException(404, f"The pack '{pack_id}' has no stored version {before} or {after}.")
    return found


@router.get(
    "/{pack_id}/download", response_class=Response, responses=wire.file_answer("application/zip", "The pack as a .zip")
)
async def download(pack_id: str, svc: ServicesDep, version: str | None = None) -> Response:
    """Download a pack as a .zip: the newest version, or the one named."""
    data = await to_thread.run_sync(svc.library.archive, pack_id, version)
    if data is None:
        raise HTTPException(
            404, f"There is no stored pack '{pack_id}'" + (f" at version {version}." if version else ".")
        )
    filename = f"{pack_id}-{version or svc.packs[pack_id].version}.zip"
    return Response(
        data, media_type="application/zip", headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
