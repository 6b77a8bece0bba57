"""Measure the store: sets logged per second, and the reports over ten years of one athlete's log.

SQLite always (a file in a temporary folder); PostgreSQL when reachable at RUNLIFT_TEST_PG_URL
(default postgresql://postgres@127.0.0.1:5432/test), in a schema of its own dropped afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from runlift.adapters.catalogue_loader import load_library
from runlift.adapters.db.engine import make_engine, upgrade
from runlift.adapters.db.uow import SqlUnitOfWork
from runlift.domain.library import Library
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load, Target
from runlift.domain.vocab import Units
from runlift.services import athletes, logbook, reports, session_document, training
from runlift.services.errors import BadInput
from runlift.services.ports import SetRow, UnitOfWork

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "examples" / "ana-marathon.yaml"
ATHLETE = "Ana"  # the name in that profile
PG_URL = os.environ.get("RUNLIFT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
NOW = dt.datetime(2026, 11, 16, 7, 0, tzinfo=dt.UTC)
FIRST_DAY = dt.date(2016, 11, 21)  # a Monday, ten years before the plan starts
YEARS = 10
TRAINING_DAYS = (0, 1, 3, 5)  # Mon, Tue, Thu, Sat
EXERCISES_PER_SESSION = 12
SETS_PER_EXERCISE = 6
LOGGED_ONE_BY_ONE = 200
QUERY_RUNS = 21
TREND_EXERCISE = "goblet-squat"
HOLDS = ("plank", "side-plank", "wall-sit")
POOL = (
    "goblet-squat",
    "forward-lunge",
    "romanian-deadlift",
    "step-up",
    "bent-over-row",
    "bulgarian-split-squat",
    "deadlift",
    "single-leg-calf-raise",
    "push-up",
    "glute-bridge",
    "hip-thrust",
    "split-squat",
    "reverse-lunge",
    "shoulder-press",
    "single-arm-row",
    "calf-raise",
    "nordic-hamstring-curl",
    "dumbbell-bench-press",
    "back-squat",
    "front-squat",
    "pallof-press",
    *HOLDS,
)

Factory = Callable[[], UnitOfWork]


def _median_ms(fn: Callable[[], object], runs: int = QUERY_RUNS) -> float:
    fn()  # warm caches and the connection pool
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def _factory(engine: Engine) -> Factory:
    return lambda: SqlUnitOfWork(engine)


def _new_athlete(make_uow: Factory, library: Library) -> int:
    record, _ = athletes.create_athlete(
        make_uow,
        library,
        PROFILE.read_text(encoding="utf-8"),
        str(PROFILE),
        dt.date(2026, 11, 16),
        dt.date(2026, 11, 16),
        NOW,
    )
    return record.id


def _sessions_of(rng: random.Random) -> Iterator[tuple[dt.date, list[LoggedSet]]]:
    """Ten years of training, four sessions a week, twelve exercises of six sets each."""
    week = 0
    while week < 52 * YEARS:
        monday = FIRST_DAY + dt.timedelta(weeks=week)
        for offset in TRAINING_DAYS:
            chosen = rng.sample(POOL, EXERCISES_PER_SESSION)
            if TREND_EXERCISE not in chosen and offset in (0, 3):
                chosen[0] = TREND_EXERCISE
            sets = []
            for slug in chosen:
                base = 10 + week * 0.03 + rng.random() * 4
                for number in range(1, SETS_PER_EXERCISE + 1):
                    sets.append(_a_set(rng, slug, number, base))
            yield monday + dt.timedelta(days=offset), sets
        week += 1


def _a_set(rng: random.Random, slug: str, number: int, base: float) -> LoggedSet:
    if slug in HOLDS:
        target = Target(slug, slug, SETS_PER_EXERCISE, None, 40, None, 2)
        return LoggedSet(slug, number, None, None, rng.randint(20, 60), 2, target)
    reps = rng.randint(3, 15)
    unit = Units.LB if rng.random() < 0.1 else Units.KG
    load = Load(round(base * (2.2 if unit is Units.LB else 1.0), 1), unit)
    target = Target(slug, slug, SETS_PER_EXERCISE, (6, 10), None, load, 2)
    return LoggedSet(slug, number, reps, load, None, rng.randint(0, 4), target, f"h-{uuid.uuid4()}")


def _fill(make_uow: Factory, athlete_id: int) -> tuple[int, int, float]:
    """Bulk-load the ten-year log through the repositories, in one transaction."""
    rng = random.Random(2026)
    began = time.perf_counter()
    sessions = sets = 0
    with make_uow() as uow:
        for day, logged in _sessions_of(rng):
            session_id = uow.sessions.add(athlete_id, PerformedSession(day, srpe=6))
            stamp = dt.datetime.combine(day, dt.time(18), dt.UTC)
            rows = [SetRow(session_id, day, s.exercise, s, stamp) for s in logged]
            uow.sets.add_rows(athlete_id, rows)
            sessions += 1
            sets += len(rows)
        uow.commit()
    return sessions, sets, time.perf_counter() - began


def _log_one_by_one(make_uow: Factory, library: Library, count: int, tag: str) -> float:
    """Sets per second through training.log_sets, one set per transaction (as `runlift log`)."""
    day = dt.date(2026, 11, 17)
    began = time.perf_counter()
    for i in range(count):
        entry = training.SetEntry(
            "forward-lunge", 6, Load(16.0, Units.KG), rir=2, client_id=f"{tag}-{i}"
        )
        training.log_sets(make_uow, library, ATHLETE, day, [entry], day, NOW)
    return count / (time.perf_counter() - began)


def _session_file(sets: int, tag: str) -> str:
    """A session file of `sets` sets over eight exercises, as `runlift log --file` reads one."""
    exercises = POOL[:8]
    document = {
        "date": "2026-11-17",
        "id": f"bench-{tag}-{sets}",
        "srpe": 7,
        "sets": [
            {"exercise": exercises[i % 8], "reps": 8, "load": "20kg", "id": f"{tag}-{sets}-{i}"}
            if exercises[i % 8] not in HOLDS
            else {"exercise": exercises[i % 8], "seconds": 40, "id": f"{tag}-{sets}-{i}"}
            for i in range(sets)
        ],
    }
    return json.dumps(document)


def _log_session_files(make_uow: Factory, library: Library, tag: str) -> list[str]:
    """Seconds to log the largest session file accepted; the old 10,000-set case is refused."""
    day = dt.date(2026, 11, 17)
    largest = session_document.MAX_SETS_PER_SESSION
    began = time.perf_counter()
    logbook.log_session_document(
        make_uow, library, ATHLETE, _session_file(largest, tag), "bench.json", day, NOW
    )
    seconds = time.perf_counter() - began
    lines = [
        f"  session file of {largest} sets (the most accepted) via log --file: {seconds:.2f} s"
    ]
    began = time.perf_counter()
    try:
        logbook.log_session_document(
            make_uow, library, ATHLETE, _session_file(10_000, tag), "bench.json", day, NOW
        )
        outcome = "stored (the cap is not enforced!)"
    except BadInput as exc:
        outcome = f"refused in {time.perf_counter() - began:.2f} s ({exc})"
    lines.append(f"  session file of 10000 sets: {outcome}")
    return lines


def _weekly_volume_and_trend(make_uow: Factory, library: Library) -> list[str]:
    volume = reports.weekly_volume(make_uow, library, ATHLETE)
    trend = reports.e1rm_trend(make_uow, library, ATHLETE, TREND_EXERCISE)
    with make_uow() as uow:
        last_day = max(s.date for s in uow.sets.all(uow.athletes.all()[0].id))
    year_ago = last_day - dt.timedelta(weeks=52)
    year = reports.weekly_volume(make_uow, library, ATHLETE, year_ago)
    year_ms = _median_ms(lambda: reports.weekly_volume(make_uow, library, ATHLETE, year_ago))
    volume_ms = _median_ms(lambda: reports.weekly_volume(make_uow, library, ATHLETE))
    trend_ms = _median_ms(lambda: reports.e1rm_trend(make_uow, library, ATHLETE, TREND_EXERCISE))
    with make_uow() as uow:
        athlete_id = uow.athletes.all()[0].id
        weekly_ms = _median_ms(lambda: uow.summaries.weekly_sets(athlete_id))
        best_ms = _median_ms(lambda: uow.summaries.daily_best_e1rm(athlete_id, TREND_EXERCISE))
    return [
        f"  weekly volume per muscle group, last year ({len(year)} weeks, `runlift volume "
        f"--weeks 52`), median of {QUERY_RUNS}: {year_ms:7.1f} ms",
        f"  weekly volume per muscle group ({len(volume)} weeks), median of {QUERY_RUNS}: "
        f"{volume_ms:7.1f} ms  (of which LogSummaries.weekly_sets: {weekly_ms:.1f} ms)",
        f"  e1RM trend of {TREND_EXERCISE} ({len(trend.points)} days), median of {QUERY_RUNS}:"
        f"     {trend_ms:7.1f} ms  (of which LogSummaries.daily_best_e1rm: {best_ms:.1f} ms)",
    ]


def measure(name: str, engine: Engine, library: Library) -> None:
    """Every figure for one backend."""
    upgrade(engine)
    make_uow = _factory(engine)
    athlete_id = _new_athlete(make_uow, library)
    rate = _log_one_by_one(make_uow, library, LOGGED_ONE_BY_ONE, "empty")
    print(f"{name}")
    print(
        f"  sets logged one per transaction via training.log_sets, {LOGGED_ONE_BY_ONE} sets "
        f"into an empty log: {rate:7.0f} sets/s"
    )
    for line in _log_session_files(make_uow, library, "empty"):
        print(line)
    sessions, sets, seconds = _fill(make_uow, athlete_id)
    if engine.dialect.name == "postgresql":
        # What autovacuum does shortly after a bulk load: statistics and the visibility map.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE set_logs"))
    print(
        f"  ten-year log: {sessions} sessions, {sets} sets bulk-inserted in {seconds:.1f} s "
        f"({sets / seconds:.0f} sets/s)"
    )
    for line in _weekly_volume_and_trend(make_uow, library):
        print(line)
    rate = _log_one_by_one(make_uow, library, LOGGED_ONE_BY_ONE // 4, "full")
    print(
        f"  sets logged one per transaction, {LOGGED_ONE_BY_ONE // 4} sets on top of the "
        f"ten-year log: {rate:7.0f} sets/s"
    )
    for line in _log_session_files(make_uow, library, "full"):
        print(line)


@contextmanager
def _pg_schema() -> Iterator[str | None]:
    """A throwaway schema on the test PostgreSQL server, or None when it cannot be reached."""
    admin = make_engine(PG_URL)
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        print(f"PostgreSQL: skipped ({str(exc.orig or exc).strip().splitlines()[0]})")
        yield None
        return
    try:
        yield schema
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    library = load_library()
    missing = [slug for slug in POOL if slug not in library.catalogue]
    assert not missing, f"not in the catalogue: {missing}"
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            measure("SQLite (WAL, synchronous=NORMAL)", engine, library)
        finally:
            engine.dispose()
    with _pg_schema() as schema:
        if schema is not None:
            engine = make_engine(PG_URL, schema=schema)
            try:
                measure("PostgreSQL", engine, library)
            finally:
                engine.dispose()


if __name__ == "__main__":
    main()
