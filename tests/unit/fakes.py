"""An in-memory unit of work honouring the ports' contract, so use cases are tested without SQL.

It keeps the semantics the services rely on: nothing is visible to a later unit of work
until commit(); leaving without commit forgets everything; client ids make retries harmless;
what the SQL store's constraints refuse is a `Conflict`. tests/integration/test_store_contract.py
runs the same tests against this fake and the SQL store, so the two cannot drift apart.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Any

from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import epley
from runlift.domain.target_codec import target_to_json
from runlift.domain.training_load import RunEntry
from runlift.services.errors import Conflict
from runlift.services.ports import (
    Account,
    AthleteRecord,
    CoachLink,
    EditKind,
    JournalEntry,
    LogChange,
    PlannedSessionRecord,
    PlanRecord,
    RawRow,
    Role,
    SetRow,
    StoredAdjustment,
    StoredChange,
    StoredInvitation,
    StoredNote,
    StoredRun,
    StoredSession,
    StoredSet,
    StoredToken,
)


@dataclass
class FakeData:
    """Everything a store holds, as plain Python containers."""

    athletes: dict[str, AthleteRecord] = field(default_factory=dict)
    plans: list[PlanRecord] = field(default_factory=list)
    planned: dict[int, list[PlannedSessionRecord]] = field(default_factory=dict)
    sessions: dict[int, tuple[int, PerformedSession]] = field(default_factory=dict)
    sets: list[tuple[int, StoredSet]] = field(default_factory=list)
    athlete_stamps: dict[int, tuple[dt.datetime, dt.datetime]] = field(default_factory=dict)
    plan_times: dict[int, dt.datetime] = field(default_factory=dict)
    set_times: dict[int, dt.datetime] = field(default_factory=dict)
    runs: list[tuple[int, StoredRun]] = field(default_factory=list)
    journal: list[tuple[int, JournalEntry, bool]] = field(default_factory=list)
    adjustments: list[StoredAdjustment] = field(default_factory=list)
    web: AccountData = field(default_factory=lambda: AccountData())
    next_id: int = 1

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1


def _utc(value: dt.datetime) -> dt.datetime:
    """As the SQL store hands times back: aware, in UTC (a naive time is taken as UTC)."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _utc_or_none(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else _utc(value)


def _known_athlete(data: FakeData, athlete_id: int) -> None:
    """The SQL store's foreign key: rows of an unknown athlete are refused."""
    if athlete_id not in data.athlete_stamps:
        raise Conflict()


