"""What the big screen shows: the trainer picks one stage (or blank) and the projector shows only that."""
