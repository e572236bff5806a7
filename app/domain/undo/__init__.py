"""Undo for reversible corrections: the trainer takes back the latest one in one action.

Nothing is deleted from the log. When a reversible correction is recorded, the events that would reverse it are
worked out from the state just before it and kept (`SessionState.corrections`); undoing records
`correction-undone` followed by those compensating events. Reversible: seating after the shuffle (moving someone
into a role, seating a late arrival, swapping two pairs), agenda changes (adding, editing and moving an item),
releasing or writing news, and voiding a motion. Corrections are undone latest first.
"""