class FakeAthletes:
    """Athletes by name."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def add(self, name: str, profile_yaml: str, now: dt.datetime) -> AthleteRecord:
        if name in self.data.athletes:
            raise Conflict()
        record = AthleteRecord(self.data.new_id(), name, profile_yaml)
        self.data.athletes[name] = record
        self.data.athlete_stamps[record.id] = (_utc(now), _utc(now))
        return record

    def get(self, name: str) -> AthleteRecord | None:
        return self.data.athletes.get(name)

    def by_id(self, athlete_id: int) -> AthleteRecord | None:
        return next((a for a in self.data.athletes.values() if a.id == athlete_id), None)

    def all(self) -> list[AthleteRecord]:
        return sorted(self.data.athletes.values(), key=lambda a: a.name)

    def update_profile(self, athlete_id: int, profile_yaml: str, now: dt.datetime) -> None:
        for name, record in self.data.athletes.items():
            if record.id == athlete_id:
                self.data.athletes[name] = AthleteRecord(record.id, name, profile_yaml)
                created, _ = self.data.athlete_stamps[athlete_id]
                self.data.athlete_stamps[athlete_id] = (created, _utc(now))

    def stamps(self, athlete_id: int) -> tuple[dt.datetime, dt.datetime]:
        return self.data.athlete_stamps[athlete_id]

    def lock(self, athlete_id: int) -> None:
        """One unit of work at a time in a test: nothing to lock."""

    def lock_all(self) -> None:
        """One unit of work at a time in a test: nothing to lock."""


class FakePlans:
    """Versioned plans and their planned sessions."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def add(
        self,
        athlete_id: int,
        start: dt.date,
        profile_yaml: str,
        plan_json: str,
        sessions: list[PlannedSessionRecord],
        now: dt.datetime,
    ) -> PlanRecord:
        _known_athlete(self.data, athlete_id)
        if len({(s.date, s.position) for s in sessions}) < len(sessions):
            raise Conflict()  # the SQL store's one session per (date, position)
        version = 1 + max((p.version for p in self.all(athlete_id)), default=0)
        record = PlanRecord(self.data.new_id(), athlete_id, version, start, profile_yaml, plan_json)
        self.data.plans.append(record)
        # Stored as JSON text in SQL: keep what a JSON round trip keeps, and no shared dicts.
        self.data.planned[record.id] = [
            replace(s, session=json.loads(json.dumps(s.session, sort_keys=True)))
            for s in sorted(sessions, key=lambda s: (s.date, s.position))
        ]
        self.data.plan_times[record.id] = _utc(now)
        return record

    def created_at(self, plan_id: int) -> dt.datetime:
        return self.data.plan_times[plan_id]

    def latest(self, athlete_id: int) -> PlanRecord | None:
        plans = self.all(athlete_id)
        return plans[-1] if plans else None

    def all(self, athlete_id: int) -> list[PlanRecord]:
        mine = [p for p in self.data.plans if p.athlete_id == athlete_id]
        return sorted(mine, key=lambda p: p.version)

    def sessions(
        self, plan_id: int, first: dt.date | None = None, last: dt.date | None = None
    ) -> list[PlannedSessionRecord]:
        return copy.deepcopy(
            [
                r
                for r in self.data.planned.get(plan_id, [])
                if (first is None or r.date >= first) and (last is None or r.date <= last)
            ]
        )


