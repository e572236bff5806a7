"""The one exception the rules raise: a refusal with a message for the person who asked."""

from __future__ import annotations


class RuleViolation(Exception):
    """A command that the rules refuse; `str(error)` is shown to the sender as it is."""
