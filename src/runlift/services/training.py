"""Training use cases: today's targets, logging sets, and the next target for an exercise."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from runlift.adapters.catalogue_loader import Library
from runlift.domain.exercise import Exercise
from runlift.domain.log import LogError, LoggedSet, PerformedSession, check_date
from runlift.domain.progression import (
    Decision,
    Load,
    SessionResult,
    SetResult,
    Target,
    apply_deload,
    loading_equipment,
    next_target,
)
from runlift.domain.vocab import Equipment
from runlift.services.athletes import UowFactory, resolve_athlete
from runlift.services.catalogue import get_exercise
from runlift.services.errors import BadInput
from runlift.services.ports import PlannedSessionRecord, StoredSet, UnitOfWork

PROGRESSED_BLOCKS = frozenset({"main", "core", "plyometric"})
DEFAULT_RIR = 2
HISTORY_DAYS = 24  # progression reads only the last sessions; more would only cost time


@dataclass(frozen=True, slots=True)
class ItemTarget:
    """One planned item with its concrete target (None for warm-up and mobility items)."""

    block: str
    item: dict[str, Any]
    decision: Decision | None


@dataclass(frozen=True, slots=True)
class DayView:
    """What the athlete has planned on a day, with targets set from their log."""

    athlete: str
    date: dt.date
    sessions: list[tuple[PlannedSessionRecord, list[ItemTarget]]]
    next_planned: PlannedSessionRecord | None = None


def planned_rir(intensity: str) -> int:
    """The lower RIR bound stated in a plan item's intensity, e.g. 'RIR 2-3 (...)' -> 2."""
    found = re.search(r"RIR (\d+)", intensity)
    return int(found.group(1)) if found else DEFAULT_RIR


def _results(
    sets: list[StoredSet], before: dt.date | None
) -> tuple[list[SessionResult], SetResult | None]:
    """Group stored sets into per-session results; untargeted sets are test sets."""
    grouped: dict[int, list[StoredSet]] = defaultdict(list)
    test: SetResult | None = None
    for stored in sets:
        if before is not None and stored.date >= before:
            continue
        if stored.logged.target is None:
            logged = stored.logged
            if logged.load is not None and logged.reps:
                test = SetResult(logged.reps, logged.load, logged.seconds, logged.rir)
            continue
        grouped[stored.session_id].append(stored)
    results = []
    for group in grouped.values():
        target = group[0].logged.target
        assert target is not None
        done = tuple(
            SetResult(s.logged.reps, s.logged.load, s.logged.seconds, s.logged.rir) for s in group
        )
        loads = [r.load for r in done if r.load is not None]
        if target.load is None and loads:
            # The runner chose the load (no target load yet): what they lifted becomes the target.
            heaviest = max(loads, key=lambda load: load.to(loads[0].unit).value)
            target = replace(target, load=heaviest)
        results.append(SessionResult(group[0].date, target, done))
    results.sort(key=lambda r: r.date)
    return results, test


def planned_sessions(uow: UnitOfWork, athlete_id: int) -> list[PlannedSessionRecord]:
    """Every session of the current plan: read once per unit of work, then searched in memory."""
    plan = uow.plans.latest(athlete_id)
    return uow.plans.sessions(plan.id) if plan is not None else []


def _planned_item(
    records: list[PlannedSessionRecord], exercise: str, day: dt.date
) -> tuple[PlannedSessionRecord, dict[str, Any], str] | None:
    """The plan's prescription of `exercise` on `day`, else the next one, else the last one."""
    found = [
        (record, item, block["kind"])
        for record in records
        for block in record.session["blocks"]
        for item in block["items"]
        if item["exercise"] == exercise
    ]
    if not found:
        return None
    upcoming = [f for f in found if f[0].date >= day]
    return upcoming[0] if upcoming else found[-1]


