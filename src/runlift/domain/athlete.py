"""The runner: level, kit, running week, race and old injuries, as the planner sees them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from runlift.domain.vocab import (
    Day,
    Equipment,
    Injury,
    Level,
    Lifting,
    RaceDistance,
    RunType,
    Style,
    Units,
)

LB_PER_KG = 1 / 0.45359237  # pounds in a kilogram, from the exact definition of the pound
MASTERS_AGE = 50
HARD_RUNS = frozenset({RunType.INTERVALS, RunType.TEMPO, RunType.HILLS, RunType.RACE})
SHORT_RACES = frozenset({RaceDistance.K5, RaceDistance.K10})


@dataclass(frozen=True, slots=True)
class Race:
    """A goal race; `distance` none means training without a race."""

    distance: RaceDistance
    date: date | None = None

    @property
    def is_real(self) -> bool:
        """True when there is a dated race to plan towards."""
        return self.distance is not RaceDistance.NONE and self.date is not None


@dataclass(frozen=True, slots=True)
class StrengthPrefs:
    """How much strength work the runner wants and when."""

    sessions_per_week: int
    minutes_per_session: int
    preferred_days: tuple[Day, ...] = ()


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything the plan is fitted to."""

    level: Level
    strength: StrengthPrefs
    equipment: frozenset[Equipment]
    runs: Mapping[Day, RunType]
    name: str = "runner"
    style: Style = Style.PERFORMANCE
    units: Units = Units.KG
    body_mass: float | None = None
    race: Race | None = None
    injuries: tuple[Injury, ...] = ()
    deload_style: str = "standard"
    age: int | None = None
    lifting: Lifting | None = None
    weights: Mapping[Equipment, tuple[float, ...]] = field(default_factory=dict)

    @property
    def masters(self) -> bool:
        """Runners of 50 and over recover more slowly: shorter deload cycle, later jumps."""
        return self.age is not None and self.age >= MASTERS_AGE

    @property
    def lifting_history(self) -> Lifting:
        """Lifting experience, defaulting to none for beginners and some for everyone else."""
        if self.lifting is not None:
            return self.lifting
        return Lifting.NONE if self.level is Level.BEGINNER else Lifting.SOME

    @property
    def body_mass_kg(self) -> float | None:
        """Body mass in kilograms whatever units the runner uses."""
        if self.body_mass is None:
            return None
        return self.body_mass if self.units is Units.KG else self.body_mass / LB_PER_KG

    @property
    def dated_race(self) -> Race | None:
        """The race, when there is a real dated one."""
        return self.race if self.race is not None and self.race.is_real else None
