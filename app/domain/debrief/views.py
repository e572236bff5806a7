"""The participants' reflection, shown together and anonymously: totals only, of a snapshot renewed only in
batches of at least three people (see `debrief.reducer`), so that no single answer can be picked out."""

from __future__ import annotations

from typing import Any

from ..core.state import SessionState
from ..core.types import SeatId
from ..debrief.commands import FEATURES
from ..debrief.reducer import ENOUGH


def reflection_view(state: SessionState, seat_id: SeatId | None) -> dict[str, Any]:
    answers = list(state.reflection_summary)
    mine = state.reflections.get(seat_id) if seat_id else None
    shown = len(answers) >= ENOUGH
    features = []
    for key, label in FEATURES.items():
        scores = [ratings[key] for ratings, _ in answers if key in ratings]
        features.append(
            {
                "id": key,
                "label": label,
                "answers": len(scores) if shown else None,
                "average": round(sum(scores) / len(scores), 2) if shown and scores else None,
                "counts": [scores.count(n) for n in range(1, 6)] if shown else None,
            }
        )
    return {
        "count": len(state.reflections),
        "enough": ENOUGH,
        "shown": shown,
        "waiting": len(state.reflection_pending) if shown else 0,
        "features": features,
        "comments": sorted(c for _, c in answers if c.strip()) if shown else [],
        "mine": {"ratings": mine[0], "comment": mine[1]} if mine else None,
    }
