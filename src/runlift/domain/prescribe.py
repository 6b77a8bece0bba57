"""Sets, reps, rest and intensity by phase, level and style (rules: intensity, deload, taper)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from runlift.domain.exercise import Exercise
from runlift.domain.periodize import Phase
from runlift.domain.plan import Item
from runlift.domain.vocab import BlockKind, Equipment, Level, MaxIntensity, Style

LOADING_EQUIPMENT = frozenset(
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
# How much load each piece can carry: a barbell beats hand weights beats a ball.
TOOL_STRENGTH = {
    Equipment.BARBELL: 5,
    Equipment.LEG_PRESS: 4,
    Equipment.DUMBBELL: 3,  # before kettlebells: a pair in finer steps
    Equipment.KETTLEBELL: 2,
    Equipment.CABLE_MACHINE: 2,
    Equipment.WEIGHT_PLATE: 1,
    Equipment.MEDICINE_BALL: 1,
}
BEGINNER_FORM_WEEKS = 6


@dataclass(frozen=True, slots=True)
class DoseContext:
    """What the prescription depends on besides the exercise."""

    phase: Phase
    level: Level
    style: Style
    week_number: int
    activation: bool = False
    ramp: bool = False
    max_contacts: int | None = None


@dataclass(frozen=True, slots=True)
class Scheme:
    """A loaded main-lift prescription."""

    sets: int
    reps: tuple[int, int]
    rest: int
    intensity: str


def is_loaded(kit: frozenset[Equipment]) -> bool:
    """True when the kit option adds external load that can progress."""
    return bool(kit & LOADING_EQUIPMENT)


def tool_strength(kit: frozenset[Equipment]) -> int:
    """The load the strongest piece of this kit option can carry, so a lift uses the best tool."""
    return max((TOOL_STRENGTH.get(piece, 0) for piece in kit), default=0)


def main_scheme(ctx: DoseContext) -> Scheme:
    """The main-lift prescription of the intensity rule for this phase, level and style."""
    advanced = ctx.level is Level.ADVANCED
    if ctx.style is Style.CLASSIC:
        classic = {
            Phase.BUILD: Scheme(3, (12, 15), 45, "RIR 2-3, light to moderate load"),
            Phase.PEAK: Scheme(2, (12, 15), 45, "RIR 3, light to moderate load"),
            Phase.TAPER: Scheme(2, (10, 12), 45, "RIR 3-4, light load"),
        }
        return classic.get(ctx.phase, Scheme(3, (12, 20), 45, "RIR 2-3, light to moderate load"))
    if ctx.level is Level.BEGINNER and ctx.week_number <= BEGINNER_FORM_WEEKS:
        return Scheme(3, (8, 12), 90, "RIR 3, learning form")
    if ctx.ramp:
        return Scheme(3, (8, 10), 90, "RIR 3-4, ramp-in: a moderate load while the lift settles")
    schemes = {
        Phase.BUILD: Scheme(3, (3, 5), 180, "RIR 2 (~85-90% 1RM)"),
        Phase.PEAK: Scheme(3 if advanced else 2, (3, 5), 180, "RIR 3 (~85% 1RM), lift fast"),
        Phase.TAPER: Scheme(2, (3, 3), 150, "RIR 3+ (~80-85% 1RM)"),
    }
    base = Scheme(4 if advanced else 3, (4, 6), 150, "RIR 2-3 (~80-88% 1RM)")
    return schemes.get(ctx.phase, base)


def phase_sets(ctx: DoseContext, default_sets: int) -> int:
    """Sets for supporting work: the catalogue default, trimmed late in the season."""
    if ctx.phase in (Phase.PEAK, Phase.TAPER):
        return min(default_sets, 2)
    if ctx.phase in (Phase.RACE, Phase.RECOVERY) or ctx.activation:
        return 1 if default_sets <= 2 else 2
    return default_sets


def prescribe(
    exercise: Exercise,
    kit: frozenset[Equipment],
    kind: BlockKind,
    ctx: DoseContext,
    main_lift: bool = False,
) -> Item:
    """The item for an exercise in a block, before deload and time fitting.

    Only a main lift that may go heavy (`max_intensity: heavy`) with loading kit gets the
    heavy scheme; every other loaded move stays at moderate reps (rule: intensity).
    """
    d = exercise.default
    equipment = tuple(sorted(kit))
    if kind in (BlockKind.WARMUP, BlockKind.FOAM_ROLL, BlockKind.COOLDOWN):
        return Item(
            exercise.slug,
            equipment,
            1,
            d.reps,
            d.seconds,
            d.per_side,
            min(d.rest_seconds, 15),
            "easy",
        )
    if kind is BlockKind.PLYOMETRIC:
        return Item(
            exercise.slug,
            equipment,
            phase_sets(ctx, d.sets),
            d.reps,
            d.seconds,
            d.per_side,
            max(d.rest_seconds, 60),
            "quick, springy contacts; full recovery",
        )
    if ctx.activation:
        reps = (5, 8) if d.reps is not None else None
        seconds = min(d.seconds, 30) if d.seconds else None
        return Item(
            exercise.slug,
            equipment,
            2 if d.sets > 1 else 1,
            reps,
            seconds,
            d.per_side,
            min(d.rest_seconds, 60),
            "easy, RIR 4+; stay fresh" if reps else "easy hold; stay fresh",
        )
    loaded = is_loaded(kit)
    heavy = exercise.max_intensity is MaxIntensity.HEAVY and loaded
    if kind is BlockKind.MAIN and main_lift and heavy and d.reps is not None:
        s = main_scheme(ctx)
        return Item(exercise.slug, equipment, s.sets, s.reps, None, d.per_side, s.rest, s.intensity)
    sets = phase_sets(ctx, d.sets)
    if d.seconds is not None:
        intensity = "steady hold; stop before form breaks"
    elif ctx.level is Level.BEGINNER or ctx.ramp:
        intensity = "RIR 3, smooth reps"
    elif loaded:
        intensity = "RIR 2, moderate load"
    else:
        intensity = "RIR 2; slow 3 s lowering if it feels easy"
    reps = d.reps
    if reps is not None and loaded and not heavy:
        reps = _moderate_reps(reps)
    if ctx.style is Style.CLASSIC and reps is not None and kind is BlockKind.MAIN:
        reps = _endurance_reps(exercise, reps)
        intensity = "RIR 2-3, strength endurance"
    return Item(
        exercise.slug, equipment, sets, reps, d.seconds, d.per_side, d.rest_seconds, intensity
    )


def _moderate_reps(reps: tuple[int, int]) -> tuple[int, int]:
    """Balance-limited or complex loaded moves stay in 8-15 reps, never heavy."""
    low = min(max(reps[0], 8), 15)
    return (low, min(max(reps[1], low), 15))


def _endurance_reps(exercise: Exercise, reps: tuple[int, int]) -> tuple[int, int]:
    """Classic style: the seeds' 12-20 reps for easy moves, 8-15 for the hard ones."""
    low, high = (12, 20) if exercise.level is Level.BEGINNER else (8, 15)
    return (max(reps[0], low), max(reps[1], high))


