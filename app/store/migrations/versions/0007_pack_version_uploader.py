"""who uploaded each pack version

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

Versions stored before this (and those read from the scenarios folder) name nobody.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pack_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uploaded_by", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pack_versions", schema=None) as batch_op:
        batch_op.drop_column("uploaded_by")
