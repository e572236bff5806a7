"""Motions and the corporate strategy as each viewer sees them (secret ballots stay secret)."""

from __future__ import annotations

from typing import Any

from ..core.state import SessionState
from ..ledger.events import Transfer
from ..lobby.views import seat_ref
from ..motions.events import TargetTerms
from ..motions.state import Motion
from ..motions.voting import tally


def _transfer(t: Transfer | None) -> dict[str, Any] | None:
    return (
        None
        if t is None
        else {"source": t.source, "target": t.target, "amount": t.amount, "reason": t.reason, "addresses": t.addresses}
    )


def _target(state: SessionState, t: TargetTerms | None) -> dict[str, Any] | None:
    if t is None:
        return None
    indicator = next((i for i in state.scenario.indicators if i.id == t.indicator), None)
    return {
        "indicator": t.indicator,
        "indicator_name": indicator.name if indicator else t.indicator,
        "unit": indicator.unit if indicator else "",
        "baseline": indicator.baseline if indicator else None,
        "directorate": t.directorate,
        "value": t.value,
        "by": t.by,
    }


def _ballots(m: Motion, own: str | None) -> dict[str, str]:
    """Named ballots show every choice; secret ones show only that a directorate voted (and your own choice)."""
    if not m.secret:
        return {d: b.choice for d, b in m.ballots.items()}
    return {d: (b.choice if d == own else "voted") for d, b in m.ballots.items()}


def motion_view(state: SessionState, m: Motion, own: str | None) -> dict[str, Any]:
    # A closed vote shows the count recorded when it closed: that is what the board was told.
    yes, no, abstain = m.result or tally(m)
    # An open secret ballot shows only how many have voted: a running tally would give each vote away.
    hidden = m.secret and m.open
    return {
        "id": m.id,
        "item_id": m.item_id,
        "kind": m.kind,
        "term": m.term,
        "text": m.text,
        "status": m.status,
        "at": m.at,
        "directorate": m.directorate,
        "proposer": seat_ref(state, m.proposer),
        "seconded_by": m.seconded_by,
        "seconder": seat_ref(state, m.seconder),
        "transfer": _transfer(m.transfer),
        "target": _target(state, m.target),
        "secret": m.secret,
        "lever": m.lever,
        "ballots": _ballots(m, own),
        "voted": len(m.ballots),
        "version": m.version,
        # Nobody, the chair included, learns whether an open secret ballot is tied: the chair gives a casting
        # vote at every close instead, and the rules use it only on a tie.
        "tied": None if hidden else yes == no,
        "tally": None if hidden else {"for": yes, "against": no, "abstain": abstain},
        "casting": m.casting,
        "note": m.note,
        "amendments": [
            {
                "id": a.id,
                "directorate": a.directorate,
                "by": seat_ref(state, a.seat_id),
                "text": a.text,
                "transfer": _transfer(a.transfer),
                "target": _target(state, a.target),
                "status": a.status,
            }
            for a in m.amendments
        ],
    }


def strategy_view(state: SessionState) -> dict[str, Any]:
    """The corporate strategy: every carried motion that still stands, sorted into its parts."""
    strategy: dict[str, Any] = {
        "objectives": {"short": [], "medium": [], "long": []},
        "targets": [],
        "transfers": [],
        "strategies": [],
        "resolutions": [],
    }
    for m in state.motions.values():
        if m.status != "carried":
            continue
        entry = {"motion_id": m.id, "text": m.text, "directorate": m.directorate, "lever": m.lever}
        if m.kind == "objective":
            strategy["objectives"][m.term or "short"].append(entry)
        elif m.kind == "target":
            strategy["targets"].append(entry | {"target": _target(state, m.target)})
        elif m.kind == "transfer":
            strategy["transfers"].append(entry | {"transfer": _transfer(m.transfer)})
        else:
            strategy["strategies" if m.kind == "strategy" else "resolutions"].append(entry)
    return strategy
