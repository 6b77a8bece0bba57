"""`runlift watch`: the day's planned session as a FIT workout file to load onto a watch."""

from __future__ import annotations

from pathlib import Path

import typer

from runlift.entrypoints.cli.common import ATHLETE, parse_date
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.files import SYMLINK_NOTE, check_extension, write_file
from runlift.entrypoints.text.log import plural
from runlift.services import training
from runlift.services.errors import BadInput

commands = typer.Typer()


@commands.command("watch")
def watch(
    output: Path = typer.Option(
        ..., "--output", "-o", help=f"The .fit file to write ({SYMLINK_NOTE})."
    ),
    date: str | None = typer.Option(
        None, "--date", help="Day of the session, YYYY-MM-DD (default: today)."
    ),
    athlete: str | None = ATHLETE,
) -> None:
    """Write the day's session as a FIT workout (Garmin and other watches), whole or not at all."""
    check_extension(output, ".fit", "--output")
    day = parse_date(date, "--date") or core().today()
    library = core().library
    view = training.day_view(
        core().uow_factory(), library, athlete_name(athlete), day, today=core().today()
    )
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
    write_file(output, data, "--output")
    steps = len(workout_steps(session, names))
    typer.echo(f"wrote {output}: {record.date} {record.title}, {plural(steps, 'step')}")
