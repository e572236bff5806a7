"""session summaries for the session list

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

Existing sessions get their summary the first time the list is asked for (see Actions.list_sessions),
because summing one up means replaying its log through the rules as they are then, not as they are here.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_summaries",
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("phase", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("directorates_held", sa.Integer(), nullable=False),
        sa.Column("meeting", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["code"], ["sessions.code"]),
        sa.PrimaryKeyConstraint("code"),
    )


def downgrade() -> None:
    op.drop_table("session_summaries")