class FakeSessions:
    """Performed sessions; a client id seen before returns the stored session's id."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def id_on(self, athlete_id: int, day: dt.date) -> int | None:
        ids = [i for i, (a, s) in self.data.sessions.items() if a == athlete_id and s.date == day]
        return min(ids, default=None)

    def add(self, athlete_id: int, session: PerformedSession) -> int:
        new_id = self.add_new(athlete_id, session)
        if new_id is not None:
            return new_id
        return next(
            session_id
            for session_id, (owner, known) in self.data.sessions.items()
            if owner == athlete_id and known.client_id == session.client_id
        )

    def add_new(self, athlete_id: int, session: PerformedSession) -> int | None:
        if session.client_id is not None and any(
            owner == athlete_id and known.client_id == session.client_id
            for owner, known in self.data.sessions.values()
        ):
            return None
        _known_athlete(self.data, athlete_id)
        session_id = self.data.new_id()
        self.data.sessions[session_id] = (athlete_id, _stored_session(session, session.client_id))
        return session_id

    def on(self, athlete_id: int, day: dt.date) -> list[StoredSession]:
        return [s for s in self.all(athlete_id) if s.session.date == day]

    def delete(self, session_ids: list[int]) -> None:
        gone = set(session_ids)
        for session_id in gone:
            self.data.sessions.pop(session_id, None)
        self.data.sets = [(a, s) for a, s in self.data.sets if s.session_id not in gone]  # cascade

    def restore(self, athlete_id: int, sessions: list[StoredSession]) -> None:
        _known_athlete(self.data, athlete_id)
        for stored in sessions:
            client_id = stored.session.client_id
            taken = client_id is not None and any(
                owner == athlete_id and known.client_id == client_id
                for owner, known in self.data.sessions.values()
            )
            if stored.id in self.data.sessions or taken:
                raise Conflict()
            self.data.sessions[stored.id] = (athlete_id, _stored_session(stored.session, client_id))

    def update(self, session_id: int, session: PerformedSession) -> None:
        if session_id not in self.data.sessions:
            return  # an UPDATE that matches no row changes nothing
        owner, known = self.data.sessions[session_id]
        self.data.sessions[session_id] = (owner, _stored_session(session, known.client_id))

    def all(self, athlete_id: int) -> list[StoredSession]:
        mine = [
            StoredSession(i, s)
            for i, (owner, s) in self.data.sessions.items()
            if owner == athlete_id
        ]
        return sorted(mine, key=lambda s: (s.session.date, s.id))


def _stored_session(session: PerformedSession, client_id: str | None) -> PerformedSession:
    """The session as SQL keeps it: times in UTC, the client id it was first stored with."""
    return PerformedSession(
        session.date,
        _utc_or_none(session.started_at),
        _utc_or_none(session.ended_at),
        session.srpe,
        session.notes,
        client_id,
    )


class FakeSets:
    """Logged sets; a client id seen before makes the write a no-op."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def add(
        self,
        athlete_id: int,
        session_id: int,
        day: dt.date,
        logged: LoggedSet,
        variant: str,
        now: dt.datetime,
    ) -> bool:
        return self.add_new(athlete_id, session_id, day, logged, variant, now) is not None

    def add_new(
        self,
        athlete_id: int,
        session_id: int,
        day: dt.date,
        logged: LoggedSet,
        variant: str,
        now: dt.datetime,
    ) -> int | None:
        if logged.client_id is not None and self._seen(athlete_id, logged.client_id):
            return None
        return self._insert(athlete_id, SetRow(session_id, day, variant, logged, now))

    def _seen(self, athlete_id: int, client_id: str) -> bool:
        return any(
            owner == athlete_id and s.logged.client_id == client_id for owner, s in self.data.sets
        )

    def _insert(self, athlete_id: int, row: SetRow, set_id: int | None = None) -> int:
        """One row, refused as the SQL store's constraints refuse it; its id."""
        _known_athlete(self.data, athlete_id)
        if row.session_id not in self.data.sessions:
            raise Conflict()
        client_id = row.logged.client_id
        if client_id is not None and self._seen(athlete_id, client_id):
            raise Conflict()
        if set_id is not None and any(s.id == set_id for _, s in self.data.sets):
            raise Conflict()  # the primary key
        at = _utc(row.logged_at)
        new_id = self.data.new_id() if set_id is None else set_id
        stored = StoredSet(new_id, row.session_id, row.date, row.variant, row.logged, at)
        self.data.sets.append((athlete_id, stored))
        self.data.set_times[stored.id] = at
        return new_id

    def add_rows(self, athlete_id: int, rows: list[SetRow]) -> None:
        for row in rows:
            self._insert(athlete_id, row)

    def get(self, athlete_id: int, set_id: int) -> StoredSet | None:
        return next((s for a, s in self.data.sets if a == athlete_id and s.id == set_id), None)

    def by_client_id(self, athlete_id: int, client_id: str) -> StoredSet | None:
        return next(
            (s for a, s in self.data.sets if a == athlete_id and s.logged.client_id == client_id),
            None,
        )

    def of_sessions(self, session_ids: list[int]) -> list[StoredSet]:
        wanted = set(session_ids)
        found = [s for _, s in self.data.sets if s.session_id in wanted]
        return sorted(found, key=lambda s: (s.date, s.session_id, s.id))

    def update(self, set_id: int, logged: LoggedSet) -> None:
        self.data.sets = [
            (
                a,
                replace(
                    s,
                    logged=replace(
                        s.logged,
                        reps=logged.reps,
                        load=logged.load,
                        seconds=logged.seconds,
                        rir=logged.rir,
                    ),
                )
                if s.id == set_id
                else s,
            )
            for a, s in self.data.sets
        ]

    def delete(self, set_ids: list[int]) -> None:
        gone = set(set_ids)
        self.data.sets = [(a, s) for a, s in self.data.sets if s.id not in gone]
        for set_id in gone:
            self.data.set_times.pop(set_id, None)

    def restore(self, athlete_id: int, sets: list[StoredSet]) -> None:
        for s in sets:
            assert s.logged_at is not None
            row = SetRow(s.session_id, s.date, s.variant, s.logged, s.logged_at)
            self._insert(athlete_id, row, s.id)

    def next_number(self, session_id: int, exercise: str) -> int:
        numbers = [
            s.logged.set_number
            for _, s in self.data.sets
            if s.session_id == session_id and s.logged.exercise == exercise
        ]
        return max(numbers, default=0) + 1

    def highest_numbers(self, session_id: int) -> dict[str, int]:
        highest: dict[str, int] = {}
        for _, s in self.data.sets:
            if s.session_id == session_id:
                slug = s.logged.exercise
                highest[slug] = max(highest.get(slug, 0), s.logged.set_number)
        return highest

    def known_client_ids(self, athlete_id: int, client_ids: list[str]) -> set[str]:
        return {c for c in client_ids if self._seen(athlete_id, c)}

    def add_many(self, athlete_id: int, rows: list[SetRow]) -> list[int | None]:
        return [
            None
            if row.logged.client_id is not None and self._seen(athlete_id, row.logged.client_id)
            else self._insert(athlete_id, row)
            for row in rows
        ]

    def all(self, athlete_id: int, exercise: str | None = None) -> list[StoredSet]:
        mine = [
            s
            for owner, s in self.data.sets
            if owner == athlete_id and (exercise is None or s.logged.exercise == exercise)
        ]
        return sorted(mine, key=lambda s: (s.date, s.session_id, s.id))

    def recent(self, athlete_id: int, exercise: str, days: int) -> list[StoredSet]:
        mine = self.all(athlete_id, exercise)
        recent = sorted({s.date for s in mine}, reverse=True)[:days]
        return [s for s in mine if recent and s.date >= recent[-1]]

    def recent_of(
        self, athlete_id: int, exercises: list[str], days: int, before: dt.date | None = None
    ) -> dict[str, list[StoredSet]]:
        found = {}
        for exercise in exercises:
            mine = [s for s in self.all(athlete_id, exercise) if before is None or s.date < before]
            recent = sorted({s.date for s in mine}, reverse=True)[:days]
            found[exercise] = [s for s in mine if recent and s.date >= recent[-1]]
        return found

    def logged_times(self, athlete_id: int) -> dict[int, dt.datetime]:
        return {s.id: self.data.set_times[s.id] for s in self.all(athlete_id)}


