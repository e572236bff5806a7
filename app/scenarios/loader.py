"""Reading packs: a folder of files in, a validated `Pack` with rendered documents out.

Packs are read as a mapping of relative path -> bytes, so a folder and a zip
go through exactly the same checks.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from dataclasses import replace as dc_replace
from pathlib import Path

from pydantic import ValidationError

from ..domain import events as ev
from .checks import YAML, check
from .files import read_folder
from .ordering import ordering_problems
from .problems import PackInvalid, Problem, from_validation
from .render import MarkdownBudget, budget_table, markdown_to_html, targets_table
from .schema import Indicator, Scenario
from .yaml_lines import YamlProblem, line_for, load_with_lines

MAX_FILE_BYTES = 512 * 1024


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    section: str
    visible_to: tuple[str, ...]
    html: str


@dataclass(frozen=True)
class Pack:
    scenario: Scenario
    version: str
    documents: dict[str, Document]

    @property
    def id(self) -> str:
        return self.scenario.id

    def to_json(self) -> str:
        docs = [d.__dict__ | {"visible_to": list(d.visible_to)} for d in self.documents.values()]
        return json.dumps(
            {
                "scenario": self.scenario.model_dump(mode="json", by_alias=True),
                "version": self.version,
                "documents": docs,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Pack:
        data = json.loads(text)
        docs = {d["id"]: Document(**(d | {"visible_to": tuple(d["visible_to"])})) for d in data["documents"]}
        return cls(Scenario.model_validate(data["scenario"]), data["version"], docs)


def load_files(name: str, files: dict[str, bytes], *, lesson: bool = True) -> Pack:
    """Takes a pack's files; returns the Pack, or raises PackInvalid listing every problem. `lesson=False` skips
    the consequences model's checks, for a pack that comes back inside a session recorded before them."""
    if YAML not in files:
        raise PackInvalid(name, [Problem(YAML, 1, "the pack has no scenario.yaml at its top level")])
    text, problems = _text(YAML, files[YAML])
    if problems:
        raise PackInvalid(name, problems)
    try:
        data, lines = load_with_lines(text)
    except YamlProblem as bad:
        raise PackInvalid(name, [Problem(YAML, line, message) for line, message in bad.found]) from None
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        raise PackInvalid(name, from_validation(error, YAML, lines)) from None
    problems = check(scenario, lines, set(files), model=lesson)
    documents, doc_problems = _render(scenario, files)
    if problems or doc_problems:
        raise PackInvalid(name, problems + doc_problems)
    pack = Pack(scenario, pack_version(files), documents)
    if not lesson:
        return pack
    where = line_for(lines, ("prevention",) if scenario.prevention else ("exported_costs",))
    broken = [Problem(YAML, where, message) for message in ordering_problems(facts(pack))]
    if broken:
        raise PackInvalid(name, broken)
    return pack


def load_folder(folder: Path) -> Pack:
    return load_files(folder.name, read_folder(folder))


