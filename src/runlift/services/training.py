"""Training use cases: today's targets, logging sets, and the next target for an exercise.

Every target comes from one place, `_session_targets`, which fetches a planned session's items
and their logs and hands them to the domain (`runlift.domain.coach.session_targets`): the day
view, `next` and the target stored with each logged set are therefore always the same answer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from runlift.domain.coach import ItemLog, Kit, PlannedItem, item_target, session_targets
from runlift.domain.exercise import Exercise
from runlift.domain.library import Library
from runlift.domain.log import PerformedSession
from runlift.domain.periodize import monday_of
from runlift.domain.progression import Decision, Load, SessionResult, SetResult
from runlift.domain.vocab import Equipment
from runlift.services.athletes import UowFactory, profile_from_text, resolve_athlete
from runlift.services.catalogue import get_exercise
from runlift.services.ports import AthleteRecord, PlannedSessionRecord, StoredSet, UnitOfWork
from runlift.services.real_week import day_notes, next_session, week_state
from runlift.services.stored_plans import readable_sessions

PROGRESSED_BLOCKS = frozenset({"main", "core", "plyometric"})
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
    notes: list[str] = field(default_factory=list)  # moves, offers and drops of the real week


def planned_rir(intensity: str) -> int | None:
    """The lower RIR bound a plan item states, e.g. 'RIR 2-3 (...)' -> 2; None if it states none."""
    found = re.search(r"RIR (\d+)", intensity)
    return int(found.group(1)) if found else None


def counts_for_progression(record: PlannedSessionRecord) -> bool:
    """Whether sets done in this session count; plans stored before the flag: unless a deload."""
    return bool(record.session.get("counts_for_progression", not record.deload))


def athlete_kit(athlete: AthleteRecord) -> Kit:
    """The athlete's equipment, loads owned and units, from their stored profile."""
    return _kit(athlete.profile_yaml, athlete.name)


@lru_cache(maxsize=64)
def _kit(profile_yaml: str, name: str) -> Kit:
    """Parsing YAML costs more than the rest of logging a set: parse each profile text once."""
    return Kit.of(profile_from_text(profile_yaml, name))


def planned_sessions(
    uow: UnitOfWork, athlete_id: int, library: Library | None = None
) -> list[PlannedSessionRecord]:
    """Every session of the current plan: read once per unit of work, then searched in memory.

    Each is checked as the plan shape (and against the catalogue when given), so a damaged row
    is one `Damaged` error rather than a crash deep inside the coaching.
    """
    plan = uow.plans.latest(athlete_id)
    return readable_sessions(library, uow.plans.sessions(plan.id)) if plan is not None else []


def _trained(record: PlannedSessionRecord) -> list[tuple[str, dict[str, Any]]]:
    """The session's items that get targets, with their block kind, in plan order."""
    return [
        (block["kind"], item)
        for block in record.session["blocks"]
        if block["kind"] in PROGRESSED_BLOCKS
        for item in block["items"]
    ]


def _planned_item(block: str, item: dict[str, Any], record: PlannedSessionRecord) -> PlannedItem:
    """A plan JSON item (old or new shape) as the domain reads it."""
    reps = item.get("reps")
    return PlannedItem(
        exercise=item["exercise"],
        block=block,
        equipment=frozenset(Equipment(e) for e in item.get("equipment", [])),
        sets=int(item["sets"]),
        reps=(int(reps[0]), int(reps[1])) if reps else None,
        seconds=item.get("seconds"),
        rir=planned_rir(str(item.get("intensity", ""))),
        tempo=item.get("tempo"),
        counts=counts_for_progression(record),
        deload=record.deload,
    )


def _results(sets: list[StoredSet], before: dt.date) -> ItemLog:
    """Group stored sets before a day into per-session results; untargeted sets are test sets."""
    grouped: dict[int, list[StoredSet]] = defaultdict(list)
    test: SetResult | None = None
    for stored in sets:
        if stored.date >= before:
            continue
        if stored.logged.target is None:
            logged = stored.logged
            if logged.load is not None and logged.reps:
                test = SetResult(logged.reps, logged.load, logged.seconds, logged.rir)
            continue
        grouped[stored.session_id].append(stored)
    results = sorted((session_result(group) for group in grouped.values()), key=lambda r: r.date)
    return ItemLog(tuple(results), test)


def session_result(group: list[StoredSet]) -> SessionResult:
    """One lift's targeted sets of one performed session, as progression reads them."""
    target = group[0].logged.target
    assert target is not None
    done = tuple(
        SetResult(s.logged.reps, s.logged.load, s.logged.seconds, s.logged.rir) for s in group
    )
    return SessionResult(group[0].date, target, done)


def _item_log(
    uow: UnitOfWork,
    athlete_id: int,
    slug: str,
    before: dt.date,
    plan: list[PlannedSessionRecord],
) -> ItemLog:
    """The item's log before a day (see `_item_logs`)."""
    return _item_logs(uow, athlete_id, [slug], before, plan)[slug]


