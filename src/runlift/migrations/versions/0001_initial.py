"""Initial store: athletes, versioned plans, planned sessions, performed sessions, set logs.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "athletes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("profile_yaml", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_athletes"),
        sa.UniqueConstraint("name", name="uq_athletes_name"),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("profile_yaml", sa.Text, nullable=False),
        sa.Column("plan_json", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_plans"),
        sa.ForeignKeyConstraint(
            ["athlete_id"], ["athletes.id"], name="fk_plans_athlete_id_athletes", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("athlete_id", "version", name="uq_plans_athlete_version"),
    )
    op.create_table(
        "planned_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("plan_id", sa.Integer, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("week", sa.Integer, nullable=False),
        sa.Column("deload", sa.Integer, nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("session_json", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_planned_sessions"),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name="fk_planned_sessions_plan_id_plans", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("plan_id", "date", "position", name="uq_planned_sessions_slot"),
    )
    op.create_table(
        "performed_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True)),
        sa.Column("ended_at", sa.DateTime(timezone=True)),
        sa.Column("srpe", sa.Integer),
        sa.Column("notes", sa.Text),
        sa.Column("client_id", sa.String(120)),
        sa.PrimaryKeyConstraint("id", name="pk_performed_sessions"),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_performed_sessions_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("athlete_id", "client_id", name="uq_performed_sessions_client"),
    )
    op.create_table(
        "set_logs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("athlete_id", sa.Integer, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("exercise", sa.String(60), nullable=False),
        sa.Column("variant", sa.String(60), nullable=False),
        sa.Column("set_number", sa.Integer, nullable=False),
        sa.Column("reps", sa.Integer),
        sa.Column("load_value", sa.Float),
        sa.Column("load_unit", sa.String(2)),
        sa.Column("seconds", sa.Integer),
        sa.Column("rir", sa.Integer),
        sa.Column("target_json", sa.Text),
        sa.Column("client_id", sa.String(120)),
        sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_set_logs"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["performed_sessions.id"],
            name="fk_set_logs_session_id_performed_sessions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name="fk_set_logs_athlete_id_athletes",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("athlete_id", "client_id", name="uq_set_logs_client"),
    )


def downgrade() -> None:
    for table in ("set_logs", "performed_sessions", "planned_sessions", "plans", "athletes"):
        op.drop_table(table)
