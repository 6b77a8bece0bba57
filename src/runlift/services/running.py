"""Running use cases: log a run, import GPX/TCX/FIT runs, list them, weekly load and spikes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from runlift.domain.log import LogError, check_client_id, check_date
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
from runlift.services.errors import BadInput, Conflict
from runlift.services.ports import (
    ChangeKind,
    FoundRun,
    LogChange,
    StoredRun,
    StoredSession,
    UnitOfWork,
)
from runlift.services.suggest import parse_enum

MANUAL = "manual"
SPIKE_WINDOW = dt.timedelta(days=30)


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
        check_date(run.date, today)
        check_run(run)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    if run.type is None:
        return run
    return replace(run, type=parse_enum(RunType, run.type, "type").value)


def _spike_of(stored: Sequence[StoredRun], run: RunEntry) -> Spike | None:
    """The run-spike flag of `run` among the athlete's stored runs, if any."""
    everything = [s.run for s in stored]
    first = min((r.date for r in everything), default=None)
    recent = [r for r in everything if run.date - SPIKE_WINDOW <= r.date <= run.date]
    return next((s for s in run_spikes(recent, first) if s.run == run), None)


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
        check_client_id("id", client_id)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        new_id = uow.runs.add_new(athlete.id, run, MANUAL, client_id, now)
        if new_id is not None:
            change = LogChange(ChangeKind.RUN_LOGGED, run.date, added_runs=(new_id,))
            uow.journal.add(athlete.id, change, now)
        uow.commit()
        everything = uow.runs.all(athlete.id)
    return RunAdded(new_id is not None, _spike_of(everything, run))


@dataclass(frozen=True, slots=True)
class RunLogged:
    """A run as stored, its spike flag, and whether this call stored it (False: a retry)."""

    stored: StoredRun
    spike: Spike | None
    created: bool


def add_run_once(
    make_uow: UowFactory,
    name: str,
    run: RunEntry,
    client_id: str,
    today: dt.date,
    now: dt.datetime,
) -> RunLogged:
    """Store one run carrying a client id: a retry (same id, same run) stores nothing and answers
    the stored run; the client id of another run is a Conflict."""
    if not client_id:
        raise BadInput("client_id", "give the id your device made for this run")
    run = checked_run(run, today)
    try:
        check_client_id("client_id", client_id)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        new_id = uow.runs.add_new(athlete.id, run, MANUAL, client_id, now)
        if new_id is not None:
            change = LogChange(ChangeKind.RUN_LOGGED, run.date, added_runs=(new_id,))
            uow.journal.add(athlete.id, change, now)
        uow.commit()
        everything = uow.runs.all(athlete.id)
    stored = next((s for s in everything if s.client_id == client_id), None)
    if stored is None:  # deleted between the write and the read: as good as a conflict
        raise Conflict("this client id was used for a run since removed", "client_id")
    if new_id is None and stored.run != run:
        raise Conflict("this client id was used for another run", "client_id")
    return RunLogged(stored, _spike_of(everything, stored.run), new_id is not None)


def import_runs(
    make_uow: UowFactory,
    name: str,
    found: Sequence[FoundRun],
    today: dt.date,
    now: dt.datetime,
    run_type: str | None = None,
) -> ImportCount:
    """Store runs read from files (one or several), all or nothing, as one change to the log.

    `run_type` (a run type id, e.g. 'easy') is given to every run; runs already stored are
    skipped, so importing a file again adds nothing.
    """
    if not found:
        raise BadInput("files", "no run found in the GPX, TCX or FIT files given")
    chosen = None if run_type is None else parse_enum(RunType, run_type, "type").value
    runs: list[tuple[RunEntry, str | None, str]] = []
    for one in found:
        run = one.run if chosen is None else replace(one.run, type=chosen)
        try:
            runs.append((checked_run(run, today), one.client_id, one.kind))
        except BadInput as exc:
            message = str(exc).split(": ", 1)[-1]
            raise BadInput(one.file, f"{one.label}: {exc.field} {message}") from exc
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
