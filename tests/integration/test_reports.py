"""Reports and export over a real store: a small hand-made log with numbers worked out by hand.

Runs on SQLite always and on PostgreSQL too when RUNLIFT_TEST_PG_URL is set (see conftest.py).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import plan_samples
from core_helpers import app_core, close_app_core
from runlift.adapters.catalogue_loader import load_library
from runlift.adapters.db.engine import make_engine, upgrade
from runlift.adapters.db.uow import SqlUnitOfWork
from runlift.domain.athlete import LB_PER_KG
from runlift.domain.library import Library
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load, Target
from runlift.domain.vocab import Units
from runlift.services import reports, transfer
from runlift.services.athletes import only_athlete
from runlift.services.errors import BadInput, NotFound
from runlift.services.ports import PlannedSessionRecord, UnitOfWork

ROOT = Path(__file__).resolve().parents[2]
ANA = (ROOT / "examples" / "ana-marathon.yaml").read_text(encoding="utf-8")
KG, LB = Units.KG, Units.LB
NOW = dt.datetime(2026, 11, 20, 7, 30, 15, 123456, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 21)

Factory = Callable[[], UnitOfWork]
# (day, exercise, reps, load, seconds): the hand-made log the expectations below are computed from.
LOG: list[tuple[dt.date, str, int | None, Load | None, int | None]] = [
    (dt.date(2025, 12, 29), "goblet-squat", 10, Load(16, KG), None),  # 2026-W01, a Monday
    (dt.date(2026, 1, 1), "goblet-squat", 12, Load(16, KG), None),  # still 2026-W01; 12 reps
    (dt.date(2026, 11, 10), "goblet-squat", 8, Load(20, KG), None),
    (dt.date(2026, 11, 10), "goblet-squat", 8, Load(20, KG), None),
    (dt.date(2026, 11, 10), "goblet-squat", 6, Load(22, KG), None),
    (dt.date(2026, 11, 10), "side-plank", None, None, 30),
    (dt.date(2026, 11, 10), "side-plank", None, None, 40),
    (dt.date(2026, 11, 12), "calf-raise", 12, None, None),
    (dt.date(2026, 11, 12), "calf-raise", 12, None, None),
    (dt.date(2026, 11, 12), "calf-raise", 10, None, None),
    (dt.date(2026, 11, 12), "forward-lunge", 10, Load(40, LB), None),
    (dt.date(2026, 11, 12), "forward-lunge", 8, Load(18, KG), None),
    (dt.date(2026, 11, 17), "goblet-squat", 8, Load(22, KG), None),
    (dt.date(2026, 11, 17), "goblet-squat", 5, Load(24, KG), None),
    (dt.date(2026, 11, 17), "glute-bridge", 15, None, None),
]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def make_uow(cli_backend: str) -> Factory:
    """A fresh store: SQLite in the test's data dir, or a new PostgreSQL schema (conftest)."""
    return app_core().uow_factory()


def _seed(make_uow: Factory, name: str = "Ana", profile: str = ANA) -> None:
    """Store the hand-made log: one performed session per day, sets numbered per exercise."""
    with make_uow() as uow:
        athlete = uow.athletes.add(name, profile, NOW)
        sessions: dict[dt.date, int] = {}
        numbers: dict[tuple[dt.date, str], int] = {}
        for index, (day, exercise, reps, load, seconds) in enumerate(LOG):
            if day not in sessions:
                sessions[day] = uow.sessions.add(athlete.id, PerformedSession(date=day))
            number = numbers.get((day, exercise), 0) + 1
            numbers[(day, exercise)] = number
            target = Target(exercise, exercise, 3, (8, 12), None, Load(20, KG), 2)
            logged = LoggedSet(exercise, number, reps, load, seconds, 2, target, f"{name}-{index}")
            uow.sets.add(athlete.id, sessions[day], day, logged, exercise, NOW)
        uow.commit()


def test_weekly_volume_counts_sets_per_iso_week_and_primary_muscle(
    make_uow: Factory, library: Library
) -> None:
    _seed(make_uow)
    weeks = reports.weekly_volume(make_uow, library, "Ana")
    assert [(w.week, w.monday, w.sets) for w in weeks] == [
        # 2025-12-29 and 2026-01-01 fall in the same ISO week, 2026-W01.
        ("2026-W01", dt.date(2025, 12, 29), {"glutes": 2, "quadriceps": 2}),
        # goblet squat 3 + forward lunge 2 (quads, glutes); side plank 2; calf raise 3.
        (
            "2026-W46",
            dt.date(2026, 11, 9),
            {"abs": 2, "calves": 3, "glutes": 5, "obliques": 2, "quadriceps": 5},
        ),
        # goblet squat 2 (quads, glutes) + glute bridge 1 (glutes).
        ("2026-W47", dt.date(2026, 11, 16), {"glutes": 3, "quadriceps": 2}),
    ]


