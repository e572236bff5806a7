"""Markdown to safe HTML, and the figure tables the server writes from `scenario.yaml`.

markdown-it-py's `js-default` preset turns raw HTML off; nh3 then removes
anything unsafe that could still get through (links to `javascript:` and the like).
"""

from __future__ import annotations

import re
from html import escape

import nh3
from markdown_it import MarkdownIt

from ..domain.core.money import pounds
from .schema import Directorate, Indicator

_md = MarkdownIt("js-default")


def markdown_to_html(text: str) -> str:
    return nh3.clean(_md.render(text))


def budget_table(d: Directorate) -> str:
    rows = "".join(
        f'<tr><td>{escape(line.label)}</td><td class="num">{pounds(line.amount)}</td></tr>' for line in d.budget.lines
    )
    return (
        f'<table class="figures"><caption>{escape(d.name)}: budget for the year</caption>'
        '<thead><tr><th scope="col">Line</th><th scope="col" class="num">Amount</th></tr></thead>'
        f'<tbody>{rows}</tbody><tfoot><tr><th scope="row">Total</th>'
        f'<td class="num">{pounds(d.budget.total)}</td></tr></tfoot></table>'
    )


def _number(value: float, unit: str) -> str:
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def targets_table(d: Directorate, indicators: dict[str, Indicator]) -> str:
    rows = []
    for t in d.targets:
        ind = indicators.get(t.indicator)
        if ind is None:
            continue
        rows.append(
            f'<tr><td>{escape(ind.name)}</td><td class="num">{escape(_number(ind.baseline, ind.unit))}</td>'
            f'<td class="num">{escape(_number(t.value, ind.unit))}</td><td>{escape(t.by)}</td></tr>'
        )
    return (
        f'<table class="figures"><caption>{escape(d.name)}: outcome targets</caption>'
        '<thead><tr><th scope="col">Indicator</th><th scope="col" class="num">Now</th>'
        '<th scope="col" class="num">Target</th><th scope="col">By</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


_PACK_IMAGE = re.compile(r'(<img[^>]*?\ssrc=")(?!https?:|/|data:|#)([^"]+)"')


def point_images(html: str, base: str) -> str:
    """Takes a document's HTML; returns it with images inside the pack served from `base` (ending in '/')."""
    return _PACK_IMAGE.sub(lambda m: f'{m.group(1)}{base}{m.group(2)}"', html)


def image_paths(html: str, base: str) -> set[str]:
    """The pack paths of the images a document shows, once `point_images` has pointed them at `base`."""
    return {src[len(base) :] for src in re.findall(r'<img[^>]*?\ssrc="([^"]+)"', html) if src.startswith(base)}
