"""sessions that follow earlier ones

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("follows", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True))
        batch_op.create_index(batch_op.f("ix_sessions_follows"), ["follows"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_follows"))
        batch_op.drop_column("follows")
