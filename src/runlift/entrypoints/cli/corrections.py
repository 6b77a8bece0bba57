"""`runlift sets edit|delete` and `runlift undo`: fixing mistakes in the log."""

from __future__ import annotations

import typer

from runlift.entrypoints.cli.common import ATHLETE, load_option
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.errors import options_named
from runlift.entrypoints.text.log import change_text, stored_set_text
from runlift.services import corrections

commands = typer.Typer()
sets_app = typer.Typer(
    help="Correct logged sets by id (the ids are in 'runlift history').", no_args_is_help=True
)
commands.add_typer(sets_app, name="sets")
SET_ID = typer.Argument(..., help="The set's id, as 'runlift history' shows it.")


@sets_app.command("edit")
def sets_edit(
    set_id: int = SET_ID,
    reps: int | None = typer.Option(None, "--reps", help="Reps done."),
    load: str | None = typer.Option(None, "--load", help="Load with unit: 22.5kg or 50lb."),
    seconds: int | None = typer.Option(None, "--seconds", help="Seconds held, for holds."),
    rir: int | None = typer.Option(None, "--rir", help="Reps in reserve, 0-10."),
    athlete: str | None = ATHLETE,
) -> None:
    """Change a logged set's reps, load, seconds or RIR; targets follow the corrected log."""
    library = core().library
    with options_named(reps="--reps", load="--load", seconds="--seconds", rir="--rir"):
        edited = corrections.edit_set(
            core().uow_factory(),
            library,
            athlete_name(athlete),
            set_id,
            reps=reps,
            load=load_option(load),
            seconds=seconds,
            rir=rir,
            now=core().now(),
        )
    typer.echo(f"edited {stored_set_text(edited, library.catalogue)}")


@sets_app.command("delete")
def sets_delete(set_id: int = SET_ID, athlete: str | None = ATHLETE) -> None:
    """Delete a logged set ('runlift undo' brings it back)."""
    library = core().library
    removed = corrections.delete_set(
        core().uow_factory(), athlete_name(athlete), set_id, core().now()
    )
    typer.echo(f"deleted {stored_set_text(removed, library.catalogue)}")


@commands.command("undo")
def undo(athlete: str | None = ATHLETE) -> None:
    """Revert the latest change to the log (a set, a session, runs, an import); repeatable."""
    library = core().library
    change = corrections.undo(core().uow_factory(), athlete_name(athlete), core().now())
    typer.echo(f"undone: {change_text(change, library.catalogue)}")