def _text(name: str, raw: bytes) -> tuple[str, list[Problem]]:
    if len(raw) > MAX_FILE_BYTES:
        return "", [Problem(name, 1, f"the file is larger than {MAX_FILE_BYTES // 1024} KB; split it up")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return "", [Problem(name, line, "the file is not UTF-8 text; save it as UTF-8")]


def _render(s: Scenario, files: dict[str, bytes]) -> tuple[dict[str, Document], list[Problem]]:
    indicators = {i.id: i for i in s.indicators}
    owners = {d.id: d for d in s.directorates}
    docs, problems = {}, []
    rendered: dict[str, str] = {}
    budget = MarkdownBudget()
    for doc in s.documents:
        if doc.file not in files or not doc.file.endswith(".md"):
            continue  # reported by the checks
        if doc.file not in rendered:
            rendered[doc.file], bad = _markdown(doc.file, files[doc.file], budget)
            problems.extend(bad)
        html = rendered[doc.file]
        owner = owners.get(doc.visible_to[0]) if len(doc.visible_to) == 1 else None
        if owner and doc.section == "budget":
            html = budget_table(owner) + html
        if owner and doc.section == "targets":
            html = targets_table(owner, indicators) + html
        docs[doc.id] = Document(doc.id, doc.title, doc.section, tuple(doc.visible_to), html)
    return docs, problems


def _markdown(name: str, raw: bytes, budget: MarkdownBudget) -> tuple[str, list[Problem]]:
    """One Markdown file as safe HTML, rendered once however many documents show it; nothing if over a limit."""
    text, problems = _text(name, raw)
    if not problems and (over := budget.spend(text)):
        problems = [Problem(name, *over)]
    return ("", problems) if problems else (markdown_to_html(text), [])


def pack_version(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:12]


def facts(pack: Pack) -> ev.ScenarioFacts:
    """Takes a pack; returns the parts of it a session's rules need, to be stored in its log."""
    s = pack.scenario
    owners: dict[str, str] = {}
    targets: dict[str, float] = {}
    for d in s.directorates:
        for t in d.targets:
            owners.setdefault(t.indicator, d.id)
            targets.setdefault(t.indicator, t.value)
    owners |= {i.id: i.owner for i in s.indicators if i.owner}
    return ev.ScenarioFacts(
        id=s.id,
        version=pack.version,
        title=s.title,
        area=s.area,
        chair_title=s.chair.title,
        residents_mode=s.residents.mode,
        residents_title=s.residents.title,
        residents_max=s.residents.max,
        timings=s.timings.model_dump(),
        directorates=tuple(
            ev.DirectorateFacts(d.id, d.name, d.director_title, d.assistant_title, d.budget.total, d.gap)
            for d in s.directorates
        ),
        agencies=tuple(ev.AgencyFacts(a.id, a.name, a.directorate) for a in s.agencies),
        agenda=tuple(ev.AgendaFacts(a.id, a.title, a.kind, a.minutes, a.description) for a in s.agenda),
        injects=tuple(ev.InjectFacts(i.id, i.title, i.document) for i in s.injects),
        indicators=tuple(_indicator(i, owners.get(i.id), targets.get(i.id)) for i in s.indicators),
        exported_costs=tuple(
            ev.ExportedCostFacts(x.source, x.target, x.annual_cost, x.because) for x in s.exported_costs
        ),
        elasticity=s.model.elasticity,
        prevention_ratio=s.model.prevention_ratio,
        prevention=tuple(
            ev.PreventionFacts(p.source, p.preventable, p.return_, p.lag, p.because) for p in s.prevention
        ),
        levers=tuple(ev.LeverFacts(v.id, v.name, v.cuts, v.lag, v.because, tuple(v.links)) for v in s.levers),
        funds=tuple(
            ev.FundFacts(f.id, f.name, tuple(ev.PurposeFacts(p.id, p.name, p.source, p.because) for p in f.purposes))
            for f in s.pooled_funds
        ),
        drift=s.model.drift,
        heading_weights=dict(s.model.heading_weights),
        votes_by=s.votes_by,
    )


def plausible_range(i: Indicator) -> tuple[float, float]:
    """The indicator's declared range, or half its baseline either side (within 0 to 100 for a percentage)."""
    if i.range is not None:
        return (min(i.range), max(i.range))
    low, high = max(0.0, i.baseline * 0.5), i.baseline * 1.5
    return (low, min(100.0, high) if i.unit.strip().startswith("%") else high)


def _indicator(i: Indicator, owner: str | None, target: float | None) -> ev.IndicatorFacts:
    low, high = plausible_range(i)
    return ev.IndicatorFacts(
        i.id, i.name, i.unit, i.baseline, i.better, owner, target, i.heading, low, high, i.half_life
    )


def facts_before_model_v2(f: ev.ScenarioFacts) -> ev.ScenarioFacts:
    """The same facts as a session recorded before the second consequences model stored them: without its
    figures, so that an export from then is still recognised as a session of its own pack."""
    indicators = tuple(dc_replace(i, heading="", low=None, high=None, half_life=1.0) for i in f.indicators)
    return dc_replace(f, indicators=indicators, prevention=(), levers=(), funds=(), drift=0.03, heading_weights={})
