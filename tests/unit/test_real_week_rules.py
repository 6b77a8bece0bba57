"""The real-week rules as tables: spacing refusals, the real run calendar, moves, misses, runs."""

from __future__ import annotations

import datetime as dt

import pytest

from runlift.domain.athlete import Profile, Race, StrengthPrefs
from runlift.domain.builder import run_calendar
from runlift.domain.real_week import (
    Adjustment,
    Facts,
    LoggedRun,
    Outcome,
    Slot,
    Status,
    hard_refusal,
    real_calendar,
    real_week,
)
from runlift.domain.schedule import allowed, refusal
from runlift.domain.vocab import Day, Level, RaceDistance, RunType

MON = dt.date(2026, 11, 16)
TUE, WED, THU, FRI, SAT, SUN = (MON + dt.timedelta(days=i) for i in range(1, 7))
RUNS = {Day.TUE: RunType.INTERVALS, Day.THU: RunType.EASY, Day.SAT: RunType.EASY}
PROFILE = Profile(
    Level.INTERMEDIATE, StrengthPrefs(2, 40), frozenset(), {**RUNS, Day.SUN: RunType.LONG}
)
LONG = RunType.LONG


def slot(day: dt.date, heavy: bool = True, strength: bool = True) -> Slot:
    return Slot(day, f"Session {day:%a}", strength, heavy)


def week(
    slots: list[Slot],
    today: dt.date,
    moves: tuple[Adjustment, ...] = (),
    logged: tuple[dt.date, ...] = (),
    runs: tuple[LoggedRun, ...] = (),
    profile: Profile = PROFILE,
) -> tuple[Outcome, ...]:
    adjustments = {a.original: a for a in moves}
    facts = Facts(MON, today, tuple(slots), adjustments, frozenset(logged), runs, profile)
    return real_week(facts)


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (SAT, "spacing: no strength the day before the long run"),
        (SUN, None),
        (TUE, None),
        (MON, None),
    ],
)
def test_the_planners_hard_rule_gives_its_reason_for_one_day(
    day: dt.date, reason: str | None
) -> None:
    run_on = run_calendar(PROFILE)
    assert refusal(day, run_on) == reason
    assert allowed(day, run_on) is (reason is None)


def test_race_day_and_the_day_before_it_are_refused() -> None:
    raced = Profile(
        Level.INTERMEDIATE,
        StrengthPrefs(2, 40),
        frozenset(),
        RUNS,
        race=Race(RaceDistance.K10, SUN),
    )
    run_on = run_calendar(raced)
    assert refusal(SUN, run_on) == "spacing: no strength on race day"
    assert refusal(SAT, run_on) == "spacing: no strength the day before the race run"


@pytest.mark.parametrize(
    ("distance", "day", "heavy", "reason"),
    [
        (RaceDistance.MARATHON, SUN - dt.timedelta(days=10), True, None),
        (
            RaceDistance.MARATHON,
            SUN - dt.timedelta(days=7),
            True,
            "taper: no heavy lower-body work in the last 7 days before the race",
        ),
        (RaceDistance.MARATHON, SUN - dt.timedelta(days=7), False, None),
        (RaceDistance.K5, SUN - dt.timedelta(days=6), True, None),
        (RaceDistance.K5, THU, False, None),
        (RaceDistance.K5, FRI, False, "taper: no strength in the last 48 h before the race"),
    ],
)
def test_the_taper_window_refuses_heavy_legs_and_the_last_48_hours(
    distance: RaceDistance, day: dt.date, heavy: bool, reason: str | None
) -> None:
    raced = Profile(
        Level.INTERMEDIATE, StrengthPrefs(2, 40), frozenset(), {}, race=Race(distance, SUN)
    )
    calendar = real_calendar(MON, run_calendar(raced), ())
    assert hard_refusal(day, slot(day, heavy), calendar, raced) == reason


def test_a_long_run_logged_saturday_clears_the_planned_sunday_one() -> None:
    calendar = real_calendar(MON, run_calendar(PROFILE), (LoggedRun(SAT, LONG),))
    assert (calendar.run_on(SAT), calendar.run_on(SUN)) == (LONG, None)
    assert calendar.off_plan == {SAT: (LONG, SUN)}
    assert refusal(FRI, calendar.run_on) == "spacing: no strength the day before the long run"
    assert refusal(SAT, calendar.run_on) is None


def test_runs_logged_where_planned_or_untyped_change_nothing() -> None:
    runs = (LoggedRun(SUN, LONG), LoggedRun(TUE, RunType.INTERVALS), LoggedRun(WED, None))
    calendar = real_calendar(MON, run_calendar(PROFILE), runs)
    assert calendar.off_plan == {}
    assert [calendar.run_on(d) for d in (TUE, WED, SUN)] == [RunType.INTERVALS, None, LONG]


