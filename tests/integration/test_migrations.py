"""Migrations on SQLite and PostgreSQL: from empty, from the previous revision, and by the app."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from backends import Database
from sqlalchemy import inspect, text

from core_helpers import app_core
from runlift.adapters.db.engine import (
    alembic_config,
    current_revision,
    ensure_schema,
    head_revision,
    make_engine,
    upgrade,
)
from runlift.adapters.db.tables import metadata
from runlift.adapters.db.uow import SqlUnitOfWork
from runlift.config import Settings
from runlift.entrypoints.cli.root import main

pytestmark = pytest.mark.usefixtures("pinned_today")

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "examples" / "ana-marathon.yaml"
NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)
TABLES = {"athletes", "plans", "planned_sessions", "performed_sessions", "set_logs"}
_SCRIPTS = ScriptDirectory.from_config(alembic_config(make_engine("sqlite://")))
# Every revision before head, oldest first: a database at any of them must reach head intact.
OLDER = [r.revision for r in reversed(list(_SCRIPTS.walk_revisions()))][:-1]


def test_an_empty_database_upgrades_to_head(database: Database) -> None:
    engine = database.engine
    assert current_revision(engine) is None
    upgrade(engine)
    head = head_revision(engine)
    assert head is not None
    assert current_revision(engine) == head
    assert set(inspect(engine).get_table_names()) >= TABLES


@pytest.mark.parametrize("older", OLDER)
def test_a_database_made_by_an_earlier_migration_upgrades_and_keeps_its_rows(
    database: Database, older: str
) -> None:
    engine = database.engine
    upgrade(engine, older)
    assert current_revision(engine) == older
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO athletes (id, name, profile_yaml, created_at, updated_at)"
                " VALUES (1, 'Ana', 'name: Ana', :now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text("INSERT INTO performed_sessions (id, athlete_id, date) VALUES (1, 1, :day)"),
            {"day": dt.date(2026, 11, 17)},
        )
        connection.execute(
            text(
                "INSERT INTO set_logs (session_id, athlete_id, date, exercise, variant,"
                " set_number, reps, load_value, load_unit, client_id, logged_at)"
                " VALUES (1, 1, :day, 'goblet-squat', 'goblet-squat', 1, 8, 22.5, 'kg', 'c1', :now)"
            ),
            {"day": dt.date(2026, 11, 17), "now": NOW},
        )
    upgrade(engine)
    assert current_revision(engine) == head_revision(engine)
    with SqlUnitOfWork(engine) as uow:
        athlete = uow.athletes.get("Ana")
        assert athlete is not None
        sets = uow.sets.all(athlete.id)
    assert [(s.logged.exercise, s.logged.reps, s.logged.client_id) for s in sets] == [
        ("goblet-squat", 8, "c1")
    ]
    assert sets[0].logged.load is not None
    assert sets[0].logged.load.value == 22.5


def test_the_migrated_schema_matches_the_tables_module(database: Database) -> None:
    upgrade(database.engine)
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_db_upgrade_command_works_and_is_idempotent(
    cli_backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    head = head_revision(make_engine("sqlite://"))
    for _ in range(2):
        assert main(["db", "upgrade"]) == 0
        captured = capsys.readouterr()
        assert captured.out == f"database at revision {head}\n"
        assert captured.err == ""


def test_db_upgrade_brings_an_older_database_to_head(
    cli_backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings()
    older = make_engine(settings.effective_database_url(), settings.database_schema)
    try:
        upgrade(older, "0001")
        assert main(["db", "upgrade"]) == 0
        assert current_revision(older) == head_revision(older)
    finally:
        older.dispose()
    assert capsys.readouterr().out.startswith("database at revision ")


def test_the_app_upgrades_a_fresh_database_by_itself(
    cli_backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings()
    if cli_backend == "sqlite":
        assert not (settings.data_dir / "runlift.db").exists()
    code = main(["athlete", "create", str(PROFILE), "--start", "2026-11-16"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out == "stored Ana with plan version 1 from 2026-11-16\n"
    engine = app_core().engine
    assert current_revision(engine) == head_revision(engine)
    assert main(["athlete", "list"]) == 0
    assert "Ana: intermediate" in capsys.readouterr().out


def test_the_shipped_head_is_read_without_alembic_and_matches_it() -> None:
    from runlift.adapters.db.engine import shipped_head

    assert shipped_head() == head_revision(make_engine("sqlite://"))


def test_an_up_to_date_store_opens_without_loading_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'store.db'}"
    ensure_schema(make_engine(url))  # migrate once
    probe = (
        "import sys\n"
        "from runlift.adapters.db.engine import ensure_schema, make_engine\n"
        f"ensure_schema(make_engine({url!r}))\n"
        "print(any(m == 'alembic' or m.startswith('alembic.') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
