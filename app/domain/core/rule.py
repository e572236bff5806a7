"""The shape every rule has: (state, command, context) -> events, or RuleViolation."""

from __future__ import annotations

from typing import Callable

from .. import commands as c
from .. import events as ev
from ..core.state import SessionState

Rule = Callable[[SessionState, c.Command, c.Context], list[ev.Event]]
