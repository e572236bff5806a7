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


def check(s: Scenario, lines: dict[Path, int], files: set[str], *, model: bool = True) -> list[Problem]:
    """Takes a shape-valid scenario, its line map and the pack's file names; returns every problem of meaning
    (`model=False` leaves out the consequences model's own checks)."""
    found: list[Problem] = []
    for rule in _RULES if model else [r for r in _RULES if r not in _MODEL_RULES]:
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
    pairs = [Candidate(a.id, (a.id,), frozenset({a.directorate})) for a in mapped if a.directorate]
    try:
        match(pairs[: len(s.directorates)], [d.id for d in s.directorates], seed=0)
    except ShuffleImpossible as problem:
        yield ("agencies",), f"with one pair from each agency the shuffle is impossible: {problem}"


def _owners(s: Scenario) -> Found:
    """Every directorate owns an indicator, so that cutting any service shows in residents' lives."""
    directorates = {d.id for d in s.directorates}
    owned = {t.indicator: d.id for d in reversed(s.directorates) for t in d.targets}
    for i, ind in enumerate(s.indicators):
        if ind.owner is not None:
            if ind.owner not in directorates:
                yield ("indicators", i, "owner"), _unknown("directorate", ind.owner, directorates)
            owned[ind.id] = ind.owner
    for i, d in enumerate(s.directorates):
        if d.id not in owned.values():
            yield (
                ("directorates", i),
                f"{d.name} owns no indicator, so cutting it would harm nobody; give it a target, or an "
                f"indicator `owner: {d.id}`",
            )


def _ranges(s: Scenario) -> Found:
    targets = {t.indicator: t.value for d in s.directorates for t in d.targets}
    for i, ind in enumerate(s.indicators):
        if ind.range is None:
            continue
        low, high = ind.range
        if low >= high:
            yield ("indicators", i, "range"), f"the range of '{ind.id}' must be [lowest, highest], lowest first"
        elif not low < ind.baseline < high:
            yield (
                ("indicators", i, "range"),
                f"the baseline {ind.baseline:g} of '{ind.id}' must lie inside its range [{low:g}, {high:g}]",
            )
        elif ind.id in targets and not low <= targets[ind.id] <= high:
            yield (
                ("indicators", i, "range"),
                f"the target {targets[ind.id]:g} for '{ind.id}' lies outside its plausible range "
                f"[{low:g}, {high:g}]; widen the range or lower the target",
            )


def _model_links(s: Scenario) -> Found:
    directorates = {d.id for d in s.directorates}
    sources = {x.source for x in s.exported_costs}
    links = {f"{x.source}>{x.target}" for x in s.exported_costs}
    seen: set[str] = set()
    for i, p in enumerate(s.prevention):
        if p.source not in sources:
            yield ("prevention", i, "source"), _unknown("source of an exported cost", p.source, sources)
        elif p.source in seen:
            yield ("prevention", i, "source"), f"'{p.source}' has prevention figures twice; keep one entry"
        seen.add(p.source)
    for i, lever in enumerate(s.levers):
        for j, link in enumerate(lever.links):
            if link not in links:
                yield ("levers", i, "links", j), _unknown("exported cost", link, links)
    names = [v.id for v in s.levers] + [p.id for f in s.pooled_funds for p in f.purposes]
    for i, f in enumerate(s.pooled_funds):
        if f.id in directorates:
            yield ("pooled_funds", i, "id"), f"the fund '{f.id}' has a directorate's id; give it its own"
        for j, purpose in enumerate(f.purposes):
            if purpose.source not in sources:
                yield ("pooled_funds", i, "purposes", j, "source"), _unknown("source", purpose.source, sources)
            if names.count(purpose.id) > 1:
                yield ("pooled_funds", i, "purposes", j, "id"), f"'{purpose.id}' names a lever or purpose twice"
    headings = {ind.heading for ind in s.indicators}
    for heading in s.model.heading_weights:
        if heading not in headings:
            yield ("model", "heading_weights", heading), _unknown("indicator heading", heading, headings)


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
    _owners,
    _ranges,
    _model_links,
)

_MODEL_RULES = (_owners, _ranges, _model_links)
