"""`runlift history|progress|records|volume`: looking back at the log."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path

import typer

from runlift.adapters.log_csv import write_strong_csv
from runlift.domain.exercise import Catalogue
from runlift.domain.progression import Load
from runlift.entrypoints import charts
from runlift.entrypoints.cli.common import ATHLETE, ListFormat, emit_json
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.files import SYMLINK_NOTE, check_extension, write_file
from runlift.entrypoints.shapes import training as shapes
from runlift.entrypoints.text.log import plural
from runlift.entrypoints.text.reports import display_name, records_text, trend_text
from runlift.entrypoints.text.table import WIDTH, cell, table, words
from runlift.entrypoints.text.training import target_text
from runlift.services import reports
from runlift.services.errors import BadInput
from runlift.services.export_log import export_log
from runlift.services.suggest import parse_enum

commands = typer.Typer()
HISTORY_HEADERS = ("id", "date", "exercise", "set", "done", "rir", "target")
HISTORY_WRAPS = (2, 4, 6)  # exercise, done, target: free text


class HistoryFormat(StrEnum):
    """--format of `history`."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


@commands.command("history")
def history(
    exercise: str | None = typer.Option(None, "--exercise", help="Only this exercise."),
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option(
        "table", "--format", help="table, json or csv (Strong's columns, for other apps)."
    ),
) -> None:
    """List every logged set, oldest first."""
    output = parse_enum(HistoryFormat, fmt, "--format")
    if output is HistoryFormat.CSV and exercise is not None:
        raise BadInput("--exercise", "the CSV export holds the whole log; leave out --exercise")
    library = core().library
    rows = reports.history(core().uow_factory(), library, athlete_name(athlete), exercise)
    if output is HistoryFormat.JSON:
        emit_json([shapes.set_log_shape(r) for r in rows])
    elif output is HistoryFormat.CSV:
        exported = export_log(core().uow_factory(), library, athlete_name(athlete))
        sys.stdout.write(write_strong_csv(exported.sets))
    elif not rows:
        sys.stdout.write("no sets logged yet\n")
    else:
        cells = [
            (
                str(r.id),
                r.date.isoformat(),
                _exercise_cell(library.catalogue, r.exercise, r.variant),
                str(r.set_number),
                _done(r.reps, r.load, r.seconds),
                cell(r.rir),
                target_text(r.target) if r.target else "-",
            )
            for r in rows
        ]
        sys.stdout.write(table(HISTORY_HEADERS, cells, wrap=HISTORY_WRAPS))


def _exercise_cell(catalogue: Catalogue, exercise: str, variant: str) -> str:
    """The exercise's name, and the variant done when it was another ('Split squat (Lunge)')."""
    name = display_name(catalogue, exercise)
    return name if variant == exercise else f"{name} ({display_name(catalogue, variant)})"


def _done(reps: int | None, load: Load | None, seconds: int | None) -> str:
    """'8 x 22.5 kg', '10 reps', '45 s', '45 s @ 5 kg'."""
    amounts = []
    if reps is not None:
        amounts.append(f"{reps} x {load}" if load is not None else plural(reps, "rep"))
    if seconds is not None:
        amounts.append(f"{seconds} s" + (f" @ {load}" if load is not None and reps is None else ""))
    return " + ".join(amounts) or "-"


@commands.command("progress")
def progress(
    exercise: str = typer.Argument(..., help="Exercise slug, name or alias."),
    athlete: str | None = ATHLETE,
    png: Path | None = typer.Option(
        None, "--png", help=f"Also draw the trend to this .png file ({SYMLINK_NOTE})."
    ),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Show the estimated 1RM trend of an exercise; --png draws it as a chart."""
    output = parse_enum(ListFormat, fmt, "--format")
    if png is not None:
        check_extension(png, ".png", "--png")
    library = core().library
    trend = reports.e1rm_trend(core().uow_factory(), library, athlete_name(athlete), exercise)
    name = display_name(library.catalogue, trend.exercise)
    if png is not None and not trend.points:
        raise BadInput("--png", f"nothing to chart: no loaded sets of 10 reps or fewer for {name}")
    if output is ListFormat.JSON:
        emit_json(shapes.progress_shape(trend))
    else:
        sys.stdout.write(trend_text(trend, name))
    if png is not None:
        write_file(png, charts.trend_png(trend, name), "--png")
        if output is ListFormat.TABLE:  # JSON output stays one document
            sys.stdout.write(f"wrote {png}\n")


@commands.command("records")
def records(
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Show personal records: best e1RM, most reps at each load, longest hold."""
    output = parse_enum(ListFormat, fmt, "--format")
    library = core().library
    units, found = reports.records(core().uow_factory(), athlete_name(athlete))
    if output is ListFormat.JSON:
        emit_json(shapes.records_shape(units, found))
    else:
        sys.stdout.write(records_text(found, library.catalogue))


@commands.command("volume")
def volume(
    weeks: int = typer.Option(12, "--weeks", min=1, max=1040, help="How many weeks back."),
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Hard sets per week for each muscle group, to see the load next to the running."""
    output = parse_enum(ListFormat, fmt, "--format")
    library = core().library
    today = core().today()
    since = today - dt.timedelta(days=today.weekday(), weeks=weeks - 1)
    found = reports.weekly_volume(core().uow_factory(), library, athlete_name(athlete), since)
    if output is ListFormat.JSON:
        emit_json([shapes.volume_shape(w) for w in found])
        return
    if not found:
        last = "this week" if weeks == 1 else f"the last {weeks} weeks"
        sys.stdout.write(f"no sets logged in {last}\n")
        return
    sys.stdout.write(volume_text(found))


def volume_text(found: list[reports.WeekVolume]) -> str:
    """Hard sets with a row per muscle group and a column per week, in 80-column chunks."""
    muscles = sorted({m for w in found for m in w.sets})
    label = max([len("muscle group")] + [len(words(m)) for m in muscles])
    per_chunk = max(1, (WIDTH - label) // (len(found[0].week) + 2))
    chunks = []
    for first in range(0, len(found), per_chunk):
        weeks = found[first : first + per_chunk]
        rows = [(words(m), *(str(w.sets.get(m, 0)) for w in weeks)) for m in muscles]
        chunks.append(table(("muscle group", *(w.week for w in weeks)), rows))
    return "\n".join(chunks)
