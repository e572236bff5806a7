"""The extra 10% round as each viewer sees it."""

from __future__ import annotations

from typing import Any

from ..core.state import SessionState


def ten_percent_view(state: SessionState, kind: str, own: str | None) -> dict[str, Any]:
    t = state.ten_percent
    visible = {d: a for d, a in t.answers.items() if kind == "trainer" or t.status == "revealed" or d == own}
    return {
        "status": t.status,
        "answered": sorted(t.answers),
        "answers": [{"directorate": d, "recipient": a.recipient, "reason": a.reason} for d, a in visible.items()],
    }