class FakeRuns:
    """Logged runs; a client id seen before makes the write a no-op."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def add(
        self,
        athlete_id: int,
        run: RunEntry,
        source: str,
        client_id: str | None,
        now: dt.datetime,
    ) -> bool:
        return self.add_new(athlete_id, run, source, client_id, now) is not None

    def add_new(
        self,
        athlete_id: int,
        run: RunEntry,
        source: str,
        client_id: str | None,
        now: dt.datetime,
    ) -> int | None:
        if client_id is not None and self._seen(athlete_id, client_id):
            return None
        _known_athlete(self.data, athlete_id)
        stored = StoredRun(self.data.new_id(), run, source, client_id, _utc(now))
        self.data.runs.append((athlete_id, stored))
        return stored.id

    def _seen(self, athlete_id: int, client_id: str) -> bool:
        return any(owner == athlete_id and r.client_id == client_id for owner, r in self.data.runs)

    def get(self, athlete_id: int, run_id: int) -> StoredRun | None:
        return next((r for a, r in self.data.runs if a == athlete_id and r.id == run_id), None)

    def delete(self, run_ids: list[int]) -> None:
        gone = set(run_ids)
        self.data.runs = [(a, r) for a, r in self.data.runs if r.id not in gone]

    def restore(self, athlete_id: int, runs: list[StoredRun]) -> None:
        _known_athlete(self.data, athlete_id)
        for stored in runs:
            clash = stored.client_id is not None and self._seen(athlete_id, stored.client_id)
            if clash or any(r.id == stored.id for _, r in self.data.runs):
                raise Conflict()
            assert stored.logged_at is not None
            self.data.runs.append((athlete_id, replace(stored, logged_at=_utc(stored.logged_at))))

    def all(self, athlete_id: int, since: dt.date | None = None) -> list[StoredRun]:
        mine = [
            r
            for owner, r in self.data.runs
            if owner == athlete_id and (since is None or r.run.date >= since)
        ]
        return sorted(mine, key=lambda r: (r.run.date, r.id))


class FakeAdjustments:
    """Moves and skips per plan version, in the order they were made."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def add(
        self,
        athlete_id: int,
        plan_id: int,
        original: dt.date,
        new: dt.date | None,
        warning: str | None,
        now: dt.datetime,
    ) -> StoredAdjustment:
        _known_athlete(self.data, athlete_id)
        if all(p.id != plan_id for p in self.data.plans):
            raise Conflict()  # the SQL store's foreign key to plans
        stored = StoredAdjustment(self.data.new_id(), plan_id, original, new, warning, _utc(now))
        self.data.adjustments.append(stored)
        return stored

    def for_plan(self, plan_id: int) -> list[StoredAdjustment]:
        return sorted(
            (a for a in self.data.adjustments if a.plan_id == plan_id), key=lambda a: a.id
        )


