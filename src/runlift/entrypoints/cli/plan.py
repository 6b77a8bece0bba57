"""`runlift plan`: a profile file in, a plan out in one of four formats."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from runlift.entrypoints.cli.common import parse_date
from runlift.entrypoints.cli.context import core
from runlift.entrypoints.cli.errors import options_named
from runlift.entrypoints.cli.files import read_text, write_file
from runlift.entrypoints.text.plan import render_plan
from runlift.services import planning
from runlift.services.errors import BadInput
from runlift.services.suggest import parse_enum

commands = typer.Typer()


class PlanFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MD = "md"
    ICS = "ics"


# A file's extension names its format; a --format that says otherwise is a mistake.
EXTENSIONS = {
    ".txt": PlanFormat.TABLE,
    ".json": PlanFormat.JSON,
    ".md": PlanFormat.MD,
    ".ics": PlanFormat.ICS,
}


def output_format(fmt: str | None, output: Path | None) -> PlanFormat:
    """The format asked for, else the one the output file's extension names, else a table."""
    implied = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if fmt is None:
        return implied or PlanFormat.TABLE
    chosen = parse_enum(PlanFormat, fmt, "--format")
    if implied is not None and implied is not chosen:
        raise BadInput(
            "--format",
            f"{chosen.value} does not match the file {output!s}; use --format {implied.value}",
        )
    return chosen


@commands.command("plan")
def plan(
    profile: Path = typer.Argument(..., help="The runner's profile YAML file."),
    start: str | None = typer.Option(
        None, "--start", help="First day, YYYY-MM-DD (default: next Monday)."
    ),
    weeks: int | None = typer.Option(
        None,
        "--weeks",
        help="Weeks without a race (default 12); with a race, show only the first N.",
    ),
    fmt: str | None = typer.Option(
        None, "--format", help="table, json, md or ics (default: from -o's extension, else table)."
    ),
    output: Path | None = typer.Option(
        None,
        "-o",
        "--output",
        help="Write to this file instead of the screen (a symlink's target is replaced).",
    ),
) -> None:
    """Build a periodised strength plan around the runner's week and race."""
    chosen = output_format(fmt, output)
    library = core().library
    with options_named(weeks="--weeks", start="--start"):
        result = planning.create_plan(
            library,
            read_text(profile),
            str(profile),
            core().today(),
            parse_date(start, "--start"),
            weeks,
        )
    text = render_plan(result, chosen.value, library.catalogue)
    if output is None:
        sys.stdout.write(text)
        return
    write_file(output, text.encode("utf-8"), "-o")
