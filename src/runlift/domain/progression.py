"""The progression engine: pure functions that read the rules as data and set the next target.

Rules (DESIGN section 5, ids "progression", "deload", "e1rm") live in `ProgressionRules`, a
frozen bag of numbers; the functions below only read it, so a coach can tune one number without
touching the logic.

Missed sessions: `next_target` only looks at performed sessions (a session with at least one
set). A planned session that was skipped is simply absent from the history, so a gap never
stacks work: the next session answers the last one actually done.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType

from runlift.domain.athlete import LB_PER_KG
from runlift.domain.exercise import Exercise
from runlift.domain.prescribe import LOADING_EQUIPMENT
from runlift.domain.vocab import Equipment, Units

_EPS = 1e-9
_DEFAULT_STEPS: Mapping[Equipment, tuple[float, float]] = MappingProxyType(
    {
        Equipment.DUMBBELL: (2.0, 5.0),
        Equipment.KETTLEBELL: (4.0, 8.0),
        Equipment.BARBELL: (2.5, 5.0),
        Equipment.WEIGHT_PLATE: (2.5, 5.0),
        Equipment.LEG_PRESS: (2.5, 5.0),
        Equipment.CABLE_MACHINE: (2.5, 5.0),
        Equipment.MEDICINE_BALL: (1.0, 2.0),
    }
)
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


@dataclass(frozen=True, slots=True)
class ProgressionRules:
    """Every number the engine uses, so the rules are data and the functions stay generic."""

    steps: Mapping[Equipment, tuple[float, float]] = field(default_factory=lambda: _DEFAULT_STEPS)
    default_step: tuple[float, float] = (2.5, 5.0)
    top_sessions: int = 2
    rir_tolerance: int = 1
    rir_shortfall: int = 2
    failures_before_reset: int = 2
    reset_fraction: float = 0.075
    hold_increment: int = 5
    max_hold_seconds: int = 60
    start_rir: int = 3
    deload_sets_fraction: float = 0.45
    deload_load_fraction: float = 0.15
    deload_rir: int = 2
    e1rm_max_reps: int = 10

    def step(self, equipment: Equipment | None, unit: Units) -> float:
        """The smallest load jump the runner can make with this kit, in this unit."""
        kg, lb = self.steps.get(equipment, self.default_step) if equipment else self.default_step
        return kg if unit is Units.KG else lb


RULES = ProgressionRules()


@dataclass(frozen=True, slots=True)
class Load:
    """A load as entered: the exact value is kept, rounding happens only to show or to load it."""

    value: float
    unit: Units

    def __post_init__(self) -> None:
        if not math.isfinite(self.value) or self.value < 0:
            raise ValueError(f"a load must be a finite number >= 0, not {self.value}")

    def to(self, unit: Units) -> Load:
        """The same mass in another unit, unrounded so kg -> lb -> kg comes back."""
        if unit is self.unit:
            return self
        factor = LB_PER_KG if unit is Units.LB else 1 / LB_PER_KG
        return Load(self.value * factor, unit)

    def round_down(self, step: float) -> Load:
        """The heaviest loadable weight not above this one, so a rounding never adds load."""
        return Load(_tidy(math.floor(self.value / step + _EPS) * step), self.unit)

    def round_nearest(self, step: float) -> Load:
        """The loadable weight closest to this one (halves go up), for display and deloads."""
        return Load(_tidy(math.floor(self.value / step + 0.5 + _EPS) * step), self.unit)

    def __str__(self) -> str:
        return f"{self.value:g} {self.unit.value}"


def _tidy(value: float) -> float:
    """Drop float noise such as 22.499999999 from step arithmetic."""
    return max(0.0, round(value, 6))


@dataclass(frozen=True, slots=True)
class Target:
    """What the runner is asked to do next time for one exercise (variant = slug performed)."""

    exercise: str
    variant: str
    sets: int
    reps: tuple[int, int] | None
    seconds: int | None
    load: Load | None
    rir: int

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
    """The next target and the rule that produced it, so the coach can explain itself."""

    target: Target
    rule: str
    reason: str


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


def apply_deload(
    target: Target, equipment: Equipment | None = None, rules: ProgressionRules = RULES
) -> Target:
    """The deload version: fewer sets, a lighter load, two more reps in reserve, same exercise."""
    sets = max(1, math.floor(target.sets * (1 - rules.deload_sets_fraction) + 0.5))
    load = target.load
    if load is not None and load.value > 0:
        step = rules.step(equipment, load.unit)
        lighter = Load(load.value * (1 - rules.deload_load_fraction), load.unit)
        rounded = lighter.round_nearest(step)
        load = rounded if rounded.value < load.value else lighter.round_down(step)
    return replace(target, sets=sets, load=load, rir=target.rir + rules.deload_rir)


def next_target(
    history: Sequence[SessionResult],
    current: Target,
    exercise: Exercise,
    variants: Mapping[str, Exercise] | None = None,
    equipment: Equipment | None = None,
    test_set: SetResult | None = None,
    rules: ProgressionRules = RULES,
) -> Decision:
    """Apply double progression to the performed history (oldest first) of the current variant.

    `exercise` is the catalogue entry of `current.variant`; `variants` holds the exercises the
    runner may move to (its `harder` and `easier` slugs), and `equipment` sets the load step.
    """
    done = [s for s in history if s.sets and s.target.variant == current.variant]
    streak = _trailing(done, current)
    if not done:
        return _first_session(current, equipment, test_set, rules)
    if not streak:
        return Decision(current, "progression", "new prescription: repeat it and log every set")
    last = streak[-1]
    recent = streak[-rules.failures_before_reset :]
    if len(recent) == rules.failures_before_reset and all(_failed(s) for s in recent):
        return _after_failures(current, exercise, variants, equipment, rules)
    if _failed(last):
        return Decision(current, "progression", "a set fell short of the range: repeat it")
    if _rir_shortfall(last, rules):
        return Decision(current, "progression", "RIR fell 2+ below target: repeat the load")
    tops = streak[-rules.top_sessions :]
    if len(tops) == rules.top_sessions and all(_at_top(s, rules) for s in tops):
        return _progress(current, exercise, variants, equipment, rules)
    return Decision(current, "progression", "same load: aim for more reps (or seconds)")


def _trailing(done: Sequence[SessionResult], current: Target) -> list[SessionResult]:
    """The latest run of sessions at the current prescription; older runs no longer count."""
    start = len(done)
    while start > 0 and _same_prescription(done[start - 1].target, current):
        start -= 1
    return list(done[start:])


def _same_prescription(done: Target, current: Target) -> bool:
    """Sessions count towards a streak only at the load, range and hold now prescribed."""
    if done.reps != current.reps or done.seconds != current.seconds:
        return False
    if done.load is None or current.load is None:
        return done.load is None and current.load is None
    return math.isclose(done.load.to(current.load.unit).value, current.load.value, abs_tol=1e-6)


def _failed(session: SessionResult) -> bool:
    """A session fails when any set fell below the bottom of the range (or short of the hold)."""
    target = session.target
    for s in session.sets:
        if target.reps is not None and (s.reps or 0) < target.reps[0]:
            return True
        if target.reps is None and target.seconds is not None and (s.seconds or 0) < target.seconds:
            return True
    return False


def _rir_shortfall(session: SessionResult, rules: ProgressionRules) -> bool:
    """True when some set ended 2+ reps closer to failure than the target allowed."""
    rirs = [s.rir for s in session.sets if s.rir is not None]
    return bool(rirs) and min(rirs) <= session.target.rir - rules.rir_shortfall


def _at_top(session: SessionResult, rules: ProgressionRules) -> bool:
    """Every set reached the top of the range (or the hold) at the target load and RIR."""
    target = session.target
    if len(session.sets) < target.sets:
        return False
    for s in session.sets:
        if target.reps is not None and (s.reps or 0) < target.reps[1]:
            return False
        if target.reps is None and (s.seconds or 0) < (target.seconds or 0):
            return False
        if s.rir is not None and s.rir < target.rir - rules.rir_tolerance:
            return False
        if _lighter(s.load, target.load):
            return False
    return True


def _lighter(done: Load | None, asked: Load | None) -> bool:
    """True when a set was lifted below the prescribed load, so it cannot earn a step."""
    if done is None or asked is None:
        return False
    return done.to(asked.unit).value < asked.value - 1e-6


def _progress(
    current: Target,
    exercise: Exercise,
    variants: Mapping[str, Exercise] | None,
    equipment: Equipment | None,
    rules: ProgressionRules,
) -> Decision:
    """Top of the range twice: one load step, or more hold time, or the harder variant."""
    if current.load is not None:
        step = rules.step(equipment, current.load.unit)
        up = Load(current.load.value + step, current.load.unit).round_down(step)
        reason = f"top of the range twice: +1 step to {up}, back to the bottom of the range"
        return Decision(replace(current, load=up), "progression", reason)
    if current.reps is None and current.seconds is not None:
        longer = current.seconds + rules.hold_increment
        if longer <= rules.max_hold_seconds:
            reason = f"held it twice: +{rules.hold_increment} s to {longer} s"
            return Decision(replace(current, seconds=longer), "progression", reason)
    harder = _variant(exercise.harder, variants)
    if harder is None:
        reason = "top of the range twice and no harder variant: slow the lowering to 3 s"
        return Decision(current, "progression", reason)
    return Decision(_switch(current, harder), "progression", f"mastered: move to {harder.slug}")


def _after_failures(
    current: Target,
    exercise: Exercise,
    variants: Mapping[str, Exercise] | None,
    equipment: Equipment | None,
    rules: ProgressionRules,
) -> Decision:
    """Two failed sessions in a row: take about 7.5% off, or step back to the easier variant."""
    if current.load is not None:
        step = rules.step(equipment, current.load.unit)
        lower = Load(current.load.value * (1 - rules.reset_fraction), current.load.unit)
        reset = lower.round_down(step)
        reason = f"two failed sessions: reset to {reset} and build back up"
        return Decision(replace(current, load=reset), "progression", reason)
    easier = _variant(exercise.easier, variants)
    if easier is None:
        return Decision(current, "progression", "two failed sessions: repeat, no easier variant")
    reason = f"two failed sessions: step back to {easier.slug}"
    return Decision(_switch(current, easier), "progression", reason)


def _variant(slugs: Sequence[str], variants: Mapping[str, Exercise] | None) -> Exercise | None:
    """The first listed variant the runner can do (all of them when no list is given)."""
    if variants is None:
        return None
    return next((variants[slug] for slug in slugs if slug in variants), None)


def _switch(current: Target, variant: Exercise) -> Target:
    """The same slot done with another variant, at the bottom of its own default range."""
    dose = variant.default
    return replace(current, variant=variant.slug, reps=dose.reps, seconds=dose.seconds, load=None)


def _first_session(
    current: Target,
    equipment: Equipment | None,
    test_set: SetResult | None,
    rules: ProgressionRules,
) -> Decision:
    """No history yet: start from a test set leaving 3+ RIR at the top of the range, else RIR 3."""
    rir = max(current.rir, rules.start_rir)
    e1rm = None
    if test_set is not None and test_set.load is not None and test_set.reps is not None:
        e1rm = epley(test_set.load.value, test_set.reps)
    if e1rm is None or test_set is None or test_set.load is None or current.reps is None:
        return Decision(
            replace(current, rir=rir), "progression", f"first session: start at RIR {rir}"
        )
    unit = current.load.unit if current.load is not None else test_set.load.unit
    e1rm_load = Load(e1rm, test_set.load.unit).to(unit)
    reps_to_failure = current.reps[1] + rir
    start = Load(e1rm_load.value / (1 + reps_to_failure / 30), unit)
    start = start.round_down(rules.step(equipment, unit))
    reason = f"first session: e1RM {e1rm_load.value:.1f} {unit.value} -> {start} leaves RIR {rir}+"
    return Decision(replace(current, load=start, rir=rir), "e1rm", reason)
