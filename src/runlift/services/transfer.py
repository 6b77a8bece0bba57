"""Whole-store export and import, so a runner's data can move between machines and databases."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from runlift.domain.dates import DateError, check_moment, check_plan_day
from runlift.domain.library import Library
from runlift.domain.log import LogError, LoggedSet, PerformedSession, check_date, check_name
from runlift.domain.progression import Load
from runlift.domain.shown import shown
from runlift.domain.target_codec import load_to_dict, target_from_dict, target_to_dict
from runlift.domain.training_load import RunEntry
from runlift.domain.vocab import Units
from runlift.services.athletes import UowFactory, profile_from_text, resolve_athlete
from runlift.services.errors import BadInput, Conflict
from runlift.services.export_document import (
    AthleteDoc,
    ExportDoc,
    LoadDoc,
    PlanDoc,
    RunDoc,
    SetDoc,
)
from runlift.services.json_text import read_json
from runlift.services.plan_document import dumps as plan_dumps
from runlift.services.ports import PlannedSessionRecord, SetRow, UnitOfWork
from runlift.services.running import checked_run
from runlift.services.stored_plans import check_plan, check_session, decoded_plan, storable

FORMAT = "runlift-export"
VERSION = 1


@dataclass(frozen=True, slots=True)
class Counts:
    """How much a document holds, for the one line the CLI prints."""

    athletes: int
    plans: int
    sessions: int
    sets: int
    runs: int = 0


def _stamp(value: dt.datetime | None) -> str | None:
    """UTC ISO text, so the same instant always exports the same way whichever database held it."""
    return None if value is None else value.astimezone(dt.UTC).isoformat()


def _athlete_doc(uow: UnitOfWork, athlete_id: int, name: str, profile: str) -> dict[str, Any]:
    created, updated = uow.athletes.stamps(athlete_id)
    plans = [
        {
            "version": p.version,
            "start": p.start.isoformat(),
            "created_at": _stamp(uow.plans.created_at(p.id)),
            "profile_yaml": p.profile_yaml,
            "plan": decoded_plan(p),
            "planned_sessions": [
                {
                    "date": s.date.isoformat(),
                    "position": s.position,
                    "week": s.week,
                    "deload": s.deload,
                    "title": s.title,
                    "session": s.session,
                }
                for s in uow.plans.sessions(p.id)
            ],
        }
        for p in uow.plans.all(athlete_id)
    ]
    times = uow.sets.logged_times(athlete_id)
    by_session: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for stored in uow.sets.all(athlete_id):
        s = stored.logged
        by_session[stored.session_id].append(
            {
                "exercise": s.exercise,
                "variant": stored.variant,
                "set_number": s.set_number,
                "reps": s.reps,
                "load": load_to_dict(s.load),
                "seconds": s.seconds,
                "rir": s.rir,
                "target": target_to_dict(s.target) if s.target else None,
                "client_id": s.client_id,
                "logged_at": _stamp(times[stored.id]),
            }
        )
    sessions = [
        {
            "date": stored.session.date.isoformat(),
            "started_at": _stamp(stored.session.started_at),
            "ended_at": _stamp(stored.session.ended_at),
            "srpe": stored.session.srpe,
            "notes": stored.session.notes,
            "client_id": stored.session.client_id,
            "sets": by_session.get(stored.id, []),
        }
        for stored in uow.sessions.all(athlete_id)
    ]
    runs = [
        {
            "date": stored.run.date.isoformat(),
            "distance_m": stored.run.distance_m,
            "duration_s": stored.run.duration_s,
            "type": stored.run.type,
            "source": stored.source,
            "client_id": stored.client_id,
            "logged_at": _stamp(stored.logged_at),
        }
        for stored in uow.runs.all(athlete_id)
    ]
    return {
        "name": name,
        "created_at": _stamp(created),
        "updated_at": _stamp(updated),
        "profile_yaml": profile,
        "plans": plans,
        "sessions": sessions,
        "runs": runs,
    }


def export_athlete(make_uow: UowFactory, name: str) -> dict[str, Any]:
    """One athlete's document: the whole-store export's shape, with only this athlete."""
    with make_uow() as uow:
        a = resolve_athlete(uow, name)
        athletes = [_athlete_doc(uow, a.id, a.name, a.profile_yaml)]
    return {"format": FORMAT, "version": VERSION, "athletes": athletes}


def export_document(make_uow: UowFactory) -> dict[str, Any]:
    """Everything in the store as one document: athletes by name, rows in stored order."""
    with make_uow() as uow:
        athletes = [_athlete_doc(uow, a.id, a.name, a.profile_yaml) for a in uow.athletes.all()]
    return {"format": FORMAT, "version": VERSION, "athletes": athletes}


def document_text(document: dict[str, Any]) -> str:
    """The document as stable text: same store, same bytes."""
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def counts(document: dict[str, Any]) -> Counts:
    """Athletes, plans, sessions and sets in an export document."""
    athletes = document["athletes"]
    return Counts(
        len(athletes),
        sum(len(a["plans"]) for a in athletes),
        sum(len(a["sessions"]) for a in athletes),
        sum(len(s["sets"]) for a in athletes for s in a["sessions"]),
        sum(len(a.get("runs", [])) for a in athletes),
    )


def read_document(text: str, source: str) -> object:
    """An export's JSON text as data, or BadInput naming its source (a file, an upload)."""
    return read_json(text, source)