def test_weekly_volume_of_an_empty_log_is_empty(make_uow: Factory, library: Library) -> None:
    with make_uow() as uow:
        uow.athletes.add("Ana", ANA, NOW)
        uow.commit()
    assert reports.weekly_volume(make_uow, library, "Ana") == []


def test_e1rm_trend_is_the_best_epley_per_day_from_sets_of_ten_reps_or_fewer(
    make_uow: Factory, library: Library
) -> None:
    _seed(make_uow)
    trend = reports.e1rm_trend(make_uow, library, "Ana", "Goblet squat")
    assert (trend.athlete, trend.exercise, trend.units) == ("Ana", "goblet-squat", KG)
    days = [day for day, _ in trend.points]
    # 2026-01-01 only had a 12-rep set, which Epley does not use.
    assert days == [dt.date(2025, 12, 29), dt.date(2026, 11, 10), dt.date(2026, 11, 17)]
    expected = [16 * (1 + 10 / 30), 22 * (1 + 6 / 30), 24 * (1 + 5 / 30)]
    assert [value for _, value in trend.points] == pytest.approx(expected)


def test_e1rm_trend_converts_pounds_to_the_athletes_units(
    make_uow: Factory, library: Library
) -> None:
    _seed(make_uow)
    trend = reports.e1rm_trend(make_uow, library, "Ana", "forward-lunge")
    # 10 x 40 lb = 53.3 lb = 24.2 kg beats 8 x 18 kg = 22.8 kg on the same day.
    [(day, value)] = trend.points
    assert day == dt.date(2026, 11, 12)
    assert value == pytest.approx(40 * (4 / 3) / LB_PER_KG)
    _seed(make_uow, "Lee", ANA.replace("units: kg", "units: lb"))
    pounds = reports.e1rm_trend(make_uow, library, "Lee", "forward-lunge")
    assert pounds.units is LB
    [(day, value)] = pounds.points
    assert day == dt.date(2026, 11, 12)
    assert value == pytest.approx(40 * 4 / 3)


def test_records_per_exercise(make_uow: Factory) -> None:
    _seed(make_uow)
    units, found = reports.records(make_uow, "Ana")
    assert units is KG
    by_slug = {r.exercise: r for r in found}
    assert list(by_slug) == sorted(by_slug)
    assert set(by_slug) == {
        "calf-raise",
        "forward-lunge",
        "glute-bridge",
        "goblet-squat",
        "side-plank",
    }
    squat = by_slug["goblet-squat"]
    assert squat.e1rm is not None
    assert squat.e1rm.e1rm.value == pytest.approx(28.0)
    assert (squat.e1rm.date, squat.e1rm.set_number, squat.e1rm.reps, squat.e1rm.load) == (
        dt.date(2026, 11, 17),
        2,
        5,
        Load(24, KG),
    )
    assert [(r.load, r.reps, r.date) for r in squat.reps_at] == [
        (Load(16, KG), 12, dt.date(2026, 1, 1)),
        (Load(20, KG), 8, dt.date(2026, 11, 10)),  # the first of two equal sets
        (Load(22, KG), 8, dt.date(2026, 11, 17)),  # beats 6 on 2026-11-10
        (Load(24, KG), 5, dt.date(2026, 11, 17)),
    ]
    assert squat.longest_hold is None
    plank = by_slug["side-plank"]
    assert (plank.e1rm, plank.reps_at, plank.longest_hold) == (
        None,
        [],
        (40, dt.date(2026, 11, 10)),
    )
    calf = by_slug["calf-raise"]
    assert calf.e1rm is None
    assert [(r.load, r.reps) for r in calf.reps_at] == [(None, 12)]
    lunge = by_slug["forward-lunge"]
    assert lunge.e1rm is not None
    assert lunge.e1rm.load == Load(40, LB)
    assert lunge.e1rm.e1rm.unit is KG


def test_history_lists_every_set_or_one_exercise(make_uow: Factory, library: Library) -> None:
    _seed(make_uow)
    rows = reports.history(make_uow, library, "Ana")
    assert len(rows) == len(LOG)
    assert [r.date for r in rows] == sorted(r.date for r in rows)
    squats = reports.history(make_uow, library, "Ana", "goblet squat")
    assert [(r.date, r.set_number, r.reps, r.load) for r in squats] == [
        (dt.date(2025, 12, 29), 1, 10, Load(16, KG)),
        (dt.date(2026, 1, 1), 1, 12, Load(16, KG)),
        (dt.date(2026, 11, 10), 1, 8, Load(20, KG)),
        (dt.date(2026, 11, 10), 2, 8, Load(20, KG)),
        (dt.date(2026, 11, 10), 3, 6, Load(22, KG)),
        (dt.date(2026, 11, 17), 1, 8, Load(22, KG)),
        (dt.date(2026, 11, 17), 2, 5, Load(24, KG)),
    ]
    assert all(r.target is not None and r.target.sets == 3 for r in squats)
    with pytest.raises(NotFound, match="goblet-squat"):
        reports.history(make_uow, library, "Ana", "goblet sqat")


