"""Runs in the SQL store, on SQLite and PostgreSQL: order, filters, idempotence, isolation."""

from __future__ import annotations

import datetime as dt

import pytest
from backends import Store
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from runlift.adapters.db.uow import SqlUnitOfWork
from runlift.domain.training_load import RunEntry

NOW = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 17)
PROFILE = "name: Ana\nlevel: intermediate\n"


def _athlete(store: Store, name: str = "Ana") -> int:
    with store() as uow:
        athlete = uow.athletes.add(name, PROFILE, NOW)
        uow.commit()
    return athlete.id


def _add(store: Store, athlete_id: int, run: RunEntry, client_id: str | None = None) -> bool:
    with store() as uow:
        added = uow.runs.add(athlete_id, run, "manual", client_id, NOW)
        uow.commit()
    return added


def test_runs_come_back_by_date_with_every_field(store: Store) -> None:
    ana = _athlete(store)
    later = RunEntry(DAY, 12_500.5, 3900, "long")
    earlier = RunEntry(DAY - dt.timedelta(days=3), 8000.0, None, None)
    assert _add(store, ana, later, "r2")
    assert _add(store, ana, earlier)
    with store() as uow:
        stored = uow.runs.all(ana)
    assert [s.run for s in stored] == [earlier, later]
    assert [(s.source, s.client_id) for s in stored] == [("manual", None), ("manual", "r2")]
    assert stored[0].id != stored[1].id


def test_since_keeps_runs_on_and_after_the_day(store: Store) -> None:
    ana = _athlete(store)
    for offset in range(5):
        _add(store, ana, RunEntry(DAY + dt.timedelta(days=offset), 5000.0 + offset))
    with store() as uow:
        since = uow.runs.all(ana, DAY + dt.timedelta(days=3))
        everything = uow.runs.all(ana, None)
    assert [s.run.date for s in since] == [DAY + dt.timedelta(days=3), DAY + dt.timedelta(days=4)]
    assert len(everything) == 5


def test_a_known_client_id_adds_nothing_but_only_for_the_same_athlete(store: Store) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    run = RunEntry(DAY, 10_000.0, 3300, "easy")
    assert _add(store, ana, run, "gpx:abc:0")
    assert not _add(store, ana, RunEntry(DAY, 20_000.0), "gpx:abc:0")
    assert _add(store, ben, run, "gpx:abc:0")
    assert _add(store, ana, run)  # no client id: a second run of the same shape is stored
    with store() as uow:
        assert [s.run for s in uow.runs.all(ana)] == [run, run]
        assert [s.run for s in uow.runs.all(ben)] == [run]


def test_runs_are_only_kept_on_commit(store: Store) -> None:
    ana = _athlete(store)
    with store() as uow:
        assert uow.runs.add(ana, RunEntry(DAY, 5000.0), "manual", "x", NOW)
        assert [s.client_id for s in uow.runs.all(ana)] == ["x"]
    with store() as uow:
        assert uow.runs.all(ana) == []


def test_the_database_refuses_a_duplicate_client_id(store: Store) -> None:
    ana = _athlete(store)
    _add(store, ana, RunEntry(DAY, 5000.0), "dup")
    insert = text(
        "INSERT INTO runs (athlete_id, date, distance_m, source, client_id, logged_at)"
        " VALUES (:a, :d, 5000, 'manual', 'dup', :now)"
    )
    # The insert must run inside the unit of work; the assert only narrows the type.
    with pytest.raises(IntegrityError), SqlUnitOfWork(store.engine, raw_errors=True) as uow:  # noqa: PT012
        assert uow.connection is not None
        uow.connection.execute(insert, {"a": ana, "d": DAY, "now": NOW})


def test_runs_go_with_their_athlete(store: Store) -> None:
    ana, ben = _athlete(store), _athlete(store, "Ben")
    _add(store, ana, RunEntry(DAY, 5000.0))
    _add(store, ben, RunEntry(DAY, 7000.0))
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM athletes WHERE id = :a"), {"a": ana})
        remaining = connection.execute(text("SELECT athlete_id FROM runs")).scalars().all()
    assert remaining == [ben]
