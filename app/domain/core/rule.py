"""The shape every rule has: (state, command, context) -> events, or RuleViolation; and how rules join a table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..core.command_base import Command, Context, command_type
from ..core.event_base import Event
from ..core.state import SessionState

Rule = Callable[[SessionState, Command, Context], list[Event]]

C = TypeVar("C", bound=Command)


def on(kind: type[C], rule: Callable[[SessionState, C, Context], list[Event]]) -> tuple[str, Rule]:
    """A table entry for a rule written for one kind of command, keyed by that command's type tag.

    decide() picks the rule by the tag, so the command is always `kind`; the check says so to the type checker."""

    def checked(state: SessionState, command: Command, ctx: Context) -> list[Event]:
        if not isinstance(command, kind):
            raise TypeError(f"{rule.__name__} takes {kind.__name__}, not {type(command).__name__}")
        return rule(state, command, ctx)

    return command_type(kind), checked
