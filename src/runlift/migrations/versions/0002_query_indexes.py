"""Indexes for the log queries: a day's session, an exercise's history, weekly volume.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_performed_sessions_athlete_date", "performed_sessions", ["athlete_id", "date"]
    )
    op.create_index(
        "ix_set_logs_athlete_exercise_date", "set_logs", ["athlete_id", "exercise", "date"]
    )
    op.create_index("ix_set_logs_athlete_date", "set_logs", ["athlete_id", "date"])


def downgrade() -> None:
    op.drop_index("ix_set_logs_athlete_date", table_name="set_logs")
    op.drop_index("ix_set_logs_athlete_exercise_date", table_name="set_logs")
    op.drop_index("ix_performed_sessions_athlete_date", table_name="performed_sessions")
