"""CLI for the athlete, the day's targets, the log and the store."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import typer

from runlift import schemas
from runlift.adapters.session_file import SessionFileError, read_session_file
from runlift.bootstrap import upgrade_database
from runlift.domain.library import Library
from runlift.domain.log import LogError, PerformedSession, parse_load
from runlift.domain.progression import Load
from runlift.domain.vocab import Units
from runlift.entrypoints import render_training as render
from runlift.entrypoints.cli_core import athlete_name, core
from runlift.entrypoints.cli_files import read_text
from runlift.entrypoints.cli_plan import parse_date as _date
from runlift.services import athletes as athlete_service
from runlift.services import training
from runlift.services.errors import BadInput

athlete_app = typer.Typer(help="Store runners and their plans.", no_args_is_help=True)
db_app = typer.Typer(help="Look after the database.", no_args_is_help=True)

ATHLETE = typer.Option(None, "--athlete", help="Athlete name (needed when several are stored).")
FORMAT = typer.Option("text", "--format", help="text or json.")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _today() -> dt.date:
    return dt.date.today()


def _format(value: str) -> str:
    if value not in ("text", "json"):
        raise BadInput("--format", f"{value!r} is not accepted; accepted: text, json")
    return value


def _load(text: str | None) -> Load | None:
    if text is None:
        return None
    try:
        return parse_load(text)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc


@athlete_app.command("create")
def athlete_create(
    profile: Path = typer.Argument(..., help="The runner's profile YAML file."),
    start: str | None = typer.Option(
        None, "--start", help="Plan start, YYYY-MM-DD (default: next Monday)."
    ),
    athlete: str | None = typer.Option(
        None, "--athlete", help="Name to store (default: the profile's name)."
    ),
) -> None:
    """Store a runner and generate their plan."""
    library = core().library
    record, plan = athlete_service.create_athlete(
        core().uow_factory(),
        library,
        read_text(profile),
        str(profile),
        _date(start, "--start"),
        _today(),
        _now(),
        athlete,
    )
    typer.echo(f"stored {record.name} with plan version {plan.version} from {plan.start}")


@athlete_app.command("update")
def athlete_update(
    profile: Path = typer.Argument(..., help="The changed profile YAML file."),
    start: str | None = typer.Option(None, "--start", help="New plan start, YYYY-MM-DD."),
    athlete: str | None = ATHLETE,
) -> None:
    """Store a changed profile and re-plan; the training log is kept."""
    library = core().library
    record, plan = athlete_service.update_athlete(
        core().uow_factory(),
        library,
        athlete_name(athlete),
        read_text(profile),
        str(profile),
        _date(start, "--start"),
        _today(),
        _now(),
    )
    typer.echo(f"updated {record.name}: plan version {plan.version} from {plan.start}")


@athlete_app.command("list")
def athlete_list() -> None:
    """List stored athletes and their plan versions."""
    rows = athlete_service.list_athletes(core().uow_factory())
    if not rows:
        typer.echo("no athletes yet; run 'runlift athlete create PROFILE.yaml'")
    for record, plan in rows:
        version = f"plan v{plan.version} from {plan.start}" if plan else "no plan"
        typer.echo(f"{athlete_service.profile_summary(record)}; {version}")


def today(
    date: str | None = typer.Option(
        None, "--date", help="Day to show, YYYY-MM-DD (default: today)."
    ),
    athlete: str | None = ATHLETE,
    fmt: str = FORMAT,
) -> None:
    """Show the day's session with concrete targets: load, reps or seconds, RIR, rest."""
    output = _format(fmt)
    library = core().library
    day = _date(date, "--date") or _today()
    view = training.day_view(core().uow_factory(), library, athlete_name(athlete), day)
    if output == "json":
        sys.stdout.write(schemas.dumps(render.today_shape(view)) + "\n")
    else:
        sys.stdout.write(render.day_text(view, library.catalogue))


