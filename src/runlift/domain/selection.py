"""Exercise selection as an explicit optimisation: weighted coverage under hard constraints."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from runlift.domain.anatomy import CORE_GROUPS, UPPER_BODY_GROUPS
from runlift.domain.exercise import Exercise
from runlift.domain.prescribe import is_loaded, tool_strength
from runlift.domain.vocab import Category, Equipment, Impact, Injury, Level, MuscleGroup, Pattern

# Priorities of the full-body rule; a target is met by any of its groups.
TARGETS: dict[str, tuple[float, frozenset[MuscleGroup]]] = {
    "glutes": (3.0, frozenset({MuscleGroup.GLUTES})),
    "hamstrings": (3.0, frozenset({MuscleGroup.HAMSTRINGS})),
    "quadriceps": (3.0, frozenset({MuscleGroup.QUADRICEPS})),
    "calves_feet": (2.5, frozenset({MuscleGroup.CALVES, MuscleGroup.FEET})),
    "upper_body": (2.0, UPPER_BODY_GROUPS),
    "core": (1.0, CORE_GROUPS),
}
CORE_TARGETS: dict[str, tuple[float, frozenset[MuscleGroup]]] = {
    "abs": (2.0, frozenset({MuscleGroup.ABS})),
    "obliques": (2.0, frozenset({MuscleGroup.OBLIQUES})),
    "lower_back": (1.5, frozenset({MuscleGroup.LOWER_BACK})),
}
SECONDARY_SHARE = 0.4
UNILATERAL_VALUE = 2.5
INJURY_VALUE = 5.0
REPEATED_PATTERN_COST = 3.0
USED_THIS_PHASE_COST = 2.0
USED_LAST_PHASE_COST = 1.0
LOADABLE_VALUE = 1.0
LEVEL_GAP_COST = 0.5
MIN_GAIN = 1.5


@dataclass(frozen=True, slots=True, eq=False)
class Choice:
    """An exercise with the kit option it will be done with (and its anatomy, precomputed)."""

    exercise: Exercise
    kit: frozenset[Equipment]
    primary: frozenset[MuscleGroup] = frozenset()
    secondary: frozenset[MuscleGroup] = frozenset()

    @classmethod
    def of(cls, exercise: Exercise, kit: frozenset[Equipment]) -> Choice:
        """A choice with its muscle sets computed once."""
        return cls(
            exercise,
            kit,
            frozenset(exercise.primary_muscles),
            frozenset(exercise.secondary_muscles),
        )


@dataclass(frozen=True, slots=True)
class Objective:
    """What one session should cover, and what it should avoid repeating."""

    targets: dict[str, tuple[float, frozenset[MuscleGroup]]]
    level: Level
    injuries: tuple[Injury, ...] = ()
    want_unilateral: bool = True
    reward_load: bool = True
    used_this_phase: frozenset[str] = field(default_factory=frozenset)
    used_last_phase: frozenset[str] = field(default_factory=frozenset)


def candidates(
    pool: Iterable[Exercise],
    kit: frozenset[Equipment],
    level: Level,
    categories: frozenset[Category],
    *,
    allow_high_impact: bool = False,
    unloaded_lower_body: bool = False,
) -> list[Choice]:
    """Hard constraints: kit, level, category, impact; `unloaded_lower_body` for activation days."""
    found = []
    for exercise in pool:
        if exercise.category not in categories or exercise.level.rank > level.rank:
            continue
        if exercise.impact is Impact.HIGH and not allow_high_impact:
            continue
        options = [o for o in exercise.equipment_options if o <= kit]
        if unloaded_lower_body and exercise.lower_body:
            options = [o for o in options if not is_loaded(o)]
        if options:
            best = max(options, key=lambda o: (is_loaded(o), tool_strength(o), len(o), sorted(o)))
            found.append(Choice.of(exercise, best))
    return sorted(found, key=lambda c: c.exercise.slug)


def _cover(choice: Choice, groups: frozenset[MuscleGroup]) -> float:
    if not groups.isdisjoint(choice.primary):
        return 1.0
    if not groups.isdisjoint(choice.secondary):
        return SECONDARY_SHARE
    return 0.0


def value(chosen: Sequence[Choice], objective: Objective) -> float:
    """The worth of a set of exercises: order does not matter, so exact and greedy compare."""
    total = 0.0
    for weight, groups in objective.targets.values():
        total += weight * min(1.0, sum(_cover(c, groups) for c in chosen))
    if objective.want_unilateral and any(
        c.exercise.unilateral and c.exercise.lower_body for c in chosen
    ):
        total += UNILATERAL_VALUE
    served = {i for c in chosen for i in c.exercise.injuries}
    total += INJURY_VALUE * sum(1 for injury in objective.injuries if injury in served)
    patterns: dict[Pattern, int] = {}
    sole = _sole_servers(chosen, objective.injuries)
    for c in chosen:
        if all(c is not s for s in sole):  # the only work for an injury may repeat a pattern
            first = c.exercise.patterns[0]
            patterns[first] = patterns.get(first, 0) + 1
        slug = c.exercise.slug
        if slug in objective.used_this_phase:
            total -= USED_THIS_PHASE_COST
        if slug in objective.used_last_phase:
            total -= USED_LAST_PHASE_COST
        if objective.reward_load and is_loaded(c.kit):
            total += LOADABLE_VALUE
        if not set(c.exercise.injuries) & set(objective.injuries):
            total -= LEVEL_GAP_COST * (objective.level.rank - c.exercise.level.rank)
    total -= REPEATED_PATTERN_COST * sum(n - 1 for n in patterns.values())
    return total


def _sole_servers(chosen: Sequence[Choice], injuries: Iterable[Injury]) -> list[Choice]:
    """Choices that are the only one in the set serving some wanted injury."""
    sole: list[Choice] = []
    for injury in injuries:
        servers = [c for c in chosen if injury in c.exercise.injuries]
        if len(servers) == 1 and all(servers[0] is not s for s in sole):
            sole.append(servers[0])
    return sole


def greedy(
    pool: Sequence[Choice], objective: Objective, limit: int, base: Sequence[Choice] = ()
) -> list[Choice]:
    """Pick by best marginal value until nothing adds enough or `limit` is reached.

    `base` is what the session already holds (main lifts, injury work): picks complement it.
    """
    chosen: list[Choice] = []
    current = value(base, objective)
    taken = {c.exercise.slug for c in base}
    ordered = sorted(
        (c for c in pool if c.exercise.slug not in taken), key=lambda c: c.exercise.slug
    )
    while len(chosen) < limit:
        best_gain, best_choice = MIN_GAIN - 1.0, None
        for choice in ordered:
            if any(choice is c for c in chosen):
                continue
            gain = value([*base, *chosen, choice], objective) - current
            if gain > best_gain + 1e-9:  # strict: on a tie the earlier slug stays
                best_gain, best_choice = gain, choice
        if best_choice is None or best_gain < MIN_GAIN:
            break
        chosen.append(best_choice)
        current += best_gain
    return chosen


def injury_first(chosen: Sequence[Choice], injuries: Iterable[Injury]) -> list[Choice]:
    """Keep the best pick first, then whatever serves a not-yet-served injury, then the rest.

    Sessions are filled in this order while time allows, so injury work is never the part
    that the minutes cut off.
    """
    if not chosen:
        return []
    head, rest = chosen[0], list(chosen[1:])
    unserved = set(injuries) - set(head.exercise.injuries)
    promoted = []
    for choice in rest:
        if unserved & set(choice.exercise.injuries):
            promoted.append(choice)
            unserved -= set(choice.exercise.injuries)
    return [head, *promoted, *(c for c in rest if all(c is not p for p in promoted))]


def exact(pool: Sequence[Choice], objective: Objective, size: int) -> list[Choice]:
    """The best set of exactly `size` exercises by exhaustive search (for measuring greedy)."""
    best: tuple[float, list[Choice]] = (float("-inf"), [])
    for combo in combinations(pool, size):
        score = value(combo, objective)
        if score > best[0]:
            best = (score, list(combo))
    return best[1]
