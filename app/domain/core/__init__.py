"""The shared kernel of the domain: the session state, the base of commands and events, types, errors, money."""
