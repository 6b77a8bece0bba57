"""Every exercise the seeds name is findable by the seed's own wording (DESIGN section 3)."""

from __future__ import annotations

import pytest

from runlift.adapters.catalogue_loader import load_library
from runlift.domain.exercise import Catalogue
from runlift.domain.vocab import Status

SEED_NAMES = {
    "000": [
        "medicine ball lunges with a twist",
        "side to side bench jumps",
        "scorpion",
        "goblet squat",
        "single-leg Romanian deadlift",
        "medicine ball push-ups",
        "pull-ups",
        "chin-ups",
        "renegade rows and push-ups",
        "dumbbell thrusters",
        "ab wheel rollouts",
        "chinnies",
        "two-point push-up planks",
        "couch stretch",
        "push-ups",
    ],
    "001": [
        "planks",
        "Russian twists",
        "overhead lunges",
        "air squats",
        "single-leg deadlifts",
        "pistol",
        "rotational shoulder press",
        "deadlifts",
        "burpees",
        "shoulder presses",
        "forward lunges",
        "dumbbell bench press",
        "inverted rows",
        "dumbbell hammer curls",
    ],
    "002": [
        "squat to press",
        "V-sits",
        "single arm rows",
        "standing or kneeling shoulder press",
        "squats",
        "lunges",
        "split squats",
        "glute bridges",
        "step ups",
        "Romanian deadlifts",
    ],
    "003": [
        "leg presses",
        "clamshells",
        "toe curls",
        "single-leg balances",
        "heel raises",
        "ankle circles",
        "resistance band foot pulls",
        "fire hydrants",
        "side leg raises",
        "hip thrusts",
        "standing side kicks",
        "pistol squats",
        "wall sits",
        "Bulgarian split squats",
        "jump squats",
        "calf raises",
        "bicycle crunches",
        "superman holds",
        "mountain climbers",
        "box jumps",
    ],
    "004": [
        "foam rolling glutes",
        "foam rolling IT band",
        "foam rolling quads",
        "foam rolling calves",
        "forward lunge elbow to instep",
        "sumo squat to stand",
        "inverted hamstring stretch",
        "mini-band walk",
        "one-leg RDL to row",
        "Swiss ball T-raises",
        "Valslide leg curls",
        "kneeling side plank with leg up",
    ],
}
CASES = [(seed, name) for seed, names in SEED_NAMES.items() for name in names]

# Seed wordings whose target is not obvious from the words alone.
EXPECTED = {
    "squats": "air-squat",
    "squat to press": "dumbbell-thruster",
    "pistol": "pistol-squat",
    "pistol squats": "pistol-squat",
    "Valslide leg curls": "slider-leg-curl",
    "single-leg deadlifts": "single-leg-romanian-deadlift",
    "one-leg RDL to row": "single-leg-rdl-to-row",
    "Swiss ball T-raises": "stability-ball-t-raise",
    "side to side bench jumps": "lateral-bench-jump",
    "chinnies": "chinny",
    "two-point push-up planks": "two-point-plank",
    "standing or kneeling shoulder press": "shoulder-press",
    "resistance band foot pulls": "band-foot-pull",
    "foam rolling IT band": "foam-roll-it-band",
    "Romanian deadlifts": "romanian-deadlift",
    "single-leg Romanian deadlift": "single-leg-romanian-deadlift",
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_library().catalogue


def test_expected_names_are_in_the_seed_list() -> None:
    names = {name for _, name in CASES}
    assert set(EXPECTED) <= names
    assert len(CASES) == len(names) == 71


@pytest.mark.parametrize(("seed", "name"), CASES, ids=[f"{s}-{n}" for s, n in CASES])
def test_seed_name_resolves(catalogue: Catalogue, seed: str, name: str) -> None:
    exercise = catalogue.resolve(name)
    assert exercise is not None, f"seed {seed} name {name!r} does not resolve"
    assert exercise.status is Status.ACTIVE
    if name in EXPECTED:
        assert exercise.slug == EXPECTED[name]


@pytest.mark.parametrize(("seed", "name"), CASES, ids=[f"{s}-{n}" for s, n in CASES])
def test_seed_name_resolves_ignoring_case_and_punctuation(
    catalogue: Catalogue, seed: str, name: str
) -> None:
    exercise = catalogue.resolve(name)
    assert exercise is not None, f"seed {seed} name {name!r} does not resolve"
    shouted = catalogue.resolve(f"  {name.upper().replace(' ', ' - ')}!! ")
    hyphenated = catalogue.resolve(name.lower().replace(" ", "-"))
    assert shouted is exercise
    assert hyphenated is exercise


def test_resolve_returns_none_for_an_unknown_name(catalogue: Catalogue) -> None:
    assert catalogue.resolve("underwater basket weaving") is None
