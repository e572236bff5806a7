"""The shape of a scenario pack's `scenario.yaml`, as pydantic models.

Every model forbids unknown keys so that an organiser's typo is reported
rather than silently ignored. Cross-references (a target naming an
indicator, an agency naming a directorate) are checked in `checks.py`,
because they need the whole pack in view.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Slug = Field(pattern=r"^[a-z][a-z0-9-]{0,39}$")
EVERYONE = "everyone"
# Names the server gives to audiences and roles of its own. A directorate or agency with one of these ids
# would share that audience's documents (a directorate called `residents` reads the residents' brief).
RESERVED_IDS = frozenset(
    {"residents", "resident", "chair", "trainer", "projector", "observer", "shared", EVERYONE, "guest", "panel"}
)
# Plausible upper bounds: no neighbourhood's budget line, total or modelled cost exceeds £10 billion, and no
# indicator is measured beyond a billion either way. Numbers are strict (true is not £1) and finite
# (.nan and .inf are refused), so no figure in a pack can break a session's sums later.
MAX_POUNDS = 10_000_000_000
MAX_MEASURE = 1_000_000_000
Pounds = Annotated[int, Field(strict=True, ge=0, le=MAX_POUNDS)]
Measure = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=-MAX_MEASURE, le=MAX_MEASURE)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Timings(Strict):
    """Planned minutes for each phase of the day; the trainer can change them live."""

    lobby: int = Field(15, strict=True, ge=1, le=600)
    read_in: int = Field(150, strict=True, ge=1, le=600)
    board: int = Field(180, strict=True, ge=1, le=600)
    debrief: int = Field(45, strict=True, ge=1, le=600)


class BudgetLine(Strict):
    label: str = Field(min_length=1, max_length=120)
    amount: Pounds = Field(description="Whole pounds a year.")


class Budget(Strict):
    total: Pounds = Field(description="Whole pounds a year; must equal the sum of the lines.")
    lines: list[BudgetLine] = Field(min_length=1, max_length=40)


class Target(Strict):
    indicator: str = Slug
    value: Measure
    by: str = Field(min_length=1, max_length=40, description="When, in words: 'March 2028'.")


class Directorate(Strict):
    id: str = Slug
    name: str = Field(min_length=1, max_length=80)
    director_title: str = Field(min_length=1, max_length=80)
    assistant_title: str = Field("Executive assistant", min_length=1, max_length=80)
    budget: Budget
    targets: list[Target] = Field(default_factory=list, max_length=20)
    gap: Pounds | None = Field(
        None,
        description="Pounds a year that would close this directorate's shortfall, so that it exports "
        "no costs; by default model.prevention_ratio times the costs it exports.",
    )


class Agency(Strict):
    """A real-life organisation a participant may come from."""

    id: str = Slug
    name: str = Field(min_length=1, max_length=80)
    directorate: str | None = Field(
        None, description="The directorate this agency would run in real life; a pair from it never gets it."
    )


class Chair(Strict):
    title: str = Field("Managing Director", min_length=1, max_length=80)


class Residents(Strict):
    """How residents take part: as a shareholders' panel that speaks but does not vote,
    or shuffled into directorates in pairs like everyone else."""

    mode: Literal["panel", "pairs"] = "panel"
    title: str = Field("Shareholders' panel", min_length=1, max_length=80)
    max: int = Field(8, strict=True, ge=0, le=40)


class Indicator(Strict):
    id: str = Slug
    name: str = Field(min_length=1, max_length=120)
    heading: str = Field(min_length=1, max_length=60, description="Profile heading: Income, Health, Crime...")
    unit: str = Field(min_length=1, max_length=30)
    baseline: Measure
    better: Literal["higher", "lower"]
    owner: str | None = Field(
        None,
        pattern=r"^[a-z][a-z0-9-]{0,39}$",
        description="The directorate whose spending moves it; by default the first whose targets name it.",
    )
    range: tuple[Measure, Measure] | None = Field(
        None,
        description="[lowest, highest] plausible values; the model keeps it inside them. "
        "By default half the baseline either side (never below 0, nor above 100 for a percentage).",
    )
    half_life: float = Field(
        2.0, gt=0, le=50, description="Years it takes to move half way to where the budgets pull it."
    )


class ExportedCost(Strict):
    """A modelled link: a shortfall in one directorate adds cost to another."""

    source: str = Slug
    target: str = Slug
    annual_cost: Pounds = Field(description="Pounds a year the shortfall adds to the target's costs.")
    because: str = Field(min_length=1, max_length=400)


class Prevention(Strict):
    """What money at the source of exported costs can do (consequences model, version 2)."""

    source: str = Slug
    preventable: float = Field(
        0.5, gt=0, le=0.9, description="The share of its exported costs that prevention can ever remove."
    )
    return_: float = Field(
        1.5,
        alias="return",
        gt=0,
        le=5,
        description="Pounds of exported cost removed for each pound spent, on average, once prevention has taken hold.",
    )
    lag: float = Field(1.0, ge=0, le=10, description="Years it takes for prevention to take most of its effect.")
    because: str = Field(min_length=1, max_length=400, description="One line of reasoning for these figures.")
    evidence: str = Field("", max_length=400, description="Where the figures come from, if anywhere.")


class Lever(Strict):
    """A decision that costs no money: a shared data protocol, one front door, joint commissioning."""

    id: str = Slug
    name: str = Field(min_length=1, max_length=120)
    cuts: float = Field(gt=0, le=0.5, description="The share of each exported cost it removes once it has taken hold.")
    lag: float = Field(0.5, ge=0, le=10, description="Years it takes to take most of its effect.")
    links: list[str] = Field(
        default_factory=list, description="'source>target' of the exported costs it acts on; empty for all."
    )
    because: str = Field(min_length=1, max_length=400)


class Purpose(Strict):
    id: str = Slug
    name: str = Field(min_length=1, max_length=120)
    source: str = Field(pattern=r"^[a-z][a-z0-9-]{0,39}$", description="The source whose prevention it pays for.")
    because: str = Field(min_length=1, max_length=400)


class PooledFund(Strict):
    """Money the board holds in common: it does nothing until the board votes it a purpose."""

    id: str = Slug
    name: str = Field(min_length=1, max_length=120)
    purposes: list[Purpose] = Field(min_length=1)


Section = Literal["mission", "budget", "targets", "reports", "guidance", "confidential", "shared", "inject"]
PACK_SECTIONS: tuple[Section, ...] = ("mission", "budget", "targets", "reports", "guidance")


class Document(Strict):
    id: str = Slug
    title: str = Field(min_length=1, max_length=120)
    file: str = Field(min_length=1, max_length=200)
    section: Section
    visible_to: list[str] = Field(
        min_length=1, max_length=20, description="Role ids, 'chair', 'residents' or 'everyone'."
    )


class AgendaItem(Strict):
    id: str = Slug
    title: str = Field(min_length=1, max_length=120)
    kind: Literal["objectives", "targets", "strategies", "budget", "free"]
    minutes: int = Field(strict=True, ge=1, le=300)
    description: str = Field("", max_length=1000)


class Inject(Strict):
    id: str = Slug
    title: str = Field(min_length=1, max_length=120)
    document: str = Slug
    suggested_minute: int | None = Field(None, strict=True, ge=0, le=600, description="Minutes into the board meeting.")


class ModelSettings(Strict):
    """How the consequences model turns money into outcomes (docs/consequences-model.md)."""

    elasticity: float = Field(
        0.5,
        strict=True,
        allow_inf_nan=False,
        gt=0,
        le=5,
        description="How far an indicator moves in a year for each "
        "100% change in its owner's effective spending (0.5: half as far).",
    )
    prevention_ratio: float = Field(
        0.5,
        strict=True,
        allow_inf_nan=False,
        gt=0,
        le=10,
        description="A directorate's gap, as a share of the costs it "
        "exports, when it gives no gap itself; below 1, prevention pays (first model only).",
    )
    drift: float = Field(
        0.03, ge=0, le=0.2, description="How much each exported cost grows a year while nobody acts on it."
    )
    heading_weights: dict[str, float] = Field(
        default_factory=dict,
        max_length=40,
        description="How much each indicator heading counts in the dividend (1 by default).",
    )


class Scenario(Strict):
    id: str = Slug
    title: str = Field(min_length=1, max_length=120)
    summary: str = Field(min_length=1, max_length=2000)
    area: str = Field(min_length=1, max_length=120)
    total_budget: Pounds = Field(description="Must equal the sum of the directorates' budgets.")
    timings: Timings = Timings()
    chair: Chair = Chair()
    residents: Residents = Residents()
    agencies: list[Agency] = Field(min_length=1, max_length=60)
    directorates: list[Directorate] = Field(min_length=2, max_length=16)
    indicators: list[Indicator] = Field(default_factory=list, max_length=100)
    exported_costs: list[ExportedCost] = Field(default_factory=list, max_length=240)
    prevention: list[Prevention] = Field(default_factory=list, max_length=240)
    levers: list[Lever] = Field(default_factory=list, max_length=60)
    pooled_funds: list[PooledFund] = Field(default_factory=list, max_length=20)
    documents: list[Document] = Field(min_length=1, max_length=300)
    agenda: list[AgendaItem] = Field(min_length=1, max_length=40)
    injects: list[Inject] = Field(default_factory=list, max_length=60)
    model: ModelSettings = ModelSettings()
    votes_by: Literal["either", "director"] = Field(
        "either", description="Who casts a directorate's vote: either partner of the pair, or the director alone."
    )
