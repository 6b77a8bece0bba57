"""Each session's reasons, as 'rule-id: short reason' lines that are true of the session."""

from __future__ import annotations

from datetime import date

from runlift.domain.athlete import Profile
from runlift.domain.exercise import Catalogue, Exercise
from runlift.domain.menus import high_impact_from, protocols, ramp_weeks
from runlift.domain.periodize import Phase, WeekFrame, deload_cycle
from runlift.domain.plan import Block, Item, estimate_minutes
from runlift.domain.prescribe import DoseContext
from runlift.domain.protocols import BY_INJURY, INJURY_NAMES
from runlift.domain.selection import TARGETS
from runlift.domain.vocab import BlockKind, Level, MuscleGroup, Pattern

PHASE_WEEKS = {
    Phase.BASE: "base weeks",
    Phase.BUILD: "build weeks",
    Phase.PEAK: "peak weeks",
    Phase.TAPER: "taper weeks",
    Phase.RACE: "race week",
    Phase.RECOVERY: "recovery weeks",
    Phase.GENERAL: "general training weeks",
}
TARGET_WORDS = {
    "glutes": "glutes",
    "hamstrings": "hamstrings",
    "quadriceps": "quadriceps",
    "calves_feet": "calves/feet",
    "upper_body": "upper body",
    "core": "core",
}
TRAINED = (BlockKind.MAIN, BlockKind.CORE)
ORDINAL = {2: "2nd", 3: "3rd", 4: "4th", 5: "5th"}


def names(exercises: list[Exercise]) -> str:
    """Display names joined for a sentence."""
    return ", ".join(e.name for e in exercises)


def explain(
    profile: Profile,
    frame: WeekFrame,
    day: date,
    blocks: tuple[Block, ...],
    role: str,
    count: int,
    days_to_race: int | None,
    minutes: int,
    catalogue: Catalogue,
    ctx: DoseContext,
) -> list[str]:
    """The rule lines that justify this session's shape and content."""
    asked = profile.strength.sessions_per_week
    plural = "s" if count != 1 else ""
    why = [
        f"frequency: {count} session{plural} in {PHASE_WEEKS[frame.phase]}"
        + (f" (you asked for {asked})" if count < asked else "")
    ]
    by_kind = {b.kind: b for b in blocks}
    warm = by_kind.get(BlockKind.WARMUP)
    if warm:
        why.append(f"warm-up: {names([catalogue.get(i.exercise) for i in warm.items])}")
    why.extend(_intensity(profile, by_kind.get(BlockKind.MAIN), ctx, role, catalogue))
    if frame.deload and role == "deload":
        cycle = deload_cycle(profile.level, profile.masters)
        who = (
            " for masters runners"
            if profile.masters and profile.level is not Level.BEGINNER
            else ""
        )
        why.append(
            f"deload: week {frame.number} is lighter (every {ORDINAL[cycle]} week{who}): about "
            "half the sets, loaded lifts 10-20% lighter, 2 more reps in reserve, same exercises; "
            "what you log this week does not move your targets"
        )
    if days_to_race is not None and role == "activation":
        why.append(f"taper: {days_to_race} days before the race, so activation only, nothing heavy")
    elif frame.phase is Phase.TAPER:
        why.append("taper: fewer sets and sessions, intensity kept; logs here do not move targets")
    why.extend(_plyo_line(profile, by_kind.get(BlockKind.PLYOMETRIC), role, ctx))
    trained = [catalogue.get(i.exercise) for b in blocks if b.kind in TRAINED for i in b.items]
    single = sorted(
        (e for e in trained if e.unilateral and e.lower_body),
        key=lambda e: e.patterns[0] in (Pattern.HIP_ABDUCTION, Pattern.CALF_RAISE, Pattern.FOOT),
    )
    if single:
        why.append(f"unilateral: {single[0].name}")
    if role in ("training", "deload", "taper"):
        why.extend(_coverage(blocks, catalogue))
    why.extend(_injury_lines(profile, blocks, role, catalogue))
    why.append(f"session-length: about {estimate_minutes(blocks)} of {minutes} minutes")
    return why


