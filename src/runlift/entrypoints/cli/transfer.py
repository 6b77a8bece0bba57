"""`runlift export|import`: the whole store to one JSON file and back."""

from __future__ import annotations

from pathlib import Path

import typer

from runlift.entrypoints.cli.context import core
from runlift.entrypoints.cli.files import SYMLINK_NOTE, check_extension, read_text, write_file
from runlift.entrypoints.text.log import plural
from runlift.services import transfer

commands = typer.Typer()


def _counts(c: transfer.Counts) -> str:
    """'1 athlete, 2 plans, ...' with each noun in the right number."""
    return ", ".join(
        plural(n, noun)
        for n, noun in (
            (c.athletes, "athlete"),
            (c.plans, "plan"),
            (c.sessions, "session"),
            (c.sets, "set"),
            (c.runs, "run"),
        )
    )


@commands.command("export")
def export(
    output: Path = typer.Option(
        ...,
        "-o",
        "--output",
        help=f"The .json file to write, readable by you alone ({SYMLINK_NOTE}).",
    ),
) -> None:
    """Write everything in the store (athletes, plans, log) to one JSON file."""
    check_extension(output, ".json", "-o")
    document = transfer.export_document(core().uow_factory())
    write_file(output, transfer.document_text(document).encode("utf-8"), "-o", private=True)
    c = transfer.counts(document)
    typer.echo(f"exported {_counts(c)} to {output}")


@commands.command("import")
def import_file(
    file: Path = typer.Argument(..., help="A file written by 'runlift export'."),
) -> None:
    """Load an export into an empty store: all of it, or nothing."""
    library = core().library
    data = transfer.read_document(read_text(file), str(file))
    c = transfer.import_document(core().uow_factory(), library, data, core().today())
    typer.echo(f"imported {_counts(c)}")