def _item_logs(
    uow: UnitOfWork,
    athlete_id: int,
    slugs: list[str],
    before: dt.date,
    plan: list[PlannedSessionRecord],
) -> dict[str, ItemLog]:
    """Each item's log before a day, read in one query; sets stored before the counts flag
    existed that fall in a planned session that does not count (a deload week, say) are
    marked as not counting."""
    found = uow.sets.recent_of(athlete_id, list(dict.fromkeys(slugs)), HISTORY_DAYS, before)
    quiet: dict[str, set[dt.date]] = defaultdict(set)  # days each exercise's sets do not count
    for record in plan:
        if not counts_for_progression(record):
            for _, item in _trained(record):
                quiet[item["exercise"]].add(record.date)
    return {slug: _marked(_results(sets, before), quiet[slug]) for slug, sets in found.items()}


def _marked(log: ItemLog, quiet: set[dt.date]) -> ItemLog:
    history = tuple(
        replace(s, target=replace(s.target, counts=False))
        if s.target.counts and s.date in quiet
        else s
        for s in log.history
    )
    return replace(log, history=history)


def _session_targets(
    uow: UnitOfWork,
    library: Library,
    athlete_id: int,
    kit: Kit,
    record: PlannedSessionRecord,
    day: dt.date,
    plan: list[PlannedSessionRecord],
) -> list[Decision]:
    """The targets of a planned session's trained items, from the log before `day`."""
    trained = _trained(record)
    logs = _item_logs(uow, athlete_id, [item["exercise"] for _, item in trained], day, plan)
    items = [
        (_planned_item(block, item, record), logs[item["exercise"]]) for block, item in trained
    ]
    return session_targets(items, library.catalogue, kit)


def _occurrence(
    plan: list[PlannedSessionRecord], slug: str, day: dt.date
) -> PlannedSessionRecord | None:
    """The planned session whose prescription of `slug` applies on `day`.

    That day's own session; else the one of the same week (the latest before the day first),
    so a session moved by a day keeps its week's dose; else the next one, else the last one.
    """
    found = [r for r in plan if any(i["exercise"] == slug for _, i in _trained(r))]
    if not found:
        return None
    same_day = [r for r in found if r.date == day]
    monday = day - dt.timedelta(days=day.weekday())
    week = [r for r in found if monday <= r.date < monday + dt.timedelta(days=7)]
    earlier = [r for r in week if r.date < day]
    upcoming = [r for r in found if r.date > day]
    for candidates, pick in ((same_day, 0), (earlier, -1), (week, 0), (upcoming, 0)):
        if candidates:
            return candidates[pick]
    return found[-1]


def target_on(
    uow: UnitOfWork,
    library: Library,
    athlete_id: int,
    kit: Kit,
    exercise: Exercise,
    day: dt.date,
    plan: list[PlannedSessionRecord],
) -> Decision:
    """The target for `exercise` on `day`: the day view's own answer when it is planned then."""
    record = _occurrence(plan, exercise.slug, day)
    if record is not None:
        decisions = _session_targets(uow, library, athlete_id, kit, record, day, plan)
        slugs = [item["exercise"] for _, item in _trained(record)]
        return decisions[slugs.index(exercise.slug)]
    d = exercise.default
    item = PlannedItem(
        exercise.slug,
        "main",
        exercise.kit_for(kit.equipment) or frozenset(),
        d.sets,
        d.reps,
        d.seconds,
    )
    log = _item_log(uow, athlete_id, exercise.slug, day, plan)
    return item_target(item, log, library.catalogue, kit)


def targets_on(
    uow: UnitOfWork,
    library: Library,
    athlete_id: int,
    kit: Kit,
    exercises: list[Exercise],
    day: dt.date,
    plan: list[PlannedSessionRecord],
) -> dict[str, Decision]:
    """`target_on` for several exercises at once: each planned session's targets are worked out
    once, so a long session file costs a few queries per exercise, not per set."""
    by_record: dict[tuple[dt.date, int], list[Decision]] = {}
    found: dict[str, Decision] = {}
    for exercise in exercises:
        if exercise.slug in found:
            continue
        record = _occurrence(plan, exercise.slug, day)
        if record is None:
            found[exercise.slug] = target_on(uow, library, athlete_id, kit, exercise, day, plan)
            continue
        key = (record.date, record.position)
        if key not in by_record:
            by_record[key] = _session_targets(uow, library, athlete_id, kit, record, day, plan)
        slugs = [item["exercise"] for _, item in _trained(record)]
        found[exercise.slug] = by_record[key][slugs.index(exercise.slug)]
    return found


