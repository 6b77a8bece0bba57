"""`runlift export|import`: the whole store to one JSON file and back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from runlift.entrypoints.cli.context import core
from runlift.entrypoints.cli.files import read_text, write_file
from runlift.services import transfer

commands = typer.Typer()


@commands.command("export")
def export(
    output: Path = typer.Option(..., "-o", "--output", help="The JSON file to write."),
) -> None:
    """Write everything in the store (athletes, plans, log) to one JSON file."""
    document = transfer.export_document(core().uow_factory())
    write_file(output, transfer.document_text(document).encode("utf-8"), "-o")
    c = transfer.counts(document)
    typer.echo(
        f"exported {c.athletes} athletes, {c.plans} plans, {c.sessions} sessions, "
        f"{c.sets} sets, {c.runs} runs to {output}"
    )


@commands.command("import")
def import_file(
    file: Path = typer.Argument(..., help="A file written by 'runlift export'."),
) -> None:
    """Load an export into an empty store: all of it, or nothing."""
    library = core().library
    data = transfer.read_document(read_text(file), str(file))
    c = transfer.import_document(core().uow_factory(), library, data, dt.date.today())
    typer.echo(
        f"imported {c.athletes} athletes, {c.plans} plans, {c.sessions} sessions, {c.sets} sets, "
        f"{c.runs} runs"
    )
