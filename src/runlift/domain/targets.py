"""What the progression engine reads and answers: rules as data, targets, sets and decisions.

Rules (DESIGN section 5, ids "progression", "deload", "e1rm") live in `ProgressionRules`, a
frozen bag of numbers; the engine only reads it, so a coach can tune one number without
touching the logic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from runlift.domain.exercise import Exercise
from runlift.domain.loads import DEFAULT_STEP, STEPS, Load, LoadGrid
from runlift.domain.prescribe import LOADING_EQUIPMENT
from runlift.domain.vocab import Category, Equipment, Pattern, Units

# Preference when a kit has several loading pieces: the one that usually carries the load.
_LOADING_ORDER = (
    Equipment.BARBELL,
    Equipment.LEG_PRESS,
    Equipment.CABLE_MACHINE,
    Equipment.DUMBBELL,
    Equipment.KETTLEBELL,
    Equipment.WEIGHT_PLATE,
    Equipment.MEDICINE_BALL,
)
_NO_RIR_CATEGORIES = frozenset(
    {Category.PLYOMETRIC, Category.MOBILITY, Category.STRETCH, Category.FOAM_ROLL, Category.WARMUP}
)


@dataclass(frozen=True, slots=True)
class ProgressionRules:
    """Every number the engine uses, so the rules are data and the functions stay generic."""

    steps: Mapping[Equipment, tuple[float, float]] = field(default_factory=lambda: STEPS)
    default_step: tuple[float, float] = DEFAULT_STEP
    top_sessions: int = 2
    rir_tolerance: int = 1
    rir_shortfall: int = 2
    failures_before_reset: int = 2
    reset_fraction: float = 0.075
    hold_increment: int = 5
    max_hold_seconds: int = 60
    rep_increment: int = 2
    max_rep_top: int = 15
    first_tempo: str = "3-1-1"
    max_lowering_seconds: int = 5
    start_rir: int = 3
    default_rir: int = 2
    deload_sets_fraction: float = 0.45
    deload_load_fraction: float = 0.15
    deload_rir: int = 2
    e1rm_max_reps: int = 10
    no_rir_blocks: frozenset[str] = frozenset({"warmup", "foam_roll", "cooldown", "plyometric"})
    no_rir_categories: frozenset[Category] = _NO_RIR_CATEGORIES

    def step(self, equipment: Equipment | None, unit: Units) -> float:
        """The smallest load jump the runner can make with this kit, in this unit."""
        kg, lb = self.steps.get(equipment, self.default_step) if equipment else self.default_step
        return kg if unit is Units.KG else lb

    def grid(
        self,
        equipment: Equipment | None,
        owned: Iterable[float] = (),
        unit: Units = Units.KG,
    ) -> LoadGrid:
        """The loads this kit can make: its steps, or only the loads owned (in `unit`)."""
        step = self.steps.get(equipment, self.default_step) if equipment else self.default_step
        return LoadGrid.of(step, owned, unit)

    def rir_applies(self, exercise: Exercise, block: str, reps: tuple[int, int] | None) -> bool:
        """Reps in reserve mean something only for sets of reps: not for holds, jumps, mobility."""
        return (
            reps is not None
            and block not in self.no_rir_blocks
            and exercise.category not in self.no_rir_categories
            and Pattern.JUMP not in exercise.patterns
        )


RULES = ProgressionRules()


@dataclass(frozen=True, slots=True)
class Target:
    """What the runner is asked to do next time for one exercise (variant = slug performed).

    `rir` is None where reps in reserve mean nothing (holds, jumps, mobility); `tempo` is
    "lower-pause-lift" seconds such as "3-1-1"; `counts` is False for sets done in a deload,
    taper or race-week session, which never count towards progression.
    """

    exercise: str
    variant: str
    sets: int
    reps: tuple[int, int] | None
    seconds: int | None
    load: Load | None
    rir: int | None
    tempo: str | None = None
    counts: bool = True

    def __post_init__(self) -> None:
        if self.sets < 1:
            raise ValueError("a target needs at least one set")
        if self.reps is not None and not 1 <= self.reps[0] <= self.reps[1]:
            raise ValueError(f"bad rep range {self.reps}")


@dataclass(frozen=True, slots=True)
class SetResult:
    """One performed set; reps is None for a hold, rir None when not entered."""

    reps: int | None
    load: Load | None = None
    seconds: int | None = None
    rir: int | None = None


@dataclass(frozen=True, slots=True)
class SessionResult:
    """The sets performed on one day in answer to one target."""

    date: date
    target: Target
    sets: tuple[SetResult, ...]


@dataclass(frozen=True, slots=True)
class Decision:
    """The next target and the rule that produced it, so the coach can explain itself.

    `loading` is the piece of kit that carries the load (None for a bodyweight move), so an
    interface offers load advice only where a load exists.
    """

    target: Target
    rule: str
    reason: str
    loading: Equipment | None = None


def loading_equipment(kit: Iterable[Equipment]) -> Equipment | None:
    """The piece of the kit that carries the load, which decides the load step."""
    owned = frozenset(kit) & LOADING_EQUIPMENT
    return next((e for e in _LOADING_ORDER if e in owned), None)


def epley(load: float, reps: int) -> float | None:
    """Estimated 1RM by Epley; None outside 1-10 reps where the estimate is unreliable."""
    if reps < 1 or reps > RULES.e1rm_max_reps:
        return None
    return load * (1 + reps / 30)


def best_e1rm(history: Iterable[SessionResult], unit: Units) -> Load | None:
    """The best estimated 1RM over all loaded sets of 10 reps or fewer, in the given unit."""
    estimates = [
        epley(s.load.to(unit).value, s.reps)
        for session in history
        for s in session.sets
        if s.load is not None and s.reps is not None
    ]
    best = max((e for e in estimates if e is not None), default=None)
    return None if best is None else Load(best, unit)


def best_reps_at(
    history: Iterable[SessionResult], load: Load, tolerance: float = 0.01
) -> int | None:
    """The most reps done in one set at this load (either unit), the PR a runner sees."""
    reps = [
        s.reps
        for session in history
        for s in session.sets
        if s.load is not None
        and s.reps is not None
        and abs(s.load.to(load.unit).value - load.value) <= tolerance
    ]
    return max(reps, default=None)
