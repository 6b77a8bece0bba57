"""`runlift today|log|next`: the day's session, logging sets, the next target."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from runlift.domain.library import Library
from runlift.entrypoints.cli.common import ATHLETE, ShowFormat, emit_json, load_option, parse_date
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.errors import options_named
from runlift.entrypoints.cli.files import read_text
from runlift.entrypoints.shapes import training as shapes
from runlift.entrypoints.text import training as render
from runlift.entrypoints.text.log import plural
from runlift.services import logbook, training
from runlift.services.athletes import UowFactory
from runlift.services.errors import BadInput
from runlift.services.suggest import parse_enum

commands = typer.Typer()
FORMAT = typer.Option("text", "--format", help="text or json.")


@commands.command("today")
def today(
    date: str | None = typer.Option(
        None, "--date", help="Day to show, YYYY-MM-DD (default: today)."
    ),
    athlete: str | None = ATHLETE,
    fmt: str = FORMAT,
) -> None:
    """Show the day's session with concrete targets: load, reps or seconds, RIR, rest."""
    output = parse_enum(ShowFormat, fmt, "--format")
    library = core().library
    day = parse_date(date, "--date") or core().today()
    view = training.day_view(
        core().uow_factory(), library, athlete_name(athlete), day, today=core().today()
    )
    if output is ShowFormat.JSON:
        emit_json(shapes.today_shape(view))
    else:
        sys.stdout.write(render.day_text(view, library.catalogue))


@commands.command("log")
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
    if client_id is not None and not client_id.strip():
        raise BadInput("--id", "is empty; give an id or leave out --id")
    day = parse_date(date, "--date") or core().today()
    with options_named(
        reps="--reps", seconds="--seconds", rir="--rir", load="--load", id="--id", date="--date"
    ):
        entry = training.SetEntry(exercise, reps, load_option(load), seconds, rir, client_id, test)
        recorded = training.log_sets(
            make_uow, library, athlete_name(athlete), day, [entry], core().today(), core().now()
        )
    typer.echo("logged" if recorded[0] else "already logged (same --id); nothing changed")


def _log_file(make_uow: UowFactory, library: Library, path: Path, athlete: str | None) -> None:
    logged = logbook.log_session_document(
        make_uow,
        library,
        athlete_name(athlete),
        read_text(path),
        str(path),
        core().today(),
        core().now(),
    )
    recorded = logged.recorded
    if logged.already_recorded:
        typer.echo("this session is in the log already; nothing changed")
        return
    new = sum(recorded)
    typer.echo(
        f"logged {new} of {plural(len(recorded), 'set')} ({len(recorded) - new} already there)"
    )


@commands.command("next")
def next_target(
    exercise: str = typer.Argument(..., help="Exercise slug, name or alias."),
    athlete: str | None = ATHLETE,
    fmt: str = FORMAT,
) -> None:
    """Print the next target for an exercise, the day it is for, and the rule that set it."""
    output = parse_enum(ShowFormat, fmt, "--format")
    library = core().library
    make_uow = core().uow_factory()
    day, decision = training.next_answer(
        make_uow, library, athlete_name(athlete), exercise, core().today()
    )
    if output is ShowFormat.JSON:
        emit_json(shapes.next_shape(decision, day))
    else:
        sys.stdout.write(render.decision_text(decision, library.catalogue, day))
