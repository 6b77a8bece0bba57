"""build_plan(): from a runner's profile to a dated, periodised, self-explaining plan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from runlift.domain.athlete import SHORT_RACES, Profile
from runlift.domain.exercise import Catalogue
from runlift.domain.periodize import Phase, WeekFrame, periodize
from runlift.domain.plan import Plan, PlannedRun, Session, Week
from runlift.domain.prescribe import DoseContext
from runlift.domain.protein import protein_target
from runlift.domain.schedule import day_of, place_sessions
from runlift.domain.select import (
    CORE_TARGETS,
    TARGETS,
    Choice,
    Objective,
    candidates,
    greedy,
    injury_first,
)
from runlift.domain.session import Menu, assemble, lighten
from runlift.domain.vocab import Category, Injury, Level, RunType, Style
from runlift.domain.why import explain

PHASE_CAP = {
    Phase.BASE: 3,
    Phase.GENERAL: 3,
    Phase.BUILD: 2,
    Phase.PEAK: 2,
    Phase.TAPER: 1,
    Phase.RACE: 1,
    Phase.RECOVERY: 2,
}
CARDIO_PREFERENCE = ("easy-jog", "jumping-jack", "jump-rope")
COOLDOWN_PREFERENCE = ("couch-stretch", "calf-stretch", "kneeling-hip-flexor-stretch")
ACTIVATION_MINUTES = 25
MAIN_LIMIT = {Phase.BASE: 5, Phase.GENERAL: 5, Phase.BUILD: 4, Phase.PEAK: 3, Phase.TAPER: 3}
ACTIVATION_MAIN_LIMIT = 3


@dataclass(frozen=True, slots=True)
class Templates:
    """The sessions of one phase: A, B, C... reused every week so the lifts can progress."""

    strength: tuple[Menu, ...]
    activation: Menu


def sessions_for(phase: Phase, level: Level, asked: int) -> int:
    """Sessions this week under the frequency rule; never more than the runner asked for."""
    cap = PHASE_CAP[phase]
    if level is Level.BEGINNER and phase in (Phase.BASE, Phase.GENERAL):
        cap = 2
    return min(asked, cap)


def heavy_free_days(profile: Profile) -> int:
    """Days before the race with no loaded lower-body work (rule: taper)."""
    race = profile.dated_race
    return 5 if race is not None and race.distance in SHORT_RACES else 7


def _prefer(choices: list[Choice], order: tuple[str, ...]) -> tuple[Choice, ...]:
    rank = {slug: i for i, slug in enumerate(order)}
    return tuple(
        sorted(choices, key=lambda c: (rank.get(c.exercise.slug, len(rank)), c.exercise.slug))
    )


def _rotate(items: list[Choice], offset: int) -> tuple[Choice, ...]:
    if not items:
        return ()
    k = offset % len(items)
    return tuple(items[k:] + items[:k])


@dataclass(frozen=True, slots=True)
class Pools:
    """Every exercise the runner can do, by role: computed once per plan."""

    main: list[Choice]
    core: list[Choice]
    plyo: list[Choice]
    cardio: tuple[Choice, ...]
    drills: list[Choice]
    foam: list[Choice]
    cooldown: tuple[Choice, ...]
    activation: Menu


def gentle(choice: Choice) -> bool:
    """Race-week and recovery work: beginner-level moves only, nothing that leaves soreness."""
    return choice.exercise.level is Level.BEGINNER


def build_pools(profile: Profile, catalogue: Catalogue) -> Pools:
    """Hard constraints applied once: kit, level, impact, jumps only when appropriate."""
    pool = catalogue.active()
    kit, lvl = profile.equipment, profile.level

    def of(*categories: Category, **options: bool) -> list[Choice]:
        return candidates(pool, kit, lvl, frozenset(categories), **options)

    jumps_ok = lvl is not Level.BEGINNER and Injury.BONE_STRESS not in profile.injuries
    cardio = _prefer(of(Category.CARDIO), CARDIO_PREFERENCE)
    drills = of(Category.WARMUP, Category.MOBILITY)
    core = of(Category.CORE)
    activation_objective = Objective(TARGETS, lvl, profile.injuries, reward_load=False)
    core_objective = Objective(CORE_TARGETS, lvl, (), want_unilateral=False, reward_load=False)
    activation = Menu(
        cardio=cardio,
        drills=tuple(drills),
        foam=(),
        plyo=(),
        main=tuple(
            greedy(
                [c for c in of(Category.STRENGTH, unloaded_lower_body=True) if gentle(c)],
                activation_objective,
                ACTIVATION_MAIN_LIMIT,
            )
        ),
        core=tuple(greedy(core, core_objective, 1)),
        cooldown=(),
    )
    return Pools(
        main=of(Category.STRENGTH),
        core=core,
        plyo=of(Category.PLYOMETRIC, allow_high_impact=True) if jumps_ok else [],
        cardio=cardio,
        drills=drills,
        foam=of(Category.FOAM_ROLL),
        cooldown=_prefer(of(Category.STRETCH), COOLDOWN_PREFERENCE),
        activation=activation,
    )


def build_templates(
    profile: Profile,
    pools: Pools,
    phase: Phase,
    count: int,
    used_last: frozenset[str],
    offset: int,
) -> Templates:
    """Choose the exercises of each session of a phase by greedy weighted coverage."""
    menus: list[Menu] = []
    used: set[str] = set()
    served: set[Injury] = set()
    for index in range(max(1, count)):
        focus = tuple(i for i in profile.injuries if i not in served) or profile.injuries
        objective = Objective(
            TARGETS,
            profile.level,
            focus,
            used_this_phase=frozenset(used),
            used_last_phase=used_last,
        )
        picked = greedy(pools.main, objective, MAIN_LIMIT.get(phase, ACTIVATION_MAIN_LIMIT))
        main = injury_first(picked, focus)
        served |= {i for c in main for i in c.exercise.injuries}
        focus = tuple(i for i in profile.injuries if i not in served) or profile.injuries
        core_objective = Objective(
            CORE_TARGETS,
            profile.level,
            focus,
            want_unilateral=False,
            reward_load=False,
            used_this_phase=frozenset(used),
            used_last_phase=used_last,
        )
        core = greedy(pools.core, core_objective, 2)
        served |= {i for c in core for i in c.exercise.injuries}
        used |= {c.exercise.slug for c in (*main, *core)}
        menus.append(
            Menu(
                cardio=_rotate(list(pools.cardio), index),
                drills=_rotate(pools.drills, offset + index * 2),
                foam=_rotate(pools.foam, index * 2),
                plyo=_rotate(pools.plyo, offset + index * 2)[:2],
                main=tuple(main),
                core=tuple(core),
                cooldown=pools.cooldown,
            )
        )
    return Templates(tuple(menus), pools.activation)


def run_calendar(profile: Profile) -> Callable[[date], RunType | None]:
    """The run on any date: the weekly pattern, the race on race day, nothing after the race."""
    race = profile.dated_race

    def run_on(day: date) -> RunType | None:
        if race is not None and race.date is not None:
            if day == race.date:
                return RunType.RACE
            if day > race.date:
                return None
        return profile.runs.get(day_of(day))

    return run_on


def build_plan(
    profile: Profile,
    catalogue: Catalogue,
    start: date,
    weeks: int = 12,
    recovery_weeks: int = 0,
) -> Plan:
    """The whole plan; pure and deterministic: same profile, same plan."""
    frames = periodize(start, profile.level, profile.race, weeks, recovery_weeks)
    run_on = run_calendar(profile)
    race = profile.dated_race
    latest_allowed = race.date - timedelta(days=3) if race and race.date else None
    plan_weeks: list[Week] = []
    used_last: frozenset[str] = frozenset()
    pools = build_pools(profile, catalogue)
    for phase_index, (phase, group) in enumerate(groupby(frames, key=lambda f: f.phase)):
        phase_frames = list(group)
        count = sessions_for(phase, profile.level, profile.strength.sessions_per_week)
        templates = build_templates(profile, pools, phase, count, used_last, phase_index)
        used_last = frozenset(
            c.exercise.slug for menu in templates.strength for c in (*menu.main, *menu.core)
        )
        for frame in phase_frames:
            plan_weeks.append(
                _week(profile, frame, templates, count, start, latest_allowed, run_on, catalogue)
            )
    notes = _plan_notes(profile)
    return Plan(
        athlete=profile.name,
        start=start,
        race=race,
        weeks=tuple(plan_weeks),
        protein=protein_target(profile.body_mass_kg),
        notes=notes,
    )


def _week(
    profile: Profile,
    frame: WeekFrame,
    templates: Templates,
    count: int,
    start: date,
    latest_allowed: date | None,
    run_on: Callable[[date], RunType | None],
    catalogue: Catalogue,
) -> Week:
    earliest = max(frame.start, start)
    latest = frame.end if latest_allowed is None else min(frame.end, latest_allowed)
    placement = place_sessions(
        frame.start, count, run_on, profile.strength.preferred_days, earliest, latest
    )
    race = profile.dated_race
    sessions = []
    for k, day in enumerate(placement.days):
        days_to_race = (race.date - day).days if race and race.date else None
        activation = frame.phase in (Phase.RACE, Phase.RECOVERY) or (
            days_to_race is not None and days_to_race <= heavy_free_days(profile)
        )
        menu = (
            templates.activation if activation else templates.strength[k % len(templates.strength)]
        )
        minutes = profile.strength.minutes_per_session
        if activation:
            minutes = min(minutes, ACTIVATION_MINUTES)
        ctx = DoseContext(frame.phase, profile.level, profile.style, frame.number, activation)
        blocks = assemble(menu, ctx, minutes)
        if frame.deload and not activation:
            blocks = lighten(blocks, profile.deload_style == "half_reps")
        letter = "ABC"[k % len(templates.strength)]
        kind = (
            "recovery"
            if frame.phase is Phase.RECOVERY
            else "activation"
            if activation
            else "strength"
        )
        title = _title(frame, kind, letter)
        reasons = [r for r in placement.why if r.startswith(f"spacing: {day_of(day).value}")]
        general = [r for r in placement.why if not r.startswith("spacing: ")] if k == 0 else []
        why = explain(profile, frame, day, blocks, kind, count, days_to_race, minutes, catalogue)
        sessions.append(Session(day, title, kind, blocks, (*general, *reasons, *why)))
    runs = tuple(
        PlannedRun(d, run)
        for d in (frame.start + timedelta(days=i) for i in range(7))
        if d >= start and (run := run_on(d)) is not None
    )
    return Week(frame.number, frame.start, frame.phase, frame.deload, runs, tuple(sessions))


def _title(frame: WeekFrame, kind: str, letter: str) -> str:
    if kind == "activation":
        return "Race-week activation" if frame.phase is Phase.RACE else "Taper activation"
    if kind == "recovery":
        return "Recovery mobility and strength"
    prefix = "Deload " if frame.deload else ""
    return f"{prefix}{frame.phase.value.capitalize()} strength {letter}"


def _plan_notes(profile: Profile) -> tuple[str, ...]:
    if profile.style is Style.CLASSIC:
        return (
            "intensity: classic style follows the seeds' 12-20 rep strength endurance; the "
            "evidence favours heavier, lower-rep lifting (style: performance).",
        )
    return (
        "intensity: performance style (default) follows the evidence: heavy, low-rep main lifts "
        "rather than the seeds' 12-20 reps; set style: classic for the seeds' prescriptions.",
    )
