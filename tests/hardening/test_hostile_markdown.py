"""Pathological Markdown is capped before markdown-it sees it, so an upload cannot take minutes of CPU.

An upload once took 134 s of CPU: markdown-it-py spends a fraction of a millisecond on every unclosed `[`,
and the same file was rendered once per document showing it. Each case replaces the tiny pack's Markdown.
"""

from __future__ import annotations

import pytest

from app.scenarios.loader import load_files
from tests.hardening.hostile import YAML, problems_of, tiny_files, tiny_yaml

BRACKETS = "the pack has more than 1,000 square brackets '[' (links and pictures) in all; remove some from here on"


def test_a_file_of_unclosed_brackets_is_refused_at_the_first_one_over_the_limit():
    text = b"# Housing\n\nOne paragraph.\n\n" + b"![" * 30_000
    assert problems_of(tiny_files(**{"docs/housing.md": text})) == [f"docs/housing.md:5: {BRACKETS}"]


def test_brackets_are_counted_across_the_whole_pack():
    spread = b"# Notes\n" + b"[a](b) " * 600 + b"\n"
    found = problems_of(tiny_files(**{"docs/housing.md": spread, "docs/health.md": spread}))
    assert found == [f"docs/health.md:2: {BRACKETS}"]


def test_emphasis_marks_are_counted_across_the_whole_pack():
    found = problems_of(tiny_files(**{"docs/chair.md": b"# Chair\n" + b"*a **a " * 9000}))
    assert found == [
        "docs/chair.md:2: the pack has more than 10,000 emphasis marks ('*' and '_') in all; remove some from here on"
    ]


def test_a_markdown_file_of_more_than_1000_lines_is_refused():
    found = problems_of(tiny_files(**{"docs/chair.md": b".\n" * 1000}))
    assert found == ["docs/chair.md: the file is larger than 64 KB or 1,000 lines; split it into several documents"]


def test_a_markdown_file_over_64_kb_is_refused():
    found = problems_of(tiny_files(**{"docs/chair.md": b"word " * 14_000}))
    assert found == ["docs/chair.md: the file is larger than 64 KB or 1,000 lines; split it into several documents"]


@pytest.mark.parametrize(
    "big", [b"A plain sentence about the estate.\n" * 900 + b"x" * 33_000, b"|-\n" * 999], ids=["bytes", "lines"]
)
def test_the_pack_s_markdown_is_capped_in_all(big):
    extra = "".join(
        f"\n  - {{id: extra-{i}, title: Extra {i}, file: docs/extra-{i}.md, section: shared, visible_to: [everyone]}}"
        for i in range(4)
    )
    files = {f"docs/{name}.md": big for name in ("chair", "education", "health", "housing", "news", "residents")}
    files |= {"docs/safety.md": big, "docs/shared.md": big} | {f"docs/extra-{i}.md": big for i in range(4)}
    files[YAML] = tiny_yaml("visible_to: [everyone]}", "visible_to: [everyone]}" + extra)
    found = problems_of(tiny_files(**files))
    over = "the pack's Markdown files add up to more than 512 KB or 10,000 lines; shorten them"
    assert found and all(p.endswith(f".md: {over}") for p in found), found


@pytest.mark.parametrize(
    "text",
    [
        b">" * 5000 + b" deep\n",
        b"".join(b"  " * i + b"- item\n" for i in range(200)),
        b"> - " * 5000 + b"x\n",
        b"*a **a " * 3000,
        b"_" * 4000 + b"a" + b"*" * 4000,
        b"`" * 20000 + b"a" + b"``" * 20000,
    ],
    ids=["blockquotes", "lists", "quoted-lists", "emphasis", "underscores", "backticks"],
)
def test_deep_nesting_is_rendered_only_twenty_levels_deep(text):
    pack = load_files("nested", tiny_files(**{"docs/chair.md": text}))
    html = pack.documents["chair-brief"].html
    assert html.count("<blockquote>") <= 20 and html.count("<ul>") <= 20


def test_a_file_shown_by_five_documents_is_rendered_once_and_shown_five_times():
    pack = load_files("tiny", tiny_files())
    htmls = [pack.documents[f"housing-{s}"].html for s in ("mission", "reports", "guidance")]
    assert htmls[0] == htmls[1] == htmls[2] and "SECRET-housing" in htmls[0]
