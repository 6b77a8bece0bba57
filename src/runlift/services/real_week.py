"""The plan follows the real week: move or skip a session, and see the week as it really is.

Moves and skips are stored per plan version (a re-plan starts clean); missed sessions, offers
and the effect of runs logged off the plan are computed each time by `domain.real_week`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from runlift.domain.athlete import Profile
from runlift.domain.builder import run_calendar
from runlift.domain.exercise import Catalogue
from runlift.domain.library import Library
from runlift.domain.periodize import monday_of
from runlift.domain.real_week import (
    Adjustment,
    Facts,
    LoggedRun,
    Outcome,
    RealCalendar,
    Slot,
    Status,
    hard_refusal,
    real_calendar,
    real_week,
)
from runlift.domain.training_load import RunEntry
from runlift.domain.vocab import RunType
from runlift.services.athletes import UowFactory, profile_from_text, resolve_athlete
from runlift.services.change_log import day_text, record_change
from runlift.services.errors import BadInput, Conflict
from runlift.services.ports import (
    AthleteRecord,
    EditKind,
    PlannedSessionRecord,
    PlanRecord,
    UnitOfWork,
)

LEG_BLOCKS = frozenset({"main", "plyometric"})
LIGHT_TITLES = ("activation", "recovery")
WEEK = dt.timedelta(days=7)
LOOK_AHEAD_WEEKS = 3


@dataclass(frozen=True, slots=True)
class RealSession:
    """A planned session where it really stands; `record` is what to train (lightened if so)."""

    record: PlannedSessionRecord
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class WeekState:
    """One week of the current plan, resolved against the log."""

    plan: PlanRecord
    monday: dt.date
    sessions: tuple[RealSession, ...]
    calendar: RealCalendar
    runs: tuple[RunEntry, ...]
    profile: Profile


def _heavy_legs(record: PlannedSessionRecord, catalogue: Catalogue) -> bool:
    """Loaded lower-body training work: what the spacing and taper rules keep apart."""
    title = record.title.lower()
    if record.deload or any(word in title for word in LIGHT_TITLES):
        return False
    return any(
        catalogue.get(item["exercise"]).lower_body
        for block in record.session.get("blocks", [])
        if block.get("kind") in LEG_BLOCKS
        for item in block.get("items", [])
        if item.get("exercise") in catalogue
    )


def _slot(record: PlannedSessionRecord, catalogue: Catalogue) -> Slot:
    strength = record.session.get("kind", "strength") == "strength"
    return Slot(record.date, record.title, strength, strength and _heavy_legs(record, catalogue))


def _run_type(text: str | None) -> RunType | None:
    return RunType(text) if text in set(RunType) else None


def lightened(record: PlannedSessionRecord, why: tuple[str, ...]) -> PlannedSessionRecord:
    """The session at a deload dose without its jumps; its sets never move the targets."""
    session: dict[str, Any] = dict(record.session)
    session["blocks"] = [b for b in session.get("blocks", []) if b.get("kind") != "plyometric"]
    session["counts_for_progression"] = False
    session["why"] = [*session.get("why", []), *why]
    return replace(record, deload=True, session=session)


def _shown(record: PlannedSessionRecord, outcome: Outcome) -> PlannedSessionRecord:
    """The record as the runner trains it: on its real day, lightened if the rules say so."""
    if outcome.lightened:
        record = lightened(record, outcome.why)
    elif outcome.why:
        session = dict(record.session)
        session["why"] = [*session.get("why", []), *outcome.why]
        record = replace(record, session=session)
    return replace(record, date=outcome.on) if outcome.on is not None else record


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """What the real weeks of the current plan are worked out from, read from the store once."""

    plan: PlanRecord
    records: tuple[PlannedSessionRecord, ...]
    adjustments: tuple[Adjustment, ...]
    runs: tuple[RunEntry, ...]
    logged: frozenset[dt.date]
    profile: Profile


def plan_facts(
    uow: UnitOfWork, athlete: AthleteRecord, since: dt.date, until: dt.date | None = None
) -> PlanFacts | None:
    """The current plan with its moves, and the runs and sessions logged from `since` on; with
    `until`, only the planned sessions from `since` to `until` (both kept)."""
    plan = uow.plans.latest(athlete.id)
    if plan is None:
        return None
    adjustments = tuple(
        Adjustment(a.original, a.new, a.warning) for a in uow.adjustments.for_plan(plan.id)
    )
    runs = tuple(r.run for r in uow.runs.all(athlete.id, since))
    logged = frozenset(
        s.session.date for s in uow.sessions.all(athlete.id) if s.session.date >= since
    )
    profile = profile_from_text(plan.profile_yaml, "plan profile")
    found = (
        uow.plans.sessions(plan.id) if until is None else uow.plans.sessions(plan.id, since, until)
    )
    records = tuple(found)
    return PlanFacts(plan, records, adjustments, runs, logged, profile)


def state_of_week(
    facts: PlanFacts, catalogue: Catalogue, day: dt.date, today: dt.date
) -> WeekState:
    """The week of `day` as it really stands on `today`, from facts read since its Monday."""
    monday = monday_of(day)
    end = monday + WEEK
    records = [r for r in facts.records if monday <= r.date < end]
    latest = {a.original: a for a in facts.adjustments if monday <= a.original < end}
    runs = tuple(r for r in facts.runs if monday <= r.date < end)
    logged = frozenset(d for d in facts.logged if monday <= d < end)
    logged_runs = tuple(LoggedRun(r.date, _run_type(r.type)) for r in runs)
    slots = tuple(_slot(r, catalogue) for r in records)
    outcomes = real_week(Facts(monday, today, slots, latest, logged, logged_runs, facts.profile))
    calendar = real_calendar(monday, run_calendar(facts.profile), logged_runs)
    sessions = tuple(RealSession(_shown(r, o), o) for r, o in zip(records, outcomes, strict=True))
    return WeekState(facts.plan, monday, sessions, calendar, runs, facts.profile)


def week_state(
    uow: UnitOfWork, catalogue: Catalogue, athlete: AthleteRecord, day: dt.date, today: dt.date
) -> WeekState | None:
    """The week of `day` in the current plan as it really stands on `today`; None without plan."""
    monday = monday_of(day)
    facts = plan_facts(uow, athlete, monday, monday + WEEK)
    return None if facts is None else state_of_week(facts, catalogue, day, today)


def weeks_state(
    uow: UnitOfWork,
    catalogue: Catalogue,
    athlete: AthleteRecord,
    first: dt.date,
    last: dt.date,
    today: dt.date,
) -> list[WeekState]:
    """The weeks from `first`'s to `last`'s as they stand on `today`, read from the store once
    (a roster of many athletes reads five queries each, not five per week); [] without plan."""
    monday = monday_of(first)
    facts = plan_facts(uow, athlete, monday, monday_of(last) + WEEK)
    if facts is None:
        return []
    weeks = []
    while monday <= last:
        weeks.append(state_of_week(facts, catalogue, monday, today))
        monday += WEEK
    return weeks


# --- move and skip ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MoveResult:
    """A stored move: the session planned on `original` now stands on `to`, with any warning."""

    original: dt.date
    moved_from: dt.date
    to: dt.date
    warning: str | None


def _standing(state: WeekState, day: dt.date) -> RealSession:
    """The strength session standing on `day`, else the one planned on it; BadInput if none."""
    strength = [s for s in state.sessions if s.outcome.slot.strength]
    found = next((s for s in strength if s.outcome.on == day), None)
    found = found or next((s for s in strength if s.outcome.slot.date == day), None)
    if found is None:
        raise BadInput("date", f"no strength session is planned on {day}", "no_session")
    if found.outcome.status is Status.DONE:
        raise Conflict(f"the session of {day} is already done", "date", "session_done")
    return found


def _state(
    uow: UnitOfWork, library: Library, athlete: AthleteRecord, day: dt.date, today: dt.date
) -> WeekState:
    state = week_state(uow, library.catalogue, athlete, day, today)
    if state is None:
        raise BadInput("plan", f"{athlete.name} has no plan yet", "no_plan")
    return state


def move_session(
    make_uow: UowFactory,
    library: Library,
    name: str,
    day: dt.date,
    to: dt.date,
    *,
    anyway: bool = False,
    today: dt.date,
    now: dt.datetime,
    by: int | None = None,
) -> MoveResult:
    """Move the strength session on `day` to `to` in the same week, within the spacing rules.

    A day the spacing or taper rules refuse is BadInput(`to`) with the rule's reason, unless
    `anyway`: then the session moves and the reason is kept as its warning. A day in the past,
    outside the week or holding another session is refused even then. Made by account `by`,
    the move is logged in the changes log in the same transaction.
    """
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        state = _state(uow, library, athlete, day, today)
        session = _standing(state, day)
        outcome = session.outcome
        if to < today:
            raise BadInput("to", f"{to} is in the past", "past")
        if monday_of(to) != state.monday:
            monday = state.monday
            span = f"{monday} to {monday + dt.timedelta(days=6)}"
            raise BadInput("to", f"a session moves within its week ({span})", "other_week")
        if to == outcome.on:
            raise BadInput("to", f"the session is already on {to}", "same_day")
        for other in state.sessions:
            stands = other.outcome.on == to and other.outcome.status is not Status.SKIPPED
            if other is not session and other.outcome.slot.strength and stands:
                raise Conflict(f"{to} already has a strength session", "to", "day_taken")
        reason = hard_refusal(to, outcome.slot, state.calendar, state.profile)
        if reason is not None and not anyway:
            raise BadInput("to", reason, "spacing")
        uow.adjustments.add(athlete.id, state.plan.id, outcome.slot.date, to, reason, now)
        summary = f"moved {day_text(outcome.on or day)} to {day_text(to)}"
        if reason is not None:
            summary += " despite a warning"
        record_change(uow, athlete.id, by, EditKind.MOVE, summary, now)
        uow.commit()
    return MoveResult(outcome.slot.date, outcome.on or day, to, reason)


def skip_session(
    make_uow: UowFactory,
    library: Library,
    name: str,
    day: dt.date,
    *,
    today: dt.date,
    now: dt.datetime,
    by: int | None = None,
) -> dt.date:
    """Skip the strength session on `day` (where it stands now); the date it was planned on.

    Made by account `by`, the skip is logged in the changes log (as a move to no day)."""
    with make_uow() as uow:
        athlete = resolve_athlete(uow, name)
        state = _state(uow, library, athlete, day, today)
        outcome = _standing(state, day).outcome
        if outcome.status is Status.SKIPPED:
            raise Conflict(f"the session of {day} is already skipped", "date", "skipped")
        uow.adjustments.add(athlete.id, state.plan.id, outcome.slot.date, None, None, now)
        record_change(uow, athlete.id, by, EditKind.MOVE, f"skipped {day_text(day)}", now)
        uow.commit()
    return outcome.slot.date


def next_session(
    uow: UnitOfWork,
    catalogue: Catalogue,
    athlete: AthleteRecord,
    start: dt.date,
    today: dt.date | None = None,
) -> RealSession | None:
    """The first session not yet done from `start` on, as it stands on `today` (else `start`)."""
    for weeks in range(LOOK_AHEAD_WEEKS + 1):
        state = week_state(uow, catalogue, athlete, start + weeks * WEEK, today or start)
        if state is None:
            return None
        waiting = [
            s
            for s in state.sessions
            if s.outcome.on is not None
            and s.outcome.on >= start
            and s.outcome.status is not Status.DONE
        ]
        if waiting:
            return min(waiting, key=lambda s: (s.record.date, s.record.position))
    return None


def day_notes(state: WeekState, day: dt.date) -> list[str]:
    """What `today` says about the real week: sessions moved here or away, offered, dropped."""
    notes: list[str] = []
    for session in state.sessions:
        outcome = session.outcome
        planned = outcome.slot.date
        if outcome.on == day and (planned != day or outcome.lightened):
            notes.extend(outcome.why)
            if outcome.warning is not None:
                notes.append(f"moved anyway: {outcome.warning}")
        elif planned == day and outcome.on != day:
            where = f"now on {outcome.on}" if outcome.on is not None else outcome.status.value
            notes.append(f"{outcome.slot.title} planned today is {where}")
        elif outcome.status is Status.DROPPED and planned < day and outcome.slot.strength:
            notes.extend(outcome.why)
    return notes
