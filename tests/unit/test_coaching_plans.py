"""Table-driven checks of the coaching a strength coach for runners would sign (issue: coaching).

Each test builds a plan for a small, explicit profile and checks one bullet of the rules:
the main-lift spine, heavy work only where it is safe, the ramp-in, masters, calves and feet,
the injury protocols with their doses and rehab top-ups, and why lines that are true.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.athlete import Profile, Race, StrengthPrefs
from runlift.domain.builder import build_plan
from runlift.domain.menus import build_pools
from runlift.domain.plan import Plan, Session
from runlift.domain.vocab import (
    BlockKind,
    Day,
    Equipment,
    Injury,
    Level,
    Lifting,
    MaxIntensity,
    Pattern,
    RaceDistance,
    RunType,
    SessionKind,
)

CATALOGUE = load_library().catalogue
START = date(2027, 1, 4)  # a Monday
RUNS = {Day.TUE: RunType.INTERVALS, Day.THU: RunType.EASY, Day.SUN: RunType.LONG}
GYM = frozenset({Equipment.BARBELL, Equipment.DUMBBELL, Equipment.BENCH})


def profile(**changes: object) -> Profile:
    base: dict[str, object] = {
        "level": Level.INTERMEDIATE,
        "strength": StrengthPrefs(2, 45),
        "equipment": GYM,
        "runs": RUNS,
    }
    base.update(changes)
    return Profile(**base)  # type: ignore[arg-type]


def plan_for(p: Profile, weeks: int = 12) -> Plan:
    return build_plan(p, CATALOGUE, START, weeks=weeks)


def strength(plan: Plan) -> list[Session]:
    return [s for s in plan.sessions() if s.kind is SessionKind.STRENGTH]


def slugs(session: Session, kind: BlockKind | None = None) -> list[str]:
    return [i.exercise for i in session.items(kind)]


@pytest.mark.parametrize(
    ("equipment", "level", "squat", "hinge"),
    [
        (GYM, Level.INTERMEDIATE, "back-squat", "deadlift"),
        (frozenset({Equipment.DUMBBELL}), Level.BEGINNER, "goblet-squat", "romanian-deadlift"),
        (frozenset({Equipment.DUMBBELL}), Level.INTERMEDIATE, "split-squat", "romanian-deadlift"),
        (frozenset(), Level.BEGINNER, "forward-lunge", "single-leg-romanian-deadlift"),
    ],
)
def test_the_spine_uses_the_strongest_tool(
    equipment: frozenset[Equipment], level: Level, squat: str, hinge: str
) -> None:
    spine = build_pools(profile(equipment=equipment, level=level), CATALOGUE).spine
    assert spine.squat is not None
    assert spine.squat.exercise.slug == squat
    assert spine.hinge is not None
    assert spine.hinge.exercise.slug == hinge


def test_spine_lifts_are_in_every_normal_week_of_a_phase() -> None:
    plan = plan_for(profile())
    for week in plan.weeks:
        if week.deload:
            continue
        present = {
            s for session in strength(plan) if session in week.sessions for s in slugs(session)
        }
        assert {"back-squat", "deadlift"} <= present, week.number


def test_heavy_scheme_only_on_heavy_loadable_lifts() -> None:
    plan = plan_for(profile(equipment=GYM | {Equipment.KETTLEBELL, Equipment.MEDICINE_BALL}))
    heavy_items = [i for s in plan.sessions() for i in s.items() if "1RM" in i.intensity]
    assert heavy_items
    for item in heavy_items:
        if item.intensity.startswith("deload"):
            continue
        assert CATALOGUE.get(item.exercise).max_intensity is MaxIntensity.HEAVY, item
        assert item.reps is not None
        assert item.reps[1] <= 6


def test_bodyweight_plans_never_claim_heavy_work() -> None:
    plan = plan_for(profile(equipment=frozenset()))
    for session in plan.sessions():
        for item in session.items():
            assert "1RM" not in item.intensity, item
        assert not any("heavy, low-rep" in line for line in session.why)
    assert "cannot load" in plan.notes[0]


@pytest.mark.parametrize(
    ("lifting", "ramp_weeks"), [(Lifting.NONE, 2), (Lifting.SOME, 1), (Lifting.REGULAR, 1)]
)
def test_ramp_in_before_heavy_work(lifting: Lifting, ramp_weeks: int) -> None:
    plan = plan_for(profile(lifting=lifting))
    for week in plan.weeks[: ramp_weeks + 1]:
        for session in strength(plan):
            if session not in week.sessions:
                continue
            main = session.items(BlockKind.MAIN)[0]
            assert main.reps is not None
            if week.number <= ramp_weeks:
                assert main.reps[0] >= 8, (week.number, main)
                assert "RIR 3" in main.intensity, (week.number, main)
                for jump in session.items(BlockKind.PLYOMETRIC):
                    assert jump.exercise in ("pogo-jump", "jump-rope", "a-skip"), jump
            else:
                assert main.reps[1] <= 6, (week.number, main)


def test_a_race_three_weeks_away_still_starts_light() -> None:
    race = Race(RaceDistance.K10, START + timedelta(days=20))
    plan = plan_for(profile(race=race))
    first = strength(plan)[0]
    assert all(
        i.reps is None or i.reps[0] >= 8 or "1RM" not in i.intensity
        for i in first.items(BlockKind.MAIN)
    ), first


def test_masters_deload_every_third_week_and_jump_low_first() -> None:
    plan = plan_for(profile(age=55))
    assert [w.number for w in plan.weeks if w.deload] == [3, 6, 9, 12]
    for week in plan.weeks[:4]:
        for session in week.sessions:
            for item in session.items(BlockKind.PLYOMETRIC):
                assert CATALOGUE.get(item.exercise).impact.value != "high", (week.number, item)


def test_every_normal_week_has_straight_and_bent_knee_calf_work_and_foot_core() -> None:
    plan = plan_for(profile())
    for week in plan.weeks:
        if week.deload:
            continue
        everything = [CATALOGUE.get(s) for session in week.sessions for s in slugs(session)]
        calf = [e for e in everything if Pattern.CALF_RAISE in e.patterns]
        assert any("gastrocnemius" in e.muscle_heads for e in calf), week.number
        assert any(e.muscle_heads == ("soleus",) for e in calf), week.number
        foot_days = {
            session.date
            for session in week.sessions
            if any(Pattern.FOOT in CATALOGUE.get(s).patterns for s in slugs(session))
        }
        assert len(foot_days) >= 3, (week.number, foot_days)


@pytest.mark.parametrize(
    ("week", "sets", "reps"), [(1, 3, 15), (2, 3, 12), (4, 4, 10), (6, 4, 8), (9, 4, 6)]
)
def test_achilles_heavy_slow_resistance_follows_beyer(week: int, sets: int, reps: int) -> None:
    plan = plan_for(
        profile(injuries=(Injury.ACHILLES_TENDINOPATHY,), strength=StrengthPrefs(2, 60))
    )
    frame = plan.weeks[week - 1]
    raises = [
        i
        for s in frame.sessions
        for i in s.items()
        if i.exercise in ("calf-raise", "single-leg-calf-raise", "seated-calf-raise")
        and i.tempo == "3-0-3"
    ]
    assert raises, week
    days = {s.date for s in frame.sessions for i in s.items() if i in raises}
    assert len(days) >= 3, (week, days)
    if not frame.deload:
        assert all(i.reps == (reps, reps) for i in raises), (week, raises)
        assert max(i.sets for i in raises) == sets


def test_achilles_keeps_big_jumps_out_for_six_weeks() -> None:
    plan = plan_for(
        profile(injuries=(Injury.ACHILLES_TENDINOPATHY,), strength=StrengthPrefs(2, 60))
    )
    for week in plan.weeks:
        contacts = sum(i.contacts for s in week.sessions for i in s.items(BlockKind.PLYOMETRIC))
        for session in week.sessions:
            for item in session.items(BlockKind.PLYOMETRIC):
                if week.number <= 6:
                    assert CATALOGUE.get(item.exercise).impact.value != "high", item
        assert contacts <= 2 * 40, (week.number, contacts)


@pytest.mark.parametrize(("week", "sets", "reps"), [(1, 3, 12), (3, 4, 10), (5, 5, 8)])
def test_plantar_towel_heel_raises_follow_rathleff(week: int, sets: int, reps: int) -> None:
    p = profile(injuries=(Injury.PLANTAR_FASCIITIS,), equipment=frozenset())  # no towel listed
    plan = plan_for(p)
    frame = plan.weeks[week - 1]
    raises = [i for s in frame.sessions for i in s.items() if i.exercise == "towel-heel-raise"]
    days = {s.date for s in frame.sessions if "towel-heel-raise" in slugs(s)}
    assert len(days) >= 3, (week, days)
    assert all(i.reps == (reps, reps) and i.tempo == "3-2-3" for i in raises)
    assert max(i.sets for i in raises) == sets


def test_rehab_sessions_top_up_and_never_touch_the_race() -> None:
    race = Race(RaceDistance.MARATHON, START + timedelta(weeks=12, days=6))
    p = profile(injuries=(Injury.ACHILLES_TENDINOPATHY,), race=race, strength=StrengthPrefs(1, 60))
    plan = build_plan(p, CATALOGUE, START)
    rehab = [s for s in plan.sessions() if s.kind is SessionKind.REHAB]
    assert rehab
    assert race.date is not None
    for session in rehab:
        assert (race.date - session.date).days > 7, session.date
        assert session.estimated_minutes <= 12
        assert all(
            line.split(": ")[0] in ("injury-focus", "warm-up", "session-length")
            for line in session.why
        )


def test_isolation_work_stays_about_a_third_of_a_session() -> None:
    p = profile(injuries=(Injury.RUNNERS_KNEE, Injury.IT_BAND_SYNDROME))
    for session in strength(plan_for(p)):
        trained = session.items(BlockKind.MAIN) + session.items(BlockKind.CORE)
        isolation = [
            i for i in trained if CATALOGUE.get(i.exercise).patterns[0] is Pattern.HIP_ABDUCTION
        ]
        assert len(isolation) * 3 <= len(trained) + 2, (session.date, slugs(session))


def test_low_back_pain_gets_no_loaded_rotation() -> None:
    p = profile(
        injuries=(Injury.LOW_BACK_PAIN,),
        equipment=GYM | {Equipment.MEDICINE_BALL, Equipment.WEIGHT_PLATE},
    )
    plan = plan_for(p)
    for session in plan.sessions():
        for item in session.items():
            exercise = CATALOGUE.get(item.exercise)
            loaded = set(item.equipment) - {Equipment.BENCH, Equipment.TOWEL}
            assert not (Pattern.ROTATION in exercise.patterns and loaded), item
    core = {s for session in strength(plan) for s in slugs(session, BlockKind.CORE)}
    assert core & {"dead-bug", "bird-dog"}
    assert core & {"side-plank", "pallof-press"}


def test_ultra_runners_get_eccentric_step_downs() -> None:
    race = Race(RaceDistance.ULTRA, START + timedelta(weeks=20))
    plan = plan_for(profile(race=race))
    base_weeks = [w for w in plan.weeks if w.phase.value == "base" and not w.deload]
    for week in base_weeks:
        items = [i for s in week.sessions for i in s.items()]
        assert any(i.exercise == "eccentric-step-down" and i.tempo == "4-0-1" for i in items)


def test_no_exercise_twice_and_true_why_lines() -> None:
    p = profile(injuries=(Injury.RUNNERS_KNEE, Injury.HAMSTRING_STRAIN), age=52)
    for session in plan_for(p).sessions():
        assert len(slugs(session)) == len(set(slugs(session))), slugs(session)
        for line in session.why:
            reason = line.partition(": ")[2]
            assert not re.search(r"\b(\w+) \1\b", reason), line
            assert "runners_knee" not in reason
            assert "easy easy" not in reason
            if "full-body: glutes, hamstrings" in line and "not this session" not in line:
                trained = [CATALOGUE.get(s) for s in slugs(session, BlockKind.MAIN)]
                assert trained


def test_plan_json_marks_rehab_sessions_and_what_counts() -> None:
    from runlift.services.plan_document import plan_to_dict

    p = profile(injuries=(Injury.PLANTAR_FASCIITIS,), strength=StrengthPrefs(1, 30))
    document = plan_to_dict(plan_for(p))
    sessions = [s for w in document["weeks"] for s in w["sessions"]]
    assert {s["kind"] for s in sessions} == {"strength", "rehab"}
    deloads = [s for w in document["weeks"] if w["deload"] for s in w["sessions"]]
    assert all(not s["counts_for_progression"] for s in deloads if s["kind"] == "strength")
    tempos = {i["tempo"] for s in sessions for b in s["blocks"] for i in b["items"]}
    assert "3-2-3" in tempos
