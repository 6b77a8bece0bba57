"""The one date window of domain/dates.py, and the run-day rule every run reader follows."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runlift.domain.dates import (
    DateError,
    check_log_day,
    check_moment,
    check_plan_day,
    check_plan_start,
    latest_plan_start,
    run_day,
    run_day_from_utc,
)
from runlift.domain.log import LogError, check_date

TODAY = dt.date(2026, 12, 1)
D = dt.date


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (D(1, 1, 1), "0001-01-01 is out of range; accepted: 2000-01-01 to 2026-12-02"),
        (D(1999, 12, 31), "1999-12-31 is out of range; accepted: 2000-01-01 to 2026-12-02"),
        (D(2000, 1, 1), None),
        (D(2026, 12, 1), None),
        (D(2026, 12, 2), None),  # tomorrow: a runner ahead of UTC
        (D(2026, 12, 3), "2026-12-03 is in the future"),
        (D(9999, 12, 31), "9999-12-31 is in the future"),
    ],
)
def test_the_log_window(day: dt.date, problem: str | None) -> None:
    if problem is None:
        check_log_day("date", day, TODAY)
        check_date(day, TODAY)
        return
    with pytest.raises(DateError) as caught:
        check_log_day("date", day, TODAY)
    assert str(caught.value) == f"date: {problem}"
    with pytest.raises(LogError) as logged:
        check_date(day, TODAY)
    assert (logged.value.field, str(logged.value)) == ("date", f"date: {problem}")


ACCEPTED_STARTS = "accepted: 2000-01-01 to 2031-12-01 (at most 5 years ahead)"


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (D(1, 1, 1), f"0001-01-01 is out of range; {ACCEPTED_STARTS}"),
        (D(1999, 12, 31), f"1999-12-31 is out of range; {ACCEPTED_STARTS}"),
        (D(2000, 1, 1), None),
        (D(2024, 1, 1), None),  # a plan may start in the past (a replan keeps its start)
        (D(2031, 12, 1), None),
        (D(2031, 12, 2), f"2031-12-02 is out of range; {ACCEPTED_STARTS}"),
        (D(9999, 12, 31), f"9999-12-31 is out of range; {ACCEPTED_STARTS}"),
    ],
)
def test_the_plan_start_window(day: dt.date, problem: str | None) -> None:
    if problem is None:
        check_plan_start("start", day, TODAY)
        return
    with pytest.raises(DateError) as caught:
        check_plan_start("start", day, TODAY)
    assert str(caught.value) == f"start: {problem}"


@pytest.mark.parametrize(
    ("today", "latest"),
    [(D(2026, 12, 1), D(2031, 12, 1)), (D(2028, 2, 29), D(2033, 2, 28))],
)
def test_five_years_ahead_is_a_calendar_date(today: dt.date, latest: dt.date) -> None:
    assert latest_plan_start(today) == latest


@pytest.mark.parametrize(
    ("day", "accepted"),
    [
        (D(1999, 12, 31), False),
        (D(2000, 1, 1), True),
        (D(2033, 11, 30), True),  # a 105-week plan from the last start allowed
        (D(2034, 1, 1), False),
        (D(9999, 12, 31), False),
    ],
)
def test_the_days_a_stored_plan_may_hold(day: dt.date, accepted: bool) -> None:
    if accepted:
        check_plan_day("date", day, TODAY)
    else:
        with pytest.raises(DateError, match="is out of range"):
            check_plan_day("date", day, TODAY)


@pytest.mark.parametrize(
    ("moment", "problem"),
    [
        (dt.datetime(2026, 11, 30, 18, tzinfo=tz(1)), None),
        (dt.datetime(2000, 1, 1, tzinfo=dt.UTC), None),
        (dt.datetime(2099, 12, 31, 23, 59, tzinfo=dt.UTC), None),
        (dt.datetime(2026, 11, 30, 18), "2026-11-30T18:00:00 needs a time zone"),
        (dt.datetime(1, 1, 1, tzinfo=tz(1)), "0001-01-01T00:00:00+01:00 is out of range"),
        (dt.datetime(1999, 12, 31, 23, tzinfo=dt.UTC), "1999-12-31T23:00:00+00:00 is out of"),
        (dt.datetime(2000, 1, 1, 0, 30, tzinfo=tz(1)), "is out of range"),  # 1999 in UTC
        (dt.datetime(2100, 1, 1, tzinfo=dt.UTC), "2100-01-01T00:00:00+00:00 is out of range"),
        (dt.datetime(9999, 12, 31, 23, tzinfo=tz(-5)), "9999-12-31T23:00:00-05:00 is out of"),
    ],
)
def test_a_moment_needs_a_zone_and_the_window(moment: dt.datetime, problem: str | None) -> None:
    if problem is None:
        found = check_moment("started_at", moment)
        assert found == moment
        assert found.tzinfo is dt.UTC
        return
    with pytest.raises(DateError) as caught:
        check_moment("started_at", moment)
    assert caught.value.field == "started_at"
    assert problem in str(caught.value)


class BrokenZone(dt.tzinfo):
    """A zone whose offset no datetime accepts (as a parser may build from '+25:00')."""

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=25)

    def dst(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, moment: dt.datetime | None) -> str:
        return "+25:00"


def test_an_impossible_offset_is_named_not_raised_raw() -> None:
    with pytest.raises(DateError, match="has an impossible UTC offset"):
        check_moment("ended_at", dt.datetime(2026, 11, 30, 18, tzinfo=BrokenZone()))


@pytest.mark.parametrize(
    ("start", "day"),
    [
        (dt.datetime(2026, 11, 17, 23, tzinfo=tz(-8)), D(2026, 11, 17)),  # local day, not UTC's
        (dt.datetime(2026, 11, 18, 7, tzinfo=dt.UTC), D(2026, 11, 18)),
        (dt.datetime(2026, 11, 18, 0, 30, tzinfo=tz(9)), D(2026, 11, 18)),
        (dt.datetime(2026, 11, 18, 7), D(2026, 11, 18)),  # no zone: taken as UTC
        (dt.datetime(1, 1, 1, tzinfo=tz(1)), D(1, 1, 1)),  # no conversion, so no overflow
        (dt.datetime(9999, 12, 31, 23, tzinfo=tz(-8)), D(9999, 12, 31)),
    ],
)
def test_the_run_day_is_the_day_on_the_files_clock(start: dt.datetime, day: dt.date) -> None:
    assert run_day(start) == day


@pytest.mark.parametrize(
    ("offset", "day"),
    [
        (dt.timedelta(hours=-8), D(2026, 11, 17)),
        (dt.timedelta(0), D(2026, 11, 18)),
        (None, D(2026, 11, 18)),  # no local time given: the UTC day
        (dt.timedelta(hours=20), D(2026, 11, 18)),  # no zone on Earth: the UTC day
    ],
)
def test_a_utc_start_and_the_local_offset_give_the_same_day(
    offset: dt.timedelta | None, day: dt.date
) -> None:
    start = dt.datetime(2026, 11, 18, 7, tzinfo=dt.UTC)  # 23:00 -08:00 on the 17th
    assert run_day_from_utc(start, offset) == day


@given(
    st.datetimes(dt.datetime(2000, 1, 2), dt.datetime(2099, 12, 30)),
    st.integers(-14 * 4, 14 * 4),
)
def test_both_forms_of_one_start_date_a_run_alike(local: dt.datetime, quarters: int) -> None:
    """A start written with its offset, or as UTC plus the offset (FIT), is the same day."""
    offset = dt.timedelta(minutes=15 * quarters)
    written = local.replace(tzinfo=dt.timezone(offset))
    assert run_day(written) == run_day_from_utc(written.astimezone(dt.UTC), offset)
