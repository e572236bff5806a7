"""A motion's terms as the minutes put them: pounds with separators, directorates by name, the cost addressed."""

from __future__ import annotations

from ..core.money import pounds
from ..core.state import SessionState
from ..ledger.events import Transfer
from ..motions.events import TargetTerms


def _name(state: SessionState, directorate: str) -> str:
    d = state.directorate(directorate)
    return d.name if d else directorate


def transfer_terms(state: SessionState, t: Transfer | None) -> list[str]:
    """Sentences for a budget transfer's terms; empty for a motion without one."""
    if t is None:
        return []
    lines = [f"Transfer of {pounds(t.amount)} from {_name(state, t.source)} to {_name(state, t.target)}."]
    if t.reason:
        lines.append(f"Reason given: {t.reason}")
    if t.addresses:
        source, _, target = t.addresses.partition(">")
        cost = next((c for c in state.scenario.exported_costs if c.source == source and c.target == target), None)
        where = f"{_name(state, source)} to {_name(state, target)}"
        lines.append(
            f"Addresses the cost exported from {where}"
            + (f" ({pounds(cost.annual_cost)} a year): {cost.because}" if cost else ".")
        )
    return lines


def target_terms(state: SessionState, t: TargetTerms | None) -> list[str]:
    """A sentence for a target motion's terms, with the indicator's unit; empty for a motion without one."""
    if t is None:
        return []
    indicator = next((i for i in state.scenario.indicators if i.id == t.indicator), None)
    name, unit = (indicator.name, indicator.unit) if indicator else (t.indicator, "")
    owner = f" for {_name(state, t.directorate)}" if t.directorate else ""
    by = f" by {t.by}" if t.by else ""
    return [f"Target{owner}: {name} to {t.value:g}{'' if unit == '%' else ' '}{unit}{by}.".replace(" .", ".")]
