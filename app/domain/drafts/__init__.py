"""Draft motions: a pair prepares motions privately during the read-in and tables one at the meeting in one action."""
