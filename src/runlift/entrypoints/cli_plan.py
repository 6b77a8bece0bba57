"""`runlift plan`: a profile file in, a plan out in one of four formats."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path

import typer

from runlift.entrypoints.cli_core import core
from runlift.entrypoints.cli_errors import options_named
from runlift.entrypoints.cli_files import read_text
from runlift.entrypoints.plan_formats import render_plan
from runlift.services import planning
from runlift.services.errors import BadInput
from runlift.services.suggest import parse_enum


class PlanFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MD = "md"
    ICS = "ics"


def parse_date(value: str | None, field: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise BadInput(field, f"{value!r} is not a date; use YYYY-MM-DD") from exc


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
    fmt: str = typer.Option("table", "--format", help="table, json, md or ics."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write to this file instead of the screen."
    ),
) -> None:
    """Build a periodised strength plan around the runner's week and race."""
    output_format = parse_enum(PlanFormat, fmt, "--format")
    library = core().library
    with options_named(weeks="--weeks"):
        result = planning.create_plan(
            library,
            read_text(profile),
            str(profile),
            dt.date.today(),
            parse_date(start, "--start"),
            weeks,
        )
    text = render_plan(result, output_format.value, library.catalogue)
    if output is None:
        sys.stdout.write(text)
        return
    _write_atomically(output, text)


def _write_atomically(path: Path, text: str) -> None:
    """Write the whole file or nothing, so a failed run never leaves half a plan behind."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BadInput("-o", f"cannot write {path} ({exc.strerror})") from exc


def register(app: typer.Typer) -> None:
    """Attach the plan command to the main app."""
    app.command("plan")(plan)
