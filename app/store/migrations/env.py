"""Alembic environment: runs on the connection `db.migrate` hands it; no alembic.ini needed."""

from alembic import context
from sqlmodel import SQLModel

from app.store import models  # noqa: F401  (registers the tables on the metadata)

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
