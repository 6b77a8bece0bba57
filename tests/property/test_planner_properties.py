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
from runlift.domain.anatomy import CORE_GROUPS, UPPER_BODY_GROUPS
from runlift.domain.athlete import Profile, Race, StrengthPrefs
from runlift.domain.builder import build_plan
from runlift.domain.exercise import Exercise
from runlift.domain.menus import build_pools
from runlift.domain.periodize import TRAINING_PHASES, Phase, deload_cycle, monday_of
from runlift.domain.plan import Plan, Session, Week
from runlift.domain.protocols import BY_INJURY, FOOT_CORE
from runlift.domain.rehab import REHAB_MINUTES
from runlift.domain.rules import RULES_BY_ID
from runlift.domain.vocab import (
    BlockKind,
    Category,
    Day,
    Equipment,
    Impact,
    Injury,
    Level,
    Lifting,
    MaxIntensity,
    MuscleGroup,
    Pattern,
    RaceDistance,
    RunType,
    SessionKind,
    Style,
    Units,
)
from runlift.services.plan_document import plan_to_dict

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
        age=draw(st.none() | st.integers(16, 80)),
        lifting=draw(st.none() | st.sampled_from(list(Lifting))),
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
        if session.kind is SessionKind.STRENGTH
        for block in session.blocks
        if block.kind in TRAINED_KINDS
        for item in block.items
    )


def strength_of(week: Week) -> list[Session]:
    return [s for s in week.sessions if s.kind is SessionKind.STRENGTH]


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
    kit = profile.equipment | {Equipment.TOWEL}  # every runner owns a towel
    for session in scenario.plan().sessions():
        for block in session.blocks:
            for item in block.items:
                exercise = CATALOGUE.get(item.exercise)
                assert exercise.doable_with(kit), (session.date, item.exercise)
                assert set(item.equipment) <= kit, (session.date, item)
                assert frozenset(item.equipment) in exercise.equipment_options, item
                assert exercise.level.rank <= profile.level.rank, (item.exercise, exercise.level)


# 2 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_never_more_sessions_than_asked(scenario: Scenario) -> None:
    asked = scenario.profile.strength.sessions_per_week
    for week in scenario.plan().weeks:
        strength = [s for s in week.sessions if s.kind is SessionKind.STRENGTH]
        assert len(strength) <= asked, (week.number, week.phase)


# 3 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_sessions_fit_the_minutes_and_start_with_a_warmup(scenario: Scenario) -> None:
    minutes = scenario.profile.strength.minutes_per_session
    for session in scenario.plan().sessions():
        limit = minutes if session.kind is SessionKind.STRENGTH else REHAB_MINUTES
        assert session.estimated_minutes <= limit, (session.date, session.estimated_minutes)
        assert session.blocks, session.date
        assert session.blocks[0].kind is BlockKind.WARMUP, (session.date, session.blocks[0].kind)


# 4 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_training_weeks_cover_the_body_unilateral_work_and_injuries(scenario: Scenario) -> None:
    profile = scenario.profile
    if profile.strength.minutes_per_session < 40 or len(profile.injuries) > 1:
        return  # several injury protocols come first and may crowd out the upper body
    for week in scenario.plan().weeks:
        strength = [s for s in week.sessions if s.kind is SessionKind.STRENGTH]
        if week.phase not in TRAINING_PHASES or week.deload or len(strength) < 2:
            continue
        trained = [e for s in strength for e in exercises_of(s, COVERAGE_KINDS)]
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
            protocol = {slug for slot in BY_INJURY[injury].slots for slug in slot}
            everything = [e for s in week.sessions for e in exercises_of(s)]
            assert any(injury in e.injuries or e.slug in protocol for e in everything), (
                week.number,
                injury,
                [e.slug for e in trained],
            )


# 5 ------------------------------------------------------------------------------------------


