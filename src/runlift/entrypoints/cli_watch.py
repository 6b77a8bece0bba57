"""`runlift watch`: the day's planned session as a FIT workout file to load onto a watch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from runlift.entrypoints.cli_core import athlete_name, core
from runlift.entrypoints.cli_plan import parse_date
from runlift.entrypoints.cli_reports import write_atomic
from runlift.services import training
from runlift.services.errors import BadInput


def _today() -> dt.date:
    return dt.date.today()


def watch(
    output: Path = typer.Option(..., "--output", "-o", help="The FIT file to write."),
    date: str | None = typer.Option(
        None, "--date", help="Day of the session, YYYY-MM-DD (default: today)."
    ),
    athlete: str | None = typer.Option(
        None, "--athlete", help="Athlete name (needed when several are stored)."
    ),
) -> None:
    """Write the day's session as a FIT workout (Garmin and other watches), whole or not at all."""
    day = parse_date(date, "--date") or _today()
    library = core().library
    view = training.day_view(core().uow_factory(), library, athlete_name(athlete), day)
    if not view.sessions:
        upcoming = view.next_planned
        later = (
            f"next planned: {upcoming.date} ({upcoming.title})"
            if upcoming is not None
            else "no later session in the plan"
        )
        raise BadInput(
            "--date", f"no strength session planned for {view.athlete} on {day}; {later}"
        )
    record = view.sessions[0][0]
    session = record.session | {"date": record.date.isoformat(), "title": record.title}
    names = {exercise.slug: exercise.name for exercise in library.catalogue}
    from runlift.adapters.fit_export import (  # fit-tool is slow to load
        session_to_fit,
        workout_steps,
    )

    data = session_to_fit(session, names)
    write_atomic(output, data, "--output")
    steps = len(workout_steps(session, names))
    typer.echo(f"wrote {output}: {record.date} {record.title}, {steps} steps")


def register(app: typer.Typer) -> None:
    """Attach the watch export command to the main app."""
    app.command("watch")(watch)
