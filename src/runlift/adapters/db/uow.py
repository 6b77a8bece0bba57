"""The SQL unit of work: one connection, one transaction, commit explicitly or roll back."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from runlift.adapters.db.account_repository import (
    SqlAccounts,
    SqlCoachLinks,
    SqlInvitations,
    SqlRateLimits,
    SqlTokens,
)
from runlift.adapters.db.adjustment_repository import SqlAdjustments
from runlift.adapters.db.audit_repository import SqlAudit
from runlift.adapters.db.change_repository import SqlChanges, SqlNotes
from runlift.adapters.db.failures import unavailable
from runlift.adapters.db.journal_repository import SqlJournal
from runlift.adapters.db.log_repository import SqlSessions, SqlSets, SqlSummaries
from runlift.adapters.db.repositories import SqlAthletes, SqlPlans
from runlift.adapters.db.run_repository import SqlRuns
from runlift.services.errors import Conflict, Unavailable


def _store_failed(exc: BaseException) -> bool:
    """The store itself failed (down, locked, damaged file), not the statement or the data."""
    return isinstance(exc, OperationalError) or type(exc) is DatabaseError


BUSY = "the database is busy with another write for too long; nothing was saved, try again"


class SqlUnitOfWork:
    """Repositories sharing one transaction; leaving without commit() rolls everything back.

    A constraint violation (a concurrent writer got there first) becomes `Conflict`, one clear
    line for the user; `raw_errors=True` keeps SQLAlchemy's error for tests of the constraints.
    """

    athletes: SqlAthletes
    plans: SqlPlans
    sessions: SqlSessions
    sets: SqlSets
    runs: SqlRuns
    summaries: SqlSummaries
    journal: SqlJournal
    adjustments: SqlAdjustments
    audit: SqlAudit
    accounts: SqlAccounts
    tokens: SqlTokens
    rate_limits: SqlRateLimits
    invitations: SqlInvitations
    coach_links: SqlCoachLinks
    changes: SqlChanges
    notes: SqlNotes

    def __init__(self, engine: Engine, raw_errors: bool = False) -> None:
        self.engine = engine
        self.connection: Connection | None = None
        self.raw_errors = raw_errors

    def __enter__(self) -> SqlUnitOfWork:
        try:
            self.connection = self.engine.connect()
        except OperationalError as exc:  # down, unreachable, refused: nothing was done
            raise unavailable(self.engine.url, exc, "reach") from exc
        self.athletes = SqlAthletes(self.connection)
        self.plans = SqlPlans(self.connection)
        self.sessions = SqlSessions(self.connection)
        self.sets = SqlSets(self.connection)
        self.runs = SqlRuns(self.connection)
        self.summaries = SqlSummaries(self.connection)
        self.journal = SqlJournal(self.connection)
        self.adjustments = SqlAdjustments(self.connection)
        self.audit = SqlAudit(self.connection, on_write=self.plans._forget)
        self.accounts = SqlAccounts(self.connection)
        self.tokens = SqlTokens(self.connection)
        self.rate_limits = SqlRateLimits(self.connection)
        self.invitations = SqlInvitations(self.connection)
        self.coach_links = SqlCoachLinks(self.connection)
        self.changes = SqlChanges(self.connection)
        self.notes = SqlNotes(self.connection)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.connection is not None:
            try:
                self.connection.rollback()
                self.connection.close()
            except OperationalError as lost:
                if exc is None:
                    raise unavailable(self.engine.url, lost, "reach") from lost
            self.connection = None
        if isinstance(exc, IntegrityError) and not self.raw_errors:
            raise Conflict() from exc
        if exc is not None and _store_failed(exc) and not self.raw_errors:
            if "locked" in str(getattr(exc, "orig", None) or exc).lower():  # SQLite: a long writer
                raise Unavailable(BUSY) from exc
            raise unavailable(self.engine.url, exc, "use") from exc

    def commit(self) -> None:
        """Make everything since the last commit durable."""
        assert self.connection is not None, "commit() outside 'with'"
        self.connection.commit()

    def rollback(self) -> None:
        """Forget everything since the last commit."""
        if self.connection is not None:
            self.connection.rollback()
            self.plans._forget()