@SETTINGS
@given(scenarios())
def test_deload_weeks_follow_the_cycle_and_cut_volume(scenario: Scenario) -> None:
    cycle = 3 if scenario.profile.level is Level.BEGINNER or scenario.profile.masters else 4
    weeks = scenario.plan().weeks
    for week in weeks:
        expected = week.phase in TRAINING_PHASES and week.number % cycle == 0
        assert week.deload is expected, (week.number, week.phase, week.deload)
    for previous, week in pairwise(weeks):
        if not week.deload or not week.sessions:
            continue
        if previous.phase not in TRAINING_PHASES or previous.deload:
            continue
        if len(strength_of(previous)) != len(strength_of(week)):
            continue
        at_floor = all(
            i.sets == 1
            for s in strength_of(previous)
            for b in s.blocks
            if b.kind in TRAINED_KINDS
            for i in b.items
        )
        small = week_sets(previous) <= 4
        assert week_sets(week) < week_sets(previous) or at_floor or small, (
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
        if session.kind is SessionKind.REHAB and race is not None and race.date is not None:
            assert not 0 <= (race.date - session.date).days <= 2, (session.date, race.date)
        if session.kind is SessionKind.REHAB:
            continue  # short rehab work is not heavy lower-body training
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
            assert sep, line
            assert reason, line
            assert rule_id in RULES_BY_ID, line


# 11 -----------------------------------------------------------------------------------------


def full_normal_weeks(scenario: Scenario, plan: Plan) -> list[Week]:
    """Training weeks that are not deloads, lie wholly after the start and hold 2+ sessions."""
    return [
        w
        for w in plan.weeks
        if w.phase in TRAINING_PHASES
        and not w.deload
        and w.start >= scenario.start
        and len(strength_of(w)) >= 1
    ]


@SETTINGS
@given(scenarios())
def test_every_normal_week_has_calf_and_foot_work(scenario: Scenario) -> None:
    if scenario.profile.strength.minutes_per_session < 20:
        return  # a lone 10-minute session holds its main lift and the injury work first
    plan = scenario.plan()
    for week in full_normal_weeks(scenario, plan):
        everything = [e for s in week.sessions for e in exercises_of(s)]
        assert any(
            Pattern.CALF_RAISE in e.patterns and e.category is Category.STRENGTH for e in everything
        ), (week.number, [e.slug for e in everything])
        assert any(MuscleGroup.FEET in e.primary_muscles for e in everything), week.number


@SETTINGS
@given(scenarios())
def test_protocols_meet_their_weekly_frequency(scenario: Scenario) -> None:
    """Counted on whole weeks with room: every protocol's exercises on `per_week` days."""
    profile = scenario.profile
    if profile.strength.minutes_per_session < 20 or len(profile.injuries) > 2:
        return  # short sessions or many injuries: the time goes to the first protocols
    race = profile.dated_race
    plan = scenario.plan()
    wanted = [BY_INJURY[i] for i in profile.injuries] + [FOOT_CORE]
    for week in full_normal_weeks(scenario, plan):
        if race is not None and race.date is not None and race.date - week.start < timedelta(14):
            continue
        for protocol in wanted:
            slugs = {slug for slot in protocol.slots for slug in slot}
            doable = [
                s
                for s in slugs
                if CATALOGUE.get(s).doable_with(profile.equipment | {Equipment.TOWEL})
                and CATALOGUE.get(s).level.rank <= profile.level.rank
            ]
            if not doable:
                continue
            days = {s.date for s in week.sessions if slugs & {i.exercise for i in s.items()}}
            assert len(days) >= min(protocol.per_week, 7), (week.number, protocol.key, days)


@SETTINGS
@given(scenarios())
def test_heavy_prescriptions_only_on_heavy_loadable_lifts(scenario: Scenario) -> None:
    for session in scenario.plan().sessions():
        for item in session.items():
            if "1RM" not in item.intensity or item.intensity.startswith("deload"):
                continue
            exercise = CATALOGUE.get(item.exercise)
            assert exercise.max_intensity is MaxIntensity.HEAVY, (session.date, item.exercise)
            assert set(item.equipment) & LOADING, (session.date, item)
            assert item.reps is not None, item
            assert item.reps[1] <= 6, item


@SETTINGS
@given(scenarios())
def test_spine_lifts_are_stable_within_a_phase(scenario: Scenario) -> None:
    profile = scenario.profile
    spine = build_pools(profile, CATALOGUE).spine
    lifts = {c.exercise.slug for c in (spine.squat, spine.hinge) if c is not None}
    plan = scenario.plan()
    seen: dict[Phase, set[frozenset[str]]] = {}
    for week in full_normal_weeks(scenario, plan):
        if len(strength_of(week)) < profile.strength.sessions_per_week or week.phase is Phase.TAPER:
            continue
        minutes = profile.strength.minutes_per_session
        if minutes < 40:
            continue
        present = {i.exercise for s in strength_of(week) for i in s.items()} & lifts
        seen.setdefault(week.phase, set()).add(frozenset(present))
    for phase, variants in seen.items():
        assert len(variants) == 1, (phase, variants)
        assert next(iter(variants)) or not lifts, (phase, variants, lifts)


@SETTINGS
@given(scenarios())
def test_no_exercise_twice_in_a_session(scenario: Scenario) -> None:
    for session in scenario.plan().sessions():
        slugs = [i.exercise for i in session.items()]
        assert len(slugs) == len(set(slugs)), (session.date, slugs)


@SETTINGS
@given(scenarios())
def test_no_big_jumps_before_their_week(scenario: Scenario) -> None:
    profile = scenario.profile
    guard = 1
    if profile.masters:
        guard = 5
    for injury in profile.injuries:
        guard = max(guard, BY_INJURY[injury].high_impact_from)
    for week in scenario.plan().weeks:
        if week.number >= guard:
            continue
        for session in week.sessions:
            for item in session.items(BlockKind.PLYOMETRIC):
                if guard > 1:
                    assert CATALOGUE.get(item.exercise).impact is not Impact.HIGH, (
                        week.number,
                        item.exercise,
                    )


@SETTINGS
@given(scenarios())
def test_why_lines_have_no_doubled_words_or_raw_ids(scenario: Scenario) -> None:
    import re

    for session in scenario.plan().sessions():
        for line in session.why:
            reason = line.partition(": ")[2]
            assert not re.search(r"\b(\w+) \1\b", reason), line
            assert not re.search(r"\b[a-z]+_[a-z_]+\b", reason), line


def test_masters_deload_every_third_week() -> None:
    assert deload_cycle(Level.INTERMEDIATE, masters=True) == 3
    assert deload_cycle(Level.INTERMEDIATE, masters=False) == 4


@SETTINGS
@given(scenarios())
def test_an_exercise_keeps_one_rep_range_within_a_week(scenario: Scenario) -> None:
    """Progression reads a streak at one range: a week never asks two ranges of one lift."""
    for week in scenario.plan().weeks:
        ranges: dict[str, set[tuple[int, int] | None]] = {}
        for session in week.sessions:
            if session.role not in ("training", "rehab"):
                continue
            for item in session.items(BlockKind.MAIN):
                ranges.setdefault(item.exercise, set()).add(item.reps)
        mixed = {slug: r for slug, r in ranges.items() if len(r) > 1}
        assert not mixed, (week.number, mixed)
