"""The plan against the real week: moves, skips, missed sessions and runs logged off the plan.

Computed, never stored: from one Mon-Sun week's planned sessions, the runner's moves and skips,
the days with something logged, the logged runs and today. The spacing and taper rules are the
planner's own (`schedule.refusal`, `builder.latest_session_day`, `builder.in_heavy_free_days`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from runlift.domain.athlete import HARD_RUNS, Profile
from runlift.domain.builder import (
    heavy_free_days,
    in_heavy_free_days,
    latest_session_day,
    run_calendar,
)
from runlift.domain.schedule import RunOn, day_cost, refusal
from runlift.domain.vocab import RunType

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEVERITY = {
    RunType.RACE: 4,
    RunType.LONG: 3,
    RunType.INTERVALS: 2,
    RunType.TEMPO: 2,
    RunType.HILLS: 2,
    RunType.EASY: 1,
    RunType.CROSS: 1,
}
DISPLACING = frozenset({RunType.LONG, *HARD_RUNS} - {RunType.RACE})
LIGHTER = "moderate loads (+2 RIR, about 15% lighter), no jumps"


class Status(StrEnum):
    """Where a planned session stands."""

    DONE = "done"
    PLANNED = "planned"
    MOVED = "moved"
    OFFERED = "offered"
    SKIPPED = "skipped"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class Slot:
    """A planned session as the week's rules see it; rehab top-ups are never moved or offered."""

    date: date
    title: str
    strength: bool
    heavy_legs: bool  # loaded lower-body training work: not activation, recovery, deload, rehab


@dataclass(frozen=True, slots=True)
class Adjustment:
    """The runner's change to the session planned on `original`: moved to `new`, or skipped."""

    original: date
    new: date | None
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class LoggedRun:
    """A run from the log: its day and, when given, its type."""

    date: date
    type: RunType | None


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything one week's reality is computed from."""

    monday: date
    today: date
    slots: tuple[Slot, ...]
    adjustments: Mapping[date, Adjustment]  # the latest per original date
    logged_days: frozenset[date]
    runs: tuple[LoggedRun, ...]
    profile: Profile


@dataclass(frozen=True, slots=True)
class Outcome:
    """A planned session in the real week: its status, the day it stands on now, and why."""

    slot: Slot
    status: Status
    on: date | None
    lightened: bool = False
    why: tuple[str, ...] = ()
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class RealCalendar:
    """The week's runs as they really fall: logged runs override the profile's pattern.

    `off_plan` holds each long or hard run logged where the profile has no such run, with the
    planned day whose run it replaced (cleared from the calendar) when one was found.
    """

    planned: RunOn
    overrides: Mapping[date, RunType | None]
    off_plan: Mapping[date, tuple[RunType, date | None]]

    def run_on(self, d: date) -> RunType | None:
        """The run on `d`, real where the log knows it, else as planned."""
        return self.overrides[d] if d in self.overrides else self.planned(d)


def name_of(d: date) -> str:
    """The weekday's name, for reasons a runner reads."""
    return DAY_NAMES[d.weekday()]


def week_of(monday: date) -> list[date]:
    """The seven days from Monday."""
    return [monday + timedelta(days=i) for i in range(7)]


def real_calendar(monday: date, planned: RunOn, runs: Sequence[LoggedRun]) -> RealCalendar:
    """The week's runs with the logged ones in place of the plan's, where they differ."""
    days = week_of(monday)
    logged: dict[date, RunType] = {}
    for run in runs:
        if run.type is not None and run.date in days:
            known = logged.get(run.date)
            if known is None or SEVERITY[run.type] > SEVERITY[known]:
                logged[run.date] = run.type
    overrides: dict[date, RunType | None] = dict(logged)
    off_plan: dict[date, tuple[RunType, date | None]] = {}
    replaced: set[date] = set()
    for day, kind in sorted(logged.items()):
        if kind not in DISPLACING or planned(day) is kind:
            continue
        sources = [
            d
            for d in days
            if planned(d) is kind and logged.get(d) is not kind and d not in replaced
        ]
        source = min(sources, key=lambda d: (abs((d - day).days), d), default=None)
        if source is not None:
            replaced.add(source)
            if source not in logged:
                overrides[source] = None
        off_plan[day] = (kind, source)
    return RealCalendar(planned, overrides, off_plan)


