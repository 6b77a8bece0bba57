"""`runlift runs|load`: add and import runs, list them, weekly load with run-spike flags."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from pathlib import Path

import typer

from runlift.adapters.run_files import read_run_file
from runlift.domain.log import LogError
from runlift.domain.rules import RULES
from runlift.domain.training_load import (
    RunEntry,
    Spike,
    WeekLoad,
    parse_distance,
    parse_minutes,
)
from runlift.entrypoints.cli.common import ATHLETE, ListFormat, emit_json, parse_date
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.errors import options_named
from runlift.entrypoints.cli.files import read_bytes
from runlift.entrypoints.shapes import running as shapes
from runlift.entrypoints.text.log import plural, stored_run_text
from runlift.entrypoints.text.table import WIDTH, table, words
from runlift.services import corrections, running
from runlift.services.errors import BadInput
from runlift.services.suggest import parse_enum

runs_app = typer.Typer(
    help="Log runs and import them from GPX, TCX or FIT files.", no_args_is_help=True
)
commands = typer.Typer()
commands.add_typer(runs_app, name="runs")
SPIKE_NOTE = next(r for r in RULES if r.id == "run-spike")


def _km(metres: float, places: int = 2) -> str:
    return f"{metres / 1000:.{places}f}"


def _clock(seconds: int | None) -> str:
    if seconds is None:
        return "-"
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def _pace(run: RunEntry) -> str:
    if run.duration_s is None:
        return "-"
    per_km = round(run.duration_s / (run.distance_m / 1000))
    return f"{per_km // 60}:{per_km % 60:02d}/km"


def spike_text(spike: Spike) -> str:
    """One flag: the rule id, the run, how much longer, and than what."""
    return (
        f"{spike.rule}: {spike.run.date} {_km(spike.run.distance_m, 1)} km "
        f"+{spike.percent_over:g}% over {_km(spike.longest.distance_m, 1)} km "
        f"on {spike.longest.date} ({spike.band})"
    )


def _strength_load(week: WeekLoad) -> str:
    unrated = f" ({week.strength_unrated} unrated)" if week.strength_unrated else ""
    return f"{week.strength_load}{unrated}"


def _duration(minutes: str | None) -> int | None:
    if minutes is None:
        return None
    try:
        return parse_minutes(minutes)
    except LogError as exc:
        raise BadInput.from_error(exc, "--minutes") from exc


@runs_app.command("add")
def runs_add(
    distance: str = typer.Option(..., "--distance", help="Distance with unit: 12.5km, 8mi, 800m."),
    minutes: str | None = typer.Option(
        None, "--minutes", help="Time taken: minutes (52.5), mm:ss (52:30) or h:mm:ss (1:05:00)."
    ),
    run_type: str | None = typer.Option(
        None, "--type", help="easy, long, intervals, tempo, hills, race or cross."
    ),
    date: str | None = typer.Option(None, "--date", help="Day of the run (default: today)."),
    client_id: str | None = typer.Option(
        None, "--id", help="Your id for this run; a retry with it is ignored."
    ),
    athlete: str | None = ATHLETE,
) -> None:
    """Record one run; a run flagged by run-spike says so at once."""
    try:
        metres = parse_distance(distance)
    except LogError as exc:
        raise BadInput.from_error(exc, "--distance") from exc
    day = parse_date(date, "--date") or core().today()
    run = RunEntry(day, metres, _duration(minutes), run_type)
    with options_named(type="--type", id="--id"):
        result = running.add_run(
            core().uow_factory(),
            athlete_name(athlete),
            run,
            client_id,
            core().today(),
            core().now(),
        )
    if not result.added:
        typer.echo("already logged (same --id); nothing changed")
        return
    typer.echo(f"logged run of {_km(metres)} km on {day}")
    if result.spike is not None:
        typer.echo(f"flag {spike_text(result.spike)}")


RUN_FILE_SUFFIXES = (".gpx", ".tcx", ".fit")


def _run_files(paths: list[Path]) -> list[Path]:
    """The files named, a folder standing for every GPX, TCX and FIT file in it, sorted."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        inside = sorted(
            p for p in path.iterdir() if p.suffix.lower() in RUN_FILE_SUFFIXES and p.is_file()
        )
        if not inside:
            raise BadInput(str(path), "holds no .gpx, .tcx or .fit file")
        found += inside
    return list(dict.fromkeys(found))


