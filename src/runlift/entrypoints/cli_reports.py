"""CLI for looking back (history, progress, records) and for moving the store (export, import)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import sys
import tempfile
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

import typer

from runlift import schemas
from runlift.domain.exercise import Catalogue
from runlift.domain.progression import Target
from runlift.domain.vocab import MuscleGroup, Units
from runlift.entrypoints.cli_core import athlete_name, core
from runlift.entrypoints.cli_files import read_text
from runlift.entrypoints.render_training import load_shape, target_text
from runlift.services import reports, transfer
from runlift.services.errors import BadInput
from runlift.services.suggest import parse_enum

ATHLETE = typer.Option(None, "--athlete", help="Athlete name (needed when several are stored).")
SPARKS = "▁▂▃▄▅▆▇█"
MAX_TICKS = 8
HISTORY_HEADERS = ("date", "exercise", "variant", "set", "reps", "load", "seconds", "rir", "target")
CSV_HEADERS = (
    "date",
    "exercise",
    "variant",
    "set",
    "reps",
    "load",
    "unit",
    "seconds",
    "rir",
    "target",
)


class HistoryFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class RecordsFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def _text(value: object) -> str:
    return "-" if value is None else str(value)


def table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    """Left-aligned columns two spaces apart, no trailing blanks, same rows same bytes."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = [headers, tuple("-" * w for w in widths), *rows]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() + "\n"
        for line in lines
    )


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomic(path: Path, data: bytes, field: str) -> None:
    """Write a file so readers see the old one or the whole new one, never a torn half."""
    folder = path.parent
    if not folder.is_dir():
        raise BadInput(field, f"folder {str(folder)!r} does not exist")
    try:
        with tempfile.NamedTemporaryFile(
            dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # as a plain open() would have created it
    except OSError as exc:
        raise BadInput(field, f"cannot write {str(path)!r}: {exc.strerror}") from exc
    try:
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BadInput(field, f"cannot write {str(path)!r}: {exc.strerror}") from exc


def _set_target(target: Target) -> schemas.SetTarget:
    return schemas.SetTarget(
        exercise=target.exercise,
        variant=target.variant,
        sets=target.sets,
        reps=target.reps,
        seconds=target.seconds,
        load=load_shape(target.load),
        rir=target.rir,
        tempo=target.tempo,
        counts=target.counts,
    )


def set_log_shape(row: reports.HistoryRow) -> schemas.SetLog:
    """One logged set as the public shape (a row of `history --format json`)."""
    return schemas.SetLog(
        date=row.date,
        exercise=row.exercise,
        variant=row.variant,
        set=row.set_number,
        reps=row.reps,
        load=load_shape(row.load),
        seconds=row.seconds,
        rir=row.rir,
        target=_set_target(row.target) if row.target else None,
    )


def history(
    exercise: str | None = typer.Option(None, "--exercise", help="Only this exercise."),
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
) -> None:
    """List every logged set, oldest first."""
    output = parse_enum(HistoryFormat, fmt, "--format")
    library = core().library
    rows = reports.history(core().uow_factory(), library, athlete_name(athlete), exercise)
    if output is HistoryFormat.JSON:
        sys.stdout.write(schemas.dumps([set_log_shape(r) for r in rows]) + "\n")
    elif output is HistoryFormat.CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_HEADERS)
        for r in rows:
            value, unit = (r.load.value, r.load.unit.value) if r.load else ("", "")
            writer.writerow(
                [r.date.isoformat(), r.exercise, r.variant, r.set_number]
                + ["" if v is None else v for v in (r.reps, value, unit, r.seconds, r.rir)]
                + [target_text(r.target) if r.target else ""]
            )
        sys.stdout.write(buffer.getvalue())
    elif not rows:
        sys.stdout.write("no sets logged yet\n")
    else:
        cells = [
            (
                r.date.isoformat(),
                r.exercise,
                r.variant,
                str(r.set_number),
                _text(r.reps),
                _text(r.load),
                _text(r.seconds),
                _text(r.rir),
                target_text(r.target) if r.target else "-",
            )
            for r in rows
        ]
        sys.stdout.write(table(HISTORY_HEADERS, cells))


