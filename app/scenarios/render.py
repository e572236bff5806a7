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

import nh3
from markdown_it import MarkdownIt

from .. import templating
from ..domain.core.money import pounds
from .schema import Directorate, Indicator

MAX_NESTING = 20
MAX_MARKDOWN_BYTES = 64 * 1024
MAX_MARKDOWN_LINES = 1000
MAX_PACK_MARKDOWN_BYTES = 512 * 1024
MAX_PACK_MARKDOWN_LINES = 10_000
MAX_PACK_BRACKETS = 1000
MAX_PACK_EMPHASIS = 10_000
_md = MarkdownIt("js-default", {"maxNesting": MAX_NESTING})


def markdown_to_html(text: str) -> str:
    return nh3.clean(_md.render(text))


class MarkdownBudget:
    """What is left of a pack's allowance of Markdown, spent file by file as they are rendered. The costly
    things are counted: bytes, lines (each costs markdown-it far more than its bytes), square brackets
    (each unclosed one costs a fraction of a millisecond) and emphasis marks."""

    def __init__(self) -> None:
        self.left = {"bytes": MAX_PACK_MARKDOWN_BYTES, "lines": MAX_PACK_MARKDOWN_LINES}
        self.marks = {"[": MAX_PACK_BRACKETS, "*_": MAX_PACK_EMPHASIS}

    def spend(self, text: str) -> tuple[int, str] | None:
        """Takes one file's text; returns (line, what to fix) if it is over a limit, else spends its share."""
        size, lines = len(text.encode("utf-8")), text.count("\n") + 1
        if size > MAX_MARKDOWN_BYTES or lines > MAX_MARKDOWN_LINES:
            return 0, (
                f"the file is larger than {MAX_MARKDOWN_BYTES // 1024} KB or {MAX_MARKDOWN_LINES:,} lines; "
                "split it into several documents"
            )
        if size > self.left["bytes"] or lines > self.left["lines"]:
            return 0, (
                f"the pack's Markdown files add up to more than {MAX_PACK_MARKDOWN_BYTES // 1024} KB or "
                f"{MAX_PACK_MARKDOWN_LINES:,} lines; shorten them"
            )
        counts = {marks: sum(text.count(m) for m in marks) for marks in self.marks}
        for marks, count in counts.items():
            if count > self.marks[marks]:
                return _line_of_mark(text, marks, self.marks[marks] + 1), _TOO_MANY[marks]
        self.left = {"bytes": self.left["bytes"] - size, "lines": self.left["lines"] - lines}
        self.marks = {marks: left - counts[marks] for marks, left in self.marks.items()}
        return None


_TOO_MANY = {
    "[": f"the pack has more than {MAX_PACK_BRACKETS:,} square brackets '[' (links and pictures) in all; "
    "remove some from here on",
    "*_": f"the pack has more than {MAX_PACK_EMPHASIS:,} emphasis marks ('*' and '_') in all; remove some from here on",
}


def _line_of_mark(text: str, marks: str, n: int) -> int:
    """The line of the n-th of `marks` in `text`."""
    seen = 0
    for number, line in enumerate(text.split("\n"), 1):
        seen += sum(line.count(m) for m in marks)
        if seen >= n:
            return number
    return 1


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


# Where a document's own headings start on a page that lists documents under section and title headings
# (the participant's pack, the organiser's preview): its highest heading becomes an h4.
READER_TOP_HEADING = 4
_HEADING = re.compile(r"<(/?)h([1-6])(\s[^>]*)?>")


def demote_headings(html: str, top: int) -> str:
    """Takes a document's HTML; returns it with its highest heading at level `top` and the rest moved with it
    (never below h6), so the page's outline stays in order. The HTML is nh3's, so a tag is always a tag."""
    levels = [int(m.group(2)) for m in _HEADING.finditer(html) if not m.group(1)]
    if not levels:
        return html
    shift = top - min(levels)

    def moved(m: re.Match[str]) -> str:
        return f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}{m.group(3) or ''}>"

    return _HEADING.sub(moved, html) if shift else html


def reader_html(html: str, files_base: str, top: int = READER_TOP_HEADING) -> str:
    """A rendered document as a reader's page shows it: its pictures served from `files_base` and its
    headings below the page's. The one way documents reach a page: the participant's pack, the print view
    and the organiser's preview all go through it, so they show the same HTML."""
    return demote_headings(point_images(html, files_base), top)


def image_paths(html: str, base: str) -> set[str]:
    """The pack paths of the images a document shows, once `point_images` has pointed them at `base`."""
    return {src[len(base) :] for src in re.findall(r'<img[^>]*?\ssrc="([^"]+)"', html) if src.startswith(base)}
