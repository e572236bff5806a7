"""The consequences model: exported and imported costs, indicators and the residents' dividend as time advances."""