def parse_document(data: object) -> ExportDoc:
    """Shape-check a document; the first problem is reported with its path, e.g. athletes.0.name.

    Text with NUL and numbers that are not finite are refused anywhere: no store keeps them.
    """
    storable(data, "")
    try:
        return ExportDoc.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "document"
        raise BadInput(field, first["msg"]) from exc


def _utc(value: dt.datetime, field: str) -> dt.datetime:
    """A time with its zone, inside the window of `domain.dates`, as UTC."""
    try:
        return check_moment(field, value)
    except DateError as exc:
        raise BadInput.from_error(exc) from exc


def _check_plan_days(plan: PlanDoc, field: str, today: dt.date) -> None:
    """A plan's start and planned days inside the plan window of `domain.dates`."""
    try:
        check_plan_day(f"{field}.start", plan.start, today)
        for k, planned in enumerate(plan.planned_sessions):
            check_plan_day(f"{field}.planned_sessions.{k}.date", planned.date, today)
    except DateError as exc:
        raise BadInput.from_error(exc) from exc


def _utc_or_none(value: dt.datetime | None, field: str) -> dt.datetime | None:
    return None if value is None else _utc(value, field)


def _load(doc: LoadDoc | None) -> Load | None:
    return None if doc is None else Load(doc.value, Units(doc.unit))


def _unique(values: list[Any], field: str, what: str) -> None:
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value is not None and value in seen:
            raise BadInput(field.format(index), f"repeats {what} {shown(value)}")
        seen.add(value)


@dataclass(frozen=True, slots=True)
class _Checked:
    """One athlete's rows, checked and turned into domain values, ready to write."""

    doc: AthleteDoc
    sessions: list[tuple[PerformedSession, list[tuple[LoggedSet, str, dt.datetime]]]]
    runs: list[tuple[RunEntry, RunDoc]]


def _check_set(library: Library, s: SetDoc, field: str) -> tuple[LoggedSet, str, dt.datetime]:
    for name, slug in (("exercise", s.exercise), ("variant", s.variant)):
        if slug not in library.catalogue.exercises:
            raise BadInput(f"{field}.{name}", f"unknown exercise {shown(slug)}")
    try:
        target = target_from_dict(s.target.model_dump()) if s.target else None
        logged = LoggedSet(
            exercise=s.exercise,
            set_number=s.set_number,
            reps=s.reps,
            load=_load(s.load),
            seconds=s.seconds,
            rir=s.rir,
            target=target,
            client_id=s.client_id,
        )
    except LogError as exc:
        raise BadInput.from_error(exc, f"{field}.{exc.field}") from exc
    except ValueError as exc:
        raise BadInput(f"{field}.target", str(exc)) from exc
    return logged, s.variant, _utc(s.logged_at, f"{field}.logged_at")


