"""The days and times runlift accepts, defined once so no stored date can overflow a later sum.

Every parser and service checks what a user gives against these windows before anything is
stored; a date outside them is a typo or a broken file, never a training day:

- a log day (a run, a set, a performed session): from EARLIEST_DAY to tomorrow (one day of
  slack for time zones);
- a plan day (a plan's start, a planned session, a race): from EARLIEST_DAY to five years
  after today, plus the longest plan for the days a plan holds;
- a moment (when a session started or ended, when a row was logged): an aware time, with a
  real UTC offset, from EARLIEST_DAY to the end of 2099.

The day of a run is the day on the clock where it started: the local date when the file
gives the start time with its UTC offset (23:00 -08:00 is that day, not the next one in
UTC). A file that gives only UTC (GPX usually, FIT without a local time) dates the run by
its UTC day; every run reader applies this same rule through `run_day`.
"""

from __future__ import annotations

import datetime as dt

from runlift.domain.periodize import MAX_WEEKS

EARLIEST_DAY = dt.date(2000, 1, 1)
LOG_DAYS_AHEAD = 1
PLAN_YEARS_AHEAD = 5
EARLIEST_MOMENT = dt.datetime.combine(EARLIEST_DAY, dt.time(), dt.UTC)
LATEST_MOMENT = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
TIME_EXAMPLE = "e.g. 2026-11-17T18:00:00+01:00 or 2026-11-17T17:00:00Z"


class DateError(ValueError):
    """A day or time outside what runlift accepts; `field` names it for the user."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def latest_log_day(today: dt.date) -> dt.date:
    """The last day a log entry may carry: tomorrow, for a runner ahead of UTC."""
    return today + dt.timedelta(days=LOG_DAYS_AHEAD)


def latest_plan_start(today: dt.date) -> dt.date:
    """The last day a plan may start on: five years from today (28 Feb for a 29 Feb)."""
    try:
        return today.replace(year=today.year + PLAN_YEARS_AHEAD)
    except ValueError:
        return today.replace(year=today.year + PLAN_YEARS_AHEAD, day=28)


def check_log_day(field: str, day: dt.date, today: dt.date) -> None:
    """A run, set or session day lies between EARLIEST_DAY and tomorrow."""
    if day > latest_log_day(today):
        raise DateError(field, f"{day} is in the future")
    if day < EARLIEST_DAY:
        raise DateError(
            field, f"{day} is out of range; accepted: {EARLIEST_DAY} to {latest_log_day(today)}"
        )


def check_plan_start(field: str, day: dt.date, today: dt.date) -> None:
    """A plan starts between EARLIEST_DAY and five years from today."""
    latest = latest_plan_start(today)
    if not EARLIEST_DAY <= day <= latest:
        raise DateError(
            field,
            f"{day} is out of range; accepted: {EARLIEST_DAY} to {latest} "
            f"(at most {PLAN_YEARS_AHEAD} years ahead)",
        )


def check_plan_day(field: str, day: dt.date, today: dt.date) -> None:
    """A day inside a stored plan: no earlier than EARLIEST_DAY, no later than its longest end."""
    latest = latest_plan_start(today) + dt.timedelta(weeks=MAX_WEEKS + 1)
    if not EARLIEST_DAY <= day <= latest:
        raise DateError(field, f"{day} is out of range; accepted: {EARLIEST_DAY} to {latest}")


def check_moment(field: str, moment: dt.datetime) -> dt.datetime:
    """An aware time between EARLIEST_DAY and the end of 2099, as UTC; refused otherwise.

    A time without an offset is refused rather than guessed: 07:00 means a different moment
    in every time zone.
    """
    try:
        offset = moment.utcoffset()
    except (ValueError, TypeError) as exc:
        raise DateError(field, f"{_short(moment)} has an impossible UTC offset") from exc
    if offset is None:
        raise DateError(field, f"{_short(moment)} needs a time zone; {TIME_EXAMPLE}")
    # Aware comparisons work on offsets, so they cannot overflow the way astimezone() can.
    if not EARLIEST_MOMENT <= moment < LATEST_MOMENT:
        raise DateError(
            field,
            f"{_short(moment)} is out of range; accepted: {EARLIEST_DAY} to 2099-12-31",
        )
    return moment.astimezone(dt.UTC)


def run_day(start: dt.datetime) -> dt.date:
    """The day a run counts for: its start's date on the clock the file gives (naive = UTC)."""
    return start.date()


def run_day_from_utc(start_utc: dt.datetime, local_offset: dt.timedelta | None) -> dt.date:
    """The run's day from a UTC start and, when the file gives it, the local clock's offset.

    An offset beyond +-14 hours is no time zone on Earth; the start's UTC day is used then.
    """
    if local_offset is None or abs(local_offset) > dt.timedelta(hours=14):
        return start_utc.date()
    try:
        return (start_utc.replace(tzinfo=None) + local_offset).date()
    except OverflowError:
        return start_utc.date()


def _short(moment: dt.datetime) -> str:
    """The time as the user wrote it, without repeating a pathological tzinfo repr."""
    return moment.replace(tzinfo=None).isoformat() + _offset_text(moment)


def _offset_text(moment: dt.datetime) -> str:
    try:
        offset = moment.utcoffset()
    except (ValueError, TypeError):
        return " (bad offset)"
    if offset is None:
        return ""
    return dt.timezone(offset).tzname(None).removeprefix("UTC") or "+00:00"
