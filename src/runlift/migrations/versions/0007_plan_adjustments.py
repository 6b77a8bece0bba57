"""Moves and skips of planned sessions, so the plan can follow the runner's real week.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_adjustments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, nullable=False),
        sa.Column("plan_id", sa.Integer, nullable=False),
        sa.Column("original_date", sa.Date, nullable=False),
        sa.Column("new_date", sa.Date),
        sa.Column("warning", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_plan_adjustments"),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_plan_adjustments_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name="fk_plan_adjustments_plan_id_plans", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_plan_adjustments_plan_id", "plan_adjustments", ["plan_id"])


def downgrade() -> None:
    op.drop_index("ix_plan_adjustments_plan_id", table_name="plan_adjustments")
    op.drop_table("plan_adjustments")
