"""`nplc scenario preview PATH`: the pack as each role would read it, for proofreading.

The page offers a role switcher and reloads itself when any file of the pack
changes (it asks `/version` every couple of seconds). A broken pack shows its
problems, `file:line: what to fix`, instead of the documents.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from . import templating
from .scenarios.files import read_folder
from .scenarios.loader import Pack, load_files, pack_version
from .scenarios.problems import PackInvalid
from .shipped import FRONTEND


def roles(pack: Pack) -> list[tuple[str, str]]:
    s = pack.scenario
    return [(d.id, f"{d.director_title} ({d.name})") for d in s.directorates] + [
        ("chair", s.chair.title),
        ("residents", s.residents.title),
        ("everyone", "Everyone (shared papers only)"),
    ]


def role_documents(pack: Pack, role: str) -> list:
    return [d for d in pack.documents.values() if role in d.visible_to or "everyone" in d.visible_to]


def _problems_page(folder: Path, bad: PackInvalid, version: str) -> HTMLResponse:
    problems = [str(p) for p in bad.problems]
    return templating.page(
        "preview.html", title=f"Problems in {folder.name}", folder=folder.name, problems=problems, version=version
    )


def _role_page(pack: Pack, role: str, version: str) -> HTMLResponse:
    documents = [
        {"title": d.title, "section": d.section, "html": templating.trusted(d.html)} for d in role_documents(pack, role)
    ]
    return templating.page(
        "preview.html",
        title=f"Preview: {pack.scenario.title}",
        pack_title=pack.scenario.title,
        roles=roles(pack),
        role=role,
        version_label=pack.version,
        documents=documents,
        version=version,
    )


def _read(folder: Path) -> tuple[dict[str, bytes] | PackInvalid, str]:
    """The pack's files and their version; or, for a folder that cannot be read safely, why and a version
    that changes with the problems, so the page still reloads once they are fixed."""
    try:
        files = read_folder(folder)
    except PackInvalid as bad:
        return bad, pack_version({str(p): b"" for p in bad.problems})
    return files, pack_version(files)


def create_preview_app(folder: Path) -> FastAPI:
    app = FastAPI(title="Neighbourhood plc pack preview", docs_url=None, redoc_url=None)
    app.mount("/static", StaticFiles(directory=FRONTEND), name="static")

    @app.get("/version")
    def version() -> dict:
        return {"version": _read(folder)[1]}

    @app.get("/", response_class=HTMLResponse)
    def preview(role: str | None = Query(None, max_length=40)) -> HTMLResponse:
        files, current = _read(folder)
        try:
            if isinstance(files, PackInvalid):
                raise files
            pack = load_files(folder.name, files)
        except PackInvalid as bad:
            return _problems_page(folder, bad, current)
        return _role_page(pack, role or pack.scenario.directorates[0].id, current)

    return app
