"""Running use cases: log a run, import GPX/TCX/FIT runs, list them, weekly load and spikes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from runlift.domain.log import LogError, check_date, check_text
from runlift.domain.training_load import (
    RunEntry,
    Spike,
    StrengthEntry,
    WeekLoad,
    check_run,
    run_spikes,
    weekly_summary,
)
from runlift.domain.vocab import RunType
from runlift.services.athletes import UowFactory, resolve_athlete
from runlift.services.errors import BadInput
from runlift.services.ports import ChangeKind, LogChange, StoredRun, StoredSession, UnitOfWork
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
    return replace(run, type=parse_enum(RunType, run.type, "type").value)


@dataclass(frozen=True, slots=True)
class RunAdded:
    """Whether a run was stored (False: its client id was seen before) and its spike flag."""

    added: bool
    spike: Spike | None


def add_run(
    make_uow: UowFactory,
    name: str,
    run: RunEntry,
    client_id: str | None,
    today: dt.date,
    now: dt.datetime,
) -> RunAdded:
    """Store one run, and say at once whether `run-spike` flags it."""
    run = checked_run(run, today)
    try:
        check_text("id", client_id)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    if client_id is not None and not 1 <= len(client_id) <= MAX_ID_LENGTH:
        raise BadInput("id", f"must be 1-{MAX_ID_LENGTH} characters")
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        new_id = uow.runs.add_new(athlete.id, run, MANUAL, client_id, now)
        if new_id is not None:
            change = LogChange(ChangeKind.RUN_LOGGED, run.date, added_runs=(new_id,))
            uow.journal.add(athlete.id, change, now)
        uow.commit()
        everything = [s.run for s in uow.runs.all(athlete.id)]
    first = min((r.date for r in everything), default=None)
    recent = [r for r in everything if run.date - SPIKE_WINDOW <= r.date <= run.date]
    spikes = run_spikes(recent, first)
    return RunAdded(new_id is not None, next((s for s in spikes if s.run == run), None))


def import_gpx(
    make_uow: UowFactory,
    name: str,
    data: bytes,
    source: str,
    today: dt.date,
    now: dt.datetime,
) -> ImportCount:
    """Store every track of GPX data as a run, all or nothing; known tracks are skipped."""
    return import_run_files(make_uow, name, [(source, data)], today, now, kind=GPX)


def _gpx_runs(data: bytes, source: str) -> list[tuple[str, RunEntry, str]]:
    """(label, run, client id) for every track of GPX data, or BadInput naming the source."""
    from runlift.adapters.gpx_file import GpxFileError, parse_gpx_runs  # only when importing

    try:
        found = parse_gpx_runs(data, source)
    except GpxFileError as exc:
        raise BadInput.from_error(exc, exc.field) from exc
    return [(f"track {r.track}", r.run, r.client_id) for r in found]


def file_format(source: str, data: bytes) -> str:
    """GPX, TCX or FIT by the file name's extension, else by the first bytes (GPX by default)."""
    suffix = source.rsplit(".", 1)[-1].lower() if "." in source else ""
    if suffix in (GPX, TCX, FIT):
        return suffix
    head = data[:4096]
    if head[8:12] == b".FIT":
        return FIT
    return TCX if b"TrainingCenterDatabase" in head else GPX


def _read_runs(data: bytes, source: str, kind: str) -> list[tuple[str, RunEntry, str]]:
    """(label, run, client id) for every run in the data, or BadInput naming the source."""
    if kind == GPX:
        return _gpx_runs(data, source)
    # The file readers pull in fit-tool and XML parsing: load them only when importing.
    from runlift.adapters.fit_activity import FitActivityError, parse_fit_runs
    from runlift.adapters.tcx_file import TcxFileError, parse_tcx_runs

    try:
        if kind == TCX:
            found = parse_tcx_runs(data, source)
            return [(f"activity {r.activity}", r.run, r.client_id) for r in found]
        return [(f"session {r.session}", r.run, r.client_id) for r in parse_fit_runs(data, source)]
    except (TcxFileError, FitActivityError) as exc:
        raise BadInput.from_error(exc, exc.field) from exc


def import_runs(
    make_uow: UowFactory,
    name: str,
    data: bytes,
    source: str,
    today: dt.date,
    now: dt.datetime,
    run_type: str | None = None,
) -> ImportCount:
    """Store every run of GPX, TCX or FIT data (an upload or a file's bytes), all or nothing.

    `source` is the file's name, used to tell the format and to name it in errors; runs
    already stored are skipped.
    """
    return import_run_files(make_uow, name, [(source, data)], today, now, run_type)


def import_run_files(
    make_uow: UowFactory,
    name: str,
    files: Sequence[tuple[str, bytes]],
    today: dt.date,
    now: dt.datetime,
    run_type: str | None = None,
    kind: str | None = None,
) -> ImportCount:
    """Store the runs of several GPX, TCX or FIT files (name, bytes) at once: all or nothing.

    One import is one change to the log (one undo takes it all back). `run_type` (a run type
    id, e.g. 'easy') is given to every imported run; runs already stored are skipped.
    """
    if not files:
        raise BadInput("files", "no GPX, TCX or FIT file given")
    chosen = None if run_type is None else parse_enum(RunType, run_type, "type").value
    runs: list[tuple[RunEntry, str | None, str]] = []
    for source, data in files:
        file_kind = kind or file_format(source, data)
        for label, found, client_id in _read_runs(data, source, file_kind):
            if chosen is not None:
                found = replace(found, type=chosen)
            try:
                runs.append((checked_run(found, today), client_id, file_kind))
            except BadInput as exc:
                message = str(exc).split(": ", 1)[-1]
                raise BadInput(source, f"{label}: {exc.field} {message}") from exc
    return _store_runs(make_uow, name, runs, now)


def _store_runs(
    make_uow: UowFactory,
    name: str,
    runs: Sequence[tuple[RunEntry, str | None, str]],
    now: dt.datetime,
) -> ImportCount:
    """Store imported runs (run, client id, source) in one transaction, journaled as one change;
    known ones are skipped."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = [
            (uow.runs.add_new(athlete.id, run, source, cid, now), run) for run, cid, source in runs
        ]
        added = [(run_id, run) for run_id, run in stored if run_id is not None]
        if added:
            first = min(run.date for _, run in added)
            change = LogChange(
                ChangeKind.RUNS_IMPORTED, first, added_runs=tuple(i for i, _ in added)
            )
            uow.journal.add(athlete.id, change, now)
        uow.commit()
    return ImportCount(len(added), len(runs))


def list_runs(make_uow: UowFactory, name: str) -> RunListing:
    """Every run of the athlete, oldest first, with its spike flag."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        stored = uow.runs.all(athlete.id)
    flagged = {spike.run: spike for spike in run_spikes(s.run for s in stored)}
    return RunListing(athlete.name, [(s, flagged.get(s.run)) for s in stored])


def weekly_load(make_uow: UowFactory, name: str, first: dt.date, last: dt.date) -> LoadReport:
    """Running km, runs, strength sessions and sRPE load per ISO week from `first` to `last`."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        everything = [s.run for s in uow.runs.all(athlete.id)]
        sessions = [s for s in uow.sessions.all(athlete.id) if first <= s.session.date <= last]
        planned = _planned_minutes(uow, athlete.id)
    history_start = min((r.date for r in everything), default=None)
    runs = [r for r in everything if first - SPIKE_WINDOW <= r.date <= last]
    strength = [_strength(s, planned) for s in sessions]
    return LoadReport(athlete.name, weekly_summary(runs, strength, first, last, history_start))


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
