"""The shape of a scenario pack's `scenario.yaml`, as pydantic models.

Every model forbids unknown keys so that an organiser's typo is reported
rather than silently ignored. Every field carries a description, an example
and its limits, so that `nplc scenario schema` gives an editor all it needs to
help while the organiser types (a test walks the schema to keep it so). Cross-references (a target naming an
indicator, an agency naming a directorate) are checked in `checks.py`,
because they need the whole pack in view.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SLUG_PATTERN = r"^[a-z][a-z0-9-]{0,39}$"
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
SlugText = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=40)]
ID_WORDS = "lower-case letters, digits and hyphens, starting with a letter; at most 40 characters"


def slug(description: str, example: str, *default: Any) -> Any:
    """A field holding an id, with what it names and an example: `id: str = slug("...", "housing")`."""
    return Field(
        *default, pattern=SLUG_PATTERN, max_length=40, description=f"{description} ({ID_WORDS}).", examples=[example]
    )


def text(description: str, example: str, *default: Any, min_length: int = 1, max_length: int) -> Any:
    return Field(*default, min_length=min_length, max_length=max_length, description=description, examples=[example])


def about(description: str, example: Any, *default: Any, **limits: Any) -> Any:
    """Any other field: its description, one example, and its limits (ge, le, max_length...)."""
    return Field(*default, description=description, examples=[example], **limits)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def minutes(description: str, default: int, example: int) -> Any:
    return Field(default, strict=True, ge=1, le=600, description=description, examples=[example])


class Timings(Strict):
    """Planned minutes for each phase of the day; the trainer can change them live."""

    lobby: int = minutes("Minutes for people to arrive and join, before the read-in.", 15, 15)
    read_in: int = minutes("Minutes the pairs read their briefing packs.", 150, 90)
    board: int = minutes("Minutes of the board meeting; the agenda items must fit in them.", 180, 120)
    debrief: int = minutes("Minutes of the debrief at the end of the day.", 45, 30)


class BudgetLine(Strict):
    """One line of a directorate's budget."""

    label: str = text("What the money pays for, as the budget table shows it.", "Repairs and damp work", max_length=120)
    amount: Pounds = about("Whole pounds a year, no pound sign or commas.", 1500000)


class Budget(Strict):
    """A directorate's budget: its total and the lines that make it up."""

    total: Pounds = about("Whole pounds a year; must equal the sum of the lines.", 2000000)
    lines: list[BudgetLine] = about(
        "The budget's lines (1 to 40), which add up to the total.",
        [{"label": "Repairs and damp work", "amount": 1500000}, {"label": "Tenancy support", "amount": 500000}],
        min_length=1,
        max_length=40,
    )


class Target(Strict):
    """A target the directorate is held to: an indicator, the value to reach and when."""

    indicator: str = slug("The id of the indicator the target is for", "damp-homes")
    value: Measure = about("The value to reach, in the indicator's unit; better than its baseline.", 8)
    by: str = text("When, in words.", "March 2029", max_length=40)


class Directorate(Strict):
    """A department of Neighbourhood plc, run by a pair: a director and an assistant."""

    id: str = slug("The directorate's id, used by documents, agencies and costs", "housing")
    name: str = text("The directorate's name, as everyone sees it.", "Housing", max_length=80)
    director_title: str = text("The title of the pair's director.", "Chief Housing Officer", max_length=80)
    assistant_title: str = text(
        "The title of the pair's assistant.", "Housing policy officer", "Executive assistant", max_length=80
    )
    budget: Budget = about(
        "The directorate's budget: a total and its lines.",
        {"total": 2000000, "lines": [{"label": "Repairs and damp work", "amount": 2000000}]},
    )
    targets: list[Target] = about(
        "Up to 20 targets the directorate is held to.",
        [{"indicator": "damp-homes", "value": 8, "by": "March 2029"}],
        default_factory=list,
        max_length=20,
    )
    gap: Pounds | None = about(
        "Pounds a year that would close this directorate's shortfall, so that it exports "
        "no costs; by default model.prevention_ratio times the costs it exports (first model only).",
        120000,
        None,
    )


class Agency(Strict):
    """A real-life organisation a participant may come from."""

    id: str = slug("The agency's id, which people choose when they join", "council-housing")
    name: str = text(
        "The organisation's name, as people choose it when they join.", "Council housing service", max_length=80
    )
    directorate: str | None = about(
        "The directorate this agency would run in real life; a pair from it never gets it. Leave out (or null) "
        "for an agency with none.",
        "housing",
        None,
        pattern=SLUG_PATTERN,
        max_length=40,
    )


