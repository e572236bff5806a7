"""The extra 10% round: which agency each directorate would pay to make its own job easier."""
