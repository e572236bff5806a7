"""The base class of every event, and the facts of a scenario that a session records when it is created."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    heading: str = ""
    low: float | None = None  # plausible range (model version 2)
    high: float | None = None
    half_life: float = 1.0  # years to move half way to where the budgets pull it


@dataclass(frozen=True)
class ExportedCostFacts:
    source: DirectorateId
    target: DirectorateId
    annual_cost: int
    because: str


@dataclass(frozen=True)
class PreventionFacts:
    """What money at the source of exported costs can do: remove at most `preventable` of them, at `ret`
    pounds of exported cost per pound once it has taken hold, which takes about `lag` years."""

    source: DirectorateId
    preventable: float = 0.5
    ret: float = 1.5
    lag: float = 1.0
    because: str = ""


@dataclass(frozen=True)
class LeverFacts:
    """A decision that costs no money (shared data, one front door): once carried, it removes `cuts` of each
    exported cost it acts on (all of them when `links` is empty), taking about `lag` years to take hold."""

    id: str
    name: str
    cuts: float
    lag: float
    because: str = ""
    links: tuple[str, ...] = ()  # "source>target"


@dataclass(frozen=True)
class PurposeFacts:
    """What a pooled fund's money does once the board votes it this purpose: pays for prevention at `source`."""

    id: str
    name: str
    source: DirectorateId
    because: str = ""


@dataclass(frozen=True)
class FundFacts:
    id: str
    name: str
    purposes: tuple[PurposeFacts, ...] = ()


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
    prevention: tuple[PreventionFacts, ...] = ()
    levers: tuple[LeverFacts, ...] = ()
    funds: tuple[FundFacts, ...] = ()
    drift: float = 0.03
    heading_weights: dict[str, float] = field(default_factory=dict)
