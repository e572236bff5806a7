"""Pair notebooks: each pair's private page during the read-in and the meeting, shared live between its members."""