class Chair(Strict):
    """How the board's chair is named."""

    title: str = text("The chair's title.", "Managing Director", "Managing Director", max_length=80)


class Residents(Strict):
    """How residents take part: as a shareholders' panel that speaks but does not vote,
    or shuffled into directorates in pairs like everyone else."""

    mode: Literal["panel", "pairs"] = about(
        "'panel': residents speak but do not vote; 'pairs': they are shuffled into directorates like everyone.",
        "panel",
        "panel",
    )
    title: str = text("What the residents are called.", "Shareholders' panel", "Shareholders' panel", max_length=80)
    max: int = about("The most residents who may join (0 to 40).", 6, 8, strict=True, ge=0, le=40)


class Indicator(Strict):
    """A measure of the area that targets refer to and the consequences model moves."""

    id: str = slug("The indicator's id, which targets name", "damp-homes")
    name: str = text("What it measures, in words.", "Council homes with damp or mould", max_length=120)
    heading: str = text("Profile heading it is grouped under: Income, Health, Crime...", "Housing", max_length=60)
    unit: str = text(
        "The unit its values are in: '%' sits next to the number, anything else after a space.", "%", max_length=30
    )
    baseline: Measure = about("Its value today, in its unit.", 18)
    better: Literal["higher", "lower"] = about("Whether a higher or a lower value is better.", "lower")
    owner: str | None = about(
        "The directorate whose spending moves it; by default the first whose targets name it.",
        "housing",
        None,
        pattern=SLUG_PATTERN,
        max_length=40,
    )
    range: tuple[Measure, Measure] | None = about(
        "[lowest, highest] plausible values; the model keeps it inside them. "
        "By default half the baseline either side (never below 0, nor above 100 for a percentage).",
        [5, 35],
        None,
    )
    half_life: float = about(
        "Years it takes to move half way to where the budgets pull it (more than 0, at most 50).", 1.5, 2.0, gt=0, le=50
    )


class ExportedCost(Strict):
    """A modelled link: a shortfall in one directorate adds cost to another."""

    source: str = slug("The directorate whose shortfall causes the cost", "housing")
    target: str = slug("The directorate that bears the cost", "health")
    annual_cost: Pounds = about("Pounds a year the shortfall adds to the target's costs.", 180000)
    because: str = text(
        "One line saying why, for the debrief.",
        "Damp homes bring asthma and chest infections to the GP.",
        max_length=400,
    )


class Prevention(Strict):
    """What money at the source of exported costs can do (consequences model, version 2)."""

    source: str = slug("The directorate, a source of exported costs, that the figures are for", "housing")
    preventable: float = about(
        "The share of its exported costs that prevention can ever remove (more than 0, at most 0.9).",
        0.6,
        0.5,
        gt=0,
        le=0.9,
    )
    return_: float = about(
        "Pounds of exported cost removed for each pound spent, on average, once prevention has taken hold "
        "(more than 0, at most 5).",
        1.8,
        1.5,
        alias="return",
        gt=0,
        le=5,
    )
    lag: float = about("Years it takes for prevention to take most of its effect (0 to 10).", 1, 1.0, ge=0, le=10)
    because: str = text(
        "One line of reasoning for these figures.",
        "Damp repairs stop most damp-related asthma within a winter or two.",
        max_length=400,
    )
    evidence: str = text(
        "Where the figures come from, if anywhere.",
        "Council stock condition survey, 2024",
        "",
        min_length=0,
        max_length=400,
    )


class Lever(Strict):
    """A decision that costs no money: a shared data protocol, one front door, joint commissioning."""

    id: str = slug("The lever's id, which a strategy motion names", "shared-data")
    name: str = text("The lever's name, as the board sees it.", "Shared data on families", max_length=120)
    cuts: float = about(
        "The share of each exported cost it removes once it has taken hold (more than 0, at most 0.5).",
        0.05,
        gt=0,
        le=0.5,
    )
    lag: float = about("Years it takes to take most of its effect (0 to 10).", 0.5, 0.5, ge=0, le=10)
    links: list[Annotated[str, Field(max_length=81)]] = about(
        "'source>target' of the exported costs it acts on; empty for all.",
        ["housing>health"],
        default_factory=list,
        max_length=240,
    )
    because: str = text("One line saying why it works.", "Staff stop assessing the same family twice.", max_length=400)


