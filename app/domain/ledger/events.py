"""Events of the corporate ledger: money moved between directorates by a carried motion."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..core.event_base import Event
from ..core.types import DirectorateId, MotionId


@dataclass(frozen=True)
class Transfer:
    source: DirectorateId
    target: DirectorateId
    amount: int
    reason: str
    addresses: str = ""  # "source>target" of the scenario's exported cost this transfer is meant to cut


@dataclass(frozen=True)
class BudgetTransferred(Event):
    """Money moved between directorates in the corporate ledger, by a carried motion or by
    a correction that undoes one (`correction` is then true)."""

    type: ClassVar[str] = "budget-transferred"
    motion_id: MotionId
    source: DirectorateId
    target: DirectorateId
    amount: int
    correction: bool = False
