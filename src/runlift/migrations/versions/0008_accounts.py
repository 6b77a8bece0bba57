"""Accounts, bearer tokens, sign-in rate limits, coach invitations and consents: the web API's
state, kept in the store so that any number of server processes can share it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

AT = sa.DateTime(timezone=True)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("roles", sa.String(10), nullable=False),
        sa.Column("athlete_id", sa.Integer),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created_at", AT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
        sa.UniqueConstraint("email", name="uq_accounts_email"),
        _fk("accounts", "athlete_id", "athletes", "SET NULL"),
    )
    op.create_index("ix_accounts_athlete_id", "accounts", ["athlete_id"])
    op.create_table(
        "tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("created_at", AT, nullable=False),
        sa.Column("last_used_at", AT),
        sa.Column("revoked_at", AT),
        sa.PrimaryKeyConstraint("id", name="pk_tokens"),
        sa.UniqueConstraint("digest", name="uq_tokens_digest"),
        _fk("tokens", "account_id", "accounts", "CASCADE"),
    )
    op.create_index("ix_tokens_account_id", "tokens", ["account_id"])
    op.create_table(
        "rate_limits",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("window_start", AT, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("key", "window_start", name="pk_rate_limits"),
    )
    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("coach_id", sa.Integer, nullable=False),
        sa.Column("created_at", AT, nullable=False),
        sa.Column("used_by", sa.Integer),
        sa.Column("used_at", AT),
        sa.PrimaryKeyConstraint("id", name="pk_invitations"),
        sa.UniqueConstraint("digest", name="uq_invitations_digest"),
        _fk("invitations", "coach_id", "accounts", "CASCADE"),
        _fk("invitations", "used_by", "accounts", "SET NULL"),
    )
    op.create_table(
        "coach_links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("coach_id", sa.Integer, nullable=False),
        sa.Column("athlete_account_id", sa.Integer, nullable=False),
        sa.Column("created_at", AT, nullable=False),
        sa.Column("revoked_at", AT),
        sa.PrimaryKeyConstraint("id", name="pk_coach_links"),
        _fk("coach_links", "coach_id", "accounts", "CASCADE"),
        _fk("coach_links", "athlete_account_id", "accounts", "CASCADE"),
    )
    op.create_index("ix_coach_links_coach_id", "coach_links", ["coach_id"])
    op.create_index("ix_coach_links_athlete_account_id", "coach_links", ["athlete_account_id"])


def downgrade() -> None:
    op.drop_table("coach_links")
    op.drop_table("invitations")
    op.drop_table("rate_limits")
    op.drop_table("tokens")
    op.drop_table("accounts")