def hard_refusal(d: date, slot: Slot, calendar: RealCalendar, profile: Profile) -> str | None:
    """The hard rule a session on `d` would break (spacing, taper), or None."""
    reason = refusal(d, calendar.run_on)
    if reason is not None:
        return reason
    last = latest_session_day(profile)
    if last is not None and d > last:
        return "taper: no strength in the last 48 h before the race"
    if slot.heavy_legs and in_heavy_free_days(profile, d):
        days = heavy_free_days(profile)
        return f"taper: no heavy lower-body work in the last {days} days before the race"
    return None


def strain(d: date, slot: Slot, calendar: RealCalendar) -> str | None:
    """Why heavy leg work on `d` is too much after a long run logged off the plan, or None.

    The planner never lifts heavy on or right after a long run it did not place; a long run moved
    by the runner onto the day before or of a session leaves that session the same problem.
    """
    if not slot.heavy_legs:
        return None
    for run_day in (d, d - timedelta(days=1)):
        found = calendar.off_plan.get(run_day)
        if found is not None and found[0] is RunType.LONG:
            return logged_run_text(run_day, found)
    return None


def logged_run_text(day: date, found: tuple[RunType, date | None]) -> str:
    """'Long run logged Saturday instead of Sunday'."""
    kind, source = found
    instead = f" instead of {name_of(source)}" if source is not None else ""
    return f"{kind.value.capitalize()} run logged {name_of(day)}{instead}"


@dataclass
class _Week:
    """The week being resolved: who stands where so far."""

    facts: Facts
    calendar: RealCalendar
    taken: dict[date, int]
    claimed: set[date]

    def free_days(self, slot: Slot, start: date, skip: date | None) -> tuple[list[date], list[str]]:
        """Days from `start` on where `slot` may stand, first the unstrained; and the refusals."""
        clean: list[date] = []
        strained: list[date] = []
        refusals: list[str] = []
        for d in week_of(self.facts.monday):
            if d < start or d == skip:
                continue
            if d in self.taken:
                refusals.append(f"{name_of(d)} has another session")
                continue
            reason = hard_refusal(d, slot, self.calendar, self.facts.profile)
            if reason is not None:
                refusals.append(f"{name_of(d)}: {reason}")
            elif strain(d, slot, self.calendar) is not None:
                strained.append(d)
            else:
                clean.append(d)
        strained.sort(key=lambda d: (day_cost(d, self.calendar.run_on, ()), d))
        return clean + strained, refusals


def real_week(facts: Facts) -> tuple[Outcome, ...]:
    """Every planned session of the week where it really stands, in the order of `facts.slots`."""
    planned = run_calendar(facts.profile)
    week = _Week(facts, real_calendar(facts.monday, planned, facts.runs), {}, set())
    outcomes: dict[int, Outcome] = {}
    pending: list[tuple[int, date, Adjustment | None]] = []
    for index, slot in enumerate(facts.slots):
        adjustment = facts.adjustments.get(slot.date) if slot.strength else None
        fixed = _fixed(week, slot, adjustment)
        if fixed is None:
            base = adjustment.new if adjustment and adjustment.new else slot.date
            pending.append((index, base, adjustment))
            continue
        outcomes[index] = fixed
        if fixed.on is not None:
            if fixed.status is Status.DONE:
                week.claimed.add(fixed.on)
            if slot.strength:
                week.taken[fixed.on] = index
    staying = set()
    for index, base, _ in pending:
        if _can_stay(week, facts.slots[index], base):
            staying.add(index)
            week.taken[base] = index
    for index, base, adjustment in sorted(pending, key=lambda p: (p[1], p[0])):
        outcomes[index] = _resolve(week, index, base, adjustment, index in staying)
    return tuple(outcomes[i] for i in range(len(facts.slots)))


def _moved_why(slot: Slot, adjustment: Adjustment | None) -> tuple[str, ...]:
    if adjustment is None or adjustment.new is None:
        return ()
    return (f"moved by the runner from {name_of(slot.date)} to {name_of(adjustment.new)}",)