def target_for(
    uow: UnitOfWork,
    library: Library,
    athlete_id: int,
    exercise: Exercise,
    day: dt.date,
    include_day: bool,
    plan: list[PlannedSessionRecord] | None = None,
) -> Decision:
    """The target for `exercise` on `day` from the plan's prescription and the log before it.

    `plan` is the current plan's sessions when the caller already has them.
    """
    before = day + dt.timedelta(days=1) if include_day else day
    logged = uow.logs.recent_sets(athlete_id, exercise.slug, HISTORY_DAYS)
    history, test_set = _results(logged, before)
    records = plan if plan is not None else planned_sessions(uow, athlete_id)
    planned = _planned_item(records, exercise.slug, day)
    last = history[-1].target if history else None
    if planned is not None:
        record, item, _block = planned
        reps = tuple(item["reps"]) if item["reps"] else None
        sets, seconds, rir = item["sets"], item["seconds"], planned_rir(item["intensity"])
        kit = [Equipment(e) for e in item["equipment"]]
        deload = record.deload
    else:
        d = exercise.default
        reps, sets, seconds, rir, kit, deload = d.reps, d.sets, d.seconds, DEFAULT_RIR, [], False
    variant = last.variant if last is not None else exercise.slug
    current = Target(
        exercise=exercise.slug,
        variant=variant,
        sets=sets,
        reps=(int(reps[0]), int(reps[1])) if reps else None,
        seconds=seconds,
        load=last.load if last is not None else None,
        rir=rir,
    )
    if last is not None and variant != exercise.slug:
        current = replace(current, sets=last.sets, reps=last.reps, seconds=last.seconds)
    catalogue = library.catalogue
    performed = catalogue.get(variant) if variant in catalogue else exercise
    decision = next_target(
        history,
        current,
        performed,
        variants=catalogue.exercises,
        equipment=loading_equipment(kit),
        test_set=test_set,
    )
    if deload:
        # The plan already halved the sets of a deload week; here only load and RIR change.
        lighter = replace(
            apply_deload(decision.target, loading_equipment(kit)), sets=decision.target.sets
        )
        return Decision(lighter, "deload", f"deload week: {decision.reason}; lighter this week")
    return decision


def day_view(make_uow: UowFactory, library: Library, name: str | None, day: dt.date) -> DayView:
    """The planned sessions of a day with concrete targets for the trained items."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        everything = planned_sessions(uow, athlete.id)
        records = [r for r in everything if r.date == day]
        sessions = []
        for record in records:
            targets = []
            for block in record.session["blocks"]:
                for item in block["items"]:
                    decision = None
                    if block["kind"] in PROGRESSED_BLOCKS:
                        exercise = library.catalogue.get(item["exercise"])
                        decision = target_for(
                            uow, library, athlete.id, exercise, day, False, everything
                        )
                    targets.append(ItemTarget(block["kind"], item, decision))
            sessions.append((record, targets))
        upcoming = None
        if not sessions:
            upcoming = next((r for r in everything if r.date > day), None)
        return DayView(athlete.name, day, sessions, upcoming)


def next_for(
    make_uow: UowFactory, library: Library, name: str | None, exercise_name: str, today: dt.date
) -> Decision:
    """What to do next time for one exercise, after everything logged so far."""
    exercise = get_exercise(library, exercise_name)
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        return target_for(uow, library, athlete.id, exercise, today, True)


@dataclass(frozen=True, slots=True)
class SetEntry:
    """A set as the user typed it, before it is checked and stored."""

    exercise: str
    reps: int | None
    load: Load | None = None
    seconds: int | None = None
    rir: int | None = None
    client_id: str | None = None
    test: bool = False
    set_number: int | None = None


def log_sets(
    make_uow: UowFactory,
    library: Library,
    name: str | None,
    day: dt.date,
    entries: list[SetEntry],
    today: dt.date,
    now: dt.datetime,
    session: PerformedSession | None = None,
) -> list[bool]:
    """Record sets in one transaction: all or nothing; a repeated client id is recorded once."""
    try:
        check_date(day, today)
    except LogError as exc:
        raise BadInput.from_error(exc) from exc
    exercises = [get_exercise(library, entry.exercise) for entry in entries]
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        performed = session or PerformedSession(date=day)
        session_id = (
            uow.logs.add_session(athlete.id, performed)
            if session
            else (
                uow.logs.session_on(athlete.id, day) or uow.logs.add_session(athlete.id, performed)
            )
        )
        recorded = []
        everything = planned_sessions(uow, athlete.id)
        for entry, exercise in zip(entries, exercises, strict=True):
            target = None
            if not entry.test:
                target = target_for(
                    uow, library, athlete.id, exercise, day, False, everything
                ).target
            number = entry.set_number or uow.logs.next_set_number(session_id, exercise.slug)
            try:
                logged = LoggedSet(
                    exercise=exercise.slug,
                    set_number=number,
                    reps=entry.reps,
                    load=entry.load,
                    seconds=entry.seconds,
                    rir=entry.rir,
                    target=target,
                    client_id=entry.client_id,
                )
            except LogError as exc:
                raise BadInput.from_error(exc) from exc
            variant = target.variant if target else exercise.slug
            recorded.append(uow.logs.add_set(athlete.id, session_id, day, logged, variant, now))
        uow.commit()
    return recorded
