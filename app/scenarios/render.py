"""Markdown to safe HTML, and the figure tables the server writes from `scenario.yaml`.

markdown-it-py's `js-default` preset turns raw HTML off; nh3 then removes
anything unsafe that could still get through (links to `javascript:` and the like).
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

from .. import templating
from ..domain.core.money import pounds
from .schema import Directorate, Indicator

_md = MarkdownIt("js-default")


def markdown_to_html(text: str) -> str:
    return nh3.clean(_md.render(text))


def budget_table(d: Directorate) -> str:
    return templating.render("budget_table.html", d=d, pounds=pounds)


def _number(value: float, unit: str) -> str:
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def targets_table(d: Directorate, indicators: dict[str, Indicator]) -> str:
    rows = [
        {
            "name": indicators[t.indicator].name,
            "now": _number(indicators[t.indicator].baseline, indicators[t.indicator].unit),
            "target": _number(t.value, indicators[t.indicator].unit),
            "by": t.by,
        }
        for t in d.targets
        if t.indicator in indicators
    ]
    return templating.render("targets_table.html", d=d, rows=rows)


_PACK_IMAGE = re.compile(r'(<img[^>]*?\ssrc=")(?!https?:|/|data:|#)([^"]+)"')


def point_images(html: str, base: str) -> str:
    """Takes a document's HTML; returns it with images inside the pack served from `base` (ending in '/')."""
    return _PACK_IMAGE.sub(lambda m: f'{m.group(1)}{base}{m.group(2)}"', html)


def image_paths(html: str, base: str) -> set[str]:
    """The pack paths of the images a document shows, once `point_images` has pointed them at `base`."""
    return {src[len(base) :] for src in re.findall(r'<img[^>]*?\ssrc="([^"]+)"', html) if src.startswith(base)}
