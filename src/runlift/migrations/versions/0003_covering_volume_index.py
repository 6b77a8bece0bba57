"""Weekly volume reads (athlete, date, exercise) from the index alone, not from scattered rows.

The (athlete_id, date) index of 0002 becomes (athlete_id, date, exercise): it still serves every
query the narrower one did (same leading columns), and the per-day set counts behind weekly
volume become an index-only scan, which matters once many athletes' rows interleave.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_set_logs_athlete_date_exercise", "set_logs", ["athlete_id", "date", "exercise"]
    )
    op.drop_index("ix_set_logs_athlete_date", table_name="set_logs")


def downgrade() -> None:
    op.create_index("ix_set_logs_athlete_date", "set_logs", ["athlete_id", "date"])
    op.drop_index("ix_set_logs_athlete_date_exercise", table_name="set_logs")
