"""The main-lift spine: the few loadable lower-body lifts a runner keeps all plan long.

A coach keeps a squat or split squat, a hinge and a calf raise in every normal week so they
can be progressed; variety lives in the accessories (rules: progression, full-body).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from runlift.domain.prescribe import is_loaded, tool_strength
from runlift.domain.selection import Choice
from runlift.domain.vocab import Category, Equipment, Injury, Level, MaxIntensity, Pattern

BIG_TOOLS = frozenset({Equipment.BARBELL, Equipment.LEG_PRESS})
# With a barbell these are the lifts a coach reaches for first.
BARBELL_CLASSICS = frozenset({"back-squat", "deadlift"})


@dataclass(frozen=True, slots=True)
class Spine:
    """The runner's main lifts; a slot is None when nothing the runner can do fits it."""

    squat: Choice | None
    hinge: Choice | None
    calf: Choice | None
    soleus: Choice | None

    def slugs(self) -> frozenset[str]:
        """Every spine exercise, so accessories do not repeat them."""
        return frozenset(c.exercise.slug for c in self.all() if c is not None)

    def lift_slugs(self) -> frozenset[str]:
        """The squat and hinge: the lifts that take the heavy scheme."""
        return frozenset(c.exercise.slug for c in (self.squat, self.hinge) if c is not None)

    def all(self) -> tuple[Choice | None, ...]:
        """The slots in order of importance."""
        return (self.squat, self.hinge, self.calf, self.soleus)


def tool(choice: Choice) -> int:
    """How much load the chosen kit can carry: a barbell beats dumbbells beats bodyweight."""
    return tool_strength(choice.kit)


def heavy_ok(choice: Choice) -> bool:
    """True when this lift, with this kit, may take 3-6-rep heavy work (rule: intensity)."""
    return choice.exercise.max_intensity is MaxIntensity.HEAVY and is_loaded(choice.kit)


def _rank(choice: Choice, level: Level, injuries: Iterable[Injury]) -> tuple[object, ...]:
    """Higher is better: heavy and loadable, the strongest tool, then a fitting variant."""
    exercise = choice.exercise
    loaded = is_loaded(choice.kit)
    big = bool(choice.kit & BIG_TOOLS)
    # With a barbell or leg press a bilateral lift carries the load; with hand weights the
    # load needed halves on one leg (intermediate and up); without load one leg is the lift.
    want_unilateral = not loaded or (not big and level is not Level.BEGINNER)
    return (
        heavy_ok(choice),
        loaded,
        tool(choice),
        exercise.unilateral == want_unilateral,
        big and exercise.slug in BARBELL_CLASSICS,
        exercise.level.rank if not loaded else -exercise.level.rank,
        bool(set(exercise.injuries) & set(injuries)),
    )


def _fits(choice: Choice, first: frozenset[Pattern], banned: frozenset[Pattern]) -> bool:
    exercise = choice.exercise
    return (
        exercise.category is Category.STRENGTH
        and exercise.lower_body
        and exercise.default.reps is not None
        and exercise.patterns[0] in first
        and not banned & set(exercise.patterns)
    )


def _best(
    pool: Iterable[Choice],
    first: frozenset[Pattern],
    banned: frozenset[Pattern],
    level: Level,
    injuries: tuple[Injury, ...],
) -> Choice | None:
    fitting = [c for c in pool if _fits(c, first, banned)]
    if not fitting:
        return None
    ordered = sorted(fitting, key=lambda c: c.exercise.slug)
    return max(ordered, key=lambda c: _rank(c, level, injuries))


def _straight_knee(choice: Choice) -> bool:
    return "gastrocnemius" in choice.exercise.muscle_heads and choice.exercise.slug not in (
        "eccentric-heel-drop",
        "towel-heel-raise",
    )


def bent_knee(choice: Choice) -> bool:
    """A soleus raise (knee bent): works the soleus and not the gastrocnemius."""
    heads = choice.exercise.muscle_heads
    return "soleus" in heads and "gastrocnemius" not in heads


def choose_spine(pool: list[Choice], level: Level, injuries: tuple[Injury, ...]) -> Spine:
    """The main lifts for the whole plan: same lifts every phase, so every load carries on."""
    squat = _best(
        pool,
        frozenset({Pattern.SQUAT, Pattern.LUNGE}),
        frozenset({Pattern.PUSH, Pattern.ROTATION, Pattern.JUMP}),
        level,
        injuries,
    )
    hinge = _best(
        [c for c in pool if c.exercise.patterns[0] is Pattern.HINGE],
        frozenset({Pattern.HINGE}),
        frozenset({Pattern.PULL, Pattern.ROTATION}),
        level,
        injuries,
    ) or _best(
        pool,
        frozenset({Pattern.HIP_EXTENSION}),
        frozenset({Pattern.KNEE_FLEXION}),
        level,
        injuries,
    )
    calves = frozenset({Pattern.CALF_RAISE})
    no_feet = frozenset({Pattern.FOOT})
    calf = _best([c for c in pool if _straight_knee(c)], calves, no_feet, level, injuries)
    soleus = _best([c for c in pool if bent_knee(c)], calves, no_feet, level, injuries)
    return Spine(squat, hinge, calf, soleus)
