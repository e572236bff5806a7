"""Server-side HTML: Jinja2 templates from `app/templates/`, every value escaped unless marked safe.

Only HTML the server made safe itself (pack documents: Markdown with raw HTML off, then cleaned by nh3) is
passed in as `Markup`; everything a person typed (names, motions, titles) is escaped by the template.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

environment = Environment(
    loader=PackageLoader("app", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(template: str, **context: Any) -> str:
    return environment.get_template(template).render(**context)


def page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, **context), status_code=status_code)


def trusted(html: str) -> Markup:
    """HTML the server has already sanitised, to be inserted as it is."""
    return Markup(html)
