"""The limits that docs/scenario-format.md and docs/security.md state are the limits the code enforces."""

from __future__ import annotations

from pathlib import Path

from app.scenarios import archive, files, render, yaml_lines
from app.scenarios.schema import MAX_MEASURE, MAX_POUNDS, RESERVED_IDS, Scenario

DOCS = Path(__file__).resolve().parents[2] / "docs"


def limits_section() -> str:
    text = (DOCS / "scenario-format.md").read_text(encoding="utf-8")
    return text.split("## Limits: what a pack may and may not contain", 1)[1].split("\n## ", 1)[0]


def test_the_format_guide_states_every_limit_the_code_enforces():
    section = limits_section()
    stated = [
        f"at most {archive.MAX_ARCHIVE_BYTES // 2**20} MB",
        f"At most {files.MAX_ENTRIES} files in at most {files.MAX_FOLDERS} folders",
        f"{files.MAX_TOTAL_BYTES // 2**20} MB in all",
        f"at most\n  {files.MAX_FILE_BYTES // 2**20} MB",
        f"over {archive.MAX_RATIO} to 1",
        f"At most {yaml_lines.MAX_YAML_BYTES // 1024} KB",
        f"Nested at most {yaml_lines.MAX_DEPTH} levels",
        f"more than {yaml_lines.MAX_BRACKETS} open brackets",
        f"more than {yaml_lines.MAX_DIGITS}\n  digits",
        f"£{MAX_POUNDS:,}",
        f"-{MAX_MEASURE:,} and\n  {MAX_MEASURE:,}",
        f"At most {render.MAX_MARKDOWN_BYTES // 1024} KB and {render.MAX_MARKDOWN_LINES:,} lines for each file",
        f"{render.MAX_PACK_MARKDOWN_BYTES // 1024} KB and {render.MAX_PACK_MARKDOWN_LINES:,} lines for",
        f"At most {render.MAX_PACK_BRACKETS:,} square brackets",
        f"at most {render.MAX_PACK_EMPHASIS:,} emphasis marks",
        f"at most {render.MAX_NESTING} levels deep",
    ]
    missing = [phrase for phrase in stated if phrase not in section]
    assert missing == []


def test_the_list_lengths_in_the_guide_are_the_schema_s():
    section = " ".join(limits_section().split())
    lengths = {
        name: next(m.max_length for m in info.metadata if hasattr(m, "max_length"))
        for name, info in Scenario.model_fields.items()
        if any(getattr(m, "max_length", None) for m in info.metadata)
    }
    for name, words in {
        "directorates": "directorates",
        "agencies": "agencies",
        "indicators": "indicators",
        "exported_costs": "exported costs",
        "documents": "documents",
        "agenda": "agenda items",
        "injects": "news items",
    }.items():
        assert f"{lengths[name]} {words}" in section, name


def test_every_reserved_id_is_named_in_both_documents():
    for doc in ("scenario-format.md", "security.md"):
        text = (DOCS / doc).read_text(encoding="utf-8")
        assert [name for name in sorted(RESERVED_IDS) if f"`{name}`" not in text] == [], doc