class FakeSummaries:
    """The SQL store's grouped figures, computed from the fake's rows."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def daily_best_e1rm(self, athlete_id: int, exercise: str) -> list[tuple[dt.date, float, str]]:
        best: dict[tuple[dt.date, str], float] = {}
        for s in FakeSets(self.data).all(athlete_id, exercise):
            load, reps = s.logged.load, s.logged.reps
            if load is None or reps is None or load.value <= 0:
                continue
            estimate = epley(load.value, reps)
            key = (s.date, load.unit.value)
            if estimate is not None and estimate > best.get(key, 0.0):
                best[key] = estimate
        return [(day, value, unit) for (day, unit), value in sorted(best.items())]

    def weekly_sets(
        self, athlete_id: int, since: dt.date | None = None
    ) -> list[tuple[dt.date, str, int]]:
        counts: dict[tuple[dt.date, str], int] = {}
        for s in FakeSets(self.data).all(athlete_id):
            if since is not None and s.date < since:
                continue
            key = (s.date - dt.timedelta(days=s.date.weekday()), s.logged.exercise)
            counts[key] = counts.get(key, 0) + 1
        return [(week, exercise, n) for (week, exercise), n in sorted(counts.items())]


class FakeJournal:
    """The changes to each athlete's log, newest last, with whether each was undone."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def add(self, athlete_id: int, change: LogChange, now: dt.datetime) -> int:
        _known_athlete(self.data, athlete_id)
        entry = JournalEntry(self.data.new_id(), change, _utc(now))
        self.data.journal.append((athlete_id, entry, False))
        return entry.id

    def latest_open(self, athlete_id: int) -> JournalEntry | None:
        open_ = [e for a, e, undone in self.data.journal if a == athlete_id and not undone]
        return open_[-1] if open_ else None

    def mark_undone(self, entry_id: int) -> bool:
        for n, (athlete_id, entry, undone) in enumerate(self.data.journal):
            if entry.id == entry_id and not undone:
                self.data.journal[n] = (athlete_id, entry, True)
                return True
        return False


PLANNED_ID = 100_000  # planned sessions have no id here: plan id * PLANNED_ID + index + 1


