"""What the use cases need from a store; the SQL adapter and the test fakes both provide it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from types import TracebackType
from typing import Any, Protocol

from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.training_load import RunEntry


@dataclass(frozen=True, slots=True)
class AthleteRecord:
    """A stored athlete and the profile text they gave."""

    id: int
    name: str
    profile_yaml: str


@dataclass(frozen=True, slots=True)
class PlanRecord:
    """One stored version of an athlete's plan."""

    id: int
    athlete_id: int
    version: int
    start: dt.date
    profile_yaml: str
    plan_json: str


@dataclass(frozen=True, slots=True)
class PlannedSessionRecord:
    """A planned session of a stored plan, with its content as the plan JSON shows it."""

    date: dt.date
    position: int
    week: int
    deload: bool
    title: str
    session: dict[str, Any]


@dataclass(frozen=True, slots=True)
class StoredSet:
    """A logged set as stored: where and when, the variant done, and the set itself."""

    id: int
    session_id: int
    date: dt.date
    variant: str
    logged: LoggedSet
    logged_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredSession:
    """A performed session as stored."""

    id: int
    session: PerformedSession


@dataclass(frozen=True, slots=True)
class SetRow:
    """A set to store exactly as given (imports): its session, day, variant and log time."""

    session_id: int
    date: dt.date
    variant: str
    logged: LoggedSet
    logged_at: dt.datetime


@dataclass(frozen=True, slots=True)
class StoredRun:
    """A logged run as stored: where it came from (cli, gpx) and the client's id for retries."""

    id: int
    run: RunEntry
    source: str
    client_id: str | None
    logged_at: dt.datetime | None = None


class ChangeKind(StrEnum):
    """The kinds of change to the log that the journal keeps and undo reverts."""

    SETS_LOGGED = "sets_logged"
    SESSION_LOGGED = "session_logged"
    SET_EDITED = "set_edited"
    SET_DELETED = "set_deleted"
    SESSION_DELETED = "session_deleted"
    RUN_LOGGED = "run_logged"
    RUNS_IMPORTED = "runs_imported"
    RUN_DELETED = "run_deleted"
    LOG_IMPORTED = "log_imported"


@dataclass(frozen=True, slots=True)
class LogChange:
    """One change to an athlete's log with what reverting it exactly needs.

    The ids of the rows it added, and the before-image of the rows it edited or deleted
    (restored with their own ids); `day` and `exercises` only describe it.
    """

    kind: ChangeKind
    day: dt.date | None = None
    exercises: tuple[str, ...] = ()
    added_sets: tuple[int, ...] = ()
    added_runs: tuple[int, ...] = ()
    added_sessions: tuple[int, ...] = ()
    sets_before: tuple[StoredSet, ...] = ()
    runs_before: tuple[StoredRun, ...] = ()
    sessions_before: tuple[StoredSession, ...] = ()


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """A change as the journal keeps it: its id, when it was made, and the change."""

    id: int
    change: LogChange
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class FoundRun:
    """A run read from a file, before it is checked: the file, where in it (`label`), the run,
    the id that makes a re-import harmless, and the file's format (gpx, tcx, fit)."""

    file: str
    label: str
    run: RunEntry
    client_id: str
    kind: str


@dataclass(frozen=True, slots=True)
class StoredAdjustment:
    """A runner's move (to `new`) or skip (`new` None) of a planned session, with any warning."""

    id: int
    plan_id: int
    original: dt.date
    new: dt.date | None
    warning: str | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class RawRow:
    """A stored row as the database holds it, undecoded: what the store check reads.

    `values` maps column names to what the database gave (JSON columns as text); planned
    sessions carry their plan's athlete.
    """

    table: str
    id: int
    athlete_id: int
    values: dict[str, Any]


AUDITED_TABLES = ("plans", "planned_sessions", "performed_sessions", "set_logs", "runs")


class AthleteRepository(Protocol):
    """Athletes by name; adding a name that exists is a `Conflict` (at the latest on leaving)."""

    def add(self, name: str, profile_yaml: str, now: dt.datetime) -> AthleteRecord: ...
    def get(self, name: str) -> AthleteRecord | None: ...
    def by_id(self, athlete_id: int) -> AthleteRecord | None: ...
    def all(self) -> list[AthleteRecord]: ...
    def update_profile(self, athlete_id: int, profile_yaml: str, now: dt.datetime) -> None: ...
    def stamps(self, athlete_id: int) -> tuple[dt.datetime, dt.datetime]: ...
    def lock(self, athlete_id: int) -> None:
        """Hold the athlete's log until the unit of work ends: writers of one log go in turn."""
        ...

    def lock_all(self) -> None:
        """Hold the whole store until the unit of work ends (an import into an empty store)."""
        ...