def test_done_planned_moved_and_skipped() -> None:
    moved = Adjustment(THU, FRI)
    outcomes = week([slot(MON), slot(TUE), slot(THU)], WED, (moved,), logged=(MON,))
    assert [(o.status, o.on) for o in outcomes] == [
        (Status.DONE, MON),
        (Status.OFFERED, WED),
        (Status.MOVED, FRI),
    ]
    skipped = week([slot(TUE)], MON, (Adjustment(TUE, None),))
    assert (skipped[0].status, skipped[0].on) == (Status.SKIPPED, None)


def test_a_missed_tuesday_is_offered_on_wednesday() -> None:
    (tuesday, thursday) = week([slot(TUE), slot(THU)], WED)
    assert (tuesday.status, tuesday.on) == (Status.OFFERED, WED)
    assert tuesday.why == ("missed: nothing logged Tuesday; offered Wednesday",)
    assert (thursday.status, thursday.on) == (Status.PLANNED, THU)


def test_a_missed_session_done_on_a_later_day_counts_as_done() -> None:
    (tuesday,) = week([slot(TUE)], FRI, logged=(WED,))
    assert (tuesday.status, tuesday.on) == (Status.DONE, WED)


def test_a_missed_session_done_today_on_its_offered_day_is_done_at_once() -> None:
    (tuesday, thursday) = week([slot(TUE), slot(THU)], WED, logged=(WED,))
    assert (tuesday.status, tuesday.on) == (Status.DONE, WED)
    assert tuesday.why == ("missed Tuesday, done Wednesday instead",)
    assert (thursday.status, thursday.on) == (Status.PLANNED, THU)


def test_todays_own_session_keeps_todays_log_for_itself() -> None:
    (tuesday, wednesday) = week([slot(TUE), slot(WED, heavy=False)], WED, logged=(WED,))
    assert (wednesday.status, wednesday.on) == (Status.DONE, WED)
    assert tuesday.status is not Status.DONE


def test_a_missed_session_with_no_allowed_day_left_is_dropped_with_the_reasons() -> None:
    (tuesday, sunday) = week([slot(TUE), slot(SUN)], SAT)
    assert (tuesday.status, tuesday.on) == (Status.DROPPED, None)
    assert tuesday.why == (
        "missed: nothing logged Tuesday; dropped: Saturday: spacing: no strength the day "
        "before the long run; Sunday has another session",
    )
    assert sunday.status is Status.PLANNED


def test_a_missed_rehab_top_up_is_not_made_up() -> None:
    (rehab,) = week([slot(TUE, heavy=False, strength=False)], WED)
    assert rehab.status is Status.DROPPED


def test_long_run_on_saturday_instead_of_sunday_lightens_fridays_missed_session() -> None:
    runs = (LoggedRun(SAT, LONG),)
    (tuesday, friday) = week([slot(TUE), slot(FRI)], SAT, logged=(TUE,), runs=runs)
    assert tuesday.status is Status.DONE
    assert (friday.status, friday.on, friday.lightened) == (Status.OFFERED, SUN, True)
    assert friday.why == (
        "spacing: missed: nothing logged Friday; offered Sunday, lightened to moderate loads "
        "(+2 RIR, about 15% lighter), no jumps (Long run logged Saturday instead of Sunday)",
    )


def test_a_long_run_logged_early_moves_the_next_days_heavy_session_to_a_clean_day() -> None:
    (friday,) = week([slot(FRI)], THU, runs=(LoggedRun(THU, LONG),))
    assert (friday.status, friday.on, friday.lightened) == (Status.MOVED, SAT, False)
    assert friday.why == (
        "spacing: Long run logged Thursday instead of Sunday: Friday's session moved to Saturday",
    )


def test_with_no_clean_day_left_the_session_is_lightened_in_place() -> None:
    (sunday,) = week([slot(SUN)], SAT, runs=(LoggedRun(SAT, LONG),))
    assert (sunday.status, sunday.on, sunday.lightened) == (Status.PLANNED, SUN, True)
    light = week([slot(SUN, heavy=False)], SAT, runs=(LoggedRun(SAT, LONG),))
    assert light[0].lightened is False


def test_a_move_made_anyway_stands_with_its_warning() -> None:
    warning = "spacing: no strength the day before the long run"
    (moved,) = week([slot(THU)], MON, (Adjustment(THU, SAT, warning),))
    assert (moved.status, moved.on, moved.warning) == (Status.MOVED, SAT, warning)
