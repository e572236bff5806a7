"""`nplc scenario preview PATH`: the pack as each role would read it, for proofreading.

The page offers a role switcher and reloads itself when any file of the pack
changes (it asks `/version` every couple of seconds). A broken pack shows its
problems, `file:line: what to fix`, instead of the documents.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import FastAPI, Query
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .api.routes.pages import FRONTEND
from .scenarios.files import read_folder
from .scenarios.loader import Pack, load_files, pack_version
from .scenarios.problems import PackInvalid

POLL = """<script>
const seen = %s;
setInterval(async () => {
  try { const r = await fetch("/version"); if ((await r.json()).version !== seen) location.reload(); } catch {}
}, 2000);
</script>"""


def roles(pack: Pack) -> list[tuple[str, str]]:
    s = pack.scenario
    return [(d.id, f"{d.director_title} ({d.name})") for d in s.directorates] + [
        ("chair", s.chair.title),
        ("residents", s.residents.title),
        ("everyone", "Everyone (shared papers only)"),
    ]


def role_documents(pack: Pack, role: str) -> list:
    return [d for d in pack.documents.values() if role in d.visible_to or "everyone" in d.visible_to]


def _page(title: str, body: str, version: str) -> HTMLResponse:
    return HTMLResponse(
        f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="stylesheet" href="/static/css/app.css"></head>'
        f'<body class="print-pack"><main>{body}</main>{POLL % repr(version)}</body></html>'
    )


def _problems_page(folder: Path, bad: PackInvalid, version: str) -> HTMLResponse:
    items = "".join(f"<li><code>{escape(str(p))}</code></li>" for p in bad.problems)
    body = (
        f"<h1>{escape(folder.name)}: {len(bad.problems)} problem(s) to fix</h1>"
        "<p>Save your changes and this page updates by itself.</p>"
        f"<ul>{items}</ul>"
    )
    return _page(f"Problems in {folder.name}", body, version)


def _role_page(pack: Pack, role: str, version: str) -> HTMLResponse:
    options = "".join(
        f'<option value="{escape(key)}"{" selected" if key == role else ""}>{escape(label)}</option>'
        for key, label in roles(pack)
    )
    switcher = (
        '<form method="get" class="preview-switcher"><label for="role">Read the pack as</label> '
        f'<select id="role" name="role" onchange="this.form.submit()">{options}</select> '
        '<button type="submit">Show</button></form>'
    )
    docs = "".join(
        f'<section class="doc"><h2>{escape(d.title)}'
        f"{' <small>(released by the trainer during the day)</small>' if d.section == 'inject' else ''}</h2>"
        f"{d.html}</section>"
        for d in role_documents(pack, role)
    )
    body = (
        f"<h1>{escape(pack.scenario.title)}: preview</h1>{switcher}"
        f'<p class="role-line">Version {escape(pack.version)}. {len(role_documents(pack, role))} documents.</p>'
        f"{docs}"
    )
    return _page(f"Preview: {pack.scenario.title}", body, version)


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
