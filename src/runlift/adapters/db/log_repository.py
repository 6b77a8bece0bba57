"""SQL repositories of the training log: performed sessions, sets and figures over them."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Integer,
    Row,
    Select,
    String,
    Table,
    and_,
    bindparam,
    cast,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from runlift.adapters.db.codec import as_date, to_utc, utc
from runlift.adapters.db.tables import performed_sessions, set_logs
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load
from runlift.domain.target_codec import target_from_json, target_to_json
from runlift.domain.vocab import Units
from runlift.services.errors import Damaged
from runlift.services.ports import SetRow, StoredSession, StoredSet

E1RM_MAX_REPS = 10
_SET_KEY = ("exercise", "set_number", "client_id", "reps", "seconds", "rir", "load_value")
CLIENT_IDS_PER_QUERY = 500  # bound parameters per statement stay far below every driver's limit


class SqlSessions:
    """Performed sessions; a client id seen before returns the stored session's id."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def id_on(self, athlete_id: int, day: dt.date) -> int | None:
        return self.c.execute(
            select(performed_sessions.c.id)
            .where(performed_sessions.c.athlete_id == athlete_id, performed_sessions.c.date == day)
            .order_by(performed_sessions.c.id)
        ).scalar()

    def add(self, athlete_id: int, session: PerformedSession) -> int:
        new_id = self.add_new(athlete_id, session)
        if new_id is not None:
            return new_id
        existing = self._with_client_id(athlete_id, session.client_id)
        assert existing is not None, "add_new stores nothing only for a known client id"
        return existing

    def add_new(self, athlete_id: int, session: PerformedSession) -> int | None:
        """Insert a session; None when its client id is known, even to a concurrent writer."""
        client_id = session.client_id
        if self._with_client_id(athlete_id, client_id) is not None:
            return None
        row = {"athlete_id": athlete_id, **_session_row(session)}
        try:
            with self.c.begin_nested():
                return int(
                    self.c.execute(
                        insert(performed_sessions).values(row).returning(performed_sessions.c.id)
                    ).scalar_one()
                )
        except IntegrityError:
            if self._with_client_id(athlete_id, client_id) is None:
                raise
            return None

    def _with_client_id(self, athlete_id: int, client_id: str | None) -> int | None:
        if client_id is None:
            return None
        found = self.c.execute(
            select(performed_sessions.c.id).where(
                performed_sessions.c.athlete_id == athlete_id,
                performed_sessions.c.client_id == client_id,
            )
        ).scalar()
        return None if found is None else int(found)

    def update(self, session_id: int, session: PerformedSession) -> None:
        row = _session_row(session)
        row.pop("client_id")
        self.c.execute(
            update(performed_sessions).where(performed_sessions.c.id == session_id).values(row)
        )

    def all(self, athlete_id: int) -> list[StoredSession]:
        return self._sessions(athlete_id, None)

    def on(self, athlete_id: int, day: dt.date) -> list[StoredSession]:
        return self._sessions(athlete_id, day)

    def delete(self, session_ids: list[int]) -> None:
        if session_ids:
            self.c.execute(
                delete(performed_sessions).where(performed_sessions.c.id.in_(session_ids))
            )

    def restore(self, athlete_id: int, sessions: list[StoredSession]) -> None:
        if sessions:
            rows = [
                {"id": s.id, "athlete_id": athlete_id, **_session_row(s.session)} for s in sessions
            ]
            self.c.execute(insert(performed_sessions), rows)

    def _sessions(self, athlete_id: int, day: dt.date | None) -> list[StoredSession]:
        query = select(performed_sessions).where(performed_sessions.c.athlete_id == athlete_id)
        if day is not None:
            query = query.where(performed_sessions.c.date == day)
        rows = self.c.execute(
            query.order_by(performed_sessions.c.date, performed_sessions.c.id)
        ).all()
        return [_stored_session(r) for r in rows]


