"""Checks of meaning for a pack whose shape is already valid: sums, references, files, the shuffle."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from ..domain.core.money import pounds
from ..domain.shuffle.matching import Candidate, ShuffleImpossible, match
from .problems import Problem
from .schema import EVERYONE, PACK_SECTIONS, RESERVED_IDS, Scenario
from .yaml_lines import Path, line_for

YAML = "scenario.yaml"
PRIVATE_SECTIONS = set(PACK_SECTIONS) | {"confidential"}
Found = Iterator[tuple[Path, str]]


def check(s: Scenario, lines: dict[Path, int], files: set[str]) -> list[Problem]:
    """Takes a shape-valid scenario, its line map and the pack's file names; returns every problem of meaning."""
    found: list[Problem] = []
    for rule in _RULES:
        args = (s, files) if rule is _files else (s,)
        found.extend(Problem(YAML, line_for(lines, path), msg) for path, msg in rule(*args))
    return found


def _unique_ids(s: Scenario) -> Found:
    for field in ("directorates", "agencies", "indicators", "documents", "agenda", "injects"):
        items = getattr(s, field)
        counts = Counter(item.id for item in items)
        for index, item in enumerate(items):
            if counts[item.id] > 1:
                yield (field, index, "id"), f"the id '{item.id}' is used more than once in {field}; ids must be unique"
    for field in ("directorates", "agencies"):
        for index, item in enumerate(getattr(s, field)):
            if item.id in RESERVED_IDS:
                yield (
                    (field, index, "id"),
                    (
                        f"'{item.id}' is a name the server keeps for its own roles ({', '.join(sorted(RESERVED_IDS))}); "
                        "choose another id"
                    ),
                )


def _budgets(s: Scenario) -> Found:
    for i, d in enumerate(s.directorates):
        lines_total = sum(line.amount for line in d.budget.lines)
        if lines_total != d.budget.total:
            yield (
                ("directorates", i, "budget", "total"),
                (
                    f"{d.name}'s budget lines add up to {pounds(lines_total)}, not the stated total "
                    f"{pounds(d.budget.total)}; correct a line or the total"
                ),
            )
    overall = sum(d.budget.total for d in s.directorates)
    if overall != s.total_budget:
        yield (
            ("total_budget",),
            (
                f"the directorates' budgets add up to {pounds(overall)}, not "
                f"{pounds(s.total_budget)}; make total_budget {overall} or correct a directorate"
            ),
        )


def _references(s: Scenario) -> Found:
    directorates = {d.id for d in s.directorates}
    indicators = {i.id: i for i in s.indicators}
    for i, a in enumerate(s.agencies):
        if a.directorate is not None and a.directorate not in directorates:
            yield ("agencies", i, "directorate"), _unknown("directorate", a.directorate, directorates)
    for i, d in enumerate(s.directorates):
        for j, t in enumerate(d.targets):
            ind = indicators.get(t.indicator)
            if ind is None:
                yield ("directorates", i, "targets", j, "indicator"), _unknown("indicator", t.indicator, indicators)
            elif (t.value - ind.baseline) * (1 if ind.better == "higher" else -1) <= 0:
                yield (
                    ("directorates", i, "targets", j, "value"),
                    (
                        f"the target {t.value:g} for '{ind.id}' is no better than its baseline {ind.baseline:g} "
                        f"(better is {ind.better})"
                    ),
                )
    for i, e in enumerate(s.exported_costs):
        for end in ("source", "target"):
            if getattr(e, end) not in directorates:
                yield ("exported_costs", i, end), _unknown("directorate", getattr(e, end), directorates)
        if e.source == e.target:
            yield ("exported_costs", i, "target"), "a cost cannot be exported from a directorate to itself"


def _documents(s: Scenario) -> Found:
    audiences = {d.id for d in s.directorates} | {"chair", "residents", EVERYONE}
    for i, doc in enumerate(s.documents):
        for j, who in enumerate(doc.visible_to):
            if who not in audiences:
                yield ("documents", i, "visible_to", j), _unknown("audience", who, audiences)
        public = EVERYONE in doc.visible_to
        if public and doc.section in PRIVATE_SECTIONS:
            yield (
                ("documents", i, "visible_to"),
                (
                    f"'{doc.id}' is a {doc.section} document, private to a role, but is shared with everyone; "
                    "name the roles that may read it, or make its section 'shared'"
                ),
            )
        if doc.section in ("shared", "inject") and not public:
            yield ("documents", i, "visible_to"), f"'{doc.id}' is a {doc.section} document; make visible_to [everyone]"
    for i, d in enumerate(s.directorates):
        have = {doc.section for doc in s.documents if d.id in doc.visible_to}
        for section in PACK_SECTIONS:
            if section not in have:
                yield (
                    ("directorates", i),
                    f"{d.name}'s pack has no '{section}' document; add one with visible_to: [{d.id}]",
                )


def _files(s: Scenario, files: set[str]) -> Found:
    for i, doc in enumerate(s.documents):
        if doc.file.startswith("/") or ".." in doc.file.split("/"):
            yield ("documents", i, "file"), f"'{doc.file}' must be a path inside the pack, without '..'"
        elif doc.file not in files:
            yield (
                ("documents", i, "file"),
                f"the file '{doc.file}' does not exist in the pack; create it or fix the name",
            )
        elif not doc.file.endswith(".md"):
            yield ("documents", i, "file"), f"'{doc.file}' must be a Markdown file ending in .md"


def _agenda_and_injects(s: Scenario) -> Found:
    planned = sum(item.minutes for item in s.agenda)
    if planned > s.timings.board:
        yield (
            ("agenda",),
            (
                f"the agenda items take {planned} minutes but the board meeting has "
                f"{s.timings.board}; shorten items or lengthen timings.board"
            ),
        )
    inject_docs = {doc.id for doc in s.documents if doc.section == "inject"}
    for i, inj in enumerate(s.injects):
        if inj.document not in inject_docs:
            yield ("injects", i, "document"), _unknown("inject document", inj.document, inject_docs)


def _shuffle_possible(s: Scenario) -> Found:
    """One pair from every agency that runs a directorate must be shuffleable, or the day cannot start."""
    mapped = [a for a in s.agencies if a.directorate]
    pairs = [Candidate(a.id, (a.id,), frozenset({a.directorate})) for a in mapped]
    try:
        match(pairs[: len(s.directorates)], [d.id for d in s.directorates], seed=0)
    except ShuffleImpossible as problem:
        yield ("agencies",), f"with one pair from each agency the shuffle is impossible: {problem}"


def _unknown(kind: str, value: str, known) -> str:
    choices = ", ".join(sorted(known)) or "none are defined"
    return f"'{value}' is not a known {kind}; use one of: {choices}"


_RULES: tuple[Callable[..., Found], ...] = (
    _unique_ids,
    _budgets,
    _references,
    _documents,
    _files,
    _agenda_and_injects,
    _shuffle_possible,
)
