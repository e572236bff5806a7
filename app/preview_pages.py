"""What the organiser's preview shows: each document as a role reads it, with the problems that concern it
beside it. A pack with problems is still shown as far as it can be read, so a typo in one paper does not hide
the other forty."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .scenarios.checks import YAML
from .scenarios.loader import Pack
from .scenarios.problems import Problem
from .scenarios.render import MarkdownBudget, markdown_to_html, reader_html
from .scenarios.yaml_lines import YamlProblem, load_with_lines

FILES_BASE = "/files/"
SECTION_LABELS = {
    "mission": "Mission and strategies",
    "budget": "Budget",
    "targets": "Targets",
    "reports": "Reports and survey findings",
    "guidance": "Government guidance",
    "confidential": "Confidential",
    "shared": "For the whole board",
    "inject": "News during the day (released by the trainer during the day)",
}


@dataclass
class PreviewDocument:
    id: str
    title: str
    section: str
    visible_to: tuple[str, ...]
    html: str  # as the reader's page shows it; "" when it cannot be rendered
    problems: list[str] = field(default_factory=list)


@dataclass
class Preview:
    title: str
    roles: list[tuple[str, str]]
    documents: list[PreviewDocument]
    problems: list[str]  # problems that concern no one document


def roles_of(directorates: list[tuple[str, str, str]], chair: str, residents: str) -> list[tuple[str, str]]:
    """(id, name, director's title) of each directorate -> the roles the preview can show, as (key, label)."""
    return [(key, f"{title} ({name})") for key, name, title in directorates] + [
        ("chair", chair),
        ("residents", residents),
        ("everyone", "Everyone (shared papers only)"),
    ]


def of_pack(pack: Pack) -> Preview:
    s = pack.scenario
    roles = roles_of([(d.id, d.name, d.director_title) for d in s.directorates], s.chair.title, s.residents.title)
    docs = [
        PreviewDocument(d.id, d.title, d.section, d.visible_to, reader_html(d.html, FILES_BASE))
        for d in pack.documents.values()
    ]
    return Preview(s.title, roles, docs, [])


def of_broken(name: str, files: dict[str, bytes], problems: list[Problem]) -> Preview:
    """As much of a pack with problems as can be read: its documents, each with the problems in its own file or
    in its entry of scenario.yaml; the other problems apart."""
    try:
        data, lines = load_with_lines(files[YAML].decode("utf-8")) if YAML in files else (None, {})
    except (YamlProblem, UnicodeDecodeError):
        data, lines = None, {}
    data = data if isinstance(data, dict) else {}
    entries = [e for e in _list(data, "documents")]
    starts = [lines.get(("documents", i), 0) for i in range(len(entries))] + [10**9]
    documents, placed = [], set()
    budget = MarkdownBudget()
    for i, entry in enumerate(entries):
        doc = _document(entry, i, files, budget)
        for p in problems:
            if p.file == _text(entry, "file") or (p.file == YAML and starts[i] <= p.line < starts[i + 1] and p.line):
                doc.problems.append(str(p))
                placed.add(p)
        documents.append(doc)
    directorates = [(_text(d, "id"), _text(d, "name"), _text(d, "director_title")) for d in _list(data, "directorates")]
    chair = _text(data.get("chair"), "title") or "Managing Director"
    residents = _text(data.get("residents"), "title") or "Shareholders' panel"
    title = _text(data, "title") or name
    return Preview(
        title, roles_of(directorates, chair, residents), documents, [str(p) for p in problems if p not in placed]
    )


def _list(data: Any, key: str) -> list[dict]:
    found = data.get(key) if isinstance(data, dict) else None
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []


def _text(entry: Any, key: str) -> str:
    value = entry.get(key) if isinstance(entry, dict) else None
    return str(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else ""


def _document(entry: dict, index: int, files: dict[str, bytes], budget: MarkdownBudget) -> PreviewDocument:
    path = _text(entry, "file")
    audience = entry.get("visible_to")
    visible = tuple(str(v) for v in audience) if isinstance(audience, list) else ()
    html = ""
    if path.endswith(".md") and path in files:
        try:
            text = files[path].decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None and budget.spend(text) is None:
            html = reader_html(markdown_to_html(text), FILES_BASE)
    doc_id = _text(entry, "id") or f"document-{index + 1}"
    return PreviewDocument(doc_id, _text(entry, "title") or doc_id, _text(entry, "section"), visible, html)


def for_role(preview: Preview, role: str) -> list[tuple[str, list[PreviewDocument]]]:
    """The documents the role may read, grouped by section in the order the participant's page uses; a
    document whose audience cannot be read is shown to every role, so its problems are seen."""
    shown = [d for d in preview.documents if role in d.visible_to or "everyone" in d.visible_to or not d.visible_to]
    groups = []
    for section, label in [*SECTION_LABELS.items(), ("", "Documents with no section yet")]:
        inside = [d for d in shown if d.section == section or (section == "" and d.section not in SECTION_LABELS)]
        if inside:
            groups.append((label, inside))
    return groups
