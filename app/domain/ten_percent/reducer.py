"""How the extra 10% round's events change the session."""

from __future__ import annotations

from dataclasses import replace

from .. import events as ev
from ..core.fold import Fold, on
from ..core.state import SessionState
from ..ten_percent.state import TenPercentAnswer


def _ten_open(s: SessionState, e: ev.TenPercentOpened) -> SessionState:
    return replace(s, ten_percent=replace(s.ten_percent, status="open", answers={}))


def _ten_answer(s: SessionState, e: ev.TenPercentAnswered) -> SessionState:
    t = s.ten_percent
    answer = TenPercentAnswer(e.recipient, e.reason, e.seat_id)
    return replace(s, ten_percent=replace(t, answers={**t.answers, e.directorate: answer}))


def _ten_reveal(s: SessionState, e: ev.TenPercentRevealed) -> SessionState:
    return replace(s, ten_percent=replace(s.ten_percent, status="revealed"))


HANDLERS: dict[type[ev.Event], Fold] = dict(
    [
        on(ev.TenPercentOpened, _ten_open),
        on(ev.TenPercentAnswered, _ten_answer),
        on(ev.TenPercentRevealed, _ten_reveal),
    ]
)
