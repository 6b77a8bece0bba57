"""`runlift import-log`: a Strong or Hevy history in (out again: `history --format csv`)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from runlift.adapters.log_csv import read_log_csv
from runlift.domain.shown import shown
from runlift.domain.vocab import Units
from runlift.entrypoints.cli.common import ATHLETE, ShowFormat, emit_json
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.files import read_bytes
from runlift.entrypoints.shapes.log_import import log_import_shape
from runlift.entrypoints.text.log import plural
from runlift.services import import_log as importer
from runlift.services.exercise_names import parse_aliases
from runlift.services.suggest import parse_enum

commands = typer.Typer()


class App(StrEnum):
    """The apps whose CSV exports runlift reads."""

    STRONG = "strong"
    HEVY = "hevy"


def _unknown_lines(error: importer.UnknownExercises) -> str:
    lines = [
        f"error: exercise: {plural(len(error.unknown), 'exercise name')} not in the catalogue;"
        " nothing imported"
    ]
    for match in error.unknown:
        closest = ", ".join(slug for slug, _name in match.closest) or "no close match"
        lines.append(f"  {shown(match.name)} ({plural(match.sets, 'set')}): closest {closest}")
    lines.append(
        "map each with --map 'NAME=EXERCISE' (or 'NAME=' to leave it out), or add --skip-unknown"
    )
    return "\n".join(lines) + "\n"


@commands.command("import-log")
def import_log(
    file: Path = typer.Argument(..., help="The CSV file the app exported."),
    source: str = typer.Option(..., "--from", help="The app that wrote it: strong or hevy."),
    skip_unknown: bool = typer.Option(
        False, "--skip-unknown", help="Import what is known and leave out unknown exercises."
    ),
    mapping: list[str] = typer.Option(
        [], "--map", help="NAME=EXERCISE for a name runlift does not know (repeatable)."
    ),
    units: str | None = typer.Option(
        None, "--units", help="kg or lb, for a file that does not say (default: your units)."
    ),
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option("text", "--format", help="text or json (what was imported)."),
) -> None:
    """Import a Strong or Hevy CSV export into the log; importing it again adds nothing."""
    output = parse_enum(ShowFormat, fmt, "--format")
    app = parse_enum(App, source, "--from")
    file_units = parse_enum(Units, units, "--units") if units is not None else None
    aliases = parse_aliases(mapping, "--map")
    rows = read_log_csv(read_bytes(file), app.value)
    try:
        result = importer.import_log(
            core().uow_factory(),
            core().library,
            athlete_name(athlete),
            rows,
            app.value,
            skip_unknown=skip_unknown,
            today=core().today(),
            now=core().now(),
            aliases=aliases,
            file_units=file_units,
        )
    except importer.UnknownExercises as exc:
        sys.stderr.write(_unknown_lines(exc))
        raise typer.Exit(2) from None
    if output is ShowFormat.JSON:
        emit_json(log_import_shape(result))
        return
    if result.imported:
        parts = [f"imported {plural(result.imported, 'set')} over {plural(result.days, 'day')}"]
    else:
        parts = ["nothing new imported"]
    if result.already:
        parts.append(f"{plural(result.already, 'set')} already there")
    if result.skipped:
        parts.append(f"{plural(result.skipped, 'set')} of unknown exercises left out")
    if result.warmups:
        parts.append(f"{plural(result.warmups, 'warm-up set')} left out")
    typer.echo("; ".join(parts))
    if result.assumed_units is not None:
        typer.echo(f"the file gives no weight unit: read as {result.assumed_units.value}")
