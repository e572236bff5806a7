"""The figures a pack declares for the consequences model (version 2), copied into a session's log with the
rest of the scenario, and the stocks the model carries from one round (or meeting) to the next."""

from __future__ import annotations

from dataclasses import dataclass, field

MODEL_VERSION = 2  # recorded in each TimeAdvanced event; version 1 is the first model, kept for old sessions


@dataclass(frozen=True)
class PreventionFacts:
    """What money at the source of exported costs can do: remove at most `preventable` of them, at `ret`
    pounds of exported cost per pound once it has taken hold, which takes about `lag` years."""

    source: str
    preventable: float = 0.5
    ret: float = 1.5
    lag: float = 1.0
    because: str = ""


@dataclass(frozen=True)
class LeverFacts:
    """A decision that costs no money (shared data, one front door): once carried, it removes `cuts` of every
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
    source: str
    because: str = ""


@dataclass(frozen=True)
class FundFacts:
    id: str
    name: str
    purposes: tuple[PurposeFacts, ...] = ()


@dataclass(frozen=True)
class Stocks:
    """What carries from one round to the next: how far prevention at each source and each lever has taken
    hold, each indicator's level (-1 worst plausible, 0 where it started, +1 best plausible), and time."""

    months: int = 0
    prevention: dict[str, float] = field(default_factory=dict)
    levers: dict[str, float] = field(default_factory=dict)
    levels: dict[str, float] = field(default_factory=dict)
