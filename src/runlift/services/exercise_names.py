"""Other apps' exercise names mapped onto the catalogue, so imported history lands on our slugs.

A name is tried, in order: the user's own mapping, a table of common Strong and Hevy names, the
catalogue's names and aliases ('Plank'), the app's 'Name (Kit)' read as 'kit name' ('Deadlift
(Dumbbell)' -> 'dumbbell deadlift'), and finally the name without its bracket when the exercise
can be done with that kit ('Lunge (Dumbbell)' -> forward lunge, but 'Squat (Smith Machine)' stays
unknown). Anything else is unknown and is answered with the closest catalogue exercises.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from runlift.domain.exercise import Catalogue, Exercise, normalise_name
from runlift.domain.shown import shown
from runlift.domain.vocab import Equipment, Status
from runlift.services.errors import BadInput
from runlift.services.search import search
from runlift.services.suggest import closest_slugs

SKIP = ""  # mapping a name to SKIP leaves its sets out on purpose
GIVEN, BUILT_IN, CATALOGUE, KIT, SKIPPED, UNKNOWN = (
    "given",
    "built-in",
    "catalogue",
    "kit",
    "skipped",
    "unknown",
)

# Strong's and Hevy's names for movements the catalogue has under other words.
_COMMON = {
    "Squat (Barbell)": "back-squat",
    "Back Squat (Barbell)": "back-squat",
    "Full Squat": "back-squat",
    "Front Squat (Barbell)": "front-squat",
    "Squat (Bodyweight)": "air-squat",
    "Deadlift (Barbell)": "deadlift",
    "Romanian Deadlift (Barbell)": "romanian-deadlift",
    "Romanian Deadlift (Dumbbell)": "romanian-deadlift",
    "Single Leg Deadlift": "single-leg-romanian-deadlift",
    "Single Leg Romanian Deadlift (Dumbbell)": "single-leg-romanian-deadlift",
    "Calf Raise (Standing)": "calf-raise",
    "Standing Calf Raise": "calf-raise",
    "Standing Calf Raise (Dumbbell)": "calf-raise",
    "Standing Calf Raise (Barbell)": "calf-raise",
    "Seated Calf Raise (Machine)": "seated-calf-raise",
    "Single Leg Standing Calf Raise": "single-leg-calf-raise",
    "Plank": "plank",
    "Side Plank": "side-plank",
    "Goblet Squat": "goblet-squat",
    "Goblet Squat (Kettlebell)": "goblet-squat",
    "Bulgarian Split Squat": "bulgarian-split-squat",
    "Bulgarian Split Squat (Dumbbell)": "bulgarian-split-squat",
    "Lunge (Dumbbell)": "forward-lunge",
    "Lunge (Bodyweight)": "forward-lunge",
    "Walking Lunge (Dumbbell)": "walking-lunge",
    "Reverse Lunge (Dumbbell)": "reverse-lunge",
    "Hip Thrust (Barbell)": "hip-thrust",
    "Hip Thrust (Bodyweight)": "hip-thrust",
    "Glute Bridge": "glute-bridge",
    "Single Leg Glute Bridge": "single-leg-glute-bridge",
    "Step-up": "step-up",
    "Step Up (Dumbbell)": "step-up",
    "Leg Press": "leg-press",
    "Leg Press (Machine)": "leg-press",
    "Bent Over Row (Barbell)": "bent-over-row",
    "Bent Over Row (Dumbbell)": "bent-over-row",
    "Dumbbell Row": "single-arm-row",
    "Overhead Press (Barbell)": "shoulder-press",
    "Overhead Press (Dumbbell)": "shoulder-press",
    "Shoulder Press (Dumbbell)": "shoulder-press",
    "Bench Press (Dumbbell)": "dumbbell-bench-press",
    "Kettlebell Swing": "kettlebell-swing",
    "Farmers Walk": "farmer-carry",
    "Wall Sit": "wall-sit",
    "Nordic Hamstring Curl": "nordic-hamstring-curl",
}
COMMON_NAMES: Mapping[str, str] = {normalise_name(k): v for k, v in _COMMON.items()}

# The kit an app names in brackets, as our equipment (None: bodyweight, no load at all).
_KIT_WORDS: Mapping[str, Equipment | None] = {
    "barbell": Equipment.BARBELL,
    "dumbbell": Equipment.DUMBBELL,
    "kettlebell": Equipment.KETTLEBELL,
    "cable": Equipment.CABLE_MACHINE,
    "band": Equipment.RESISTANCE_BAND,
    "resistance band": Equipment.RESISTANCE_BAND,
    "plate": Equipment.WEIGHT_PLATE,
    "weight plate": Equipment.WEIGHT_PLATE,
    "medicine ball": Equipment.MEDICINE_BALL,
    "bodyweight": None,
}
_LOADING = frozenset(e for e in _KIT_WORDS.values() if e is not None) | {Equipment.LEG_PRESS}
_BRACKET = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How one name of the file was mapped: its slug (None if unknown or skipped), by which rule
    (`how`), how many sets carry it, and for an unknown name the closest (slug, name) pairs."""

    name: str
    slug: str | None
    how: str
    sets: int
    closest: tuple[tuple[str, str], ...] = ()