def _fixed(week: _Week, slot: Slot, adjustment: Adjustment | None) -> Outcome | None:
    """Outcomes the rules do not decide: done, skipped, rehab, and moves made anyway."""
    f = week.facts
    moved = _moved_why(slot, adjustment)
    base = slot.date if adjustment is None or adjustment.new is None else adjustment.new
    if base in f.logged_days and base not in week.claimed:
        return Outcome(slot, Status.DONE, base, why=moved, warning=_warning(adjustment))
    if adjustment is not None and adjustment.new is None:
        return Outcome(slot, Status.SKIPPED, None, why=("skipped by the runner",))
    if not slot.strength:
        if base >= f.today:
            return Outcome(slot, Status.PLANNED, base)
        reason = f"missed: nothing logged {name_of(base)}; rehab top-ups are not made up"
        return Outcome(slot, Status.DROPPED, None, why=(reason,))
    anyway = adjustment is not None and adjustment.warning is not None
    if anyway and base >= f.today and base not in week.taken:
        return Outcome(slot, Status.MOVED, base, why=moved, warning=_warning(adjustment))
    return None


def _warning(adjustment: Adjustment | None) -> str | None:
    return adjustment.warning if adjustment is not None else None


def _can_stay(week: _Week, slot: Slot, base: date) -> bool:
    """An upcoming session keeps its day when no hard rule refuses it and no one else has it."""
    if base < week.facts.today or base in week.taken:
        return False
    return hard_refusal(base, slot, week.calendar, week.facts.profile) is None


def _resolve(
    week: _Week, index: int, base: date, adjustment: Adjustment | None, stays: bool
) -> Outcome:
    """Where a session goes that the rules decide: kept, lightened, moved, offered or dropped."""
    f = week.facts
    slot = f.slots[index]
    moved = _moved_why(slot, adjustment)
    kept = Status.MOVED if moved else Status.PLANNED
    if stays:
        cause = strain(base, slot, week.calendar)
        if cause is None:
            return Outcome(slot, kept, base, why=moved)
        if adjustment is None:  # the planner's day, not the runner's: look for a better one
            del week.taken[base]
            days, _ = week.free_days(slot, f.today, base)
            clean = [d for d in days if strain(d, slot, week.calendar) is None]
            if clean:
                week.taken[clean[0]] = index
                text = f"{cause}: {name_of(base)}'s session moved to {name_of(clean[0])}"
                return Outcome(slot, Status.MOVED, clean[0], why=(f"spacing: {text}",))
            week.taken[base] = index
        text = f"{cause}: {name_of(base)}'s session lightened to {LIGHTER}"
        return Outcome(slot, kept, base, lightened=True, why=(*moved, f"spacing: {text}"))
    if base < f.today:
        made_up = _made_up(week, base)
        if made_up is not None:
            week.claimed.add(made_up)
            week.taken[made_up] = index
            text = f"missed {name_of(base)}, done {name_of(made_up)} instead"
            return Outcome(slot, Status.DONE, made_up, why=(*moved, text))
        lead = f"missed: nothing logged {name_of(base)}"
        status = Status.OFFERED
    else:
        reason = hard_refusal(base, slot, week.calendar, week.facts.profile) or "taken"
        lead = f"{reason} on {name_of(base)}"
        status = Status.MOVED
    start = max(f.today, base + timedelta(days=1)) if status is Status.OFFERED else f.today
    days, refusals = week.free_days(slot, start, base)
    if not days:
        why = "no day left this week" if not refusals else "; ".join(refusals)
        return Outcome(slot, Status.DROPPED, None, why=(*moved, f"{lead}; dropped: {why}"))
    day = days[0]
    week.taken[day] = index
    cause = strain(day, slot, week.calendar)
    if cause is None:
        return Outcome(slot, status, day, why=(*moved, f"{lead}; {_verb(status)} {name_of(day)}"))
    text = f"{lead}; {_verb(status)} {name_of(day)}, lightened to {LIGHTER} ({cause})"
    return Outcome(slot, status, day, lightened=True, why=(*moved, f"spacing: {text}"))


def _verb(status: Status) -> str:
    return "offered" if status is Status.OFFERED else "moved to"


def _made_up(week: _Week, base: date) -> date | None:
    """A later day up to today with something logged that no session claims (a session
    logged today on the day it was offered is done, not still on offer)."""
    f = week.facts
    for d in week_of(f.monday):
        free = d not in week.claimed and d not in week.taken
        if base < d <= f.today and d in f.logged_days and free:
            return d
    return None
