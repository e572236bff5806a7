"""Serving frontend/ to a browser page without a server, to try one module's functions on a real DOM."""

from __future__ import annotations

from playwright.sync_api import Page, Route

from app.shipped import FRONTEND

ORIGIN = "http://frontend.test"
TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html"}


def frontend_page(context) -> Page:
    """A page on an empty document whose /js/..., /css/... and /vendor/... are the files in frontend/."""

    def serve(route: Route) -> None:
        path = route.request.url.removeprefix(ORIGIN).split("?")[0].lstrip("/")
        file = (FRONTEND / path).resolve()
        if path == "" or not file.is_relative_to(FRONTEND) or not file.is_file():
            route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>t</title><main></main>")
            return
        route.fulfill(status=200, content_type=TYPES.get(file.suffix, "text/plain"), body=file.read_bytes())

    page = context.new_page()
    page.route(f"{ORIGIN}/**", serve)
    page.goto(f"{ORIGIN}/")
    return page
