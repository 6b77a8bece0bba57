"""An in-memory unit of work honouring the ports' contract, so use cases are tested without SQL.

It keeps the semantics the services rely on: nothing is visible to a later unit of work
until commit(); leaving without commit forgets everything; client ids make retries harmless.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from types import TracebackType

from runlift.domain.load import RunEntry
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import epley
from runlift.services.ports import (
    AthleteRecord,
    PlannedSessionRecord,
    PlanRecord,
    SetRow,
    StoredRun,
    StoredSession,
    StoredSet,
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
    next_id: int = 1

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1


class FakeAthletes:
    """Athletes by name."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def add(self, name: str, profile_yaml: str, now: dt.datetime) -> AthleteRecord:
        if name in self.data.athletes:
            raise ValueError(f"duplicate athlete {name!r}")
        record = AthleteRecord(self.data.new_id(), name, profile_yaml)
        self.data.athletes[name] = record
        self.data.athlete_stamps[record.id] = (now, now)
        return record

    def get(self, name: str) -> AthleteRecord | None:
        return self.data.athletes.get(name)

    def all(self) -> list[AthleteRecord]:
        return sorted(self.data.athletes.values(), key=lambda a: a.name)

    def update_profile(self, athlete_id: int, profile_yaml: str, now: dt.datetime) -> None:
        for name, record in self.data.athletes.items():
            if record.id == athlete_id:
                self.data.athletes[name] = AthleteRecord(record.id, name, profile_yaml)
                created, _ = self.data.athlete_stamps[athlete_id]
                self.data.athlete_stamps[athlete_id] = (created, now)

    def stamps(self, athlete_id: int) -> tuple[dt.datetime, dt.datetime]:
        return self.data.athlete_stamps[athlete_id]


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
        version = 1 + max((p.version for p in self.all(athlete_id)), default=0)
        record = PlanRecord(self.data.new_id(), athlete_id, version, start, profile_yaml, plan_json)
        self.data.plans.append(record)
        self.data.planned[record.id] = sorted(sessions, key=lambda s: (s.date, s.position))
        self.data.plan_times[record.id] = now
        return record

    def created_at(self, plan_id: int) -> dt.datetime:
        return self.data.plan_times[plan_id]

    def latest(self, athlete_id: int) -> PlanRecord | None:
        plans = self.all(athlete_id)
        return plans[-1] if plans else None

    def all(self, athlete_id: int) -> list[PlanRecord]:
        mine = [p for p in self.data.plans if p.athlete_id == athlete_id]
        return sorted(mine, key=lambda p: p.version)

    def sessions_on(self, plan_id: int, day: dt.date) -> list[PlannedSessionRecord]:
        return [s for s in self.sessions(plan_id) if s.date == day]

    def sessions(self, plan_id: int) -> list[PlannedSessionRecord]:
        return list(self.data.planned.get(plan_id, []))


