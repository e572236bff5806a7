"""The meeting floor: the agenda, the speakers' queue, announcements and news."""
