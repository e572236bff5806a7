"""Motions and votes: proposing, amending, seconding, voting, the quorum and the casting vote."""
