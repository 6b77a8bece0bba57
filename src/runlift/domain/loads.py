"""Loads a runner can actually make: units, the smallest step of each kit, and the loads owned.

A target load is only useful when the runner can put it in their hands: a multiple of the kit's
step (2.5 kg plates, 2 kg dumbbell pairs, 4 kg kettlebells, 5 lb in pounds) or, when the profile
lists the loads owned, exactly one of them. `LoadGrid` answers every rounding question for one
piece of kit so the progression rules never invent a weight.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from runlift.domain.athlete import LB_PER_KG
from runlift.domain.vocab import Equipment, Units

_EPS = 1e-9
OWNED_TOLERANCE = 0.01  # a logged 35.27 lb counts as the 16 kg kettlebell owned

# Smallest load jump per piece of kit, (kg, lb): what a gym or a home rack really offers.
STEPS: Mapping[Equipment, tuple[float, float]] = MappingProxyType(
    {
        Equipment.DUMBBELL: (2.0, 5.0),
        Equipment.KETTLEBELL: (4.0, 5.0),
        Equipment.BARBELL: (2.5, 5.0),
        Equipment.WEIGHT_PLATE: (2.5, 5.0),
        Equipment.LEG_PRESS: (2.5, 5.0),
        Equipment.CABLE_MACHINE: (2.5, 5.0),
        Equipment.MEDICINE_BALL: (1.0, 2.0),
    }
)
DEFAULT_STEP = (2.5, 5.0)


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
        """The heaviest multiple of `step` not above this one, so a rounding never adds load."""
        return Load(tidy(math.floor(self.value / step + _EPS) * step), self.unit)

    def round_nearest(self, step: float) -> Load:
        """The multiple of `step` closest to this one (halves go up), for display and deloads."""
        return Load(tidy(math.floor(self.value / step + 0.5 + _EPS) * step), self.unit)

    def __str__(self) -> str:
        return f"{self.value:g} {self.unit.value}"


def tidy(value: float) -> float:
    """Drop float noise such as 22.499999999 from step arithmetic."""
    return max(0.0, round(value, 6))


def heavier(a: Load, b: Load) -> bool:
    """True when `a` is clearly heavier than `b`, whatever units they were entered in."""
    return a.to(b.unit).value > b.value + 1e-6


def heaviest(loads: Iterable[Load]) -> Load | None:
    """The heaviest of some loads (compared across units), None when there are none."""
    best: Load | None = None
    for load in loads:
        if best is None or heavier(load, best):
            best = load
    return best


def lightest(loads: Iterable[Load]) -> Load | None:
    """The lightest of some loads (compared across units), None when there are none."""
    best: Load | None = None
    for load in loads:
        if best is None or heavier(best, load):
            best = load
    return best


@dataclass(frozen=True, slots=True)
class LoadGrid:
    """The loads one piece of kit can make: multiples of a step from 0, or only the loads owned.

    With owned loads every answer is one of them, in the profile's unit; without, answers are
    multiples of the step for the unit the load is in.
    """

    step_kg: float = DEFAULT_STEP[0]
    step_lb: float = DEFAULT_STEP[1]
    owned: tuple[float, ...] = ()
    owned_unit: Units = Units.KG

    def __post_init__(self) -> None:
        if self.step_kg <= 0 or self.step_lb <= 0:
            raise ValueError("a load step must be positive")
        if any(not math.isfinite(o) or o < 0 for o in self.owned):
            raise ValueError(f"owned loads must be finite and >= 0, not {self.owned}")
        object.__setattr__(self, "owned", tuple(sorted(set(self.owned))))

    @classmethod
    def of(
        cls, step: tuple[float, float], owned: Iterable[float] = (), unit: Units = Units.KG
    ) -> LoadGrid:
        """A grid from a (kg, lb) step and the loads owned in `unit`."""
        return cls(step[0], step[1], tuple(owned), unit)

    def step(self, unit: Units) -> float:
        """The smallest jump in this unit (with owned loads: the step of the kit, for messages)."""
        return self.step_kg if unit is Units.KG else self.step_lb

    @property
    def heaviest(self) -> Load | None:
        """The heaviest load owned; None when any multiple of the step can be made."""
        return Load(self.owned[-1], self.owned_unit) if self.owned else None

    def contains(self, load: Load) -> bool:
        """True when the runner can make exactly this load with this kit."""
        if self.owned:
            value = load.to(self.owned_unit).value
            return any(abs(o - value) <= OWNED_TOLERANCE for o in self.owned)
        step = self.step(load.unit)
        return abs(load.value / step - round(load.value / step)) <= 1e-6

    def down(self, load: Load) -> Load:
        """The heaviest loadable weight not above `load` (the lightest owned if all are above)."""
        if self.owned:
            value = load.to(self.owned_unit).value
            below = [o for o in self.owned if o <= value + OWNED_TOLERANCE]
            return Load(below[-1] if below else self.owned[0], self.owned_unit)
        return load.round_down(self.step(load.unit))

    def nearest(self, load: Load) -> Load:
        """The loadable weight closest to `load` (halves go up)."""
        if self.owned:
            value = load.to(self.owned_unit).value
            best = min(self.owned, key=lambda o: (abs(o - value), -o))
            return Load(best, self.owned_unit)
        return load.round_nearest(self.step(load.unit))

    def above(self, load: Load) -> Load | None:
        """The lightest loadable weight above `load`; None at the heaviest load owned."""
        if self.owned:
            value = load.to(self.owned_unit).value
            up = [o for o in self.owned if o > value + OWNED_TOLERANCE]
            return Load(up[0], self.owned_unit) if up else None
        step = self.step(load.unit)
        return Load(tidy((math.floor(load.value / step + _EPS) + 1) * step), load.unit)

    def below(self, load: Load) -> Load | None:
        """The heaviest loadable weight below `load`; None when nothing lighter can be made."""
        if self.owned:
            value = load.to(self.owned_unit).value
            down = [o for o in self.owned if o < value - OWNED_TOLERANCE]
            return Load(down[-1], self.owned_unit) if down else None
        step = self.step(load.unit)
        units = math.ceil(load.value / step - _EPS) - 1
        return Load(tidy(units * step), load.unit) if units >= 0 else None

    def lighter(self, load: Load, fraction: float) -> Load:
        """About `fraction` off, to the nearest loadable weight, but always below `load`.

        At the lightest load the kit can make, the load stays: the caller lightens otherwise.
        """
        target = self.nearest(Load(load.value * (1 - fraction), load.unit))
        if heavier(load, target):
            return target
        return self.below(load) or self.down(load)
