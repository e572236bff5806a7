"""The corporate ledger: budget transfers between directorates."""
