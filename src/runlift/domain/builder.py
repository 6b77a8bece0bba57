"""build_plan(): from a runner's profile to a dated, periodised, self-explaining plan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from runlift.domain.athlete import SHORT_RACES, Profile
from runlift.domain.exercise import Catalogue
from runlift.domain.menus import (
    Pools,
    Templates,
    build_pools,
    build_templates,
    jumps_for_week,
    max_contacts,
    protocol_choices,
    protocol_slugs,
    protocols,
    ramp_weeks,
    with_stages,
)
from runlift.domain.periodize import Phase, WeekFrame, periodize
from runlift.domain.plan import Plan, PlannedRun, Session, Week
from runlift.domain.prescribe import DoseContext
from runlift.domain.protein import protein_target
from runlift.domain.protocols import CALVES
from runlift.domain.rehab import (
    REHAB_PHASES,
    Need,
    allowed_rehab_day,
    rehab_days,
    rehab_session,
    week_days,
)
from runlift.domain.schedule import day_of, place_sessions
from runlift.domain.session import assemble, lighten
from runlift.domain.spine import heavy_ok
from runlift.domain.vocab import BlockKind, Level, Pattern, RunType, SessionKind, Style
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
ACTIVATION_MINUTES = 25


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


def latest_session_day(profile: Profile) -> date | None:
    """The last day a strength session may fall: nothing in the last 48 h (rule: taper)."""
    race = profile.dated_race
    return race.date - timedelta(days=3) if race and race.date else None


def in_heavy_free_days(profile: Profile, day: date) -> bool:
    """Whether `day` falls in the taper's days without loaded lower-body work (rule: taper)."""
    race = profile.dated_race
    if race is None or race.date is None:
        return False
    return (race.date - day).days <= heavy_free_days(profile)


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
    frames = periodize(
        start, profile.level, profile.race, weeks, recovery_weeks, masters=profile.masters
    )
    run_on = run_calendar(profile)
    race = profile.dated_race
    latest_allowed = latest_session_day(profile)
    plan_weeks: list[Week] = []
    used_last: frozenset[str] = frozenset()
    pools = build_pools(profile, catalogue)
    for phase_index, (phase, group) in enumerate(groupby(frames, key=lambda f: f.phase)):
        phase_frames = list(group)
        count = sessions_for(phase, profile.level, profile.strength.sessions_per_week)
        templates = build_templates(profile, pools, phase, count, used_last, phase_index)
        used_last = frozenset(c.exercise.slug for menu in templates.strength for c in menu.main)
        for frame in phase_frames:
            context = WeekContext(profile, frame, templates, pools, start, run_on, catalogue)
            plan_weeks.append(_week(context, count, latest_allowed))
    return Plan(
        athlete=profile.name,
        start=start,
        race=race,
        weeks=tuple(plan_weeks),
        protein=protein_target(profile.body_mass_kg),
        notes=_plan_notes(profile, pools),
    )


@dataclass(frozen=True, slots=True)
class WeekContext:
    """Everything one week is built from."""

    profile: Profile
    frame: WeekFrame
    templates: Templates
    pools: Pools
    start: date
    run_on: Callable[[date], RunType | None]
    catalogue: Catalogue


def _week(w: WeekContext, count: int, latest_allowed: date | None) -> Week:
    profile, frame, templates = w.profile, w.frame, w.templates
    earliest = max(frame.start, w.start)
    latest = frame.end if latest_allowed is None else min(frame.end, latest_allowed)
    placement = place_sessions(
        frame.start, count, w.run_on, profile.strength.preferred_days, earliest, latest
    )
    race = profile.dated_race
    ramp = ramp_weeks(profile)
    sessions = []
    for k, day in enumerate(placement.days):
        days_to_race = (race.date - day).days if race and race.date else None
        activation = frame.phase in (Phase.RACE, Phase.RECOVERY) or in_heavy_free_days(profile, day)
        menu = (
            templates.activation if activation else templates.strength[k % len(templates.strength)]
        )
        if not activation:
            menu = jumps_for_week(profile, w.pools, menu, frame.number, ramp)
            menu = with_stages(menu, frame.number)
        minutes = profile.strength.minutes_per_session
        if activation:
            minutes = min(minutes, ACTIVATION_MINUTES)
        ctx = DoseContext(
            frame.phase,
            profile.level,
            profile.style,
            frame.number,
            activation,
            ramp=frame.number <= ramp,
            max_contacts=max_contacts(profile),
        )
        blocks = assemble(menu, ctx, minutes)
        if frame.deload and not activation:
            blocks = lighten(blocks, profile.deload_style == "half_reps")
        letter = "ABC"[k % len(templates.strength)]
        role = (
            "recovery"
            if frame.phase is Phase.RECOVERY
            else "activation"
            if activation
            else "deload"
            if frame.deload
            else "taper"
            if frame.phase is Phase.TAPER
            else "training"
        )
        title = _title(frame, role, letter)
        reasons = [r for r in placement.why if r.startswith(f"spacing: {day_of(day).value}")]
        general = [r for r in placement.why if not r.startswith("spacing: ")] if k == 0 else []
        why = explain(
            profile, frame, day, blocks, role, count, days_to_race, minutes, w.catalogue, ctx
        )
        sessions.append(
            Session(day, title, SessionKind.STRENGTH, blocks, (*general, *reasons, *why), role=role)
        )
    sessions.extend(_rehab(w, sessions, earliest, latest))
    sessions.sort(key=lambda s: s.date)
    runs = tuple(
        PlannedRun(d, run)
        for d in week_days(frame.start)
        if d >= w.start and (run := w.run_on(d)) is not None
    )
    return Week(frame.number, frame.start, frame.phase, frame.deload, runs, tuple(sessions))


