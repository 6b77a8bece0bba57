"""Index set logs by their session: numbering a new set no longer scans the whole log.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_set_logs_session_exercise", "set_logs", ["session_id", "exercise"])


def downgrade() -> None:
    op.drop_index("ix_set_logs_session_exercise", table_name="set_logs")
