"""Exercises and the catalogue that holds them: the facts the coach reasons over."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from runlift.domain.vocab import (
    Category,
    Equipment,
    Impact,
    Injury,
    Level,
    MaxIntensity,
    MuscleGroup,
    Pattern,
    Status,
)


@dataclass(frozen=True, slots=True)
class DefaultDose:
    """The typical prescription for an exercise when nothing more specific is known."""

    sets: int
    reps: tuple[int, int] | None
    seconds: int | None
    rest_seconds: int
    per_side: bool


@dataclass(frozen=True, slots=True)
class Exercise:
    """One movement with its anatomy, kit, difficulty and own-words instructions."""

    slug: str
    name: str
    aliases: tuple[str, ...]
    category: Category
    patterns: tuple[Pattern, ...]
    primary_muscles: tuple[MuscleGroup, ...]
    secondary_muscles: tuple[MuscleGroup, ...]
    muscle_heads: tuple[str, ...]
    equipment_options: tuple[frozenset[Equipment], ...]
    unilateral: bool
    lower_body: bool
    level: Level
    impact: Impact
    injuries: tuple[Injury, ...]
    default: DefaultDose
    easier: tuple[str, ...]
    harder: tuple[str, ...]
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    sources: tuple[str, ...]
    status: Status = Status.ACTIVE
    replaced_by: str | None = None
    max_intensity: MaxIntensity = MaxIntensity.LIGHT

    @property
    def muscles(self) -> frozenset[MuscleGroup]:
        """Every group the exercise trains, primary or secondary."""
        return frozenset(self.primary_muscles) | frozenset(self.secondary_muscles)

    @property
    def bodyweight(self) -> bool:
        """True when one of its options needs no kit at all."""
        return any(not option for option in self.equipment_options)

    def doable_with(self, kit: Iterable[Equipment]) -> bool:
        """True when at least one equipment option is fully covered by the kit."""
        owned = frozenset(kit)
        return any(option <= owned for option in self.equipment_options)

    def kit_for(self, kit: Iterable[Equipment]) -> frozenset[Equipment] | None:
        """The first equipment option the kit covers, preferring the richest one."""
        owned = frozenset(kit)
        usable = [option for option in self.equipment_options if option <= owned]
        if not usable:
            return None
        return max(usable, key=lambda option: (len(option), sorted(option)))


@dataclass(frozen=True, slots=True)
class Catalogue:
    """All exercises by slug, with the lookups the planner and the interfaces need."""

    exercises: Mapping[str, Exercise]
    _alias_index: Mapping[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, exercises: Iterable[Exercise]) -> Catalogue:
        """Build a catalogue and its alias index (names and aliases, case-folded)."""
        by_slug = {exercise.slug: exercise for exercise in sorted(exercises, key=_slug)}
        index: dict[str, str] = {}
        for exercise in by_slug.values():
            for name in (exercise.slug, exercise.name, *exercise.aliases):
                index.setdefault(normalise_name(name), exercise.slug)
        return cls(exercises=by_slug, _alias_index=index)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises.values())

    def __len__(self) -> int:
        return len(self.exercises)

    def __contains__(self, slug: object) -> bool:
        return slug in self.exercises

    def get(self, slug: str) -> Exercise:
        """The exercise with this slug; KeyError when there is none."""
        return self.exercises[slug]

    def resolve(self, name: str) -> Exercise | None:
        """Find an exercise by slug, name or any alias, ignoring case, punctuation and plurals."""
        key = normalise_name(name)
        for candidate in (key, key + "s", key.removesuffix("s"), key.removesuffix("es")):
            slug = self._alias_index.get(candidate)
            if slug:
                return self.exercises[slug]
        return None

    @property
    def names(self) -> Mapping[str, str]:
        """Normalised name or alias -> slug."""
        return self._alias_index

    def active(self) -> list[Exercise]:
        """Exercises not deprecated, in slug order."""
        return [e for e in self if e.status is Status.ACTIVE]

    def filter(
        self,
        *,
        kit: Iterable[Equipment] | None = None,
        muscle: MuscleGroup | None = None,
        injury: Injury | None = None,
        category: Category | None = None,
        level: Level | None = None,
    ) -> list[Exercise]:
        """Active exercises matching every given criterion; level means 'at most this level'."""
        owned = None if kit is None else frozenset(kit)
        found = []
        for exercise in self.active():
            if owned is not None and not exercise.doable_with(owned):
                continue
            if muscle is not None and muscle not in exercise.muscles:
                continue
            if injury is not None and injury not in exercise.injuries:
                continue
            if category is not None and exercise.category is not category:
                continue
            if level is not None and exercise.level.rank > level.rank:
                continue
            found.append(exercise)
        return found


def _slug(exercise: Exercise) -> str:
    return exercise.slug


def normalise_name(name: str) -> str:
    """Fold case, hyphens and punctuation so 'Single-Leg RDL' matches 'single leg rdl'."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in name.casefold())
    return " ".join(cleaned.split())
