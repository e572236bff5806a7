"""Markdown to safe HTML, and the figure tables the server writes from `scenario.yaml`.

markdown-it-py's `js-default` preset turns raw HTML off; nh3 then removes
anything unsafe that could still get through (links to `javascript:` and the like).

markdown-it-py spends time out of all proportion on some inputs (each
unclosed `[` costs a fraction of a millisecond; deep nesting recurses), so a
pack's Markdown is capped before it is rendered: its size per file and in
all, its square brackets (links and images) in all, and its nesting depth.
"""

from __future__ import annotations

import re
from html import escape

import nh3
from markdown_it import MarkdownIt

from ..domain.core.money import pounds
from .schema import Directorate, Indicator

MAX_NESTING = 20
MAX_MARKDOWN_BYTES = 64 * 1024
MAX_PACK_MARKDOWN_BYTES = 512 * 1024
MAX_PACK_BRACKETS = 1000
_md = MarkdownIt("js-default", {"maxNesting": MAX_NESTING})


def markdown_to_html(text: str) -> str:
    return nh3.clean(_md.render(text))


class MarkdownBudget:
    """What is left of a pack's allowance of Markdown, spent file by file as they are rendered."""

    def __init__(self) -> None:
        self.bytes = MAX_PACK_MARKDOWN_BYTES
        self.brackets = MAX_PACK_BRACKETS

    def spend(self, text: str) -> tuple[int, str] | None:
        """Takes one file's text; returns (line, what to fix) if it is over a limit, else spends its share."""
        size = len(text.encode("utf-8"))
        if size > MAX_MARKDOWN_BYTES:
            return 0, f"the file is larger than {MAX_MARKDOWN_BYTES // 1024} KB; split it into several documents"
        if size > self.bytes:
            return (
                0,
                f"the pack's Markdown files add up to more than {MAX_PACK_MARKDOWN_BYTES // 1024} KB; shorten them",
            )
        brackets = text.count("[")
        if brackets > self.brackets:
            at = _nth(text, "[", self.brackets + 1)
            return text.count("\n", 0, at) + 1, (
                f"the pack has more than {MAX_PACK_BRACKETS} square brackets '[' (links and images) in all; "
                "remove some from here on"
            )
        self.bytes -= size
        self.brackets -= brackets
        return None


def _nth(text: str, char: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.index(char, at + 1)
    return at


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
