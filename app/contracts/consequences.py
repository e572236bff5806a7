"""The consequences section of every view (`app/domain/consequences/views.py`).

Kept in its own module because the consequences model is being rebuilt: when its view changes shape, this is
the one file to change (then run `python -m app.contracts.export` and commit the schema it writes).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Wire


class IndicatorOutcome(Wire):
    id: str
    name: str
    unit: str
    better: Literal["higher", "lower"]
    owner: str | None
    baseline: float
    value: float
    target: float | None = Field(description="the board's carried target, else the pack's")
    progress: int | None = Field(description="per cent of the way from the baseline to the target")


class Cause(Wire):
    """One imported cost, with the link it came along and its reason in words."""

    source: str
    amount: int
    because: str
    text: str


class DirectorateOutcome(Wire):
    id: str
    name: str
    balance: int
    imported: int = Field(description="costs imported a year")
    exported: int = Field(description="costs exported a year")
    effective: int = Field(description="spending that does its job once imported costs are met")
    causes: list[Cause]


class Round(Wire):
    """Where the neighbourhood stands after one `advance-time`."""

    months: int
    label: str
    model: int = Field(description="the version of the consequences model that worked the round out")
    dividend: float = Field(description="the residents' dividend; 100 at the start of a first meeting")
    indicators: list[IndicatorOutcome]
    directorates: list[DirectorateOutcome]
    explanation: list[str] = Field(
        description='lines such as "+0.42: Housing\'s indicators: ..." that add up to the change in the dividend '
        "(empty for a round of the first model)"
    )
    had_nothing_been_done: float | None = Field(
        description="the dividend had the board done nothing (null for a round of the first model)"
    )


class PurposeOption(Wire):
    id: str
    name: str
    source: str


class Fund(Wire):
    """A pooled fund: what it holds, and the purpose the board has voted it (money without one does nothing)."""

    id: str
    name: str
    balance: int
    purpose: str | None
    purposes: list[PurposeOption]


class Lever(Wire):
    """Something a motion can pull besides money: a lever of the scenario, or a pooled fund's purpose."""

    id: str
    name: str
    because: str


class Consequences(Wire):
    start: float = Field(description="the dividend before the first round: 100, or where the last meeting left it")
    rounds: list[Round]
