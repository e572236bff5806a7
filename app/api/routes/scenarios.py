"""The scenario library over HTTP: list, upload a .zip, download any pack (trainers only)."""

from __future__ import annotations

from anyio import to_thread
from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from ...contracts import http as wire
from ...scenarios.archive import MAX_ARCHIVE_BYTES
from ...scenarios.problems import PackInvalid
from ..deps import ServicesDep, TrainerOnly

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
    responses={422: {"model": wire.PackProblems, "description": "The pack was not stored; every problem listed"}},
    openapi_extra=wire.body_of("application/zip", {"type": "string", "format": "binary"}),
)
async def upload(request: Request, svc: ServicesDep) -> Response:
    """Upload a pack as a .zip (the request body). It is checked before it is stored; problems are listed."""
    data = await request.body()
    name = request.headers.get("x-filename", "upload.zip")[:100]
    try:
        pack = await to_thread.run_sync(svc.library.upload, data, name)
    except PackInvalid as bad:
        return JSONResponse(
            status_code=422,
            content={
                "detail": f"The pack was not stored: {len(bad.problems)} problem(s) to fix.",
                "problems": [str(p) for p in bad.problems],
            },
        )
    return JSONResponse(status_code=201, content={"id": pack.id, "title": pack.scenario.title, "version": pack.version})


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
