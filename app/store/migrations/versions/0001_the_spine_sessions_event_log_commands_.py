"""the spine: sessions, event log, commands, credentials, packs

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pack_versions",
        sa.Column("pack_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("version", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("stored_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("pack_id", "version"),
    )
    op.create_table(
        "server_values",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "sessions",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("pack_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("pack_version", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sessions_pack_id"), ["pack_id"], unique=False)

    op.create_table(
        "commands",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_code", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("command_id", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_code"],
            ["sessions.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_code", "actor", "command_id", name="uq_commands_once"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_code", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_code"],
            ["sessions.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_code", "seq", name="uq_events_session_seq"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_session_code"), ["session_code"], unique=False)

    op.create_table(
        "seat_credentials",
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("session_code", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("seat_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_code"],
            ["sessions.code"],
        ),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("seat_credentials", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seat_credentials_session_code"), ["session_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("seat_credentials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seat_credentials_session_code"))

    op.drop_table("seat_credentials")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_session_code"))

    op.drop_table("events")
    op.drop_table("commands")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_pack_id"))

    op.drop_table("sessions")
    op.drop_table("server_values")
    op.drop_table("pack_versions")
