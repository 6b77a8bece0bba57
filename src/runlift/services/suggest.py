"""Closest-name suggestions, so a typo is answered with what the user probably meant."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

from rapidfuzz import fuzz, process

from runlift.domain.shown import shown
from runlift.services.errors import BadInput, NotFound

E = TypeVar("E", bound=StrEnum)

# Short and everyday forms of vocabulary ids, by vocabulary (the enum's class name), each in
# id form; plurals and spacing are handled without being listed.
ALIASES: dict[str, dict[str, str]] = {
    "RaceDistance": {
        "half": "half_marathon",
        "hm": "half_marathon",
        "full": "marathon",
        "full_marathon": "marathon",
        "5km": "5k",
        "10km": "10k",
        "ultramarathon": "ultra",
        "ultra_marathon": "ultra",
        "no": "none",
        "no_race": "none",
    },
    "Level": {"beg": "beginner", "int": "intermediate", "inter": "intermediate", "adv": "advanced"},
    "Equipment": {
        "band": "resistance_band",
        "pull_up": "pull_up_bar",
        "pullup": "pull_up_bar",
        "chin_up_bar": "pull_up_bar",
        "plate": "weight_plate",
        "cable": "cable_machine",
        "swiss_ball": "stability_ball",
        "exercise_ball": "stability_ball",
        "med_ball": "medicine_ball",
        "yoga_mat": "mat",
    },
    "Injury": {
        "itbs": "it_band_syndrome",
        "it_band": "it_band_syndrome",
        "itb": "it_band_syndrome",
        "pfps": "runners_knee",
        "patellofemoral_pain": "runners_knee",
        "achilles": "achilles_tendinopathy",
        "achilles_tendinitis": "achilles_tendinopathy",
        "plantar": "plantar_fasciitis",
        "low_back": "low_back_pain",
        "lower_back_pain": "low_back_pain",
        "back_pain": "low_back_pain",
        "hamstring": "hamstring_strain",
        "stress_fracture": "bone_stress",
    },
    "Day": {
        "monday": "mon",
        "tues": "tue",
        "tuesday": "tue",
        "wednesday": "wed",
        "thur": "thu",
        "thurs": "thu",
        "thursday": "thu",
        "friday": "fri",
        "saturday": "sat",
        "sunday": "sun",
    },
    "MuscleGroup": {"quads": "quadriceps", "hamstring": "hamstrings", "glute": "glutes"},
    "Units": {"kgs": "kg", "kilo": "kg", "kilos": "kg", "lbs": "lb", "pound": "lb", "pounds": "lb"},
}


# No id or name is this long: a longer text is no typo, and comparing it would only cost time.
SUGGEST_MAX_CHARS = 200


def closest(name: str, candidates: Iterable[str], limit: int = 3, cutoff: float = 55) -> list[str]:
    """Up to `limit` candidates most similar to `name`, best first, ties in name order."""
    if len(name) > SUGGEST_MAX_CHARS:
        return []
    pool = sorted(set(candidates))
    matches = process.extract(
        name, pool, scorer=fuzz.WRatio, processor=str.casefold, limit=None, score_cutoff=cutoff
    )
    ranked = sorted(matches, key=lambda match: (-match[1], match[0]))
    return [match[0] for match in ranked[:limit]]


def closest_slugs(name: str, names: Mapping[str, str], limit: int = 3) -> list[str]:
    """Closest slugs to `name`, matching against every alias but returning distinct slugs."""
    if len(name) > SUGGEST_MAX_CHARS:
        return []
    matches = process.extract(
        name.casefold(), list(names), scorer=fuzz.WRatio, limit=None, score_cutoff=55
    )
    ranked = sorted(matches, key=lambda match: (-match[1], names[match[0]]))
    slugs: list[str] = []
    for alias, _score, _index in ranked:
        slug = names[alias]
        if slug not in slugs:
            slugs.append(slug)
        if len(slugs) == limit:
            break
    return slugs


def id_form(text: str) -> str:
    """What people type as an id: 'Runner's knee', 'half-marathon' -> 'runners_knee', ..."""
    cleaned = text.strip().casefold().replace("'", "").replace("\u2019", "")
    return "_".join(part for part in re.split(r"[\s_\-]+", cleaned) if part)


def normalise_enum(enum: type[E], value: str) -> E | None:
    """The member `value` names as people write it (spaces, plurals, short forms), else None.

    Profile files, `profile init` and the list filters all read ids through this, so what one
    accepts the others accept too.
    """
    key = id_form(value)
    members = {member.value: member for member in enum}
    if key in members:
        return members[key]
    aliases = ALIASES.get(enum.__name__, {})
    compact = {m.replace("_", ""): member for m, member in members.items()}
    for candidate in (
        key,
        key[:-1] if key.endswith("s") else "",
        key[:-2] if key.endswith("es") else "",
    ):
        if not candidate:
            continue
        if candidate in members:
            return members[candidate]
        if candidate in aliases:
            return members[aliases[candidate]]
        if candidate.replace("_", "") in compact:
            return compact[candidate.replace("_", "")]
    return None


def parse_enum(enum: type[E], value: str, field: str) -> E:
    """The enum member for `value`, or BadInput naming the field and the closest accepted ids."""
    found = normalise_enum(enum, value)
    if found is not None:
        return found
    accepted = [member.value for member in enum]
    near = closest(value, accepted)
    hint = f"did you mean {', '.join(near)}? " if near else ""
    raise BadInput(field, f"{shown(value)} is not accepted; {hint}accepted: {', '.join(accepted)}")


def not_found(kind: str, name: str, names: Mapping[str, str]) -> NotFound:
    """A NotFound error carrying the closest slugs."""
    return NotFound(kind, name, closest_slugs(name, names))
