"""Built-in programs must reproduce their seed's workout: same moves, order and stated dosage.

The expected values below are transcribed from the seed documents (shared/seeds/), not from the
YAML, so a drifting program file fails here. Where a seed is silent on part of a dose, only the
exercise order is checked and the program must say, in a note, that runlift filled the gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from runlift.adapters.catalogue_loader import package_root, parse_program
from runlift.domain.program import Program, ProgramItem

IntOrRange = int | tuple[int, int]

SEED_000 = "000_a001447781981599.txt"
SEED_001 = "001_96e5a7711157e530.txt"
SEED_002 = "002_2320d6ad24ee82d7.txt"
SEED_003 = "003_788ce433889f11af.txt"
SEED_004 = "004_af0c5618a6fbdb2d.txt"

ALL_FIELDS = frozenset({"sets", "reps", "seconds", "distance_m", "per_side", "rest"})

# How a program admits that the seed did not give (part of) a dose.
SEED_SILENT = re.compile(
    r"not given in the seed|seed gives no|seed lists exercises only", re.IGNORECASE
)


@dataclass(frozen=True)
class Dose:
    """One item as the seed prescribes it; fields in `unstated` are not given by the seed."""

    exercise: str
    sets: IntOrRange | None = None
    reps: tuple[int, int] | None = None
    seconds: int | tuple[int, int] | None = None  # a tuple is the seed's hold range
    distance_m: int | None = None
    per_side: bool = False
    rest: IntOrRange | None = None
    unstated: frozenset[str] = field(default_factory=frozenset)
    mapped: bool = False  # runlift had to translate the seed's dose; a note must say how


def undosed(exercise: str) -> Dose:
    """An item the seed names without any sets, reps or rest."""
    return Dose(exercise, unstated=ALL_FIELDS)


@dataclass(frozen=True)
class Seeded:
    """A whole program as its seed describes it."""

    seed: str
    items: tuple[Dose, ...]
    rounds: int = 1
    rest_between_rounds: IntOrRange | None = None


def _same(exercise: str, sets: IntOrRange, rest: IntOrRange, reps: tuple[int, int]) -> Dose:
    return Dose(exercise, sets=sets, reps=reps, rest=rest)


def _each(exercise: str, sets: IntOrRange, rest: IntOrRange, reps: tuple[int, int]) -> Dose:
    return Dose(exercise, sets=sets, reps=reps, rest=rest, per_side=True)


# Seed 000, sample workout table: 2-4 sets, 30-60 s recovery.
_S000 = ((2, 4), (30, 60))
# Seed 001, "magnificent seven": 2-3 sets of 7-12, 90-120 s rest.
_MAG7 = ((2, 3), (90, 120))
_NO_REST = frozenset({"rest"})

SEEDS: dict[str, Seeded] = {
    "twelve-best-sample": Seeded(
        SEED_000,
        (
            _each("medicine-ball-lunge-twist", *_S000, (8, 10)),
            _each("renegade-row-push-up", *_S000, (8, 10)),
            _each("scorpion", *_S000, (4, 6)),
            _each("single-leg-romanian-deadlift", *_S000, (10, 12)),
            _each("two-point-plank", *_S000, (6, 8)),
            _each("lateral-bench-jump", *_S000, (10, 12)),
            _each("chinny", *_S000, (10, 12)),
            _same("goblet-squat", *_S000, (12, 20)),
        ),
    ),
    "top-seven": Seeded(
        SEED_001,
        (
            Dose("plank", seconds=(30, 60), unstated=frozenset({"sets", "rest"})),
            undosed("russian-twist"),
            Dose(
                "overhead-lunge",
                reps=(12, 12),
                per_side=True,
                unstated=frozenset({"sets", "rest"}),
            ),
            undosed("air-squat"),
            undosed("single-leg-romanian-deadlift"),
            undosed("pistol-squat"),
            undosed("rotational-shoulder-press"),
        ),
    ),
    "magnificent-seven": Seeded(
        SEED_001,
        (
            _same("air-squat", *_MAG7, (7, 12)),
            _same("forward-lunge", *_MAG7, (7, 12)),
            _same("deadlift", *_MAG7, (7, 12)),
            Dose("plank", sets=(2, 3), seconds=(30, 60), rest=(90, 120), mapped=True),
            _same("push-up", *_MAG7, (7, 12)),
            _same("burpee", *_MAG7, (7, 12)),
            _same("shoulder-press", *_MAG7, (7, 12)),
        ),
    ),
    "runner-circuit": Seeded(
        SEED_001,
        (
            Dose("run-400m", sets=1, distance_m=400, rest=0),
            _same("air-squat", 1, 0, (20, 20)),
            _same("push-up", 1, 0, (20, 20)),
            _same("burpee", 1, 0, (20, 20)),
            _same("forward-lunge", 1, 0, (20, 20)),
            Dose("plank", sets=1, seconds=60, rest=0),
        ),
        rounds=3,
        rest_between_rounds=(60, 120),
    ),
    "runner-upper-body": Seeded(
        SEED_001,
        (
            Dose("push-up", sets=5, reps=(12, 15), unstated=_NO_REST),
            Dose("dumbbell-bench-press", sets=4, reps=(10, 12), unstated=_NO_REST),
            Dose("inverted-row", sets=4, reps=(10, 12), unstated=_NO_REST),
            Dose("dumbbell-hammer-curl", sets=3, reps=(12, 15), unstated=_NO_REST),
            Dose("shoulder-press", sets=4, reps=(12, 15), unstated=_NO_REST),
        ),
    ),
    "core-and-legs": Seeded(
        SEED_002,
        (
            Dose("plank", sets=(3, 5), seconds=(45, 60), rest=60),
            Dose("russian-twist", sets=(3, 4), reps=(15, 20), unstated=_NO_REST),
            Dose("dumbbell-thruster", sets=3, reps=(10, 20), unstated=_NO_REST),
            Dose("v-sit", sets=(3, 4), reps=(8, 12), unstated=_NO_REST),
            Dose(
                "single-arm-row",
                sets=(3, 4),
                reps=(8, 15),
                unstated=frozenset({"rest", "per_side"}),
            ),
            Dose("shoulder-press", sets=(3, 4), reps=(8, 15), unstated=_NO_REST),
            Dose("air-squat", sets=(3, 5), reps=(10, 30), unstated=_NO_REST),
            Dose("forward-lunge", sets=(3, 5), reps=(10, 20), per_side=True, unstated=_NO_REST),
            Dose("split-squat", sets=(3, 4), reps=(8, 15), per_side=True, unstated=_NO_REST),
            Dose("glute-bridge", sets=(3, 4), reps=(8, 15), unstated=_NO_REST),
            Dose(
                "step-up",
                sets=(3, 4),
                reps=(8, 15),
                unstated=frozenset({"rest", "per_side"}),
            ),
            Dose("romanian-deadlift", sets=(3, 5), reps=(10, 20), unstated=_NO_REST),
        ),
    ),
    "runners-knee": Seeded(
        SEED_003,
        tuple(
            undosed(s) for s in ("air-squat", "forward-lunge", "step-up", "leg-press", "clamshell")
        ),
    ),
    "foot-strength": Seeded(
        SEED_003,
        tuple(
            undosed(s)
            for s in (
                "toe-curl",
                "single-leg-balance",
                "heel-raise",
                "ankle-circle",
                "band-foot-pull",
            )
        ),
    ),
    "hip-strength": Seeded(
        SEED_003,
        tuple(
            undosed(s)
            for s in (
                "glute-bridge",
                "fire-hydrant",
                "side-lying-leg-raise",
                "hip-thrust",
                "standing-side-kick",
            )
        ),
    ),
    "leg-strength": Seeded(
        SEED_003,
        tuple(
            undosed(s)
            for s in (
                "pistol-squat",
                "wall-sit",
                "bulgarian-split-squat",
                "jump-squat",
                "calf-raise",
            )
        ),
    ),
    "core-strength": Seeded(
        SEED_003,
        tuple(
            undosed(s)
            for s in (
                "plank",
                "russian-twist",
                "bicycle-crunch",
                "superman-hold",
                "mountain-climber",
            )
        ),
    ),
    "marathon-strength": Seeded(
        SEED_003,
        tuple(
            undosed(s)
            for s in (
                "deadlift",
                "box-jump",
                "single-leg-romanian-deadlift",
                "pull-up",
                "romanian-deadlift",
            )
        ),
    ),
    "ten-minute-routine": Seeded(
        SEED_004,
        tuple(
            undosed(s)
            for s in (
                "foam-roll-glutes",
                "foam-roll-it-band",
                "foam-roll-quads",
                "foam-roll-calves",
                "forward-lunge-elbow-to-instep",
                "sumo-squat-to-stand",
                "inverted-hamstring-stretch",
                "mini-band-walk",
                "single-leg-rdl-to-row",
                "stability-ball-t-raise",
                "slider-leg-curl",
                "kneeling-side-plank-leg-up",
            )
        ),
    ),
}


def _load(slug: str) -> Program:
    return parse_program(package_root() / "programs" / f"{slug}.yaml")


def _items(program: Program) -> list[ProgramItem]:
    return [item for block in program.blocks for item in block.items]


def _explained(program: Program, item: ProgramItem) -> bool:
    texts = [item.note or "", *program.notes]
    return any(SEED_SILENT.search(text) for text in texts)


def test_every_seeded_program_is_listed() -> None:
    assert len(SEEDS) == 13


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_program_credits_its_seed_and_round_structure(slug: str) -> None:
    program, seeded = _load(slug), SEEDS[slug]
    assert program.slug == slug
    assert f"seed {seeded.seed}" in program.sources
    assert program.rounds == seeded.rounds
    assert program.rest_between_rounds == seeded.rest_between_rounds


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_program_exercises_follow_the_seed_order(slug: str) -> None:
    program, seeded = _load(slug), SEEDS[slug]
    assert [item.exercise for item in _items(program)] == [d.exercise for d in seeded.items]


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_program_doses_match_what_the_seed_states(slug: str) -> None:
    program, seeded = _load(slug), SEEDS[slug]
    for position, (item, dose) in enumerate(zip(_items(program), seeded.items, strict=True)):
        where = f"{slug} item {position} ({dose.exercise})"
        stated = ALL_FIELDS - dose.unstated
        actual = {
            "sets": item.sets,
            "reps": item.reps,
            "distance_m": item.distance_m,
            "per_side": item.per_side,
            "rest": item.rest_seconds,
        }
        expected = {
            "sets": dose.sets,
            "reps": dose.reps,
            "distance_m": dose.distance_m,
            "per_side": dose.per_side,
            "rest": dose.rest,
        }
        for name in sorted(stated - {"seconds"}):
            assert actual[name] == expected[name], f"{where}: {name}"
        if "seconds" in stated:
            if isinstance(dose.seconds, tuple):
                assert item.seconds is not None, f"{where}: expected a hold"
                low, high = dose.seconds
                assert low <= item.seconds <= high, f"{where}: hold outside the seed's range"
            else:
                assert item.seconds == dose.seconds, f"{where}: seconds"
        if dose.unstated or dose.mapped:
            assert _explained(program, item), f"{where}: a note must say the seed is silent"
