"""The doors: the trainer stops new people joining (and lets them in again), and removes several seats at once."""
