"""Follow-up meetings: the same people in their real roles, carrying forward what the board agreed."""
