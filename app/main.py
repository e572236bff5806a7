"""create_app(): the routes, the static frontend, and the services loaded at start-up."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import make_url
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from . import accounts
from .actions import Actions
from .api import errors
from .api.browsers import BrowserCookie, Browsers
from .api.deps import Services
from .api.guessing import GuessGuard
from .api.limits import BodyLimit, Limits
from .api.middleware import CrossSiteGuard, SecurityHeaders
from .api.request_ids import RequestIds
from .api.routes import health, minutes, pages, records, scenarios, sessions, trainers
from .auth import TrainerCookies
from .config import Settings, get_settings
from .library import PackLibrary
from .live import LiveSessions
from .realtime import ws
from .realtime.doorbell import Doorbell, listener_url
from .realtime.hub import Hub
from .retention import purge, purge_daily
from .secret_key import default_key_file, load_secret_key
from .shipped import FRONTEND
from .store.db import check_pragmas, make_engine

log = logging.getLogger("nplc")


def build_services(settings: Settings) -> Services:
    """Opens the database, checks it, loads every scenario pack; raises PackInvalid for a broken pack."""
    engine = make_engine(settings.database_url)
    check_pragmas(engine)
    library = PackLibrary(engine)
    library.load_folders(settings.scenarios_dir)
    live = LiveSessions(engine, settings.live_sessions_max, settings.live_idle_minutes * 60)
    accounts.tidy(engine)
    key_file = settings.key_file or default_key_file(settings.database_url)
    cookies = TrainerCookies(load_secret_key(settings.secret_key, key_file), settings.trainer_cookie_hours)
    actions = Actions(live, Hub(settings.client_queue_bytes))
    log.info("database: %s", make_url(settings.database_url).render_as_string(hide_password=True))
    log.info("scenario packs loaded: %s", ", ".join(sorted(library.current)) or "none")
    for bad in library.skipped:
        for problem in bad.problems:
            log.warning(
                "Skipped the scenario pack '%s'; fix this and restart to use it: %s/%s", bad.pack, bad.pack, problem
            )
    purged = purge(actions, settings.retention_days)
    log.info("retention: deleted %d session(s) older than %d days", len(purged), settings.retention_days)
    return Services(settings, live, actions, cookies, library)


def start_doorbell(services: Services) -> Doorbell | None:
    """On PostgreSQL, where several processes may serve one database, listens for the others' commits.
    SQLite serves one process (`nplc serve` refuses a second), so there is nobody to listen to."""
    engine = services.live.engine
    if engine.dialect.name != "postgresql":
        return None
    doorbell = Doorbell(listener_url(engine), services.actions)
    doorbell.start()
    return doorbell


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        owned = not hasattr(app.state, "services")
        if owned:
            app.state.services = build_services(settings)
        services = app.state.services
        purging = asyncio.create_task(purge_daily(services.actions, services.settings.retention_days))
        app.state.doorbell = doorbell = start_doorbell(services)
        yield
        purging.cancel()
        if doorbell:
            await doorbell.close()
        if owned:
            app.state.services.live.engine.dispose()

    app = FastAPI(title="Neighbourhood plc", lifespan=lifespan, docs_url="/api/docs", redoc_url=None)
    app.state.guard = GuessGuard()
    app.state.browsers = Browsers()
    app.state.limits = Limits()
    errors.install(app)
    app.add_middleware(
        BodyLimit, larger={"/api/scenarios": scenarios.UPLOAD_LIMIT, "/api/sessions/import": records.IMPORT_LIMIT}
    )
    app.add_middleware(RequestIds)
    app.add_middleware(CrossSiteGuard, settings=settings)
    app.add_middleware(BrowserCookie, browsers=app.state.browsers)
    app.add_middleware(SecurityHeaders)
    # Outermost, so everything inside sees the real client address and scheme, and only from a trusted proxy.
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxy_list)
    app.include_router(health.router)
    app.include_router(sessions.router)
    app.include_router(scenarios.router)
    app.include_router(ws.router)
    app.include_router(minutes.router)
    app.include_router(records.router)
    app.include_router(trainers.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=FRONTEND), name="static")
    return app
