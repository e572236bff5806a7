"""The lobby: creating a session, people arriving and leaving, pairs, the chair, moving someone into a role."""
