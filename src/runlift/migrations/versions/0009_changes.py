"""Who changed what: an athlete's changes log (profile, moves, notes) and notes on sessions.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

AT = sa.DateTime(timezone=True)


def _owned(table: str) -> list[sa.schema.SchemaItem]:
    """The id, athlete and author columns with their keys, shared by both tables."""
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, nullable=False),
        sa.Column("account_id", sa.Integer),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=f"fk_{table}_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=f"fk_{table}_account_id_accounts",
            ondelete="SET NULL",
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "changes",
        *_owned("changes"),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("created_at", AT, nullable=False),
    )
    op.create_index("ix_changes_athlete_id", "changes", ["athlete_id"])
    op.create_table(
        "session_notes",
        *_owned("session_notes"),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", AT, nullable=False),
    )
    op.create_index("ix_session_notes_athlete_id", "session_notes", ["athlete_id"])


def downgrade() -> None:
    op.drop_index("ix_session_notes_athlete_id", table_name="session_notes")
    op.drop_table("session_notes")
    op.drop_index("ix_changes_athlete_id", table_name="changes")
    op.drop_table("changes")