class SqlSets:
    """Logged sets; a client id seen before makes a retried write harmless."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

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
        if logged.client_id is not None and seen_client_id(
            self.c, set_logs, athlete_id, logged.client_id
        ):
            return None
        row = _set_row(athlete_id, SetRow(session_id, day, variant, logged, now))
        return insert_once(self.c, set_logs, row, athlete_id, logged.client_id)

    def get(self, athlete_id: int, set_id: int) -> StoredSet | None:
        row = self.c.execute(
            select(set_logs).where(set_logs.c.id == set_id, set_logs.c.athlete_id == athlete_id)
        ).first()
        return None if row is None else _stored_set(row)

    def by_client_id(self, athlete_id: int, client_id: str) -> StoredSet | None:
        row = self.c.execute(
            select(set_logs).where(
                set_logs.c.athlete_id == athlete_id, set_logs.c.client_id == client_id
            )
        ).first()
        return None if row is None else _stored_set(row)

    def of_sessions(self, session_ids: list[int]) -> list[StoredSet]:
        if not session_ids:
            return []
        rows = self.c.execute(
            select(set_logs)
            .where(set_logs.c.session_id.in_(session_ids))
            .order_by(set_logs.c.date, set_logs.c.session_id, set_logs.c.id)
        ).all()
        return [_stored_set(r) for r in rows]

    def update(self, set_id: int, logged: LoggedSet) -> None:
        self.c.execute(
            update(set_logs)
            .where(set_logs.c.id == set_id)
            .values(
                reps=logged.reps,
                load_value=logged.load.value if logged.load else None,
                load_unit=logged.load.unit.value if logged.load else None,
                seconds=logged.seconds,
                rir=logged.rir,
            )
        )

    def delete(self, set_ids: list[int]) -> None:
        if set_ids:
            self.c.execute(delete(set_logs).where(set_logs.c.id.in_(set_ids)))

    def restore(self, athlete_id: int, sets: list[StoredSet]) -> None:
        rows = []
        for s in sets:
            assert s.logged_at is not None, "a set is restored with the time it was logged"
            row = SetRow(s.session_id, s.date, s.variant, s.logged, s.logged_at)
            rows.append({"id": s.id, **_set_row(athlete_id, row)})
        if rows:
            self.c.execute(insert(set_logs), rows)

    def add_rows(self, athlete_id: int, rows: list[SetRow]) -> None:
        """Store sets exactly as given, in one statement (imports into an empty store)."""
        if not rows:
            return
        self.c.execute(insert(set_logs), [_set_row(athlete_id, r) for r in rows])

    def next_number(self, session_id: int, exercise: str) -> int:
        highest = self.c.execute(
            select(func.max(set_logs.c.set_number)).where(
                set_logs.c.session_id == session_id, set_logs.c.exercise == exercise
            )
        ).scalar()
        return int(highest or 0) + 1

    def highest_numbers(self, session_id: int) -> dict[str, int]:
        rows = self.c.execute(
            select(set_logs.c.exercise, func.max(set_logs.c.set_number))
            .where(set_logs.c.session_id == session_id)
            .group_by(set_logs.c.exercise)
        ).all()
        return {str(r[0]): int(r[1]) for r in rows}

    def known_client_ids(self, athlete_id: int, client_ids: list[str]) -> set[str]:
        known: set[str] = set()
        for start in range(0, len(client_ids), CLIENT_IDS_PER_QUERY):
            chunk = client_ids[start : start + CLIENT_IDS_PER_QUERY]
            known.update(
                str(found)
                for found in self.c.execute(
                    select(set_logs.c.client_id).where(
                        set_logs.c.athlete_id == athlete_id, set_logs.c.client_id.in_(chunk)
                    )
                ).scalars()
            )
        return known

    def add_many(self, athlete_id: int, rows: list[SetRow]) -> list[int | None]:
        if not rows:
            return []
        values = [_set_row(athlete_id, r) for r in rows]
        # One multi-row INSERT. SQLite returns the new ids in no promised order (and SQLAlchemy
        # would fall back to a statement per row to sort them), so each id is matched back to its
        # row by the row's content; rows alike in every returned column are interchangeable.
        key = [set_logs.c[name] for name in _SET_KEY]
        try:
            with self.c.begin_nested():
                found = self.c.execute(insert(set_logs).returning(set_logs.c.id, *key), values)
                ids: dict[tuple[object, ...], list[int]] = {}
                for row in found:
                    ids.setdefault(tuple(row[1:]), []).append(int(row[0]))
                return [ids[tuple(v[name] for name in _SET_KEY)].pop() for v in values]
        except IntegrityError:  # a concurrent writer stored one of the client ids first
            return [
                insert_once(self.c, set_logs, row, athlete_id, r.logged.client_id)
                for row, r in zip(values, rows, strict=True)
            ]

    def all(self, athlete_id: int, exercise: str | None = None) -> list[StoredSet]:
        return self._sets(athlete_id, exercise, None)

    def recent(self, athlete_id: int, exercise: str, days: int) -> list[StoredSet]:
        """The sets of the last `days` distinct days this exercise was done: enough to progress."""
        return self.recent_of(athlete_id, [exercise], days)[exercise]

    def recent_of(
        self, athlete_id: int, exercises: list[str], days: int, before: dt.date | None = None
    ) -> dict[str, list[StoredSet]]:
        """`recent` for several exercises in one statement (a session's items at once); with
        `before`, the last `days` days each was done before that day (a day's target never
        reads the day itself, however many sets it already holds)."""
        found: dict[str, list[StoredSet]] = {e: [] for e in exercises}
        if not found:
            return found
        values: dict[str, object] = {"athlete_id": athlete_id, "days": days}
        values |= {f"exercise_{n}": e for n, e in enumerate(found)}
        if before is not None:
            values["before"] = before
        query = _recent_query(len(found), before is not None)
        for row in self.c.execute(query, values):
            found[row.exercise].append(_stored_set(row))
        return found

    def logged_times(self, athlete_id: int) -> dict[int, dt.datetime]:
        """When each of the athlete's sets was logged, by set id, for a lossless export."""
        rows = self.c.execute(
            select(set_logs.c.id, set_logs.c.logged_at).where(set_logs.c.athlete_id == athlete_id)
        ).all()
        return {int(r[0]): utc(r[1]) for r in rows}

    def _sets(
        self, athlete_id: int, exercise: str | None, since: dt.date | None
    ) -> list[StoredSet]:
        query = select(set_logs).where(set_logs.c.athlete_id == athlete_id)
        if exercise is not None:
            query = query.where(set_logs.c.exercise == exercise)
        if since is not None:
            query = query.where(set_logs.c.date >= since)
        rows = self.c.execute(
            query.order_by(set_logs.c.date, set_logs.c.session_id, set_logs.c.id)
        ).all()
        return [_stored_set(r) for r in rows]


class SqlSummaries:
    """Figures over the whole log, grouped in the database so reports stay fast."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def daily_best_e1rm(self, athlete_id: int, exercise: str) -> list[tuple[dt.date, float, str]]:
        e1rm = set_logs.c.load_value * (1.0 + set_logs.c.reps / 30.0)
        rows = self.c.execute(
            select(set_logs.c.date, set_logs.c.load_unit, func.max(e1rm))
            .where(
                set_logs.c.athlete_id == athlete_id,
                set_logs.c.exercise == exercise,
                set_logs.c.reps.between(1, E1RM_MAX_REPS),
                set_logs.c.load_value > 0,
            )
            .group_by(set_logs.c.date, set_logs.c.load_unit)
            .order_by(set_logs.c.date, set_logs.c.load_unit)
        ).all()
        return [(r[0], float(r[2]), str(r[1])) for r in rows]

    def weekly_sets(
        self, athlete_id: int, since: dt.date | None = None
    ) -> list[tuple[dt.date, str, int]]:
        """Sets per (Monday of the week, exercise) from `since` on, grouped in the database."""
        if self.c.dialect.name == "sqlite":
            week: ColumnElement[Any] = func.date(set_logs.c.date, "weekday 0", "-6 days")
        else:
            week = cast(func.date_trunc("week", set_logs.c.date), Date)
        rows = self.c.execute(
            select(week.label("week"), set_logs.c.exercise, func.count())
            .where(
                set_logs.c.athlete_id == athlete_id,
                set_logs.c.date >= (since or dt.date.min),
            )
            .group_by(week, set_logs.c.exercise)
            .order_by(week, set_logs.c.exercise)
        ).all()
        return [(as_date(r[0]), str(r[1]), int(r[2])) for r in rows]


def seen_client_id(c: Connection, table: Table, athlete_id: int, client_id: str) -> bool:
    """Whether the athlete already stored a row with this client id."""
    found = c.execute(
        select(table.c.id).where(table.c.athlete_id == athlete_id, table.c.client_id == client_id)
    ).scalar()
    return found is not None


def insert_once(
    c: Connection, table: Table, row: dict[str, object], athlete_id: int, client_id: str | None
) -> int | None:
    """Insert a row and return its id; None when a concurrent writer stored the client id first.

    Any other constraint (an unknown session or athlete) is raised, never taken for a retry.
    """
    try:
        with c.begin_nested():
            return int(c.execute(insert(table).values(row).returning(table.c.id)).scalar_one())
    except IntegrityError:
        if client_id is None or not seen_client_id(c, table, athlete_id, client_id):
            raise
        return None


def _stored_set(r: Row[Any]) -> StoredSet:
    """A set row as the domain reads it; `Damaged` when the row holds what no set can."""
    try:
        return _decoded_set(r)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        raise Damaged("set_logs", r.id, str(exc) or type(exc).__name__) from exc


def _decoded_set(r: Row[Any]) -> StoredSet:
    return StoredSet(
        r.id,
        r.session_id,
        r.date,
        r.variant,
        LoggedSet(
            exercise=r.exercise,
            set_number=r.set_number,
            reps=r.reps,
            load=Load(r.load_value, Units(r.load_unit)) if r.load_unit else None,
            seconds=r.seconds,
            rir=r.rir,
            target=target_from_json(r.target_json),
            client_id=r.client_id,
        ),
        utc(r.logged_at),
    )


def _stored_session(r: Row[Any]) -> StoredSession:
    """A session row as the domain reads it; `Damaged` when the row holds what no session can."""
    try:
        session = PerformedSession(
            date=r.date,
            started_at=to_utc(r.started_at),
            ended_at=to_utc(r.ended_at),
            srpe=r.srpe,
            notes=r.notes,
            client_id=r.client_id,
        )
    except ValueError as exc:
        raise Damaged("performed_sessions", r.id, str(exc)) from exc
    return StoredSession(r.id, session)


def _set_row(athlete_id: int, r: SetRow) -> dict[str, object]:
    return {
        "session_id": r.session_id,
        "athlete_id": athlete_id,
        "date": r.date,
        "exercise": r.logged.exercise,
        "variant": r.variant,
        "set_number": r.logged.set_number,
        "reps": r.logged.reps,
        "load_value": r.logged.load.value if r.logged.load else None,
        "load_unit": r.logged.load.unit.value if r.logged.load else None,
        "seconds": r.logged.seconds,
        "rir": r.logged.rir,
        "target_json": target_to_json(r.logged.target),
        "client_id": r.logged.client_id,
        "logged_at": utc(r.logged_at),
    }


def _session_row(session: PerformedSession) -> dict[str, object]:
    return {
        "date": session.date,
        "started_at": to_utc(session.started_at),
        "ended_at": to_utc(session.ended_at),
        "srpe": session.srpe,
        "notes": session.notes,
        "client_id": session.client_id,
    }


@lru_cache(maxsize=64)
def _recent_query(exercises: int, bounded: bool) -> Select[Any]:
    """`recent_of`'s statement for so many exercises, built once: its parameters are bound
    (athlete_id, days, exercise_0..., and `before` when `bounded`), so SQLAlchemy compiles it
    once too."""
    athlete = bindparam("athlete_id", type_=Integer)
    days = bindparam("days", type_=Integer)
    window = [set_logs.c.date < bindparam("before", type_=Date)] if bounded else []
    since = []
    for n in range(exercises):
        exercise = bindparam(f"exercise_{n}", type_=String)
        recent = (
            select(set_logs.c.date)
            .where(set_logs.c.athlete_id == athlete, set_logs.c.exercise == exercise, *window)
            .distinct()
            .order_by(set_logs.c.date.desc())
            .limit(days)
            .subquery()
        )
        first = select(func.min(recent.c.date)).scalar_subquery()
        since.append(and_(set_logs.c.exercise == exercise, set_logs.c.date >= first))
    return (
        select(set_logs)
        .where(set_logs.c.athlete_id == athlete, or_(*since), *window)
        .order_by(set_logs.c.date, set_logs.c.session_id, set_logs.c.id)
    )
