"""Each session's reasons, as 'rule-id: short reason' lines (every plan explains itself)."""

from __future__ import annotations

from datetime import date

from runlift.domain.athlete import Profile
from runlift.domain.exercise import Catalogue
from runlift.domain.periodize import Phase, WeekFrame
from runlift.domain.plan import Block, estimate_minutes
from runlift.domain.select import TARGETS
from runlift.domain.vocab import BlockKind, Injury, Level

PHASE_WORDS = {
    Phase.BASE: "base",
    Phase.BUILD: "build",
    Phase.PEAK: "peak",
    Phase.TAPER: "taper",
    Phase.RACE: "race week",
    Phase.RECOVERY: "recovery",
    Phase.GENERAL: "general",
}


def _name(slug: str) -> str:
    return slug.replace("-", " ")


def explain(
    profile: Profile,
    frame: WeekFrame,
    day: date,
    blocks: tuple[Block, ...],
    kind: str,
    count: int,
    days_to_race: int | None,
    minutes: int,
    catalogue: Catalogue,
) -> list[str]:
    """The rule lines that justify this session's shape and content."""
    asked = profile.strength.sessions_per_week
    why = [
        f"frequency: {count} session{'s' if count != 1 else ''} in {PHASE_WORDS[frame.phase]} "
        f"weeks" + (f" (you asked for {asked})" if count < asked else "")
    ]
    by_kind = {b.kind: b for b in blocks}
    warm = by_kind.get(BlockKind.WARMUP)
    if warm:
        why.append(f"warm-up: {', '.join(_name(i.exercise) for i in warm.items)}")
    main = by_kind.get(BlockKind.MAIN)
    if main and main.items:
        first = main.items[0]
        dose = (
            f"{first.sets} x {first.reps[0]}-{first.reps[1]}"
            if first.reps
            else f"{first.sets} sets"
        )
        why.append(f"intensity: {_name(first.exercise)} {dose}, {first.intensity}")
    if frame.deload and kind == "strength":
        cycle = 3 if profile.level is Level.BEGINNER else 4
        why.append(
            f"deload: week {frame.number} is lighter (every {cycle}th week): about half the "
            "sets, 10-20% less load, 2 more reps in reserve"
        )
    if days_to_race is not None and kind == "activation":
        why.append(f"taper: {days_to_race} days before the race, so activation only, nothing heavy")
    elif frame.phase is Phase.TAPER:
        why.append("taper: fewer sets and sessions, intensity kept")
    why.extend(_plyo_line(profile, by_kind.get(BlockKind.PLYOMETRIC), kind))
    trained = [
        catalogue.get(i.exercise)
        for b in blocks
        if b.kind in (BlockKind.MAIN, BlockKind.CORE)
        for i in b.items
    ]
    single = [e.slug for e in trained if e.unilateral and e.lower_body]
    if single:
        why.append(f"unilateral: {_name(single[0])}")
    if kind == "strength":
        muscles = {m for e in trained for m in e.muscles}
        missing = [name for name, (_, groups) in TARGETS.items() if not groups & muscles]
        if missing:
            why.append(f"full-body: not this session for lack of minutes: {', '.join(missing)}")
        else:
            why.append("full-body: glutes, hamstrings, quads, calves/feet, core and upper body")
    for injury in profile.injuries:
        helpers = [e.slug for e in trained if injury in e.injuries]
        if helpers:
            why.append(f"injury-focus: {', '.join(map(_name, helpers))} for {injury.value}")
        elif kind == "strength":
            why.append(f"injury-focus: no exercise for {injury.value} fits this session")
    why.append(f"session-length: about {estimate_minutes(blocks)} of {minutes} minutes")
    return why


def _plyo_line(profile: Profile, block: Block | None, kind: str) -> list[str]:
    if kind != "strength":
        return []
    if block is not None:
        contacts = sum(i.contacts for i in block.items)
        return [f"plyometrics: about {contacts} foot contacts inside the session"]
    if profile.level is Level.BEGINNER:
        return ["plyometrics: none yet; beginners build strength and form first"]
    if Injury.BONE_STRESS in profile.injuries:
        return ["plyometrics: none, because of the bone-stress history"]
    return ["plyometrics: no room in the minutes available"]
