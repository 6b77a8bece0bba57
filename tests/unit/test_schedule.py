"""place_sessions(): hard spacing rules are filters, preferences are costs, shortfalls explained."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from itertools import pairwise

import pytest

from runlift.domain.schedule import Placement, RunOn, allowed, day_of, place_sessions
from runlift.domain.vocab import Day, RunType

MONDAY = date(2027, 1, 4)
SUNDAY = MONDAY + timedelta(days=6)
MON, TUE, WED, THU, FRI, SAT, SUN = (MONDAY + timedelta(days=i) for i in range(7))
E, L, IV, T = RunType.EASY, RunType.LONG, RunType.INTERVALS, RunType.TEMPO
ALL_DAYS = tuple(Day)


def calendar(runs: Mapping[Day, RunType], race: date | None = None) -> RunOn:
    """A weekly pattern; the race on race day and nothing after it, as the builder does."""

    def run_on(d: date) -> RunType | None:
        if race is not None:
            if d == race:
                return RunType.RACE
            if d > race:
                return None
        return runs.get(day_of(d))

    return run_on


def place(
    runs: Mapping[Day, RunType],
    wanted: int,
    preferred: tuple[Day, ...] = (),
    race: date | None = None,
    earliest: date = MONDAY,
    latest: date = SUNDAY,
) -> Placement:
    return place_sessions(MONDAY, wanted, calendar(runs, race), preferred, earliest, latest)


def rule_ids(placement: Placement) -> set[str]:
    return {line.split(": ", 1)[0] for line in placement.why}


RUN_WEEKS: list[dict[Day, RunType]] = [
    {},
    {Day.SUN: L},
    {Day.TUE: IV, Day.THU: T, Day.SAT: E, Day.SUN: L},
    {Day.MON: E, Day.WED: L, Day.FRI: IV, Day.SUN: L},
    {day: L for day in Day},
]


@pytest.mark.parametrize("runs", RUN_WEEKS)
@pytest.mark.parametrize("wanted", range(8))
@pytest.mark.parametrize("race", [None, THU, SAT, MONDAY + timedelta(days=7)])
def test_hard_rules_are_never_broken(
    runs: dict[Day, RunType], wanted: int, race: date | None
) -> None:
    run_on = calendar(runs, race)
    placement = place_sessions(MONDAY, wanted, run_on, (), MONDAY, SUNDAY)
    assert len(placement.days) <= wanted
    assert list(placement.days) == sorted(set(placement.days))
    for d in placement.days:
        assert MONDAY <= d <= SUNDAY
        assert run_on(d + timedelta(days=1)) not in (RunType.LONG, RunType.RACE), d
        assert run_on(d) is not RunType.RACE, d
    assert rule_ids(placement) <= {"frequency", "spacing"}
    possible = sum(1 for i in range(7) if allowed(MONDAY + timedelta(days=i), run_on))
    if len(placement.days) < wanted:
        assert len(placement.days) == possible
        assert placement.why[0].startswith(f"frequency: {len(placement.days)} of {wanted} ")
    else:
        assert not any(line.startswith("frequency:") for line in placement.why)


@pytest.mark.parametrize(
    ("runs", "wanted", "preferred", "expected"),
    [
        # never the day before the long run, even when every other day is taken
        ({Day.SUN: L}, 6, (), (MON, TUE, WED, THU, FRI, SUN)),
        # hard-run days first, keeping easy days easy
        ({Day.TUE: IV, Day.THU: T, Day.SAT: E, Day.SUN: L}, 2, (), (TUE, THU)),
        ({Day.TUE: IV, Day.THU: T, Day.SAT: E, Day.SUN: L}, 1, (), (TUE,)),
        # preferred days are honoured when allowed
        ({}, 2, (Day.MON, Day.THU), (MON, THU)),
        ({}, 2, (Day.THU, Day.MON), (MON, THU)),
        ({Day.WED: E}, 1, (Day.FRI,), (FRI,)),
        # ... even over a cheaper hard-run day
        ({Day.TUE: IV, Day.SUN: L}, 1, (Day.THU,), (THU,)),
        # a hard-run day beats a rest day the day before a quality session
        ({Day.WED: IV}, 1, (), (WED,)),
    ],
)
def test_chosen_days(
    runs: dict[Day, RunType],
    wanted: int,
    preferred: tuple[Day, ...],
    expected: tuple[date, ...],
) -> None:
    assert place(runs, wanted, preferred).days == expected


def test_preferred_day_before_a_long_run_is_refused_and_said_so() -> None:
    placement = place({Day.SUN: L}, 1, (Day.SAT,))
    assert SAT not in placement.days
    assert len(placement.days) == 1
    assert any("not a preferred day (sat)" in line for line in placement.why)


def test_no_session_the_day_before_the_race_nor_on_race_day() -> None:
    placement = place({}, 7, race=SAT)
    assert FRI not in placement.days
    assert SAT not in placement.days
    assert SUN in placement.days  # after the race the calendar is empty, so it is allowed
    assert placement.why[0].startswith("frequency: 5 of 7 ")


def test_avoids_the_day_before_intervals_when_the_week_allows() -> None:
    placement = place({Day.WED: IV}, 2)
    assert WED in placement.days
    assert TUE not in placement.days


@pytest.mark.parametrize("wanted", [2, 3, 4])
def test_no_back_to_back_days_when_avoidable(wanted: int) -> None:
    days = place({}, wanted).days
    assert len(days) == wanted
    assert all((b - a).days > 1 for a, b in pairwise(days))


def test_back_to_back_days_are_explained_when_forced() -> None:
    placement = place({}, 5)
    assert len(placement.days) == 5
    assert any("are back to back" in line for line in placement.why)


def test_fewer_sessions_when_the_window_is_short() -> None:
    placement = place({Day.SUN: L}, 3, earliest=FRI)
    assert placement.days == (FRI, SUN)
    assert placement.why[0].startswith("frequency: 2 of 3 sessions fit this week")


def test_no_room_at_all() -> None:
    placement = place({day: L for day in Day}, 2)
    assert placement.days == ()
    assert placement.why == (
        "frequency: 0 of 2 sessions fit this week without lifting the day before a long run "
        "or race",
    )


def test_nothing_wanted_nothing_placed() -> None:
    assert place({Day.SUN: L}, 0) == Placement((), ())


def test_window_limits_are_respected() -> None:
    placement = place({}, 7, earliest=TUE, latest=THU)
    assert placement.days == (TUE, WED, THU)


def test_every_chosen_day_has_its_spacing_reason() -> None:
    placement = place({Day.TUE: IV, Day.SAT: E, Day.SUN: L}, 3, ALL_DAYS)
    for d in placement.days:
        assert any(line.startswith(f"spacing: {day_of(d).value}") for line in placement.why)
    assert any(line.startswith("spacing: tue after the intervals run") for line in placement.why)
