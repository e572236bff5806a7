"""The debrief: the participants' reflection, and the minutes of the meeting."""
