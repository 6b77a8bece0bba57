"""Running use cases: log a run, import GPX/TCX/FIT runs, list them, weekly load and spikes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from runlift.domain.load import (
    RunEntry,
    Spike,
    StrengthEntry,
    WeekLoad,
    check_run,
    run_spikes,
    weekly_summary,
)
from runlift.domain.log import LogError, check_date, check_text
from runlift.domain.vocab import RunType
from runlift.services.athletes import UowFactory, resolve_athlete
from runlift.services.errors import BadInput
from runlift.services.ports import StoredRun, StoredSession, UnitOfWork
from runlift.services.suggest import parse_enum

MANUAL = "manual"
GPX = "gpx"
TCX = "tcx"
FIT = "fit"
SPIKE_WINDOW = dt.timedelta(days=30)
MAX_ID_LENGTH = 120  # the store's client_id column


@dataclass(frozen=True, slots=True)
class ImportCount:
    """How many runs a file held and how many were new."""

    added: int
    total: int


@dataclass(frozen=True, slots=True)
class RunListing:
    """An athlete's runs, each with its spike flag when `run-spike` applies."""

    athlete: str
    runs: list[tuple[StoredRun, Spike | None]]


@dataclass(frozen=True, slots=True)
class LoadReport:
    """Weekly running and strength load for an athlete."""

    athlete: str
    weeks: list[WeekLoad]


def checked_run(run: RunEntry, today: dt.date) -> RunEntry:
    """The run with its type as a vocabulary id, or BadInput naming the implausible field."""
    try:
        check_run(run)
        check_date(run.date, today)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    if run.type is None:
        return run
    return replace(run, type=parse_enum(RunType, run.type, "--type").value)


@dataclass(frozen=True, slots=True)
class RunAdded:
    """Whether a run was stored (False: its client id was seen before) and its spike flag."""

    added: bool
    spike: Spike | None


def add_run(
    make_uow: UowFactory,
    name: str | None,
    run: RunEntry,
    client_id: str | None,
    today: dt.date,
    now: dt.datetime,
) -> RunAdded:
    """Store one run, and say at once whether `run-spike` flags it."""
    run = checked_run(run, today)
    try:
        check_text("--id", client_id)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    if client_id is not None and not 1 <= len(client_id) <= MAX_ID_LENGTH:
        raise BadInput("--id", f"must be 1-{MAX_ID_LENGTH} characters")
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        added = uow.logs.add_run(athlete.id, run, MANUAL, client_id, now)
        uow.commit()
        recent = [s.run for s in uow.logs.runs(athlete.id, run.date - SPIKE_WINDOW)]
    spikes = run_spikes(r for r in recent if r.date <= run.date)
    return RunAdded(added, next((s for s in spikes if s.run == run), None))


def import_gpx(
    make_uow: UowFactory, name: str | None, path: Path, today: dt.date, now: dt.datetime
) -> ImportCount:
    """Store every track of a GPX file as a run, all or nothing; known tracks are skipped."""
    from runlift.adapters.gpx_file import GpxFileError, read_gpx_runs  # only when importing

    try:
        found = read_gpx_runs(path)
    except GpxFileError as exc:
        raise BadInput.from_error(exc, exc.field) from exc
    runs = []
    for gpx_run in found:
        try:
            runs.append((checked_run(gpx_run.run, today), gpx_run.client_id))
        except BadInput as exc:
            message = str(exc).split(": ", 1)[-1]
            raise BadInput(str(path), f"track {gpx_run.track}: {exc.field} {message}") from exc
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        added = sum(uow.logs.add_run(athlete.id, run, GPX, cid, now) for run, cid in runs)
        uow.commit()
    return ImportCount(added, len(runs))


def file_format(path: Path) -> str:
    """GPX, TCX or FIT by extension, else by the first bytes (GPX when nothing else fits)."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in (GPX, TCX, FIT):
        return suffix
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError:
        return GPX  # the GPX reader names the file and why it cannot be read
    if head[8:12] == b".FIT":
        return FIT
    return TCX if b"TrainingCenterDatabase" in head else GPX


def _read_runs(path: Path, source: str) -> list[tuple[str, RunEntry, str]]:
    """(label, run, client id) for every run in the file, or BadInput naming the file."""
    # The file readers pull in fit-tool and XML parsing: load them only when importing.
    from runlift.adapters.fit_activity import FitActivityError, read_fit_runs
    from runlift.adapters.tcx_file import TcxFileError, read_tcx_runs

    try:
        if source == TCX:
            return [(f"activity {r.activity}", r.run, r.client_id) for r in read_tcx_runs(path)]
        return [(f"session {r.session}", r.run, r.client_id) for r in read_fit_runs(path)]
    except (TcxFileError, FitActivityError) as exc:
        raise BadInput.from_error(exc, exc.field) from exc


def import_runs(
    make_uow: UowFactory, name: str | None, path: Path, today: dt.date, now: dt.datetime
) -> ImportCount:
    """Store every run of a GPX, TCX or FIT file, all or nothing; known runs are skipped."""
    source = file_format(path)
    if source == GPX:
        return import_gpx(make_uow, name, path, today, now)
    runs = []
    for label, found, client_id in _read_runs(path, source):
        try:
            runs.append((checked_run(found, today), client_id))
        except BadInput as exc:
            message = str(exc).split(": ", 1)[-1]
            raise BadInput(str(path), f"{label}: {exc.field} {message}") from exc
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        added = sum(uow.logs.add_run(athlete.id, run, source, cid, now) for run, cid in runs)
        uow.commit()
    return ImportCount(added, len(runs))


def list_runs(make_uow: UowFactory, name: str | None) -> RunListing:
    """Every run of the athlete, oldest first, with its spike flag."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = uow.logs.runs(athlete.id)
    flagged = {spike.run: spike for spike in run_spikes(s.run for s in stored)}
    return RunListing(athlete.name, [(s, flagged.get(s.run)) for s in stored])


def weekly_load(
    make_uow: UowFactory, name: str | None, first: dt.date, last: dt.date
) -> LoadReport:
    """Running km, runs, strength sessions and sRPE load per ISO week from `first` to `last`."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        runs = [s.run for s in uow.logs.runs(athlete.id, first - SPIKE_WINDOW)]
        sessions = [s for s in uow.logs.sessions(athlete.id) if first <= s.session.date <= last]
        planned = _planned_minutes(uow, athlete.id)
    runs = [r for r in runs if r.date <= last]
    strength = [_strength(s, planned) for s in sessions]
    return LoadReport(athlete.name, weekly_summary(runs, strength, first, last))


def _planned_minutes(uow: UnitOfWork, athlete_id: int) -> dict[dt.date, float]:
    """Estimated minutes of the current plan's sessions, summed per day."""
    plan = uow.plans.latest(athlete_id)
    minutes: dict[dt.date, float] = {}
    if plan is None:
        return minutes
    for record in uow.plans.sessions(plan.id):
        estimate = record.session.get("estimated_minutes")
        if isinstance(estimate, int | float):
            minutes[record.date] = minutes.get(record.date, 0.0) + float(estimate)
    return minutes


def _strength(stored: StoredSession, planned: dict[dt.date, float]) -> StrengthEntry:
    """Minutes from the logged start and end, else the planned session's estimate, else None."""
    session = stored.session
    if session.started_at is not None and session.ended_at is not None:
        minutes: float | None = (session.ended_at - session.started_at).total_seconds() / 60
    else:
        minutes = planned.get(session.date)
    return StrengthEntry(session.date, session.srpe, minutes)
