"""`runlift runs|load`: add and import runs, list them, weekly load with run-spike flags."""

from __future__ import annotations

import datetime as dt
import math
import sys
from pathlib import Path

import typer

from runlift.domain.log import LogError
from runlift.domain.rules import RULES
from runlift.domain.training_load import RunEntry, Spike, WeekLoad, parse_distance
from runlift.entrypoints.cli.common import ATHLETE, ListFormat, emit_json, parse_date
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.errors import options_named
from runlift.entrypoints.cli.files import read_bytes
from runlift.entrypoints.shapes import running as shapes
from runlift.entrypoints.text.log import stored_run_text
from runlift.entrypoints.text.table import table
from runlift.services import corrections, running
from runlift.services.errors import BadInput
from runlift.services.suggest import parse_enum

runs_app = typer.Typer(
    help="Log runs and import them from GPX, TCX or FIT files.", no_args_is_help=True
)
commands = typer.Typer()
commands.add_typer(runs_app, name="runs")
SPIKE_NOTE = next(r for r in RULES if r.id == "run-spike")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


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


def _duration(minutes: float | None) -> int | None:
    if minutes is None:
        return None
    if not math.isfinite(minutes) or minutes <= 0:
        raise BadInput("--minutes", f"{minutes:g} must be more than 0")
    return round(minutes * 60)


@runs_app.command("add")
def runs_add(
    distance: str = typer.Option(..., "--distance", help="Distance with unit: 12.5km, 8mi, 800m."),
    minutes: float | None = typer.Option(None, "--minutes", help="Time taken, in minutes."),
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
    day = parse_date(date, "--date") or dt.date.today()
    run = RunEntry(day, metres, _duration(minutes), run_type)
    with options_named(type="--type", id="--id"):
        result = running.add_run(
            core().uow_factory(), athlete_name(athlete), run, client_id, dt.date.today(), _now()
        )
    if not result.added:
        typer.echo("already logged (same --id); nothing changed")
        return
    typer.echo(f"logged run of {_km(metres)} km on {day}")
    if result.spike is not None:
        typer.echo(f"flag {spike_text(result.spike)}")


@runs_app.command("import")
def runs_import(
    file: Path = typer.Argument(
        ..., help="A GPX, TCX or FIT file: one run per GPX track, TCX activity or FIT session."
    ),
    athlete: str | None = ATHLETE,
) -> None:
    """Import runs from a GPX, TCX or FIT file; importing the same file again adds nothing."""
    data = read_bytes(file)
    count = running.import_runs(
        core().uow_factory(), athlete_name(athlete), data, str(file), dt.date.today(), _now()
    )
    typer.echo(
        f"imported {count.added} of {count.total} runs ({count.total - count.added} already there)"
    )


@runs_app.command("delete")
def runs_delete(
    run_id: int = typer.Argument(..., help="The run's id, as 'runlift runs list' shows it."),
    athlete: str | None = ATHLETE,
) -> None:
    """Delete a logged run ('runlift undo' brings it back)."""
    removed = corrections.delete_run(core().uow_factory(), athlete_name(athlete), run_id, _now())
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
            r.run.type or "-",
            r.source,
            f"{spike.rule} +{spike.percent_over:g}% ({spike.band})" if spike else "",
        )
        for r, spike in listing.runs
    ]
    headers = ("id", "date", "km", "time", "pace", "type", "source", "flag")
    sys.stdout.write(table(headers, rows))


@commands.command("load")
def load(
    weeks: int = typer.Option(12, "--weeks", min=1, max=1040, help="How many weeks back."),
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Running km and strength load (sRPE x minutes) per week, with run-spike flags."""
    output = parse_enum(ListFormat, fmt, "--format")
    today = dt.date.today()
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
    sys.stdout.write(table(headers, rows))
    if any(w.spikes for w in report.weeks):
        sys.stdout.write(f"{SPIKE_NOTE.id}: {SPIKE_NOTE.summary}\n")