def _active(catalogue: Catalogue, exercise: Exercise) -> str:
    """A retired exercise's replacement, so history lands where new sets will."""
    if exercise.status is Status.DEPRECATED and exercise.replaced_by:
        return catalogue.exercises[exercise.replaced_by].slug
    return exercise.slug


def _doable_with(exercise: Exercise, kit: Equipment | None) -> bool:
    if kit is None:
        return any(not (option & _LOADING) for option in exercise.equipment_options)
    return any(kit in option for option in exercise.equipment_options)


def _find(catalogue: Catalogue, name: str) -> Exercise | None:
    return catalogue.exercises.get(name) or catalogue.resolve(name)


def given_slugs(catalogue: Catalogue, aliases: Mapping[str, str]) -> dict[str, str]:
    """The user's mapping, normalised name -> slug (or SKIP); a target not in the catalogue is
    BadInput naming it with the closest slugs."""
    mapped = {}
    for name, target in aliases.items():
        if target.strip() == SKIP:
            mapped[normalise_name(name)] = SKIP
            continue
        exercise = _find(catalogue, target.strip())
        if exercise is None:
            near = closest_slugs(target, catalogue.names)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise BadInput(
                "aliases", f"{shown(name)} -> {shown(target)}: not a catalogue exercise{hint}"
            )
        mapped[normalise_name(name)] = _active(catalogue, exercise)
    return mapped


def match_name(catalogue: Catalogue, name: str, given: Mapping[str, str]) -> tuple[str | None, str]:
    """The slug for an app's exercise name and the rule that found it; (None, UNKNOWN) if none."""
    key = normalise_name(name)
    if key in given:
        return (given[key] or None), (SKIPPED if given[key] == SKIP else GIVEN)
    if key in COMMON_NAMES and COMMON_NAMES[key] in catalogue.exercises:
        return _active(catalogue, catalogue.exercises[COMMON_NAMES[key]]), BUILT_IN
    exercise = _find(catalogue, name)
    if exercise is not None:
        return _active(catalogue, exercise), CATALOGUE
    bracket = _BRACKET.match(name)
    if bracket:
        base, kit_text = bracket.group(1), bracket.group(2)
        exercise = _find(catalogue, f"{kit_text} {base}")
        if exercise is not None:
            return _active(catalogue, exercise), CATALOGUE
        kit_key = normalise_name(kit_text)
        exercise = _find(catalogue, base)
        known_kit = kit_key in _KIT_WORDS
        if exercise is not None and known_kit and _doable_with(exercise, _KIT_WORDS[kit_key]):
            return _active(catalogue, exercise), KIT
    return None, UNKNOWN


def closest_exercises(catalogue: Catalogue, name: str) -> tuple[tuple[str, str], ...]:
    """Up to three catalogue exercises nearest an unknown name, as (slug, display name): by the
    search's words and kit ('Squat (Dumbbell)' -> goblet squat), else by spelling."""
    slugs = [hit.exercise.slug for hit in search(catalogue, name, limit=3)]
    slugs = slugs or closest_slugs(name, catalogue.names)
    return tuple((slug, catalogue.exercises[slug].name) for slug in slugs)


def parse_aliases(pairs: Sequence[str], field: str) -> dict[str, str]:
    """'Squat (Smith Machine)=back-squat' pairs as a mapping; an empty right side skips the name."""
    aliases = {}
    for pair in pairs:
        name, sep, slug = pair.rpartition("=")
        if not sep or not name.strip():
            raise BadInput(
                field, f"{shown(pair)} is not NAME=EXERCISE (e.g. 'Leg Press=split-squat')"
            )
        aliases[name.strip()] = slug.strip() or SKIP
    return aliases
