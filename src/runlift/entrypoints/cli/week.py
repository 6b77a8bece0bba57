"""`runlift week|move|skip`: the plan bends to the real week."""

from __future__ import annotations

import sys

import typer

from runlift.entrypoints.cli.common import ATHLETE, ShowFormat, emit_json, parse_date
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.errors import options_named
from runlift.entrypoints.shapes.week import week_shape
from runlift.entrypoints.text.week import week_text
from runlift.services import real_week, week_view
from runlift.services.suggest import parse_enum

commands = typer.Typer()
DAY = typer.Argument(..., help="The day the session stands on now, YYYY-MM-DD.")


@commands.command("week")
def week(
    date: str | None = typer.Option(
        None, "--date", help="A day of the week to show (default: today)."
    ),
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    """This week, planned against done: runs, sessions moved, skipped or missed, and what's next."""
    output = parse_enum(ShowFormat, fmt, "--format")
    day = parse_date(date, "--date") or core().today()
    view = week_view.week_view(
        core().uow_factory(), core().library, athlete_name(athlete), day, today=core().today()
    )
    if output is ShowFormat.JSON:
        emit_json(week_shape(view))
    else:
        sys.stdout.write(week_text(view))


@commands.command("move")
def move(
    date: str = DAY,
    to: str = typer.Option(..., "--to", help="The new day, YYYY-MM-DD, in the same week."),
    anyway: bool = typer.Option(
        False, "--anyway", help="Move it even where a spacing rule says no (the warning is kept)."
    ),
    athlete: str | None = ATHLETE,
) -> None:
    """Move a planned strength session to another day of its week, within the spacing rules."""
    day = parse_date(date, "DATE")
    new = parse_date(to, "--to")
    assert day is not None and new is not None
    with options_named(to="--to", date="DATE"):
        moved = real_week.move_session(
            core().uow_factory(),
            core().library,
            athlete_name(athlete),
            day,
            new,
            anyway=anyway,
            today=core().today(),
            now=core().now(),
        )
    typer.echo(f"moved the session of {moved.moved_from:%a %Y-%m-%d} to {moved.to:%a %Y-%m-%d}")
    if moved.warning:
        typer.echo(f"warning: {moved.warning}")


@commands.command("skip")
def skip(date: str = DAY, athlete: str | None = ATHLETE) -> None:
    """Skip a planned strength session (the plan goes on; progression waits for the next one)."""
    day = parse_date(date, "DATE")
    assert day is not None
    with options_named(date="DATE"):
        planned = real_week.skip_session(
            core().uow_factory(),
            core().library,
            athlete_name(athlete),
            day,
            today=core().today(),
            now=core().now(),
        )
    typer.echo(f"skipped the session planned on {planned:%a %Y-%m-%d}")
