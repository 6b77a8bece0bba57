"""A journal of the changes to each athlete's log, so any change can be undone, even later.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "log_journal",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_log_journal"),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_log_journal_athlete_id_athletes",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_log_journal_athlete_undone", "log_journal", ["athlete_id", "undone"])


def downgrade() -> None:
    op.drop_index("ix_log_journal_athlete_undone", table_name="log_journal")
    op.drop_table("log_journal")