def _rehab(w: WeekContext, sessions: list[Session], earliest: date, latest: date) -> list[Session]:
    """Short rehab sessions for protocols that the strength sessions do not fully cover."""
    if w.frame.phase not in REHAB_PHASES:
        return []
    race = w.profile.dated_race
    race_day = race.date if race is not None else None
    needs = []
    for protocol in (*protocols(w.profile, w.frame.phase), CALVES):
        choices = tuple(protocol_choices(protocol, w.pools))
        slugs = protocol_slugs(protocol)
        if protocol is CALVES:  # any calf raise counts, whichever protocol brought it
            slugs = frozenset(
                i.exercise
                for s in sessions
                for i in s.items(BlockKind.MAIN)
                if Pattern.CALF_RAISE in w.catalogue.get(i.exercise).patterns
            )
        have = sum(1 for s in sessions if slugs & {i.exercise for i in s.items()})
        if choices and have < protocol.per_week:
            needs.append(Need(protocol, choices[:1] if protocol.in_warmup else choices, have, 0))
    if not needs:
        return []
    days = [
        d
        for d in week_days(w.frame.start)
        if earliest <= d <= max(latest, earliest)
        and allowed_rehab_day(d, race_day, heavy_free_days(w.profile))
    ]
    taken = [s.date for s in sessions]
    wanted = max(n.protocol.per_week - n.have for n in needs)
    chosen = rehab_days(days, taken, wanted, w.run_on)
    ramp = w.frame.number <= ramp_weeks(w.profile)
    ctx = DoseContext(w.frame.phase, w.profile.level, w.profile.style, w.frame.number, ramp=ramp)
    warmup = next((c for c in w.pools.drills if c.exercise.slug == "ankle-circle"), None)
    made = []
    for index, day in enumerate(chosen):
        due = [n for n in needs if n.protocol.per_week - n.have > index]
        made.append(rehab_session(day, due, warmup, ctx, len(sessions), w.pools.spine.lift_slugs()))
    return made


def _title(frame: WeekFrame, role: str, letter: str) -> str:
    if role == "activation":
        return "Race-week activation" if frame.phase is Phase.RACE else "Taper activation"
    if role == "recovery":
        return "Recovery mobility and strength"
    prefix = "Deload " if frame.deload else ""
    return f"{prefix}{frame.phase.value.capitalize()} strength {letter}"


def _plan_notes(profile: Profile, pools: Pools) -> tuple[str, ...]:
    lifts = [c for c in (pools.spine.squat, pools.spine.hinge) if c is not None]
    names = " and ".join(c.exercise.name.lower() for c in lifts)
    if profile.style is Style.CLASSIC:
        return (
            "intensity: classic style follows the seeds' 12-20 rep strength endurance; the "
            "evidence favours heavier, lower-rep lifting (style: performance).",
        )
    if any(heavy_ok(c) for c in lifts):
        return (
            f"intensity: performance style (default) follows the evidence: heavy, low-rep main "
            f"lifts ({names}) rather than the seeds' 12-20 reps; set style: classic for the "
            "seeds' prescriptions.",
        )
    return (
        "intensity: your kit cannot load the main lifts heavily, so they progress by reps, "
        "slower lowering and harder variants; dumbbells or a barbell would allow heavy, "
        "low-rep work.",
    )
