"""trainer accounts, single-use sign-in links, revocable sign-ins, session owners; the stored key goes

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trainers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "sign_in_links",
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("trainer_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["trainer_id"], ["trainers.id"]),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("sign_in_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sign_in_links_trainer_id"), ["trainer_id"], unique=False)

    op.create_table(
        "trainer_sign_ins",
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("trainer_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("revoked_at", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["trainer_id"], ["trainers.id"]),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("trainer_sign_ins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trainer_sign_ins_trainer_id"), ["trainer_id"], unique=False)

    # Sessions made before accounts existed have no owner; the first administrator takes them when created.
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_sessions_owner"), ["owner"], unique=False)

    # The signing key no longer lives in the database, and the old links were reusable for a day: both go.
    op.execute("DELETE FROM server_values WHERE name = 'secret_key' OR name LIKE 'sign-in:%'")


def downgrade() -> None:
    # Not a batch operation: on SQLite that would copy and drop the sessions table, which the event log's
    # foreign keys forbid; both databases drop an unindexed column in place (SQLite since 3.35).
    op.drop_index("ix_sessions_owner", table_name="sessions")
    op.execute("ALTER TABLE sessions DROP COLUMN owner")
    with op.batch_alter_table("trainer_sign_ins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trainer_sign_ins_trainer_id"))
    op.drop_table("trainer_sign_ins")
    with op.batch_alter_table("sign_in_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sign_in_links_trainer_id"))
    op.drop_table("sign_in_links")
    op.drop_table("trainers")