class PlanRepository(Protocol):
    """Versioned plans (1, 2, ... per athlete) and their planned sessions."""

    def add(
        self,
        athlete_id: int,
        start: dt.date,
        profile_yaml: str,
        plan_json: str,
        sessions: list[PlannedSessionRecord],
        now: dt.datetime,
    ) -> PlanRecord: ...
    def latest(self, athlete_id: int) -> PlanRecord | None: ...
    def all(self, athlete_id: int) -> list[PlanRecord]: ...
    def created_at(self, plan_id: int) -> dt.datetime: ...
    def sessions(
        self, plan_id: int, first: dt.date | None = None, last: dt.date | None = None
    ) -> list[PlannedSessionRecord]:
        """The plan's sessions by day and position, from `first` to `last` (both inclusive)."""
        ...


class PerformedSessionRepository(Protocol):
    """The sessions an athlete did; a client id seen before returns the stored session."""

    def id_on(self, athlete_id: int, day: dt.date) -> int | None: ...
    def add(self, athlete_id: int, session: PerformedSession) -> int: ...
    def add_new(self, athlete_id: int, session: PerformedSession) -> int | None:
        """The new session's id; None (nothing stored) when its client id is known already."""
        ...

    def update(self, session_id: int, session: PerformedSession) -> None: ...
    def all(self, athlete_id: int) -> list[StoredSession]: ...
    def on(self, athlete_id: int, day: dt.date) -> list[StoredSession]: ...
    def delete(self, session_ids: list[int]) -> None: ...
    def restore(self, athlete_id: int, sessions: list[StoredSession]) -> None:
        """Store sessions again under their own ids (undoing a delete)."""
        ...


class SetRepository(Protocol):
    """Logged sets, oldest first; a client id seen before makes `add` store nothing."""

    def add(
        self,
        athlete_id: int,
        session_id: int,
        day: dt.date,
        logged: LoggedSet,
        variant: str,
        now: dt.datetime,
    ) -> bool: ...
    def add_new(
        self,
        athlete_id: int,
        session_id: int,
        day: dt.date,
        logged: LoggedSet,
        variant: str,
        now: dt.datetime,
    ) -> int | None:
        """The new set's id; None (nothing stored) when its client id is known already."""
        ...

    def add_rows(self, athlete_id: int, rows: list[SetRow]) -> None: ...
    def get(self, athlete_id: int, set_id: int) -> StoredSet | None:
        """The athlete's set with this id; None when unknown or another athlete's."""
        ...

    def by_client_id(self, athlete_id: int, client_id: str) -> StoredSet | None:
        """The athlete's set stored with this client id; None when there is none."""
        ...

    def of_sessions(self, session_ids: list[int]) -> list[StoredSet]: ...
    def update(self, set_id: int, logged: LoggedSet) -> None:
        """Overwrite a set's reps, load, seconds and RIR with those of `logged`."""
        ...

    def delete(self, set_ids: list[int]) -> None: ...
    def restore(self, athlete_id: int, sets: list[StoredSet]) -> None:
        """Store sets again under their own ids, client ids and log times (undoing a delete)."""
        ...

    def next_number(self, session_id: int, exercise: str) -> int: ...
    def highest_numbers(self, session_id: int) -> dict[str, int]:
        """The highest set number of each exercise in a session, in one query."""
        ...

    def known_client_ids(self, athlete_id: int, client_ids: list[str]) -> set[str]:
        """Those of `client_ids` the athlete's stored sets carry already, in one query."""
        ...

    def add_many(self, athlete_id: int, rows: list[SetRow]) -> list[int | None]:
        """Store sets in one statement; each one's id, None for a client id stored meanwhile.

        Callers leave out client ids known already; one that a concurrent writer stores first
        is not an error: that row is left out, as `add_new` leaves it out.
        """
        ...

    def all(self, athlete_id: int, exercise: str | None = None) -> list[StoredSet]: ...
    def recent(self, athlete_id: int, exercise: str, days: int) -> list[StoredSet]: ...
    def recent_of(
        self, athlete_id: int, exercises: list[str], days: int, before: dt.date | None = None
    ) -> dict[str, list[StoredSet]]:
        """`recent` of each exercise (every one a key), read at once; with `before`, only
        from days before it."""
        ...

    def logged_times(self, athlete_id: int) -> dict[int, dt.datetime]: ...