class FakeAudit:
    """The audited tables as the SQL store would hand them back, with ids to mend them by."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def rows(self, table: str) -> list[RawRow]:
        found = {
            "plans": self._plans,
            "planned_sessions": self._planned,
            "performed_sessions": self._sessions,
            "set_logs": self._sets,
            "runs": self._runs,
        }[table]()
        return sorted(found, key=lambda r: r.id)

    def _plans(self) -> list[RawRow]:
        return [
            RawRow(
                "plans",
                p.id,
                p.athlete_id,
                {
                    "version": p.version,
                    "start": p.start,
                    "profile_yaml": p.profile_yaml,
                    "plan_json": p.plan_json,
                },
            )
            for p in self.data.plans
        ]

    def _planned(self) -> list[RawRow]:
        return [
            RawRow(
                "planned_sessions",
                p.id * PLANNED_ID + index + 1,
                p.athlete_id,
                {"plan_id": p.id, "date": s.date, "session_json": json.dumps(s.session)},
            )
            for p in self.data.plans
            for index, s in enumerate(self.data.planned.get(p.id, []))
        ]

    def _sessions(self) -> list[RawRow]:
        return [
            RawRow("performed_sessions", sid, a, {"date": s.date, "srpe": s.srpe})
            for sid, (a, s) in self.data.sessions.items()
        ]

    def _sets(self) -> list[RawRow]:
        return [
            RawRow(
                "set_logs",
                s.id,
                a,
                {
                    "exercise": s.logged.exercise,
                    "variant": s.variant,
                    "set_number": s.logged.set_number,
                    "reps": s.logged.reps,
                    "seconds": s.logged.seconds,
                    "rir": s.logged.rir,
                    "target_json": target_to_json(s.logged.target),
                },
            )
            for a, s in self.data.sets
        ]

    def _runs(self) -> list[RawRow]:
        return [
            RawRow("runs", r.id, a, {"date": r.run.date, "distance_m": r.run.distance_m})
            for a, r in self.data.runs
        ]

    def update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        if table == "plans" and set(values) == {"plan_json"}:
            self.data.plans = [
                replace(p, plan_json=values["plan_json"]) if p.id == row_id else p
                for p in self.data.plans
            ]
        elif table == "set_logs" and values == {"target_json": None}:
            self.data.sets = [
                (a, replace(s, logged=replace(s.logged, target=None)) if s.id == row_id else s)
                for a, s in self.data.sets
            ]
        else:
            raise NotImplementedError(f"the fake mends no {table} {sorted(values)}")

    def delete(self, table: str, row_ids: list[int]) -> None:
        gone = set(row_ids)
        if table == "planned_sessions":
            for plan_id, planned in self.data.planned.items():
                self.data.planned[plan_id] = [
                    s for i, s in enumerate(planned) if plan_id * PLANNED_ID + i + 1 not in gone
                ]
        elif table == "set_logs":
            self.data.sets = [(a, s) for a, s in self.data.sets if s.id not in gone]
        elif table == "runs":
            self.data.runs = [(a, r) for a, r in self.data.runs if r.id not in gone]
        else:
            raise NotImplementedError(f"the fake deletes no {table} rows")


class FakeUnitOfWork:
    """Works on a copy of the store's data; commit() publishes it, leaving forgets it."""

    athletes: FakeAthletes
    plans: FakePlans
    sessions: FakeSessions
    sets: FakeSets
    runs: FakeRuns
    summaries: FakeSummaries
    journal: FakeJournal
    adjustments: FakeAdjustments
    audit: FakeAudit
    accounts: FakeAccounts
    tokens: FakeTokens
    rate_limits: FakeRateLimits
    invitations: FakeInvitations
    coach_links: FakeCoachLinks
    changes: FakeChanges
    notes: FakeNotes

    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.commits = 0
        self._work = FakeData()

    def _begin(self) -> None:
        self._work = copy.deepcopy(self.store.data)
        self.athletes = FakeAthletes(self._work)
        self.plans = FakePlans(self._work)
        self.sessions = FakeSessions(self._work)
        self.sets = FakeSets(self._work)
        self.runs = FakeRuns(self._work)
        self.summaries = FakeSummaries(self._work)
        self.journal = FakeJournal(self._work)
        self.adjustments = FakeAdjustments(self._work)
        self.audit = FakeAudit(self._work)
        self.accounts = FakeAccounts(self._work)
        self.tokens = FakeTokens(self._work)
        self.rate_limits = FakeRateLimits(self._work)
        self.invitations = FakeInvitations(self._work)
        self.coach_links = FakeCoachLinks(self._work)
        self.changes = FakeChanges(self._work)
        self.notes = FakeNotes(self._work)

    def __enter__(self) -> FakeUnitOfWork:
        self._begin()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._begin()

    def commit(self) -> None:
        self.store.data = copy.deepcopy(self._work)
        self.store.commits += 1
        self.commits += 1

    def rollback(self) -> None:
        self._begin()


class FakeStore:
    """The committed state; calling it opens a unit of work, like store.uow_factory()."""

    def __init__(self) -> None:
        self.data = FakeData()
        self.commits = 0

    def __call__(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)