def day_view(
    make_uow: UowFactory,
    library: Library,
    name: str,
    day: dt.date,
    today: dt.date | None = None,
) -> DayView:
    """The sessions standing on a day of the real week (moves, offers, lightening applied),
    with concrete targets for the trained items, and notes on what moved, was missed or dropped.

    Sessions count as missed before `today`; without `today` nothing counts as missed (a day
    looked at ahead of time offers no session that may still be done), so pass it for `today`.
    """
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        kit = athlete_kit(athlete)
        everything = planned_sessions(uow, athlete.id, library)
        seen = min(today, day) if today is not None else monday_of(day)
        state = week_state(uow, library.catalogue, athlete, day, seen)
        todays = [] if state is None else [s.record for s in state.sessions if s.outcome.on == day]
        sessions = []
        for record in todays:
            decisions = iter(
                _session_targets(uow, library, athlete.id, kit, record, day, everything)
            )
            targets = [
                ItemTarget(
                    block["kind"],
                    item,
                    next(decisions) if block["kind"] in PROGRESSED_BLOCKS else None,
                )
                for block in record.session["blocks"]
                for item in block["items"]
            ]
            sessions.append((record, targets))
        upcoming = None
        if not sessions:
            after = day + dt.timedelta(days=1)
            later = next_session(uow, library.catalogue, athlete, after, seen)
            upcoming = later.record if later is not None else None
        notes = day_notes(state, day) if state is not None else []
        return DayView(athlete.name, day, sessions, upcoming, notes)


def _real_days(
    uow: UnitOfWork,
    library: Library,
    athlete: AthleteRecord,
    slug: str,
    today: dt.date,
    plan: list[PlannedSessionRecord],
) -> list[dt.date]:
    """The days the exercise stands on in the real week (moves and offers applied), from the
    first week from today's on that still holds it."""
    planned = {r.date for r in plan if any(i["exercise"] == slug for _, i in _trained(r))}
    for monday in sorted({monday_of(d) for d in planned if d >= monday_of(today)}):
        state = week_state(uow, library.catalogue, athlete, monday, today)
        if state is None:
            continue
        days = sorted(
            s.outcome.on
            for s in state.sessions
            if s.outcome.on is not None
            and s.outcome.on >= today
            and any(i["exercise"] == slug for _, i in _trained(s.record))
        )
        if days:
            return days
    return []


def next_day(
    uow: UnitOfWork,
    library: Library,
    athlete: AthleteRecord,
    slug: str,
    today: dt.date,
    plan: list[PlannedSessionRecord],
) -> dt.date:
    """The day `next` answers for: the exercise's next day in the real week, today's unless done
    today (a moved or offered session counts where it now stands).

    With nothing of it planned from then on: today, or tomorrow once today's sets are logged.
    """
    done_today = any(s.date == today for s in uow.sets.recent(athlete.id, slug, 2))
    days = _real_days(uow, library, athlete, slug, today, plan)
    later = [d for d in days if d > today or not done_today]
    if not later and days:  # done today: the next week that holds it
        later = _real_days(uow, library, athlete, slug, today + dt.timedelta(days=1), plan)
    if later:
        return later[0]
    return today + dt.timedelta(days=1) if done_today else today


def next_answer(
    make_uow: UowFactory, library: Library, name: str, exercise_name: str, today: dt.date
) -> tuple[dt.date, Decision]:
    """The exercise's next day and what to do then: exactly what `today` shows on that day."""
    exercise = get_exercise(library, exercise_name)
    day = next_date(make_uow, library, name, exercise.slug, today)
    view = day_view(make_uow, library, name, day, today=today)
    shown = [
        it.decision
        for _record, items in view.sessions
        for it in items
        if it.item["exercise"] == exercise.slug and it.decision is not None
    ]
    if shown:
        return day, shown[0]
    with make_uow() as uow:  # not planned then: the target the log leads to
        athlete = resolve_athlete(uow, name)
        plan = planned_sessions(uow, athlete.id, library)
        kit = athlete_kit(athlete)
        return day, target_on(uow, library, athlete.id, kit, exercise, day, plan)


def next_for(
    make_uow: UowFactory, library: Library, name: str, exercise_name: str, today: dt.date
) -> Decision:
    """What to do next time for one exercise (the decision of `next_answer`)."""
    return next_answer(make_uow, library, name, exercise_name, today)[1]


def next_date(
    make_uow: UowFactory, library: Library, name: str, exercise_name: str, today: dt.date
) -> dt.date:
    """The day `next_for` answers for (shown by interfaces, checked by tests)."""
    exercise = get_exercise(library, exercise_name)
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        plan = planned_sessions(uow, athlete.id, library)
        return next_day(uow, library, athlete, exercise.slug, today, plan)


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
    name: str,
    day: dt.date,
    entries: list[SetEntry],
    today: dt.date,
    now: dt.datetime,
    session: PerformedSession | None = None,
) -> list[bool]:
    """Record sets in one transaction: all or nothing; a repeated client id is recorded once.

    With `session` (a session file) the whole session is recorded once: see `log_session`.
    """
    from runlift.services.logbook import log_session  # it builds on this module's targets

    return log_session(make_uow, library, name, day, entries, today, now, session).recorded