class RunRepository(Protocol):
    """Logged runs by date; a client id seen before makes `add` store nothing."""

    def add(
        self,
        athlete_id: int,
        run: RunEntry,
        source: str,
        client_id: str | None,
        now: dt.datetime,
    ) -> bool: ...
    def add_new(
        self,
        athlete_id: int,
        run: RunEntry,
        source: str,
        client_id: str | None,
        now: dt.datetime,
    ) -> int | None:
        """The new run's id; None (nothing stored) when its client id is known already."""
        ...

    def all(self, athlete_id: int, since: dt.date | None = None) -> list[StoredRun]: ...
    def get(self, athlete_id: int, run_id: int) -> StoredRun | None:
        """The athlete's run with this id; None when unknown or another athlete's."""
        ...

    def delete(self, run_ids: list[int]) -> None: ...
    def restore(self, athlete_id: int, runs: list[StoredRun]) -> None:
        """Store runs again under their own ids (undoing a delete)."""
        ...


class JournalRepository(Protocol):
    """The changes made to each athlete's log, newest last, so they can be undone in order."""

    def add(self, athlete_id: int, change: LogChange, now: dt.datetime) -> int: ...
    def latest_open(self, athlete_id: int) -> JournalEntry | None:
        """The athlete's most recent change not undone yet."""
        ...

    def mark_undone(self, entry_id: int) -> bool:
        """Mark a change undone; False when it already was (another undo got there first)."""
        ...


class AdjustmentRepository(Protocol):
    """Moves and skips of a plan version's sessions, oldest first; a new version starts clean."""

    def add(
        self,
        athlete_id: int,
        plan_id: int,
        original: dt.date,
        new: dt.date | None,
        warning: str | None,
        now: dt.datetime,
    ) -> StoredAdjustment: ...
    def for_plan(self, plan_id: int) -> list[StoredAdjustment]: ...


class LogSummaries(Protocol):
    """Figures over the whole log, computed where the rows are so reports stay fast."""

    def daily_best_e1rm(
        self, athlete_id: int, exercise: str
    ) -> list[tuple[dt.date, float, str]]: ...
    def weekly_sets(
        self, athlete_id: int, since: dt.date | None = None
    ) -> list[tuple[dt.date, str, int]]: ...


class StoreAudit(Protocol):
    """Rows read and mended without decoding, so a damaged store can be checked and repaired."""

    def rows(self, table: str) -> list[RawRow]:
        """Every row of one of AUDITED_TABLES, by id."""
        ...

    def update(self, table: str, row_id: int, values: dict[str, Any]) -> None: ...
    def delete(self, table: str, row_ids: list[int]) -> None: ...


# --- accounts (the web API) ------------------------------------------------------------------


class Role(StrEnum):
    """What an account may do: train (athlete), look after athletes (coach), or both."""

    ATHLETE = "athlete"
    COACH = "coach"
    BOTH = "both"


@dataclass(frozen=True, slots=True)
class Account:
    """A person who signs in; `athlete_id` is their store athlete (None for a coach only)."""

    id: int
    email: str
    name: str
    roles: Role
    athlete_id: int | None
    disabled: bool
    created_at: dt.datetime

    @property
    def is_coach(self) -> bool:
        return self.roles in (Role.COACH, Role.BOTH)


@dataclass(frozen=True, slots=True)
class StoredToken:
    """A bearer token as stored: only its SHA-256 digest, never the token itself."""

    id: int
    account_id: int
    name: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class StoredInvitation:
    """A coach's one-use invitation code (kept as its digest) and who used it."""

    id: int
    coach_id: int
    created_at: dt.datetime
    used_by: int | None


@dataclass(frozen=True, slots=True)
class CoachLink:
    """An athlete's consent that a coach may act on their data, until revoked."""

    id: int
    coach_id: int
    athlete_account_id: int
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class AccountRepository(Protocol):
    """Accounts by id and by (lower-cased) e-mail; an e-mail taken already is a `Conflict`."""

    def add(
        self, email: str, name: str, password_hash: str, roles: Role, now: dt.datetime
    ) -> Account: ...
    def get(self, account_id: int) -> Account | None: ...
    def by_email(self, email: str) -> Account | None: ...
    def by_athlete(self, athlete_id: int) -> Account | None: ...
    def password_hash(self, account_id: int) -> str: ...
    def set_athlete(self, account_id: int, athlete_id: int) -> None: ...
    def set_disabled(self, account_id: int, disabled: bool) -> None: ...
    def all(self) -> list[Account]: ...