def test_reports_need_an_athlete(make_uow: Factory, library: Library) -> None:
    with pytest.raises(BadInput, match="none stored yet"):
        only_athlete(make_uow)  # what the CLI asks when no athlete is named
    with pytest.raises(NotFound, match="unknown athlete 'Ana'"):
        reports.history(make_uow, library, "Ana")


def test_export_import_export_is_identical_and_keeps_every_field(
    make_uow: Factory, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(make_uow)
    with make_uow() as uow:
        athlete = uow.athletes.get("Ana")
        assert athlete is not None
        started = dt.datetime(2026, 11, 18, 4, 0, tzinfo=dt.UTC)
        session = PerformedSession(
            dt.date(2026, 11, 18), started, started + dt.timedelta(minutes=40), 7, "ünïcode ✓", "s1"
        )
        session_id = uow.sessions.add(athlete.id, session)
        logged = LoggedSet("side-plank", 1, None, None, 45, None, None, None)
        uow.sets.add(athlete.id, session_id, session.date, logged, "side-plank", NOW)
        for version in (1, 2):
            planned = PlannedSessionRecord(
                dt.date(2026, 11, 16 + version),
                0,
                1,
                version == 2,
                "Base A",
                plan_samples.session(dt.date(2026, 11, 16 + version), "Base A"),
            )
            plan = plan_samples.plan_text()
            made = NOW + dt.timedelta(days=version)
            uow.plans.add(athlete.id, dt.date(2026, 11, 16), ANA, plan, [planned], made)
        uow.commit()
    first = transfer.export_document(make_uow)
    assert (first["format"], first["version"]) == ("runlift-export", 1)
    assert transfer.counts(first) == transfer.Counts(1, 2, 6, len(LOG) + 1)
    plans = first["athletes"][0]["plans"]
    assert [(p["version"], p["created_at"]) for p in plans] == [
        (1, "2026-11-21T07:30:15.123456+00:00"),
        (2, "2026-11-22T07:30:15.123456+00:00"),
    ]
    assert plans[1]["planned_sessions"] == [
        {
            "date": "2026-11-18",
            "position": 0,
            "week": 1,
            "deload": True,
            "title": "Base A",
            "session": plan_samples.session(dt.date(2026, 11, 18), "Base A"),
        }
    ]
    stored = first["athletes"][0]["sessions"][-1]
    assert stored["started_at"] == "2026-11-18T04:00:00+00:00"
    assert (stored["srpe"], stored["notes"], stored["client_id"]) == (7, "ünïcode ✓", "s1")
    assert stored["sets"][0]["logged_at"] == "2026-11-20T07:30:15.123456+00:00"

    records = reports.records(make_uow, "Ana")
    monkeypatch.setenv("RUNLIFT_DATA_DIR", str(tmp_path / "second"))
    monkeypatch.delenv("RUNLIFT_DATABASE_URL", raising=False)
    close_app_core()  # the first store's connections close here; it is not used again
    second = app_core().uow_factory()
    document = copy.deepcopy(first)
    counts = transfer.import_document(second, library, document, TODAY)
    assert counts == transfer.counts(first)
    assert document == first, "import must not change the document it is given"
    again = transfer.export_document(second)
    with second() as uow:
        copied = uow.athletes.get("Ana")
        assert copied is not None
        assert [p.plan_json for p in uow.plans.all(copied.id)] == [plan, plan]
    assert transfer.document_text(again) == transfer.document_text(first)
    assert reports.records(second, "Ana") == records


def test_import_into_this_backend_gives_back_the_same_document(
    make_uow: Factory, library: Library, tmp_path: Path
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'source.db'}")
    upgrade(engine)

    def source() -> UnitOfWork:
        return SqlUnitOfWork(engine)

    try:
        _seed(source)
        _seed(source, "Zoë", ANA.replace("units: kg", "units: lb"))
        document = transfer.export_document(source)
    finally:
        engine.dispose()
    counts = transfer.import_document(make_uow, library, copy.deepcopy(document), TODAY)
    assert counts == transfer.Counts(2, 0, 10, 2 * len(LOG))
    assert transfer.export_document(make_uow) == document
    with pytest.raises(BadInput, match="store: not empty"):
        transfer.import_document(make_uow, library, document, TODAY)
    assert transfer.export_document(make_uow) == document
