"""Runs in the log, so single-run spikes can be flagged and load seen next to strength.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("distance_m", sa.Float, nullable=False),
        sa.Column("duration_s", sa.Integer),
        sa.Column("type", sa.String(20)),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("client_id", sa.String(120)),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
        sa.ForeignKeyConstraint(
            ["athlete_id"], ["athletes.id"], name="fk_runs_athlete_id_athletes", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("athlete_id", "client_id", name="uq_runs_client"),
    )
    op.create_index("ix_runs_athlete_date", "runs", ["athlete_id", "date"])


def downgrade() -> None:
    op.drop_index("ix_runs_athlete_date", table_name="runs")
    op.drop_table("runs")