class TokenRepository(Protocol):
    """Bearer tokens by the digest of their secret."""

    def add(self, account_id: int, digest: str, name: str, now: dt.datetime) -> StoredToken: ...
    def by_digest(self, digest: str) -> StoredToken | None: ...
    def of_account(self, account_id: int) -> list[StoredToken]: ...
    def touch(self, token_id: int, now: dt.datetime) -> None: ...
    def revoke(self, token_id: int, now: dt.datetime) -> None: ...


class RateLimitRepository(Protocol):
    """Counters of failed attempts per key and fixed time window, shared by every process."""

    def count(self, key: str, window_start: dt.datetime) -> int: ...
    def hit(self, key: str, window_start: dt.datetime) -> int:
        """Add one to the key's counter in this window (atomically); the count after."""
        ...

    def forget_before(self, window_start: dt.datetime) -> None:
        """Drop the counters of windows that ended."""
        ...


class InvitationRepository(Protocol):
    """Coaches' invitation codes, by the digest of the code."""

    def add(self, coach_id: int, digest: str, now: dt.datetime) -> StoredInvitation: ...
    def by_digest(self, digest: str) -> StoredInvitation | None: ...
    def use(self, invitation_id: int, account_id: int, now: dt.datetime) -> bool:
        """Mark the invitation used by this account; False when it was used already."""
        ...


class CoachLinkRepository(Protocol):
    """Which coach may act for which athlete account, oldest first."""

    def add(self, coach_id: int, athlete_account_id: int, now: dt.datetime) -> CoachLink: ...
    def active(self, coach_id: int, athlete_account_id: int) -> CoachLink | None: ...
    def of_coach(self, coach_id: int) -> list[CoachLink]:
        """The coach's links not revoked."""
        ...

    def of_athlete(self, athlete_account_id: int) -> list[CoachLink]:
        """The athlete's links not revoked."""
        ...

    def revoke(self, link_id: int, now: dt.datetime) -> None: ...


# --- who changed what: the changes log and session notes ----------------------------------


class EditKind(StrEnum):
    """What a change to an athlete's training was: their profile, a moved session, a note."""

    PROFILE = "profile"
    MOVE = "move"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class StoredChange:
    """One line of an athlete's changes log: who (`account_id`, None if unknown), what, when."""

    id: int
    athlete_id: int
    account_id: int | None
    kind: EditKind
    summary: str
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class StoredNote:
    """A note left on the session of a day, by the athlete or one of their coaches."""

    id: int
    athlete_id: int
    account_id: int | None
    date: dt.date
    text: str
    created_at: dt.datetime


class ChangeRepository(Protocol):
    """The changes log of each athlete; rows of an unknown athlete or account are a `Conflict`."""

    def add(
        self,
        athlete_id: int,
        account_id: int | None,
        kind: EditKind,
        summary: str,
        now: dt.datetime,
    ) -> StoredChange: ...
    def of_athlete(self, athlete_id: int, limit: int) -> list[StoredChange]:
        """The athlete's latest `limit` changes, newest first."""
        ...


class NoteRepository(Protocol):
    """Notes on sessions; rows of an unknown athlete or account are a `Conflict`."""

    def add(
        self, athlete_id: int, account_id: int, day: dt.date, text: str, now: dt.datetime
    ) -> StoredNote: ...
    def of_athlete(self, athlete_id: int, day: dt.date | None = None) -> list[StoredNote]:
        """The athlete's notes (of one day when given), newest first."""
        ...


class UnitOfWork(Protocol):
    """Repositories sharing one transaction: nothing is kept without commit().

    Every time a repository returns is aware and in UTC, whatever offset it was given.
    """

    @property
    def athletes(self) -> AthleteRepository: ...
    @property
    def plans(self) -> PlanRepository: ...
    @property
    def sessions(self) -> PerformedSessionRepository: ...
    @property
    def sets(self) -> SetRepository: ...
    @property
    def runs(self) -> RunRepository: ...
    @property
    def summaries(self) -> LogSummaries: ...
    @property
    def journal(self) -> JournalRepository: ...
    @property
    def adjustments(self) -> AdjustmentRepository: ...
    @property
    def audit(self) -> StoreAudit: ...
    @property
    def accounts(self) -> AccountRepository: ...
    @property
    def tokens(self) -> TokenRepository: ...
    @property
    def rate_limits(self) -> RateLimitRepository: ...
    @property
    def invitations(self) -> InvitationRepository: ...
    @property
    def coach_links(self) -> CoachLinkRepository: ...
    @property
    def changes(self) -> ChangeRepository: ...
    @property
    def notes(self) -> NoteRepository: ...

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
