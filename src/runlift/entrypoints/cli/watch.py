"""`runlift watch`: the day's planned session as a FIT workout file to load onto a watch."""

from __future__ import annotations

from pathlib import Path

import typer

from runlift.entrypoints.cli.common import ATHLETE, parse_date
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.errors import options_named
from runlift.entrypoints.cli.files import SYMLINK_NOTE, check_extension, write_file
from runlift.entrypoints.text.log import plural
from runlift.services import watch

commands = typer.Typer()


@commands.command("watch")
def watch_command(
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
    with options_named(date="--date"):
        found = watch.watch_session(
            core().uow_factory(), core().library, athlete_name(athlete), day, core().today()
        )
    from runlift.adapters.fit_export import (  # fit-tool is slow to load
        session_to_fit,
        workout_steps,
    )

    data = session_to_fit(found.session, found.names)
    write_file(output, data, "--output")
    steps = len(workout_steps(found.session, found.names))
    typer.echo(f"wrote {output}: {found.date} {found.title}, {plural(steps, 'step')}")