def log(
    exercise: str | None = typer.Argument(None, help="Exercise slug, name or alias."),
    reps: int | None = typer.Option(None, "--reps", help="Reps done."),
    load: str | None = typer.Option(None, "--load", help="Load with unit: 22.5kg or 50lb."),
    seconds: int | None = typer.Option(None, "--seconds", help="Seconds held, for holds."),
    rir: int | None = typer.Option(None, "--rir", help="Reps in reserve, 0-10."),
    date: str | None = typer.Option(None, "--date", help="Day of the set (default: today)."),
    client_id: str | None = typer.Option(
        None, "--id", help="Your id for this set; a retry with it is ignored."
    ),
    test: bool = typer.Option(False, "--test", help="A test set to start progression from."),
    file: Path | None = typer.Option(
        None, "--file", help="A whole session as JSON, stored atomically."
    ),
    athlete: str | None = ATHLETE,
) -> None:
    """Record one set, or a whole session from a file."""
    library = core().library
    make_uow = core().uow_factory()
    if file is not None:
        if exercise is not None:
            raise BadInput("EXERCISE", "give either an exercise or --file, not both")
        _log_file(make_uow, library, file, athlete)
        return
    if exercise is None:
        raise BadInput("EXERCISE", "name the exercise, or use --file SESSION.json")
    if reps is None and seconds is None:
        raise BadInput("--reps", "give --reps (or --seconds for a hold)")
    entry = training.SetEntry(exercise, reps, _load(load), seconds, rir, client_id, test)
    day = _date(date, "--date") or _today()
    recorded = training.log_sets(
        make_uow, library, athlete_name(athlete), day, [entry], _today(), _now()
    )
    typer.echo("logged" if recorded[0] else "already logged (same --id); nothing changed")


def _log_file(
    make_uow: athlete_service.UowFactory,
    library: Library,
    path: Path,
    athlete: str | None,
) -> None:
    try:
        data = read_session_file(path)
    except SessionFileError as exc:
        raise BadInput.from_error(exc) from exc
    entries = []
    for index, s in enumerate(data.sets):
        if isinstance(s.load, str):
            load = _load(s.load)
        elif s.load is not None:
            try:
                load = Load(s.load.value, Units(s.load.unit))
            except ValueError as exc:
                raise BadInput(f"sets.{index}.load.unit", "accepted: kg, lb") from exc
        else:
            load = None
        entries.append(
            training.SetEntry(s.exercise, s.reps, load, s.seconds, s.rir, s.id, s.test, s.set)
        )
    try:
        session = PerformedSession(
            data.date, data.started_at, data.ended_at, data.srpe, data.notes, data.client_id
        )
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    recorded = training.log_sets(
        make_uow, library, athlete_name(athlete), data.date, entries, _today(), _now(), session
    )
    new = sum(recorded)
    typer.echo(f"logged {new} of {len(recorded)} sets ({len(recorded) - new} already there)")


def next_target(
    exercise: str = typer.Argument(..., help="Exercise slug, name or alias."),
    athlete: str | None = ATHLETE,
    fmt: str = FORMAT,
) -> None:
    """Print the next target for an exercise, the day it is for, and the rule that set it."""
    output = _format(fmt)
    library = core().library
    make_uow = core().uow_factory()
    decision = training.next_for(make_uow, library, athlete_name(athlete), exercise, _today())
    day = training.next_date(make_uow, library, athlete_name(athlete), exercise, _today())
    if output == "json":
        sys.stdout.write(schemas.dumps(render.next_shape(decision, day)) + "\n")
    else:
        sys.stdout.write(render.decision_text(decision, library.catalogue, day))


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply pending database migrations."""
    revision = upgrade_database(core().settings)
    typer.echo(f"database at revision {revision}")


def register(app: typer.Typer) -> None:
    """Attach the training commands to the main app."""
    app.add_typer(athlete_app, name="athlete")
    app.add_typer(db_app, name="db")
    app.command("today")(today)
    app.command("log")(log)
    app.command("next")(next_target)