@dataclass
class AccountData:
    """The web API's state: accounts, token and code digests, counters, coach links."""

    accounts: dict[int, Account] = field(default_factory=dict)
    password_hashes: dict[int, str] = field(default_factory=dict)
    tokens: dict[str, StoredToken] = field(default_factory=dict)
    rate_limits: dict[tuple[str, dt.datetime], int] = field(default_factory=dict)
    invitations: dict[str, StoredInvitation] = field(default_factory=dict)
    coach_links: list[CoachLink] = field(default_factory=list)
    changes: list[StoredChange] = field(default_factory=list)
    notes: list[StoredNote] = field(default_factory=list)


class FakeAccounts:
    """Accounts by id and e-mail."""

    def __init__(self, data: FakeData) -> None:
        self.data = data
        self.web = data.web

    def add(
        self, email: str, name: str, password_hash: str, roles: Role, now: dt.datetime
    ) -> Account:
        if any(a.email == email for a in self.web.accounts.values()):
            raise Conflict()
        account = Account(self.data.new_id(), email, name, roles, None, False, _utc(now))
        self.web.accounts[account.id] = account
        self.web.password_hashes[account.id] = password_hash
        return account

    def get(self, account_id: int) -> Account | None:
        return self.web.accounts.get(account_id)

    def by_email(self, email: str) -> Account | None:
        return next((a for a in self.web.accounts.values() if a.email == email), None)

    def by_athlete(self, athlete_id: int) -> Account | None:
        return next((a for a in self.web.accounts.values() if a.athlete_id == athlete_id), None)

    def password_hash(self, account_id: int) -> str:
        return self.web.password_hashes[account_id]

    def set_athlete(self, account_id: int, athlete_id: int) -> None:
        _known_athlete(self.data, athlete_id)
        self.web.accounts[account_id] = replace(
            self.web.accounts[account_id], athlete_id=athlete_id
        )

    def set_disabled(self, account_id: int, disabled: bool) -> None:
        self.web.accounts[account_id] = replace(self.web.accounts[account_id], disabled=disabled)

    def all(self) -> list[Account]:
        return sorted(self.web.accounts.values(), key=lambda a: a.id)


class FakeTokens:
    """Bearer tokens by digest."""

    def __init__(self, data: FakeData) -> None:
        self.data = data
        self.web = data.web

    def add(self, account_id: int, digest: str, name: str, now: dt.datetime) -> StoredToken:
        if digest in self.web.tokens or account_id not in self.web.accounts:
            raise Conflict()
        token = StoredToken(self.data.new_id(), account_id, name, _utc(now), None, None)
        self.web.tokens[digest] = token
        return token

    def by_digest(self, digest: str) -> StoredToken | None:
        return self.web.tokens.get(digest)

    def of_account(self, account_id: int) -> list[StoredToken]:
        mine = [t for t in self.web.tokens.values() if t.account_id == account_id]
        return sorted(mine, key=lambda t: t.id)

    def _change(self, token_id: int, **values: Any) -> None:
        for digest, token in self.web.tokens.items():
            if token.id == token_id:
                self.web.tokens[digest] = replace(token, **values)

    def touch(self, token_id: int, now: dt.datetime) -> None:
        self._change(token_id, last_used_at=_utc(now))

    def revoke(self, token_id: int, now: dt.datetime) -> None:
        for token in self.web.tokens.values():
            if token.id == token_id and token.revoked_at is None:
                self._change(token_id, revoked_at=_utc(now))
                return


class FakeRateLimits:
    """Failure counters per key and window."""

    def __init__(self, data: FakeData) -> None:
        self.web = data.web

    def count(self, key: str, window_start: dt.datetime) -> int:
        return self.web.rate_limits.get((key, _utc(window_start)), 0)

    def hit(self, key: str, window_start: dt.datetime) -> int:
        slot = (key, _utc(window_start))
        self.web.rate_limits[slot] = self.web.rate_limits.get(slot, 0) + 1
        return self.web.rate_limits[slot]

    def forget_before(self, window_start: dt.datetime) -> None:
        start = _utc(window_start)
        self.web.rate_limits = {k: v for k, v in self.web.rate_limits.items() if k[1] >= start}


