"""Bring lifting history from Strong or Hevy: names mapped, units converted, each set stored once.

The interface reads the file (`adapters.log_csv.read_log_csv`) and hands the sets over; nothing
is stored until every exercise name is mapped (or the caller skips the unknown ones), and then
everything is stored in one transaction. Each set gets a client id made of the app, the
workout's start, the exercise as the app wrote it and the set's label, so importing the same
file again, or a later export that repeats it, stores only what is new. Warm-up sets are left
out (counted, not stored): runlift's volume and progression count working sets only. Imported
sets carry no target, so progression reads them as tests (a starting point), never as sessions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from runlift.domain.dates import EARLIEST_DAY
from runlift.domain.exercise import Catalogue
from runlift.domain.foreign_log import ForeignSet, load_in, rir_from_rpe
from runlift.domain.library import Library
from runlift.domain.log import LogError, LoggedSet, PerformedSession, check_date
from runlift.domain.shown import shown
from runlift.domain.vocab import Units
from runlift.services.athletes import UowFactory, profile_from_text, resolve_athlete
from runlift.services.errors import BadInput
from runlift.services.exercise_names import (
    UNKNOWN,
    NameMatch,
    closest_exercises,
    given_slugs,
    match_name,
)
from runlift.services.ports import ChangeKind, LogChange, UnitOfWork

MAX_NOTES = 200


@dataclass(frozen=True, slots=True)
class ImportedSet:
    """A file's set, mapped and checked: its row, day, workout and the set as it will be stored
    (its set number is given when it is stored, after the sets already logged that day)."""

    row: int
    day: dt.date
    workout: str
    logged: LoggedSet


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What a file would bring: every name with its mapping, the sets ready to store, the
    warm-ups left out, and the unit assumed for weights the file gave no unit for."""

    names: tuple[NameMatch, ...]
    sets: tuple[ImportedSet, ...]
    warmups: int
    assumed_units: Units | None

    @property
    def unknown(self) -> tuple[NameMatch, ...]:
        return tuple(m for m in self.names if m.how == UNKNOWN)

    @property
    def left_out(self) -> int:
        """Sets of names that are unknown or mapped to be skipped."""
        return sum(m.sets for m in self.names if m.slug is None)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: sets stored now, already there, left out (unknown or skipped names),
    warm-ups left out, days touched, and how each name was mapped."""

    athlete: str
    imported: int
    already: int
    skipped: int
    warmups: int
    days: int
    names: tuple[NameMatch, ...]
    assumed_units: Units | None


class UnknownExercises(BadInput):
    """Names in the file that match no catalogue exercise; `unknown` lists each once, with the
    closest exercises, for an interface to show one per line."""

    def __init__(self, unknown: Sequence[NameMatch]) -> None:
        described = "; ".join(
            f"{shown(m.name)} ({m.sets} set{'s' if m.sets != 1 else ''}"
            + (f"; closest: {', '.join(slug for slug, _ in m.closest)})" if m.closest else ")")
            for m in unknown
        )
        count = f"{len(unknown)} exercise name{'s' if len(unknown) != 1 else ''}"
        super().__init__(
            "exercise",
            f"{count} not in the catalogue, nothing imported: {described}; "
            "map each name to an exercise, or skip the unknown ones",
            "unknown_exercises",
        )
        self.unknown = tuple(unknown)


def client_id(app: str, one: ForeignSet) -> str:
    """The set's stable id: app, workout start, exercise as written, set label (<= 120 chars)."""
    exercise = hashlib.sha256(one.exercise.encode("utf-8")).hexdigest()[:16]
    repeat = f"#{one.occurrence}" if one.occurrence > 1 else ""
    return f"{app}:{one.started:%Y%m%dT%H%M%S}:{exercise}:{one.order}{repeat}"


def _names(
    catalogue: Catalogue, working: list[ForeignSet], given: Mapping[str, str]
) -> dict[str, NameMatch]:
    counts = Counter(one.exercise for one in working)
    matches = {}
    for name, sets in counts.items():
        slug, how = match_name(catalogue, name, given)
        near = closest_exercises(catalogue, name) if how == UNKNOWN else ()
        matches[name] = NameMatch(name, slug, how, sets, near)
    return matches


def _checked(
    catalogue: Catalogue, one: ForeignSet, slug: str, unit: Units, units: Units, app: str
) -> LoggedSet:
    """The row as a runlift set, or BadInput naming the domain field and the row."""
    where = f"row {one.row} ({one.exercise})"
    exercise = catalogue.exercises[slug]
    hold = exercise.default.reps is None and exercise.default.seconds is not None
    reps, seconds = one.reps, one.seconds
    if hold:
        if seconds is None:
            raise BadInput(
                "seconds", f"{where}: {exercise.name} is a hold; the row gives no seconds"
            )
        reps = None
    elif not reps and seconds is not None:
        raise BadInput("reps", f"{where}: {exercise.name} is done for reps; the row gives seconds")
    elif reps is None:
        raise BadInput("reps", f"{where}: the row gives no reps")
    try:
        return LoggedSet(
            exercise=slug,
            set_number=1,
            reps=reps,
            load=load_in(one.weight, unit, units),
            seconds=seconds,
            rir=rir_from_rpe(one.rpe),
            target=None,
            client_id=client_id(app, one),
        )
    except LogError as exc:
        raise BadInput(exc.field, f"{where}: {str(exc).split(': ', 1)[-1]}") from exc
    except ValueError as exc:
        raise BadInput("rpe", f"{where}: {exc}") from exc


