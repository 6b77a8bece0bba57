"""periodize(): phases from the start to race week, deload weeks, and plans without a race."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runlift.domain.athlete import Race
from runlift.domain.periodize import (
    TRAINING_PHASES,
    Phase,
    WeekFrame,
    deload_cycle,
    monday_of,
    periodize,
)
from runlift.domain.vocab import Level, RaceDistance

MONDAY = date(2027, 1, 4)
B, U, P, T, R, G = (
    Phase.BASE,
    Phase.BUILD,
    Phase.PEAK,
    Phase.TAPER,
    Phase.RACE,
    Phase.GENERAL,
)
ORDER = {B: 0, U: 1, P: 2, T: 3, R: 4, Phase.RECOVERY: 5}
TAPER_WEEKS = {
    RaceDistance.K5: 1,
    RaceDistance.K10: 1,
    RaceDistance.HALF_MARATHON: 2,
    RaceDistance.MARATHON: 2,
    RaceDistance.ULTRA: 2,
}
PEAK_WEEKS = {
    RaceDistance.K5: 2,
    RaceDistance.K10: 2,
    RaceDistance.HALF_MARATHON: 2,
    RaceDistance.MARATHON: 3,
    RaceDistance.ULTRA: 3,
}
REAL_DISTANCES = list(TAPER_WEEKS)


def phases_to(distance: RaceDistance, days_to_race: int, start: date = MONDAY) -> list[Phase]:
    frames = periodize(start, Level.INTERMEDIATE, Race(distance, start + timedelta(days_to_race)))
    return [f.phase for f in frames]


@pytest.mark.parametrize(
    ("distance", "days_to_race", "expected"),
    [
        # race in the start week: race week only
        (RaceDistance.K5, 0, [R]),
        (RaceDistance.MARATHON, 6, [R]),
        # race in 10 days: no room for anything but the taper week
        (RaceDistance.K5, 10, [T, R]),
        (RaceDistance.MARATHON, 10, [T, R]),
        # three weeks: the 5k keeps one taper week and peaks; the marathon tapers for two
        (RaceDistance.K5, 17, [P, T, R]),
        (RaceDistance.K10, 17, [P, T, R]),
        (RaceDistance.MARATHON, 17, [T, T, R]),
        (RaceDistance.HALF_MARATHON, 17, [T, T, R]),
        # four weeks
        (RaceDistance.K10, 24, [P, P, T, R]),
        (RaceDistance.HALF_MARATHON, 24, [P, T, T, R]),
        (RaceDistance.MARATHON, 24, [P, T, T, R]),
        # seven weeks: the ultra takes a full three-week peak before any base
        (RaceDistance.ULTRA, 42, [B, P, P, P, T, T, R]),
        # long runways: base, then build (~40% of what is left), peak, taper, race
        (RaceDistance.K5, 77, [B] * 5 + [U] * 3 + [P] * 2 + [T] + [R]),
        (RaceDistance.MARATHON, 133, [B] * 8 + [U] * 6 + [P] * 3 + [T] * 2 + [R]),
    ],
)
def test_race_phases(distance: RaceDistance, days_to_race: int, expected: list[Phase]) -> None:
    assert phases_to(distance, days_to_race) == expected


@pytest.mark.parametrize("distance", REAL_DISTANCES)
@pytest.mark.parametrize("days_to_race", range(0, 40 * 7, 3))
def test_race_plans_end_in_race_week_after_a_taper(
    distance: RaceDistance, days_to_race: int
) -> None:
    race_day = MONDAY + timedelta(days=days_to_race)
    frames = periodize(MONDAY, Level.ADVANCED, Race(distance, race_day))
    phases = [f.phase for f in frames]
    last = frames[-1]
    assert last.phase is R
    assert last.start <= race_day <= last.end
    assert phases.count(R) == 1
    assert [ORDER[p] for p in phases] == sorted(ORDER[p] for p in phases)
    runway = len(frames) - 1
    taper = min(TAPER_WEEKS[distance], runway)
    peak = min(PEAK_WEEKS[distance], runway - taper)
    assert phases.count(T) == taper
    assert phases.count(P) == peak
    if runway > 0:
        assert phases[-2] is T
    if runway <= TAPER_WEEKS[distance] + PEAK_WEEKS[distance]:
        assert B not in phases
        assert U not in phases


def test_short_races_taper_for_less_time_than_long_ones() -> None:
    days = 12 * 7
    short = phases_to(RaceDistance.K5, days)
    long = phases_to(RaceDistance.MARATHON, days)
    assert short.count(T) == 1
    assert long.count(T) == 2
    assert len(short) == len(long) == 13


@pytest.mark.parametrize(
    "race",
    [None, Race(RaceDistance.NONE), Race(RaceDistance.MARATHON, None)],
    ids=["no-race", "distance-none", "undated"],
)
@pytest.mark.parametrize("weeks", [1, 5, 12])
def test_without_a_dated_race_every_week_is_general(race: Race | None, weeks: int) -> None:
    frames = periodize(MONDAY, Level.INTERMEDIATE, race, weeks)
    assert len(frames) == weeks
    assert all(f.phase is G for f in frames)


@pytest.mark.parametrize(
    ("level", "deloads"),
    [
        (Level.BEGINNER, [3, 6, 9, 12]),
        (Level.INTERMEDIATE, [4, 8, 12]),
        (Level.ADVANCED, [4, 8, 12]),
    ],
)
def test_general_deloads_every_cycle(level: Level, deloads: list[int]) -> None:
    frames = periodize(MONDAY, level, None, 12)
    assert [f.number for f in frames if f.deload] == deloads
    assert deload_cycle(level) == deloads[0]


@pytest.mark.parametrize(
    ("level", "deloads"),
    [(Level.BEGINNER, [3, 6, 9]), (Level.INTERMEDIATE, [4, 8])],
)
def test_no_deload_in_taper_or_race_weeks(level: Level, deloads: list[int]) -> None:
    # 5k in week 12: base 1-5, build 6-8, peak 9-10, taper 11, race 12
    frames = periodize(MONDAY, level, Race(RaceDistance.K5, MONDAY + timedelta(weeks=11)))
    assert [f.number for f in frames if f.deload] == deloads
    assert all(f.phase in TRAINING_PHASES for f in frames if f.deload)


def test_recovery_weeks_follow_the_race_and_are_not_deloads() -> None:
    race = Race(RaceDistance.K10, MONDAY + timedelta(weeks=5, days=5))
    frames = periodize(MONDAY, Level.BEGINNER, race, recovery_weeks=2)
    assert [f.phase for f in frames][-3:] == [R, Phase.RECOVERY, Phase.RECOVERY]
    assert not any(f.deload for f in frames if f.phase is Phase.RECOVERY)


@pytest.mark.parametrize("offset", range(7))
def test_weeks_are_consecutive_mondays_from_the_start_week(offset: int) -> None:
    start = MONDAY + timedelta(days=offset)
    frames = periodize(
        start, Level.INTERMEDIATE, Race(RaceDistance.HALF_MARATHON, start + timedelta(days=60))
    )
    assert frames[0].start == MONDAY == monday_of(start)
    for index, frame in enumerate(frames):
        assert frame.number == index + 1
        assert frame.start == MONDAY + timedelta(weeks=index)
        assert frame.start.weekday() == 0
        assert frame.end == frame.start + timedelta(days=6)


def test_week_frame_end_is_sunday() -> None:
    frame = WeekFrame(1, MONDAY, G, False)
    assert frame.end == date(2027, 1, 10)
    assert frame.end.weekday() == 6