def usual_rir(intensity: str) -> str | None:
    """The RIR stated in an intensity, e.g. 'RIR 2-3 (~80-88% 1RM)' -> '2-3'."""
    found = re.search(r"RIR (\d+(?:-\d+)?\+?)", intensity)
    return found.group(1) if found else None


def deload(item: Item, half_reps: bool = False) -> Item:
    """The deload version of any item: about half the sets, same exercise, same way for all.

    Loaded work is also 10-20% lighter; wherever a RIR applies it gains 2 reps in reserve.
    """
    sets = max(1, round(item.sets * 0.55))
    loaded = is_loaded(frozenset(item.equipment))
    rir = usual_rir(item.intensity)
    if half_reps and item.reps is not None and item.reps[1] > 1:
        reps = (max(1, item.reps[0] // 2), max(1, item.reps[1] // 2))
        text = "deload: ~60% 1RM, half the reps" if loaded else "deload: half the reps"
        return replace(item, sets=sets, reps=reps, intensity=text)
    if rir is None:
        what = "fewer sets; " + ("same duration" if item.seconds else item.intensity)
        return replace(item, sets=sets, intensity=f"deload: {what}")
    lighter = "10-20% lighter, " if loaded else "fewer sets, "
    text = f"deload: {lighter}2 more reps in reserve than the usual RIR {rir}"
    return replace(item, sets=sets, intensity=text)
