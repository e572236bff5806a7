"""How amounts of money are written for people to read."""

from __future__ import annotations


def pounds(amount: int) -> str:
    """Takes whole pounds; returns '£1,250,000'."""
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,}"