class FakeInvitations:
    """Invitation codes by digest."""

    def __init__(self, data: FakeData) -> None:
        self.data = data
        self.web = data.web

    def add(self, coach_id: int, digest: str, now: dt.datetime) -> StoredInvitation:
        if digest in self.web.invitations or coach_id not in self.web.accounts:
            raise Conflict()
        invitation = StoredInvitation(self.data.new_id(), coach_id, _utc(now), None)
        self.web.invitations[digest] = invitation
        return invitation

    def by_digest(self, digest: str) -> StoredInvitation | None:
        return self.web.invitations.get(digest)

    def use(self, invitation_id: int, account_id: int, now: dt.datetime) -> bool:
        for digest, invitation in self.web.invitations.items():
            if invitation.id == invitation_id and invitation.used_by is None:
                self.web.invitations[digest] = replace(invitation, used_by=account_id)
                return True
        return False


class FakeCoachLinks:
    """Coach-athlete consents."""

    def __init__(self, data: FakeData) -> None:
        self.data = data
        self.web = data.web

    def add(self, coach_id: int, athlete_account_id: int, now: dt.datetime) -> CoachLink:
        if not {coach_id, athlete_account_id} <= set(self.web.accounts):
            raise Conflict()
        link = CoachLink(self.data.new_id(), coach_id, athlete_account_id, _utc(now), None)
        self.web.coach_links.append(link)
        return link

    def active(self, coach_id: int, athlete_account_id: int) -> CoachLink | None:
        return next(
            (
                link
                for link in self.of_coach(coach_id)
                if link.athlete_account_id == athlete_account_id
            ),
            None,
        )

    def of_coach(self, coach_id: int) -> list[CoachLink]:
        return [
            link
            for link in self.web.coach_links
            if link.coach_id == coach_id and link.revoked_at is None
        ]

    def of_athlete(self, athlete_account_id: int) -> list[CoachLink]:
        return [
            link
            for link in self.web.coach_links
            if link.athlete_account_id == athlete_account_id and link.revoked_at is None
        ]

    def revoke(self, link_id: int, now: dt.datetime) -> None:
        self.web.coach_links = [
            replace(link, revoked_at=_utc(now))
            if link.id == link_id and link.revoked_at is None
            else link
            for link in self.web.coach_links
        ]


def _known_author(data: FakeData, athlete_id: int, account_id: int | None) -> None:
    """The SQL store's foreign keys to the athlete and (when given) the account."""
    _known_athlete(data, athlete_id)
    if account_id is not None and account_id not in data.web.accounts:
        raise Conflict()


class FakeChanges:
    """The changes log, newest first."""

    def __init__(self, data: FakeData) -> None:
        self.data = data
        self.web = data.web

    def add(
        self,
        athlete_id: int,
        account_id: int | None,
        kind: EditKind,
        summary: str,
        now: dt.datetime,
    ) -> StoredChange:
        _known_author(self.data, athlete_id, account_id)
        change = StoredChange(self.data.new_id(), athlete_id, account_id, kind, summary, _utc(now))
        self.web.changes.append(change)
        return change

    def of_athlete(self, athlete_id: int, limit: int) -> list[StoredChange]:
        mine = [c for c in self.web.changes if c.athlete_id == athlete_id]
        return sorted(mine, key=lambda c: -c.id)[:limit]


class FakeNotes:
    """Notes on sessions, newest first."""

    def __init__(self, data: FakeData) -> None:
        self.data = data
        self.web = data.web

    def add(
        self, athlete_id: int, account_id: int, day: dt.date, text: str, now: dt.datetime
    ) -> StoredNote:
        _known_author(self.data, athlete_id, account_id)
        note = StoredNote(self.data.new_id(), athlete_id, account_id, day, text, _utc(now))
        self.web.notes.append(note)
        return note

    def of_athlete(self, athlete_id: int, day: dt.date | None = None) -> list[StoredNote]:
        mine = [n for n in self.web.notes if n.athlete_id == athlete_id and day in (None, n.date)]
        return sorted(mine, key=lambda n: -n.id)
