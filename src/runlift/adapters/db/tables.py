"""Tables of the store, mapped outside the domain (SQLAlchemy Core); migrations create them."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

athletes = Table(
    "athletes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("profile_yaml", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("start", Date, nullable=False),
    Column("profile_yaml", Text, nullable=False),
    Column("plan_json", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("athlete_id", "version", name="uq_plans_athlete_version"),
)

planned_sessions = Table(
    "planned_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("position", Integer, nullable=False),
    Column("week", Integer, nullable=False),
    Column("deload", Integer, nullable=False),
    Column("title", String(120), nullable=False),
    Column("session_json", Text, nullable=False),
    UniqueConstraint("plan_id", "date", "position", name="uq_planned_sessions_slot"),
)

performed_sessions = Table(
    "performed_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("ended_at", DateTime(timezone=True)),
    Column("srpe", Integer),
    Column("notes", Text),
    Column("client_id", String(120)),
    UniqueConstraint("athlete_id", "client_id", name="uq_performed_sessions_client"),
)
Index(
    "ix_performed_sessions_athlete_date", performed_sessions.c.athlete_id, performed_sessions.c.date
)

set_logs = Table(
    "set_logs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "session_id",
        Integer,
        ForeignKey("performed_sessions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("exercise", String(60), nullable=False),
    Column("variant", String(60), nullable=False),
    Column("set_number", Integer, nullable=False),
    Column("reps", Integer),
    Column("load_value", Float),
    Column("load_unit", String(2)),
    Column("seconds", Integer),
    Column("rir", Integer),
    Column("target_json", Text),
    Column("client_id", String(120)),
    Column("logged_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("athlete_id", "client_id", name="uq_set_logs_client"),
)
Index(
    "ix_set_logs_athlete_exercise_date", set_logs.c.athlete_id, set_logs.c.exercise, set_logs.c.date
)
Index(
    "ix_set_logs_athlete_date_exercise",
    set_logs.c.athlete_id,
    set_logs.c.date,
    set_logs.c.exercise,
)
Index("ix_set_logs_session_exercise", set_logs.c.session_id, set_logs.c.exercise)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("date", Date, nullable=False),
    Column("distance_m", Float, nullable=False),
    Column("duration_s", Integer),
    Column("type", String(20)),
    Column("source", String(20), nullable=False),
    Column("client_id", String(120)),
    Column("logged_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("athlete_id", "client_id", name="uq_runs_client"),
)
Index("ix_runs_athlete_date", runs.c.athlete_id, runs.c.date)

log_journal = Table(
    "log_journal",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone", Boolean, nullable=False),
)
Index("ix_log_journal_athlete_undone", log_journal.c.athlete_id, log_journal.c.undone)

plan_adjustments = Table(
    "plan_adjustments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("plan_id", Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
    Column("original_date", Date, nullable=False),
    Column("new_date", Date),
    Column("warning", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Index("ix_plan_adjustments_plan_id", plan_adjustments.c.plan_id)

# --- accounts (the web API): every piece of server state lives here, so processes are stateless

accounts = Table(
    "accounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("name", String(80), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("roles", String(10), nullable=False),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="SET NULL")),
    Column("disabled", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Index("ix_accounts_athlete_id", accounts.c.athlete_id)

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    Column("digest", String(64), nullable=False, unique=True),
    Column("name", String(80), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)
Index("ix_tokens_account_id", tokens.c.account_id)

rate_limits = Table(
    "rate_limits",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("window_start", DateTime(timezone=True), primary_key=True),
    Column("count", Integer, nullable=False),
)

invitations = Table(
    "invitations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("digest", String(64), nullable=False, unique=True),
    Column("coach_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("used_by", Integer, ForeignKey("accounts.id", ondelete="SET NULL")),
    Column("used_at", DateTime(timezone=True)),
)

coach_links = Table(
    "coach_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("coach_id", Integer, ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    Column(
        "athlete_account_id",
        Integer,
        ForeignKey("accounts.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)
Index("ix_coach_links_coach_id", coach_links.c.coach_id)
Index("ix_coach_links_athlete_account_id", coach_links.c.athlete_account_id)

# --- who changed what: an athlete's changes log and the notes left on their sessions

changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="SET NULL")),
    Column("kind", String(10), nullable=False),
    Column("summary", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Index("ix_changes_athlete_id", changes.c.athlete_id)

session_notes = Table(
    "session_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("athlete_id", Integer, ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
    Column("account_id", Integer, ForeignKey("accounts.id", ondelete="SET NULL")),
    Column("date", Date, nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Index("ix_session_notes_athlete_id", session_notes.c.athlete_id)