def _check_athlete(library: Library, a: AthleteDoc, i: int, today: dt.date) -> _Checked:
    base = f"athletes.{i}"
    try:
        check_name(f"{base}.name", a.name)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    for field, text in [(f"{base}.profile_yaml", a.profile_yaml)] + [
        (f"{base}.plans.{j}.profile_yaml", p.profile_yaml) for j, p in enumerate(a.plans)
    ]:
        try:
            profile_from_text(text, field)
        except BadInput as exc:
            raise BadInput(field, str(exc)) from exc
    for j, plan in enumerate(a.plans):
        _check_plan_days(plan, f"{base}.plans.{j}", today)
        if plan.version != j + 1:
            raise BadInput(f"{base}.plans.{j}.version", f"expected {j + 1}: versions run 1, 2, ...")
        check_plan(library, plan.plan, f"{base}.plans.{j}.plan")
        for k, planned in enumerate(plan.planned_sessions):
            check_session(
                library, planned.session, f"{base}.plans.{j}.planned_sessions.{k}.session"
            )
        _unique(
            [(s.date, s.position) for s in plan.planned_sessions],
            f"{base}.plans.{j}.planned_sessions.{{}}",
            "date and position",
        )
    _unique([s.client_id for s in a.sessions], f"{base}.sessions.{{}}.client_id", "client id")
    seen: set[str] = set()
    for k, session in enumerate(a.sessions):
        for n, one in enumerate(session.sets):
            if one.client_id is None:
                continue
            if one.client_id in seen:
                field = f"{base}.sessions.{k}.sets.{n}.client_id"
                raise BadInput(field, f"repeats client id {shown(one.client_id)}")
            seen.add(one.client_id)
    sessions = []
    for k, s in enumerate(a.sessions):
        field = f"{base}.sessions.{k}"
        try:
            check_date(s.date, today)
            performed = PerformedSession(
                date=s.date,
                started_at=_utc_or_none(s.started_at, f"{field}.started_at"),
                ended_at=_utc_or_none(s.ended_at, f"{field}.ended_at"),
                srpe=s.srpe,
                notes=s.notes,
                client_id=s.client_id,
            )
        except LogError as exc:
            raise BadInput.from_error(exc, f"{field}.{exc.field}") from exc
        sets = [_check_set(library, x, f"{field}.sets.{n}") for n, x in enumerate(s.sets)]
        sessions.append((performed, sets))
    _utc(a.created_at, f"{base}.created_at")
    _utc(a.updated_at, f"{base}.updated_at")
    for j, plan in enumerate(a.plans):
        _utc(plan.created_at, f"{base}.plans.{j}.created_at")
    return _Checked(a, sessions, [])


def _write_athlete(uow: UnitOfWork, checked: _Checked) -> None:
    a = checked.doc
    record = uow.athletes.add(a.name, a.profile_yaml, a.created_at.astimezone(dt.UTC))
    uow.athletes.update_profile(record.id, a.profile_yaml, a.updated_at.astimezone(dt.UTC))
    _write_log(uow, record.id, checked)