@runs_app.command("import")
def runs_import(
    files: list[Path] = typer.Argument(
        ...,
        help="GPX, TCX or FIT files, or folders of them: one run per GPX track, TCX activity "
        "or FIT session.",
    ),
    run_type: str | None = typer.Option(
        None, "--type", help="Give every imported run this type (easy, long, intervals, ...)."
    ),
    athlete: str | None = ATHLETE,
) -> None:
    """Import runs from GPX, TCX or FIT files in one go (one undo); known runs are skipped."""
    chosen = _run_files(files)
    found = [run for path in chosen for run in read_run_file(str(path), read_bytes(path))]
    with options_named(type="--type"):
        count = running.import_runs(
            core().uow_factory(),
            athlete_name(athlete),
            found,
            core().today(),
            core().now(),
            run_type,
        )
    where = f" from {plural(len(chosen), 'file')}" if len(chosen) > 1 else ""
    typer.echo(
        f"imported {count.added} of {plural(count.total, 'run')}{where} "
        f"({count.total - count.added} already there)"
    )


@runs_app.command("delete")
def runs_delete(
    run_id: int = typer.Argument(..., help="The run's id, as 'runlift runs list' shows it."),
    athlete: str | None = ATHLETE,
) -> None:
    """Delete a logged run ('runlift undo' brings it back)."""
    removed = corrections.delete_run(
        core().uow_factory(), athlete_name(athlete), run_id, core().now()
    )
    typer.echo(f"deleted {stored_run_text(removed)}")


@runs_app.command("list")
def runs_list(
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """List logged runs, oldest first, with run-spike flags."""
    output = parse_enum(ListFormat, fmt, "--format")
    listing = running.list_runs(core().uow_factory(), athlete_name(athlete))
    if output is ListFormat.JSON:
        emit_json([shapes.run_shape(r, s) for r, s in listing.runs])
        return
    if not listing.runs:
        sys.stdout.write(f"no runs logged for {listing.athlete}; try 'runlift runs add'\n")
        return
    rows = [
        (
            str(r.id),
            str(r.run.date),
            _km(r.run.distance_m),
            _clock(r.run.duration_s),
            _pace(r.run),
            words(r.run.type) if r.run.type else "-",
            r.source,
            f"{spike.rule} +{spike.percent_over:g}% ({spike.band})" if spike else "",
        )
        for r, spike in listing.runs
    ]
    headers = ("id", "date", "km", "time", "pace", "type", "source", "flag")
    sys.stdout.write(table(headers, rows, wrap=(6, 7)))


@commands.command("load")
def load(
    weeks: int = typer.Option(12, "--weeks", min=1, max=1040, help="How many weeks back."),
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Running km and strength load (sRPE x minutes) per week, with run-spike flags."""
    output = parse_enum(ListFormat, fmt, "--format")
    today = core().today()
    first = today - dt.timedelta(days=today.weekday(), weeks=weeks - 1)
    report = running.weekly_load(core().uow_factory(), athlete_name(athlete), first, today)
    if output is ListFormat.JSON:
        emit_json([shapes.load_week_shape(w) for w in report.weeks])
        return
    rows = [
        (
            w.week,
            f"{w.run_km:.1f}",
            str(w.runs),
            str(w.strength_sessions),
            _strength_load(w),
            "; ".join(spike_text(s) for s in w.spikes),
        )
        for w in report.weeks
    ]
    headers = ("week", "km", "runs", "strength", "load", "flags")
    sys.stdout.write(table(headers, rows, wrap=(5,)))
    if any(w.spikes for w in report.weeks):
        note = f"{SPIKE_NOTE.id}: {SPIKE_NOTE.summary}"
        sys.stdout.write(textwrap.fill(note, WIDTH, subsequent_indent="  ") + "\n")
