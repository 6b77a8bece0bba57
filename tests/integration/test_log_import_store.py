"""Strong and Hevy imports on SQLite and PostgreSQL: once and only once, blocked by unknown names
until skipped, pounds converted, and a log exported in Strong's layout reads back the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from backends import Store

from runlift.adapters.catalogue_loader import load_library
from runlift.adapters.log_csv import HEVY, STRONG, read_log_csv, write_strong_csv
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.services.export_log import export_log
from runlift.services.import_log import ImportResult, UnknownExercises, import_log

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "log_import"
TODAY = dt.date(2026, 5, 4)
NOW = dt.datetime(2026, 5, 4, 8, 0, tzinfo=dt.UTC)
LIBRARY = load_library()
KG = Units.KG


def _athlete(store: Store, name: str) -> None:
    profile = (
        f"name: {name}\nlevel: intermediate\nunits: kg\n"
        "strength: {sessions_per_week: 2, minutes_per_session: 40}\n"
        "equipment: [dumbbell]\nruns: {sat: long}\n"
    )
    with store() as uow:
        uow.athletes.add(name, profile, NOW)
        uow.commit()


def _import(store: Store, data: bytes, app: str, skip: bool, name: str = "Kim") -> ImportResult:
    sets = read_log_csv(data, app)
    return import_log(store, LIBRARY, name, sets, app, skip_unknown=skip, today=TODAY, now=NOW)


def _log(store: Store, name: str = "Kim") -> list[tuple[object, ...]]:
    with store() as uow:
        athlete = uow.athletes.get(name)
        assert athlete is not None
        sets = uow.sets.all(athlete.id)
        days = [s.session.date for s in uow.sessions.all(athlete.id)]
    assert len(days) == len(set(days)), "one performed session per day"
    return [
        (
            s.date,
            s.logged.exercise,
            s.logged.set_number,
            s.logged.reps,
            s.logged.load,
            s.logged.seconds,
            s.logged.rir,
            s.logged.target,
        )
        for s in sets
    ]


@pytest.mark.parametrize(
    ("fixture", "app", "count"),
    [("strong-kg.csv", STRONG, 14), ("strong-lb.csv", STRONG, 9), ("hevy.csv", HEVY, 9)],
)
def test_a_fixture_imports_once_and_only_once(
    store: Store, fixture: str, app: str, count: int
) -> None:
    _athlete(store, "Kim")
    data = (FIXTURES / fixture).read_bytes()
    with pytest.raises(UnknownExercises):
        _import(store, data, app, skip=False)
    assert _log(store) == []
    first = _import(store, data, app, skip=True)
    assert (first.imported, first.already) == (count, 0)
    again = _import(store, data, app, skip=True)
    assert (again.imported, again.already) == (0, count)
    log = _log(store)
    assert len(log) == count
    assert all(row[-1] is None for row in log)  # never a progression target


def test_pounds_are_stored_as_kilograms(store: Store) -> None:
    _athlete(store, "Kim")
    _import(store, (FIXTURES / "strong-lb.csv").read_bytes(), STRONG, skip=True)
    loads = [(row[1], row[4]) for row in _log(store)]
    assert loads[0] == ("deadlift", Load(102.1, KG))
    assert ("hip-thrust", Load(61.2, KG)) in loads
    assert ("plank", None) in loads


def test_the_strong_layout_export_imports_into_another_athlete_as_the_same_sets(
    store: Store,
) -> None:
    _athlete(store, "Kim")
    _athlete(store, "Lou")
    for fixture, app in (("strong-kg.csv", STRONG), ("hevy.csv", HEVY)):
        _import(store, (FIXTURES / fixture).read_bytes(), app, skip=True)
    text = write_strong_csv(export_log(store, LIBRARY, "Kim").sets)
    result = _import(store, text.encode(), STRONG, skip=False, name="Lou")
    assert result.imported == 23
    assert _log(store, "Lou") == _log(store, "Kim")
