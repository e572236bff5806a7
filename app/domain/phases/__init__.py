"""The day's phases (lobby, read-in, board meeting, debrief) and its clock; the read-in opens the packs."""
