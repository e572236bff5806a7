"""The base class of every event, and the facts of a scenario that a session records when it is created."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.types import AgencyId, DirectorateId


@dataclass(frozen=True)
class Event:
    type: ClassVar[str] = ""


@dataclass(frozen=True)
class DirectorateFacts:
    id: DirectorateId
    name: str
    director_title: str
    assistant_title: str
    budget: int
    gap: int | None = None


@dataclass(frozen=True)
class AgencyFacts:
    id: AgencyId
    name: str
    directorate: DirectorateId | None


@dataclass(frozen=True)
class AgendaFacts:
    id: str
    title: str
    kind: str
    minutes: int
    description: str = ""


@dataclass(frozen=True)
class InjectFacts:
    id: str
    title: str
    document: str


@dataclass(frozen=True)
class IndicatorFacts:
    id: str
    name: str
    unit: str
    baseline: float
    better: str
    owner: str | None = None  # the directorate whose targets name it
    target: float | None = None  # the owner's target in the pack


@dataclass(frozen=True)
class ExportedCostFacts:
    source: DirectorateId
    target: DirectorateId
    annual_cost: int
    because: str


@dataclass(frozen=True)
class ScenarioFacts:
    """The parts of a scenario the rules need, copied into the log so a session
    replays the same way even after its pack changes."""

    id: str
    version: str
    title: str
    area: str
    chair_title: str
    residents_mode: str
    residents_title: str
    residents_max: int
    timings: dict[str, int]
    directorates: tuple[DirectorateFacts, ...]
    agencies: tuple[AgencyFacts, ...]
    agenda: tuple[AgendaFacts, ...]
    injects: tuple[InjectFacts, ...] = ()
    indicators: tuple[IndicatorFacts, ...] = ()
    exported_costs: tuple[ExportedCostFacts, ...] = ()
    votes_by: str = "either"  # "either" partner of a pair, or the "director" alone
    elasticity: float = 0.5
    prevention_ratio: float = 0.5