class FakeLogs:
    """Performed sessions and sets; a client id seen before makes the write a no-op."""

    def __init__(self, data: FakeData) -> None:
        self.data = data

    def session_on(self, athlete_id: int, day: dt.date) -> int | None:
        ids = [i for i, (a, s) in self.data.sessions.items() if a == athlete_id and s.date == day]
        return min(ids, default=None)

    def add_session(self, athlete_id: int, session: PerformedSession) -> int:
        if session.client_id is not None:
            for session_id, (owner, known) in self.data.sessions.items():
                if owner == athlete_id and known.client_id == session.client_id:
                    return session_id
        session_id = self.data.new_id()
        self.data.sessions[session_id] = (athlete_id, session)
        return session_id

    def update_session(self, session_id: int, session: PerformedSession) -> None:
        owner, known = self.data.sessions[session_id]
        kept = PerformedSession(
            session.date,
            session.started_at,
            session.ended_at,
            session.srpe,
            session.notes,
            known.client_id,
        )
        self.data.sessions[session_id] = (owner, kept)

    def add_set(
        self,
        athlete_id: int,
        session_id: int,
        day: dt.date,
        logged: LoggedSet,
        variant: str,
        now: dt.datetime,
    ) -> bool:
        if session_id not in self.data.sessions:
            raise KeyError(f"no performed session {session_id}")
        if logged.client_id is not None and any(
            owner == athlete_id and s.logged.client_id == logged.client_id
            for owner, s in self.data.sets
        ):
            return False
        self._insert(athlete_id, SetRow(session_id, day, variant, logged, now))
        return True

    def _insert(self, athlete_id: int, row: SetRow) -> None:
        client_id = row.logged.client_id
        if client_id is not None and any(
            owner == athlete_id and s.logged.client_id == client_id for owner, s in self.data.sets
        ):
            raise ValueError(f"duplicate client id {client_id!r}")
        stored = StoredSet(self.data.new_id(), row.session_id, row.date, row.variant, row.logged)
        self.data.sets.append((athlete_id, stored))
        self.data.set_times[stored.id] = row.logged_at

    def add_set_rows(self, athlete_id: int, rows: list[SetRow]) -> None:
        for row in rows:
            if row.session_id not in self.data.sessions:
                raise KeyError(f"no performed session {row.session_id}")
            self._insert(athlete_id, row)

    def set_times(self, athlete_id: int) -> dict[int, dt.datetime]:
        return {s.id: self.data.set_times[s.id] for s in self.sets(athlete_id)}

    def next_set_number(self, session_id: int, exercise: str) -> int:
        numbers = [
            s.logged.set_number
            for _, s in self.data.sets
            if s.session_id == session_id and s.logged.exercise == exercise
        ]
        return max(numbers, default=0) + 1

    def sets(self, athlete_id: int, exercise: str | None = None) -> list[StoredSet]:
        mine = [
            s
            for owner, s in self.data.sets
            if owner == athlete_id and (exercise is None or s.logged.exercise == exercise)
        ]
        return sorted(mine, key=lambda s: (s.date, s.session_id, s.id))

    def sessions(self, athlete_id: int) -> list[StoredSession]:
        mine = [
            StoredSession(i, s)
            for i, (owner, s) in self.data.sessions.items()
            if owner == athlete_id
        ]
        return sorted(mine, key=lambda s: (s.session.date, s.id))

    def daily_best_e1rm(self, athlete_id: int, exercise: str) -> list[tuple[dt.date, float, str]]:
        best: dict[tuple[dt.date, str], float] = {}
        for s in self.sets(athlete_id, exercise):
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
        for day, exercise, n in self.daily_sets(athlete_id):
            if since is not None and day < since:
                continue
            key = (day - dt.timedelta(days=day.weekday()), exercise)
            counts[key] = counts.get(key, 0) + n
        return [(week, exercise, n) for (week, exercise), n in sorted(counts.items())]

    def recent_sets(self, athlete_id: int, exercise: str, days: int) -> list[StoredSet]:
        mine = self.sets(athlete_id, exercise)
        recent = sorted({s.date for s in mine}, reverse=True)[:days]
        return [s for s in mine if recent and s.date >= recent[-1]]

    def daily_sets(self, athlete_id: int) -> list[tuple[dt.date, str, int]]:
        counts: dict[tuple[dt.date, str], int] = {}
        for s in self.sets(athlete_id):
            key = (s.date, s.logged.exercise)
            counts[key] = counts.get(key, 0) + 1
        return [(day, exercise, n) for (day, exercise), n in sorted(counts.items())]

    def add_run(
        self,
        athlete_id: int,
        run: RunEntry,
        source: str,
        client_id: str | None,
        now: dt.datetime,
    ) -> bool:
        if client_id is not None and any(
            owner == athlete_id and r.client_id == client_id for owner, r in self.data.runs
        ):
            return False
        stored = StoredRun(self.data.new_id(), run, source, client_id, now)
        self.data.runs.append((athlete_id, stored))
        return True

    def runs(self, athlete_id: int, since: dt.date | None = None) -> list[StoredRun]:
        mine = [
            r
            for owner, r in self.data.runs
            if owner == athlete_id and (since is None or r.run.date >= since)
        ]
        return sorted(mine, key=lambda r: (r.run.date, r.id))


class FakeUnitOfWork:
    """Works on a copy of the store's data; commit() publishes it, leaving forgets it."""

    athletes: FakeAthletes
    plans: FakePlans
    logs: FakeLogs

    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.commits = 0
        self._work = FakeData()

    def _begin(self) -> None:
        self._work = copy.deepcopy(self.store.data)
        self.athletes = FakeAthletes(self._work)
        self.plans = FakePlans(self._work)
        self.logs = FakeLogs(self._work)

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
