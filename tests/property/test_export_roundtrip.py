"""Any store exports to a document that imports into an empty store and exports the same again,
on SQLite and on PostgreSQL (when RUNLIFT_TEST_PG_URL is set)."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

import plan_samples
from runlift.adapters.catalogue_loader import load_library
from runlift.adapters.db.engine import make_engine, upgrade
from runlift.adapters.db.uow import SqlUnitOfWork
from runlift.domain.library import Library
from runlift.domain.log import LoggedSet, PerformedSession
from runlift.domain.progression import Load, Target
from runlift.domain.vocab import Units
from runlift.services import transfer
from runlift.services.plan_document import dumps
from runlift.services.ports import PlannedSessionRecord, UnitOfWork

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from backends import BACKENDS, PG_URL, POSTGRESQL

ROOT = Path(__file__).resolve().parents[2]
PROFILE = (ROOT / "examples" / "ana-marathon.yaml").read_text(encoding="utf-8")
SLUGS = ["goblet-squat", "side-plank", "calf-raise", "forward-lunge", "glute-bridge"]
DAYS = st.dates(dt.date(2024, 1, 1), dt.date(2026, 11, 1))
STAMPS = st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1), timezones=st.just(dt.UTC))
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)

Factory = Callable[[], UnitOfWork]


@cache
def library() -> Library:
    return load_library()


Pair = Callable[[], contextlib.AbstractContextManager[tuple[Factory, Factory]]]


@contextmanager
def _sqlite_pair(template: Path) -> Iterator[tuple[Factory, Factory]]:
    """Two empty SQLite stores, copied from a migrated template (migrating is slow)."""
    with tempfile.TemporaryDirectory() as folder:
        engines = []
        for name in ("source.db", "target.db"):
            shutil.copyfile(template, Path(folder) / name)
            engines.append(make_engine(f"sqlite:///{Path(folder) / name}"))
        try:
            yield _factory(engines[0]), _factory(engines[1])
        finally:
            for engine in engines:
                engine.dispose()


def _factory(engine: Engine) -> Factory:
    return lambda: SqlUnitOfWork(engine)


@pytest.fixture(scope="module", params=BACKENDS)
def empty_stores(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pair]:
    """Opens two empty stores per example: SQLite files, or two PostgreSQL schemas wiped clean."""
    if request.param != POSTGRESQL:
        path = tmp_path_factory.mktemp("template") / "store.db"
        engine = make_engine(f"sqlite:///{path}")
        upgrade(engine)
        engine.dispose()
        yield lambda: _sqlite_pair(path)
        return
    assert PG_URL is not None
    admin = make_engine(PG_URL)
    schemas = [f"t_{uuid.uuid4().hex}" for _ in range(2)]
    with admin.begin() as connection:
        for schema in schemas:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engines = [make_engine(PG_URL, schema=schema) for schema in schemas]
    for engine in engines:
        upgrade(engine)

    @contextmanager
    def wiped() -> Iterator[tuple[Factory, Factory]]:
        for engine in engines:
            with engine.begin() as connection:
                connection.execute(text("DELETE FROM athletes"))  # every row hangs off one
        yield _factory(engines[0]), _factory(engines[1])

    try:
        yield wiped
    finally:
        for engine in engines:
            engine.dispose()
        with admin.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def loads(unit: Units | None = None) -> st.SearchStrategy[Load]:
    units = st.just(unit) if unit else st.sampled_from(list(Units))
    return units.flatmap(
        lambda u: st.builds(
            Load, st.floats(0, 500 if u is Units.KG else 1100, allow_nan=False), st.just(u)
        )
    )


@st.composite
def targets(draw: st.DrawFn) -> Target:
    low = draw(st.integers(1, 20))
    reps = draw(st.none() | st.tuples(st.just(low), st.integers(low, 25)))
    return Target(
        draw(st.sampled_from(SLUGS)),
        draw(st.sampled_from(SLUGS)),
        draw(st.integers(1, 6)),
        reps,
        draw(st.none() | st.integers(5, 120)),
        draw(st.none() | loads()),
        draw(st.none() | st.integers(0, 6)),
        draw(st.none() | st.sampled_from(["3-0-3", "3-1-1", "4-0-1"])),
        draw(st.booleans()),
    )


@dataclass
class GeneratedSet:
    logged: LoggedSet
    variant: str
    logged_at: dt.datetime


@st.composite
def logged_sets(draw: st.DrawFn, tag: str) -> GeneratedSet:
    seconds = draw(st.none() | st.integers(1, 3600))
    reps = draw(st.integers(0, 200) if seconds is None else st.none() | st.integers(0, 200))
    client = draw(st.none() | TEXT.map(lambda text: f"{text}#{tag}"))
    logged = LoggedSet(
        exercise=draw(st.sampled_from(SLUGS)),
        set_number=draw(st.integers(1, 10)),
        reps=reps,
        load=draw(st.none() | loads()),
        seconds=seconds,
        rir=draw(st.none() | st.integers(0, 10)),
        target=draw(st.none() | targets()),
        client_id=client,
    )
    return GeneratedSet(logged, draw(st.sampled_from(SLUGS)), draw(STAMPS))


@st.composite
def sessions(draw: st.DrawFn, tag: str) -> tuple[PerformedSession, list[GeneratedSet]]:
    started = draw(st.none() | STAMPS)
    ended = None
    if started is not None:
        ended = draw(st.none() | st.just(started + dt.timedelta(minutes=draw(st.integers(0, 99)))))
    session = PerformedSession(
        date=draw(DAYS),
        started_at=started,
        ended_at=ended,
        srpe=draw(st.none() | st.integers(0, 10)),
        notes=draw(st.none() | TEXT),
        client_id=draw(st.none() | st.just(f"session#{tag}")),
    )
    count = draw(st.integers(0, 4))
    return session, [draw(logged_sets(f"{tag}.{n}")) for n in range(count)]


@st.composite
def plans(draw: st.DrawFn) -> tuple[dt.date, Any, list[PlannedSessionRecord], dt.datetime]:
    """A plan version as the app stores one: a valid plan document and valid planned sessions."""
    slots = draw(st.lists(st.tuples(DAYS, st.integers(0, 2)), unique=True, max_size=3))
    planned = []
    for day, position in slots:
        title = draw(TEXT)
        exercises = tuple(draw(st.lists(st.sampled_from(SLUGS), max_size=3)))
        content = plan_samples.session(day, title, exercises)
        planned.append(
            PlannedSessionRecord(
                day, position, draw(st.integers(1, 30)), draw(st.booleans()), title, content
            )
        )
    start = draw(DAYS)
    return start, plan_samples.plan(draw(TEXT), start), planned, draw(STAMPS)


@st.composite
def athletes(draw: st.DrawFn, name: str) -> dict[str, Any]:
    count = draw(st.integers(0, 4))
    return {
        "name": name,
        "created": draw(STAMPS),
        "updated": draw(STAMPS),
        "plans": draw(st.lists(plans(), max_size=2)),
        "sessions": [draw(sessions(f"{name}.{n}")) for n in range(count)],
    }


STORES = st.lists(st.sampled_from(["Ana", "Ben", "Zoë"]), unique=True, max_size=2).flatmap(
    lambda names: st.tuples(*(athletes(name) for name in names))
)


def fill(make_uow: Factory, content: tuple[dict[str, Any], ...]) -> int:
    """Write the generated athletes through the repositories; returns the number of sets."""
    total = 0
    with make_uow() as uow:
        for athlete in content:
            record = uow.athletes.add(athlete["name"], PROFILE, athlete["created"])
            uow.athletes.update_profile(record.id, PROFILE, athlete["updated"])
            for start, plan, planned, made in athlete["plans"]:
                text = dumps(plan)
                uow.plans.add(record.id, start, PROFILE, text, planned, made)
            for session, sets in athlete["sessions"]:
                session_id = uow.sessions.add(record.id, session)
                for one in sets:
                    day = session.date
                    added = uow.sets.add(
                        record.id, session_id, day, one.logged, one.variant, one.logged_at
                    )
                    assert added
                    total += 1
        uow.commit()
    return total


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(content=STORES)
def test_export_import_export_is_identical(
    empty_stores: Pair, content: tuple[dict[str, Any], ...]
) -> None:
    with empty_stores() as (source, target):
        total = fill(source, content)
        first = transfer.export_document(source)
        assert transfer.counts(first).athletes == len(content)
        assert transfer.counts(first).sets == total
        document = copy.deepcopy(first)
        transfer.import_document(target, library(), document, dt.date.today())
        second = transfer.export_document(target)
    assert transfer.document_text(second) == transfer.document_text(first)
    assert second == first