def _write_log(uow: UnitOfWork, athlete_id: int, checked: _Checked) -> None:
    """The athlete's plans, sessions with their sets, and runs, from a checked document."""
    a = checked.doc
    for plan in a.plans:
        planned = [
            PlannedSessionRecord(s.date, s.position, s.week, s.deload, s.title, s.session)
            for s in plan.planned_sessions
        ]
        stored = uow.plans.add(
            athlete_id,
            plan.start,
            plan.profile_yaml,
            plan_dumps(plan.plan),
            planned,
            plan.created_at.astimezone(dt.UTC),
        )
        assert stored.version == plan.version, "plan versions are checked to run 1, 2, ..."
    rows: list[SetRow] = []
    for performed, sets in checked.sessions:
        session_id = uow.sessions.add(athlete_id, performed)
        rows.extend(
            SetRow(session_id, performed.date, variant, logged, logged_at)
            for logged, variant, logged_at in sets
        )
    uow.sets.add_rows(athlete_id, rows)
    for run, doc in checked.runs:
        uow.runs.add(athlete_id, run, doc.source, doc.client_id, doc.logged_at)


def _with_runs(checked: _Checked, index: int, today: dt.date) -> _Checked:
    """Check the athlete's runs as `runlift runs add` would, naming the field of a bad one."""
    runs = []
    ids = [r.client_id for r in checked.doc.runs if r.client_id is not None]
    _unique(ids, f"athletes.{index}.runs.{{}}.client_id", "run client id")
    for j, doc in enumerate(checked.doc.runs):
        field_name = f"athletes.{index}.runs.{j}"
        _utc(doc.logged_at, f"{field_name}.logged_at")
        try:
            run = checked_run(RunEntry(doc.date, doc.distance_m, doc.duration_s, doc.type), today)
        except BadInput as exc:
            raise BadInput(f"{field_name}.{exc.field}", str(exc).split(": ", 1)[-1]) from exc
        runs.append((run, doc))
    return _Checked(checked.doc, checked.sessions, runs)


def import_document(make_uow: UowFactory, library: Library, data: object, today: dt.date) -> Counts:
    """Load a document into an empty store: checked first, then written in one transaction."""
    doc = parse_document(data)
    _unique([a.name for a in doc.athletes], "athletes.{}.name", "athlete name")
    checked = [
        _with_runs(_check_athlete(library, a, i, today), i, today)
        for i, a in enumerate(doc.athletes)
    ]
    with make_uow() as uow:
        uow.athletes.lock_all()  # a concurrent import waits, then finds the store not empty
        present = uow.athletes.all()
        if present:
            names = ", ".join(a.name for a in present)
            raise BadInput("store", f"not empty (athletes: {names}); import needs an empty store")
        for one in checked:
            _write_athlete(uow, one)
        uow.commit()
    return _doc_counts(doc)


def _doc_counts(doc: ExportDoc) -> Counts:
    return Counts(
        len(doc.athletes),
        sum(len(a.plans) for a in doc.athletes),
        sum(len(a.sessions) for a in doc.athletes),
        sum(len(s.sets) for a in doc.athletes for s in a.sessions),
        sum(len(a.runs) for a in doc.athletes),
    )


def import_athlete(
    make_uow: UowFactory, library: Library, name: str, data: object, today: dt.date
) -> Counts:
    """Load the document of one athlete into this athlete's empty log (their name and account
    stay), checked first, then written in one transaction; Conflict when the log is not empty."""
    doc = parse_document(data)
    if len(doc.athletes) != 1:
        raise BadInput("athletes", f"holds {len(doc.athletes)} athletes; give exactly one")
    checked = _with_runs(_check_athlete(library, doc.athletes[0], 0, today), 0, today)
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        uow.athletes.lock(athlete.id)  # a concurrent import waits, then finds the log not empty
        if uow.plans.all(athlete.id) or uow.sessions.all(athlete.id) or uow.runs.all(athlete.id):
            raise Conflict("the log is not empty; import needs an empty log", "log")
        profile = checked.doc.profile_yaml
        uow.athletes.update_profile(athlete.id, profile, checked.doc.updated_at.astimezone(dt.UTC))
        _write_log(uow, athlete.id, checked)
        uow.commit()
    return _doc_counts(doc)
