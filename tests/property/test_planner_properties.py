"""Properties every generated plan must have, whatever valid profile and start date it is given.

Each test draws a random valid profile (the same space the profile file accepts) and a start date,
builds the plan in-process and checks one contract of DESIGN sections 5 and 6.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from runlift.adapters.catalogue_loader import load_library
from runlift.adapters.plan_json import plan_to_dict
from runlift.domain.anatomy import CORE_GROUPS, UPPER_BODY_GROUPS
from runlift.domain.athlete import Profile, Race, StrengthPrefs
from runlift.domain.builder import build_plan
from runlift.domain.exercise import Exercise
from runlift.domain.periodize import TRAINING_PHASES, Phase, monday_of
from runlift.domain.plan import Plan, Session, Week
from runlift.domain.rules import RULES_BY_ID
from runlift.domain.vocab import (
    BlockKind,
    Category,
    Day,
    Equipment,
    Impact,
    Injury,
    Level,
    MuscleGroup,
    RaceDistance,
    RunType,
    Style,
    Units,
)

CATALOGUE = load_library().catalogue

FIRST_START = date(2026, 1, 1)
LAST_START = date(2028, 12, 31)
MAX_RACE_OFFSET_DAYS = 40 * 7

LOADING = frozenset(
    {
        Equipment.DUMBBELL,
        Equipment.KETTLEBELL,
        Equipment.BARBELL,
        Equipment.MEDICINE_BALL,
        Equipment.WEIGHT_PLATE,
        Equipment.LEG_PRESS,
        Equipment.CABLE_MACHINE,
    }
)
LONG_RACES = frozenset({RaceDistance.HALF_MARATHON, RaceDistance.MARATHON, RaceDistance.ULTRA})
TRAINED_KINDS = frozenset({BlockKind.MAIN, BlockKind.CORE, BlockKind.PLYOMETRIC})
COVERAGE_KINDS = frozenset({BlockKind.MAIN, BlockKind.CORE})
COVERAGE_TARGETS: dict[str, frozenset[MuscleGroup]] = {
    "glutes": frozenset({MuscleGroup.GLUTES}),
    "hamstrings": frozenset({MuscleGroup.HAMSTRINGS}),
    "quadriceps": frozenset({MuscleGroup.QUADRICEPS}),
    "calves_or_feet": frozenset({MuscleGroup.CALVES, MuscleGroup.FEET}),
    "core": CORE_GROUPS,
    "upper_body": UPPER_BODY_GROUPS,
}

SETTINGS = settings(max_examples=60, deadline=None)


@dataclass(frozen=True)
class Scenario:
    """A valid profile, the plan start and the --weeks value."""

    profile: Profile
    start: date
    weeks: int

    def plan(self) -> Plan:
        return build_plan(self.profile, CATALOGUE, self.start, weeks=self.weeks)


RUN_TYPES = [r for r in RunType if r is not RunType.RACE]
DISTANCES = [d for d in RaceDistance if d is not RaceDistance.NONE]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """A random valid profile with a start date in 2026-2028 and, maybe, a race 0-40 weeks on."""
    start = draw(st.dates(FIRST_START, LAST_START))
    race = None
    if draw(st.booleans()):
        distance = draw(st.sampled_from(DISTANCES))
        race = Race(distance, start + timedelta(days=draw(st.integers(0, MAX_RACE_OFFSET_DAYS))))
    units = draw(st.sampled_from(list(Units)))
    profile = Profile(
        level=draw(st.sampled_from(list(Level))),
        strength=StrengthPrefs(
            sessions_per_week=draw(st.integers(1, 6)),
            minutes_per_session=draw(st.integers(10, 120)),
            preferred_days=tuple(draw(st.lists(st.sampled_from(list(Day)), unique=True))),
        ),
        equipment=draw(st.frozensets(st.sampled_from(list(Equipment)))),
        runs=draw(st.dictionaries(st.sampled_from(list(Day)), st.sampled_from(RUN_TYPES))),
        style=draw(st.sampled_from(list(Style))),
        units=units,
        body_mass=draw(st.none() | st.floats(40, 120, allow_nan=False)),
        race=race,
        injuries=tuple(draw(st.lists(st.sampled_from(list(Injury)), unique=True))),
        deload_style=draw(st.sampled_from(["standard", "half_reps"])),
    )
    weeks = draw(st.integers(1, 16))
    return Scenario(profile, start, weeks)


def exercises_of(session: Session, kinds: frozenset[BlockKind] | None = None) -> list[Exercise]:
    return [
        CATALOGUE.get(item.exercise)
        for block in session.blocks
        if kinds is None or block.kind in kinds
        for item in block.items
    ]


def week_sets(week: Week) -> int:
    return sum(
        item.sets
        for session in week.sessions
        for block in session.blocks
        if block.kind in TRAINED_KINDS
        for item in block.items
    )


def injury_served_by_catalogue(injury: Injury, profile: Profile) -> bool:
    """True when some main- or core-eligible exercise for the injury fits the kit and level."""
    return any(
        injury in e.injuries
        and e.category in (Category.STRENGTH, Category.CORE)
        and e.impact is not Impact.HIGH
        and e.level.rank <= profile.level.rank
        and e.doable_with(profile.equipment)
        for e in CATALOGUE.active()
    )


# 1 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_kit_and_level_are_respected(scenario: Scenario) -> None:
    profile = scenario.profile
    for session in scenario.plan().sessions():
        for block in session.blocks:
            for item in block.items:
                exercise = CATALOGUE.get(item.exercise)
                assert exercise.doable_with(profile.equipment), (session.date, item.exercise)
                assert set(item.equipment) <= profile.equipment, (session.date, item)
                assert frozenset(item.equipment) in exercise.equipment_options, item
                assert exercise.level.rank <= profile.level.rank, (item.exercise, exercise.level)


# 2 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_never_more_sessions_than_asked(scenario: Scenario) -> None:
    asked = scenario.profile.strength.sessions_per_week
    for week in scenario.plan().weeks:
        assert len(week.sessions) <= asked, (week.number, week.phase)


# 3 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_sessions_fit_the_minutes_and_start_with_a_warmup(scenario: Scenario) -> None:
    minutes = scenario.profile.strength.minutes_per_session
    for session in scenario.plan().sessions():
        assert session.estimated_minutes <= minutes, (session.date, session.estimated_minutes)
        assert session.blocks, session.date
        assert session.blocks[0].kind is BlockKind.WARMUP, (session.date, session.blocks[0].kind)


# 4 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_training_weeks_cover_the_body_unilateral_work_and_injuries(scenario: Scenario) -> None:
    profile = scenario.profile
    if profile.strength.minutes_per_session < 40:
        return
    for week in scenario.plan().weeks:
        if week.phase not in TRAINING_PHASES or week.deload or len(week.sessions) < 2:
            continue
        trained = [e for s in week.sessions for e in exercises_of(s, COVERAGE_KINDS)]
        muscles = {m for e in trained for m in e.muscles}
        missing = [name for name, groups in COVERAGE_TARGETS.items() if not groups & muscles]
        assert not missing, (week.number, week.phase, missing, [e.slug for e in trained])
        assert any(e.unilateral and e.lower_body for e in trained), (
            week.number,
            [e.slug for e in trained],
        )
        for injury in profile.injuries:
            if not injury_served_by_catalogue(injury, profile):
                continue
            assert any(injury in e.injuries for e in trained), (
                week.number,
                injury,
                [e.slug for e in trained],
            )


# 5 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_deload_weeks_follow_the_cycle_and_cut_volume(scenario: Scenario) -> None:
    cycle = 3 if scenario.profile.level is Level.BEGINNER else 4
    weeks = scenario.plan().weeks
    for week in weeks:
        expected = week.phase in TRAINING_PHASES and week.number % cycle == 0
        assert week.deload is expected, (week.number, week.phase, week.deload)
    for previous, week in pairwise(weeks):
        if not week.deload or not week.sessions:
            continue
        if previous.phase not in TRAINING_PHASES or previous.deload:
            continue
        if len(previous.sessions) != len(week.sessions):
            continue
        assert week_sets(week) < week_sets(previous), (
            week.number,
            week_sets(week),
            week_sets(previous),
        )


# 6 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_no_lower_body_before_a_long_run_or_the_race(scenario: Scenario) -> None:
    profile = scenario.profile
    race = profile.dated_race
    for session in scenario.plan().sessions():
        tomorrow = session.date + timedelta(days=1)
        lower = [e.slug for e in exercises_of(session) if e.lower_body]
        if race is not None:
            assert session.date != race.date, session.date
            if tomorrow == race.date:
                assert not lower, (session.date, "day before the race", lower)
        weekday = list(Day)[tomorrow.weekday()]
        if profile.runs.get(weekday) is RunType.LONG:
            assert not lower, (session.date, "day before a long run", lower)


# 7 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_taper_windows_before_the_race(scenario: Scenario) -> None:
    race = scenario.profile.dated_race
    if race is None or race.date is None:
        return
    window = 7 if race.distance in LONG_RACES else 5
    for session in scenario.plan().sessions():
        days_to_race = (race.date - session.date).days
        assert days_to_race >= 3, (session.date, race.date)
        if days_to_race > window:
            continue
        for block in session.blocks:
            for item in block.items:
                exercise = CATALOGUE.get(item.exercise)
                loaded = bool(set(item.equipment) & LOADING)
                assert not (loaded and exercise.lower_body), (
                    session.date,
                    days_to_race,
                    item.exercise,
                    item.equipment,
                )


# 8 ------------------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(scenarios())
def test_same_profile_same_plan(scenario: Scenario) -> None:
    first, second = scenario.plan(), scenario.plan()
    assert first == second
    assert json.dumps(plan_to_dict(first)) == json.dumps(plan_to_dict(second))


# 9 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_weeks_run_to_race_week_or_span_the_asked_weeks(scenario: Scenario) -> None:
    weeks = scenario.plan().weeks
    assert weeks
    race = scenario.profile.dated_race
    if race is not None and race.date is not None:
        last = weeks[-1]
        assert last.start <= race.date <= last.start + timedelta(days=6), (last.start, race.date)
        assert last.phase is Phase.RACE
    else:
        assert len(weeks) == scenario.weeks
        assert all(w.phase is Phase.GENERAL for w in weeks)
    assert weeks[0].start == monday_of(scenario.start)
    for index, week in enumerate(weeks):
        assert week.number == index + 1
        assert week.start.weekday() == 0
        assert week.start == weeks[0].start + timedelta(weeks=index)


# 10 -----------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_every_session_explains_itself_by_rule_id(scenario: Scenario) -> None:
    for session in scenario.plan().sessions():
        assert session.why, session.date
        for line in session.why:
            rule_id, sep, reason = line.partition(": ")
            assert sep and reason, line
            assert rule_id in RULES_BY_ID, line