class Purpose(Strict):
    """A purpose the board may vote a pooled fund: prevention at one source of exported costs."""

    id: str = slug("The purpose's id, which a strategy motion names", "damp-repairs")
    name: str = text("The purpose's name, as the board sees it.", "Damp repairs", max_length=120)
    source: str = slug("The source of exported costs whose prevention it pays for", "housing")
    because: str = text(
        "One line saying what the money does.", "Pays contractors to fix damp in the worst homes.", max_length=400
    )


class PooledFund(Strict):
    """Money the board holds in common: it does nothing until the board votes it a purpose."""

    id: str = slug("The fund's id, which transfers name", "joint-fund")
    name: str = text("The fund's name, as the board sees it.", "Joint prevention fund", max_length=120)
    purposes: list[Purpose] = about(
        "The purposes the board may vote it (1 to 20).",
        [{"id": "damp-repairs", "name": "Damp repairs", "source": "housing", "because": "Pays for damp repairs."}],
        min_length=1,
        max_length=20,
    )


Section = Literal["mission", "budget", "targets", "reports", "guidance", "confidential", "shared", "inject"]
PACK_SECTIONS: tuple[Section, ...] = ("mission", "budget", "targets", "reports", "guidance")


class Document(Strict):
    """One paper of the pack: a Markdown file and who may read it."""

    id: str = slug("The document's id, which injects name", "housing-budget")
    title: str = text("The document's title, as its readers see it.", "Housing: budget", max_length=120)
    file: str = text(
        "The Markdown file, from the pack folder, with forward slashes.", "housing/budget.md", max_length=200
    )
    section: Section = about(
        "Which part of a pack it is: a directorate's mission, budget, targets, reports or guidance; confidential; "
        "shared (for everyone); or inject (a news item the trainer releases).",
        "budget",
    )
    visible_to: list[Annotated[str, Field(max_length=40)]] = about(
        "Who may read it (1 to 20): directorate ids, 'chair', 'residents' or 'everyone'.",
        ["housing"],
        min_length=1,
        max_length=20,
    )


class AgendaItem(Strict):
    """An item of the board meeting's agenda."""

    id: str = slug("The item's id", "budget")
    title: str = text("The item's title on the agenda.", "Budget and transfers", max_length=120)
    kind: Literal["objectives", "targets", "strategies", "budget", "free"] = about(
        "What the board decides under it, which sets the motions it offers.", "budget"
    )
    minutes: int = about("Minutes planned for it (1 to 300).", 30, strict=True, ge=1, le=300)
    description: str = text(
        "A line or two for the board about the item.",
        "Agree any transfer where one budget's shortfall costs another.",
        "",
        min_length=0,
        max_length=1000,
    )


class Inject(Strict):
    """A news item the trainer can release during the board meeting."""

    id: str = slug("The inject's id", "flood")
    title: str = text("The title the trainer sees on the release button.", "Local news: flats flooded", max_length=120)
    document: str = slug("The id of its document, whose section is 'inject'", "flood-news")
    suggested_minute: int | None = about(
        "Minutes into the board meeting when the trainer might release it (0 to 600).",
        45,
        None,
        strict=True,
        ge=0,
        le=600,
    )


class ModelSettings(Strict):
    """How the consequences model turns money into outcomes (docs/consequences-model.md)."""

    elasticity: float = about(
        "How far an indicator moves in a year for each 100% change in its owner's effective spending "
        "(0.5: half as far; more than 0, at most 5).",
        0.5,
        0.5,
        strict=True,
        allow_inf_nan=False,
        gt=0,
        le=5,
    )
    prevention_ratio: float = about(
        "A directorate's gap, as a share of the costs it exports, when it gives no gap itself; below 1, "
        "prevention pays (first model only; more than 0, at most 10).",
        0.5,
        0.5,
        strict=True,
        allow_inf_nan=False,
        gt=0,
        le=10,
    )
    drift: float = about(
        "How much each exported cost grows a year while nobody acts on it (0 to 0.2).", 0.03, 0.03, ge=0, le=0.2
    )
    heading_weights: dict[Annotated[str, Field(max_length=60)], Annotated[float, Field(ge=0, le=100)]] = about(
        "How much each indicator heading counts in the dividend (1 by default; 0 to 100; up to 40 headings).",
        {"Health": 2},
        default_factory=dict,
        max_length=40,
    )