def _check_day(one: ForeignSet, today: dt.date) -> dt.date:
    day = one.started.date()
    if day < EARLIEST_DAY:
        raise BadInput("date", f"row {one.row}: {day} is before {EARLIEST_DAY}; a typo?")
    try:
        check_date(day, today)
    except LogError as exc:
        raise BadInput("date", f"row {one.row}: {day} is in the future") from exc
    return day


def plan_import(
    library: Library,
    rows: Sequence[ForeignSet],
    app: str,
    units: Units,
    today: dt.date,
    aliases: Mapping[str, str] | None = None,
    file_units: Units | None = None,
) -> ImportPlan:
    """Map, convert and check a file's sets for an athlete who logs in `units`, storing nothing.

    `aliases` maps an app's name to a catalogue exercise (slug or name) or to SKIP; weights the
    file gives no unit for are read in `file_units`, else in the athlete's units.
    """
    catalogue = library.catalogue
    working = [one for one in rows if not one.warmup]
    names = _names(catalogue, working, given_slugs(catalogue, aliases or {}))
    fallback = file_units or units
    assumed = fallback if any(one.weight and one.unit is None for one in working) else None
    ready = []
    for one in sorted(working, key=lambda s: (s.started, s.row)):
        slug = names[one.exercise].slug
        if slug is None:
            continue
        day = _check_day(one, today)
        logged = _checked(catalogue, one, slug, one.unit or fallback, units, app)
        ready.append(ImportedSet(one.row, day, one.workout, logged))
    return ImportPlan(tuple(names.values()), tuple(ready), len(rows) - len(working), assumed)


def _store(
    uow: UnitOfWork, athlete_id: int, app: str, sets: Sequence[ImportedSet], now: dt.datetime
) -> tuple[int, int]:
    """Store the sets not stored before, into each day's performed session: (new, days).

    The whole import is one change in the journal, so one undo takes all of it back.
    """
    stored = uow.sets.all(athlete_id)
    seen = {s.logged.client_id for s in stored if s.logged.client_id is not None}
    numbers: dict[tuple[int, str], int] = {}
    for s in stored:
        key = (s.session_id, s.logged.exercise)
        numbers[key] = max(numbers.get(key, 0), s.logged.set_number)
    by_day: dict[dt.date, list[ImportedSet]] = defaultdict(list)
    for one in sets:
        if one.logged.client_id not in seen:
            by_day[one.day].append(one)
    added_sets: list[int] = []
    added_sessions: list[int] = []
    exercises: dict[str, None] = {}
    for day, todays in by_day.items():
        workouts = "; ".join(dict.fromkeys(s.workout for s in todays if s.workout))
        notes = f"{app.capitalize()}: {workouts}"[:MAX_NOTES] if workouts else None
        session = PerformedSession(date=day, notes=notes, client_id=f"{app}:{day.isoformat()}")
        session_id = uow.sessions.id_on(athlete_id, day)
        if session_id is None:
            session_id = uow.sessions.add(athlete_id, session)
            added_sessions.append(session_id)
        for one in todays:
            key = (session_id, one.logged.exercise)
            numbers[key] = numbers.get(key, 0) + 1
            logged = replace(one.logged, set_number=numbers[key])
            new_id = uow.sets.add_new(athlete_id, session_id, day, logged, logged.exercise, now)
            if new_id is not None:
                added_sets.append(new_id)
                exercises[logged.exercise] = None
    if added_sets:
        change = LogChange(
            ChangeKind.LOG_IMPORTED,
            min(by_day),
            tuple(exercises),
            added_sets=tuple(added_sets),
            added_sessions=tuple(added_sessions),
        )
        uow.journal.add(athlete_id, change, now)
    return len(added_sets), len(by_day)


def import_log(
    make_uow: UowFactory,
    library: Library,
    name: str,
    rows: Sequence[ForeignSet],
    app: str,
    *,
    skip_unknown: bool,
    today: dt.date,
    now: dt.datetime,
    aliases: Mapping[str, str] | None = None,
    file_units: Units | None = None,
) -> ImportResult:
    """Store a Strong or Hevy log for an athlete, all or nothing, each set once.

    Raises UnknownExercises (a BadInput on `exercise`) while a name is unmapped, unless
    `skip_unknown`; BadInput naming the field and row for a set the exercise cannot hold.
    """
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        units = profile_from_text(athlete.profile_yaml, "profile").units
        plan = plan_import(library, rows, app, units, today, aliases, file_units)
        if plan.unknown and not skip_unknown:
            raise UnknownExercises(plan.unknown)
        imported, days = _store(uow, athlete.id, app, plan.sets, now)
        if imported:
            uow.commit()
    return ImportResult(
        athlete.name,
        imported,
        len(plan.sets) - imported,
        plan.left_out,
        plan.warmups,
        days,
        plan.names,
        plan.assumed_units,
    )