def _intensity(
    profile: Profile, main: Block | None, ctx: DoseContext, role: str, catalogue: Catalogue
) -> list[str]:
    if main is None or not main.items:
        return []
    first = main.items[0]
    lines = [f"intensity: {catalogue.get(first.exercise).name} {_dose(first)}, {first.intensity}"]
    ramping = any("ramp-in" in i.intensity for i in main.items)
    if ramping and role == "training":
        lines.append(
            f"intensity: ramp-in week {ctx.week_number}: moderate loads (8+ reps, 3+ reps in "
            "reserve) before heavy work"
        )
    return lines


def _dose(item: Item) -> str:
    if item.reps is not None:
        low, high = item.reps
        reps = f"{low}" if low == high else f"{low}-{high}"
        return f"{item.sets} x {reps}" + (f" at tempo {item.tempo}" if item.tempo else "")
    return f"{item.sets} x {item.seconds} s" if item.seconds else f"{item.sets} sets"


def _muscles(blocks: tuple[Block, ...], catalogue: Catalogue) -> frozenset[MuscleGroup]:
    """Groups worked by the trained items and by foot-core work in the warm-up."""
    found: set[MuscleGroup] = set()
    for block in blocks:
        for item in block.items:
            exercise = catalogue.get(item.exercise)
            if block.kind in TRAINED or (
                block.kind is BlockKind.WARMUP and MuscleGroup.FEET in exercise.primary_muscles
            ):
                found |= exercise.muscles
    return frozenset(found)


def _coverage(blocks: tuple[Block, ...], catalogue: Catalogue) -> list[str]:
    """Only muscles that this session's exercises actually work are claimed."""
    muscles = _muscles(blocks, catalogue)
    covered = [TARGET_WORDS[n] for n, (_, groups) in TARGETS.items() if groups & muscles]
    missing = [TARGET_WORDS[n] for n, (_, groups) in TARGETS.items() if not groups & muscles]
    if not missing:
        return ["full-body: glutes, hamstrings, quadriceps, calves/feet, core and upper body"]
    text = f"full-body: {', '.join(covered)}" if covered else "full-body: nothing trained"
    return [f"{text}; not this session: {', '.join(missing)}"]


def _injury_lines(
    profile: Profile, blocks: tuple[Block, ...], role: str, catalogue: Catalogue
) -> list[str]:
    in_session = {i.exercise: i for b in blocks for i in b.items}
    lines = []
    for protocol in protocols(profile):
        slugs = {slug for slot in protocol.slots for slug in slot}
        present = [catalogue.get(s) for s in in_session if s in slugs]
        injuries = [INJURY_NAMES[i] for i in profile.injuries if BY_INJURY[i] is protocol]
        who = f"{' and '.join(injuries)}: " if injuries else ""
        if present:
            doses = [f"{e.name} {_dose(in_session[e.slug])}" for e in present]
            lines.append(
                f"injury-focus: {who}{', '.join(doses)} ({protocol.label}, "
                f"{_times(protocol.per_week)} a week; {protocol.sources[0]})"
            )
        elif injuries and role == "training":
            lines.append(f"injury-focus: {who}no exercise of the protocol fits this session")
    return lines


def _plyo_line(profile: Profile, block: Block | None, role: str, ctx: DoseContext) -> list[str]:
    if role not in ("training", "deload", "taper"):
        return []
    if block is not None:
        contacts = sum(i.contacts for i in block.items)
        what = f"about {contacts} foot contacts" if contacts else "a short set of easy jumps"
        big = high_impact_from(profile, ramp_weeks(profile))
        if ctx.week_number < big:
            return [f"plyometrics: {what}, low-intensity only until week {big}"]
        return [f"plyometrics: {what} inside the session"]
    if profile.level is Level.BEGINNER:
        return ["plyometrics: none yet; beginners build strength and form first"]
    return ["plyometrics: no room in the minutes available"]


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")