def sparkline(values: list[float]) -> str:
    """One block character per value, low to high, so a trend reads at a glance."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high - low < 1e-9:
        return SPARKS[3] * len(values)
    top = len(SPARKS) - 1
    return "".join(SPARKS[round((v - low) / (high - low) * top)] for v in values)


def _name(catalogue: Catalogue, slug: str) -> str:
    return catalogue.get(slug).name if slug in catalogue else slug


def trend_text(trend: reports.Trend, name: str) -> str:
    """The e1RM trend as a table with a sparkline, for the terminal."""
    unit = trend.units.value
    head = f"{name}: estimated 1RM (Epley, sets of 10 reps or fewer), {trend.athlete}"
    if not trend.points:
        return f"{head}\nno loaded sets of 10 reps or fewer logged yet\n"
    rows = [(day.isoformat(), f"{value:.1f} {unit}") for day, value in trend.points]
    values = [value for _day, value in trend.points]
    first, last = values[0], values[-1]
    change = f"{last - first:+.1f} {unit}"
    summary = f"trend {sparkline(values)}  {first:.1f} -> {last:.1f} {unit} ({change})"
    return f"{head}\n{table(('date', 'e1RM'), rows)}{summary}\n"


def trend_png(trend: reports.Trend, name: str) -> bytes:
    """A line chart of the trend as PNG bytes (matplotlib loaded only when a chart is asked)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 4), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    days = [day.toordinal() for day, _value in trend.points]
    axes.plot(days, [value for _day, value in trend.points], marker="o", color="#1f6f8b")
    every = max(1, -(-len(days) // MAX_TICKS))
    shown = trend.points[::every]
    axes.set_xticks([day.toordinal() for day, _v in shown], [day.isoformat() for day, _v in shown])
    axes.tick_params(axis="x", labelrotation=30)
    axes.set_title(f"{name}: estimated 1RM ({trend.athlete})")
    axes.set_ylabel(f"e1RM ({trend.units.value})")
    axes.grid(True, alpha=0.3)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def progress(
    exercise: str = typer.Argument(..., help="Exercise slug, name or alias."),
    athlete: str | None = ATHLETE,
    png: Path | None = typer.Option(None, "--png", help="Also draw the trend to this PNG file."),
) -> None:
    """Show the estimated 1RM trend of an exercise; --png draws it as a chart."""
    library = core().library
    trend = reports.e1rm_trend(core().uow_factory(), library, athlete_name(athlete), exercise)
    name = _name(library.catalogue, trend.exercise)
    if png is not None and not trend.points:
        raise BadInput("--png", f"nothing to chart: no loaded sets of 10 reps or fewer for {name}")
    sys.stdout.write(trend_text(trend, name))
    if png is not None:
        write_atomic(png, trend_png(trend, name), "--png")
        sys.stdout.write(f"wrote {png}\n")


def records_shape(units: Units, found: list[reports.ExerciseRecords]) -> schemas.Records:
    """Every exercise's personal records as the public shape."""
    return schemas.Records(
        units=units,
        exercises=tuple(
            schemas.Record(
                exercise=r.exercise,
                e1rm=(
                    schemas.E1rm(
                        value=round(r.e1rm.e1rm.value, 2),
                        unit=r.e1rm.e1rm.unit,
                        date=r.e1rm.date,
                        set=r.e1rm.set_number,
                        reps=r.e1rm.reps,
                        load=schemas.Load(value=r.e1rm.load.value, unit=r.e1rm.load.unit),
                    )
                    if r.e1rm
                    else None
                ),
                reps_at=tuple(
                    schemas.RepsAt(load=load_shape(x.load), reps=x.reps, date=x.date)
                    for x in r.reps_at
                ),
                longest_hold=(
                    schemas.Hold(seconds=r.longest_hold[0], date=r.longest_hold[1])
                    if r.longest_hold
                    else None
                ),
            )
            for r in found
        ),
    )


def _records_text(found: list[reports.ExerciseRecords], catalogue: Catalogue) -> str:
    if not found:
        return "no sets logged yet\n"
    lines = []
    for r in found:
        lines.append(_name(catalogue, r.exercise))
        if r.e1rm:
            best = r.e1rm
            lines.append(
                f"  best e1RM: {best.e1rm.value:.1f} {best.e1rm.unit.value} on {best.date}"
                f" (set {best.set_number}: {best.reps} x {best.load})"
            )
        for x in r.reps_at:
            weight = str(x.load) if x.load is not None else "bodyweight"
            lines.append(f"  most reps at {weight}: {x.reps} on {x.date}")
        if r.longest_hold:
            lines.append(f"  longest hold: {r.longest_hold[0]} s on {r.longest_hold[1]}")
    return "\n".join(lines) + "\n"


def records(
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Show personal records: best e1RM, most reps at each load, longest hold."""
    output = parse_enum(RecordsFormat, fmt, "--format")
    library = core().library
    units, found = reports.records(core().uow_factory(), athlete_name(athlete))
    if output is RecordsFormat.JSON:
        sys.stdout.write(schemas.dumps(records_shape(units, found)) + "\n")
    else:
        sys.stdout.write(_records_text(found, library.catalogue))


def export(
    output: Path = typer.Option(..., "-o", "--output", help="The JSON file to write."),
) -> None:
    """Write everything in the store (athletes, plans, log) to one JSON file."""
    document = transfer.export_document(core().uow_factory())
    write_atomic(output, transfer.document_text(document).encode("utf-8"), "-o")
    c = transfer.counts(document)
    typer.echo(
        f"exported {c.athletes} athletes, {c.plans} plans, {c.sessions} sessions, "
        f"{c.sets} sets, {c.runs} runs to {output}"
    )


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


def volume(
    weeks: int = typer.Option(12, "--weeks", min=1, max=1040, help="How many weeks back."),
    athlete: str | None = ATHLETE,
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Hard sets per week for each muscle group, to see the load next to the running."""
    output = parse_enum(RecordsFormat, fmt, "--format")
    library = core().library
    today = dt.date.today()
    since = today - dt.timedelta(days=today.weekday(), weeks=weeks - 1)
    found = reports.weekly_volume(core().uow_factory(), library, athlete_name(athlete), since)
    if output is RecordsFormat.JSON:
        document = [
            schemas.VolumeWeek(
                week=w.week,
                monday=w.monday,
                sets={MuscleGroup(muscle): count for muscle, count in w.sets.items()},
            )
            for w in found
        ]
        sys.stdout.write(schemas.dumps(document) + "\n")
        return
    if not found:
        sys.stdout.write(f"no sets logged in the last {weeks} weeks\n")
        return
    muscles = sorted({m for w in found for m in w.sets})
    rows = [(w.week, *(str(w.sets.get(m, 0)) for m in muscles)) for w in found]
    sys.stdout.write(table(("week", *muscles), rows))


def register(app: typer.Typer) -> None:
    """Attach the report and transfer commands to the main app."""
    app.command("history")(history)
    app.command("progress")(progress)
    app.command("records")(records)
    app.command("export")(export)
    app.command("import")(import_file)
    app.command("volume")(volume)