class Scenario(Strict):
    """A scenario pack's scenario.yaml (docs/scenario-format.md)."""

    id: str = slug(
        "The pack's own id; an upload with an id already in use becomes a new version of it", "fenwick-green"
    )
    title: str = text(
        "The scenario's name, shown to trainers and participants.", "Neighbourhood plc: Fenwick Green", max_length=120
    )
    summary: str = text(
        "A paragraph on the area and what the board faces, for trainers choosing a scenario.",
        "Fenwick Green is an estate of 4,000 people with damp homes and busy GP surgeries.",
        max_length=2000,
    )
    area: str = text("The place, as participants should see it.", "Fenwick Green (fictional)", max_length=120)
    total_budget: Pounds = about("Whole pounds a year; must equal the sum of the directorates' budgets.", 6000000)
    timings: Timings = about(
        "Planned minutes of each phase of the day.",
        {"lobby": 15, "read_in": 90, "board": 120, "debrief": 30},
        Timings(),
    )
    chair: Chair = about("The title the board's chair is shown with.", {"title": "Managing Director"}, Chair())
    residents: Residents = about(
        "How residents take part.", {"mode": "panel", "title": "Shareholders' panel", "max": 6}, Residents()
    )
    agencies: list[Agency] = about(
        "The real organisations people come from (1 to 60).",
        [{"id": "council-housing", "name": "Council housing service", "directorate": "housing"}],
        min_length=1,
        max_length=60,
    )
    directorates: list[Directorate] = about(
        "The departments of Neighbourhood plc (2 to 16).",
        [
            {
                "id": "housing",
                "name": "Housing",
                "director_title": "Chief Housing Officer",
                "budget": {"total": 2000000, "lines": [{"label": "Repairs", "amount": 2000000}]},
            }
        ],
        min_length=2,
        max_length=16,
    )
    indicators: list[Indicator] = about(
        "The measures of the area that targets refer to (up to 100).",
        [
            {
                "id": "damp-homes",
                "name": "Homes with damp",
                "heading": "Housing",
                "unit": "%",
                "baseline": 18,
                "better": "lower",
            }
        ],
        default_factory=list,
        max_length=100,
    )
    exported_costs: list[ExportedCost] = about(
        "Where one service's shortfall adds cost to another (up to 240).",
        [{"source": "housing", "target": "health", "annual_cost": 180000, "because": "Damp homes bring asthma."}],
        default_factory=list,
        max_length=240,
    )
    prevention: list[Prevention] = about(
        "For each source of exported costs, what money there can prevent, how fast, and why (up to 240).",
        [{"source": "housing", "preventable": 0.6, "return": 1.8, "lag": 1, "because": "Damp repairs work fast."}],
        default_factory=list,
        max_length=240,
    )
    levers: list[Lever] = about(
        "Decisions that cost no money and cut the costs between services (up to 60).",
        [{"id": "shared-data", "name": "Shared data", "cuts": 0.05, "because": "No family is assessed twice."}],
        default_factory=list,
        max_length=60,
    )
    pooled_funds: list[PooledFund] = about(
        "Money held in common, with the purposes the board may vote it (up to 20).",
        [
            {
                "id": "joint-fund",
                "name": "Joint prevention fund",
                "purposes": [
                    {"id": "damp-repairs", "name": "Damp repairs", "source": "housing", "because": "Fixes damp."}
                ],
            }
        ],
        default_factory=list,
        max_length=20,
    )
    documents: list[Document] = about(
        "Every paper in the pack (1 to 300).",
        [
            {
                "id": "profile",
                "title": "Area profile",
                "file": "shared/profile.md",
                "section": "shared",
                "visible_to": ["everyone"],
            }
        ],
        min_length=1,
        max_length=300,
    )
    agenda: list[AgendaItem] = about(
        "The items of the board meeting (1 to 40).",
        [{"id": "budget", "title": "Budget and transfers", "kind": "budget", "minutes": 30}],
        min_length=1,
        max_length=40,
    )
    injects: list[Inject] = about(
        "News items the trainer can release during the meeting (up to 60).",
        [{"id": "flood", "title": "Local news: flats flooded", "document": "flood-news", "suggested_minute": 45}],
        default_factory=list,
        max_length=60,
    )
    model: ModelSettings = about(
        "How the consequences model turns money into outcomes; leave out for the standard figures.",
        {"drift": 0.03},
        ModelSettings(),
    )
    votes_by: Literal["either", "director"] = about(
        "Who casts a directorate's vote: either partner of the pair, or the director alone.", "either", "either"
    )
