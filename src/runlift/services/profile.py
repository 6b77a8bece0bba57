"""Profile use cases: turn a profile file into a validated domain Profile."""

from __future__ import annotations

import datetime as dt

import yaml

from runlift.domain.athlete import LB_PER_KG, Profile, Race, StrengthPrefs
from runlift.domain.dates import DateError, check_plan_start
from runlift.domain.log import MAX_LOAD
from runlift.domain.periodize import MAX_WEEKS, monday_of
from runlift.domain.prescribe import LOADING_EQUIPMENT
from runlift.domain.shown import shown
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
from runlift.services.errors import BadInput
from runlift.services.profile_text import (
    ProfileFileError,
    ProfileIn,
    parse_profile_text,
)
from runlift.services.suggest import parse_enum

MAX_BODY_MASS_KG = 300.0
DELOAD_STYLES = ("standard", "half_reps")


def to_profile(raw: ProfileIn) -> Profile:
    """Check every id against the vocabularies, suggesting the closest valid ones."""
    units = parse_enum(Units, raw.units, "units")
    if raw.body_mass is not None:
        kg = raw.body_mass if units is Units.KG else raw.body_mass / LB_PER_KG
        if kg > MAX_BODY_MASS_KG:
            raise BadInput("body_mass", f"{raw.body_mass} {units.value} is not plausible")
    runs: dict[Day, RunType] = {}
    for day, run in raw.runs.items():
        runs[parse_enum(Day, day, "runs")] = parse_enum(RunType, run, f"runs.{day}")
    race = None
    if raw.race is not None:
        distance = parse_enum(RaceDistance, raw.race.distance, "race.distance")
        if distance is not RaceDistance.NONE and raw.race.date is None:
            raise BadInput("race.date", "is required for a race (YYYY-MM-DD)")
        race = Race(distance, raw.race.date if distance is not RaceDistance.NONE else None)
    if raw.deload not in DELOAD_STYLES:
        raise BadInput(
            "deload", f"{shown(raw.deload)} is not accepted; accepted: standard, half_reps"
        )
    days = tuple(parse_enum(Day, d, "strength.preferred_days") for d in raw.strength.preferred_days)
    equipment = frozenset(parse_enum(Equipment, e, "equipment") for e in raw.equipment)
    lifting = None if raw.lifting is None else parse_enum(Lifting, raw.lifting, "lifting")
    return Profile(
        name=raw.name,
        level=parse_enum(Level, raw.level, "level"),
        style=parse_enum(Style, raw.style, "style"),
        units=units,
        body_mass=raw.body_mass,
        race=race,
        strength=StrengthPrefs(
            raw.strength.sessions_per_week,
            raw.strength.minutes_per_session,
            tuple(dict.fromkeys(days)),
        ),
        equipment=equipment,
        runs=runs,
        injuries=tuple(dict.fromkeys(parse_enum(Injury, i, "injuries") for i in raw.injuries)),
        deload_style=raw.deload,
        age=raw.age,
        lifting=lifting,
        weights=_weights(raw.weights, equipment, units),
    )


def _weights(
    raw: dict[str, list[float]], equipment: frozenset[Equipment], units: Units
) -> dict[Equipment, tuple[float, ...]]:
    """Loads the runner owns per piece of loading kit, ascending, in the profile's units."""
    owned: dict[Equipment, tuple[float, ...]] = {}
    accepted = ", ".join(sorted(e.value for e in LOADING_EQUIPMENT))
    for key, loads in sorted(raw.items()):
        piece = parse_enum(Equipment, key, "weights")
        if piece not in LOADING_EQUIPMENT:
            raise BadInput(f"weights.{key}", f"carries no load; accepted: {accepted}")
        if piece not in equipment:
            raise BadInput(f"weights.{key}", "is not in equipment; add it there first")
        if not loads:
            raise BadInput(f"weights.{key}", "list at least one load")
        heaviest = MAX_LOAD[units]
        for load in loads:
            if load > heaviest:
                raise BadInput(
                    f"weights.{key}",
                    f"{load:g} {units.value} is not plausible; at most {heaviest:g}",
                )
        owned[piece] = tuple(sorted(set(loads)))
    return owned


def next_monday(today: dt.date) -> dt.date:
    """The default plan start: the coming Monday (today when today is a Monday)."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


def check_race_date(day: dt.date, start: dt.date) -> None:
    """A race must fall on or after the plan start and within the planning horizon."""
    if day < start:
        raise BadInput("race.date", f"{day} is before the plan start {start}")
    weeks = (monday_of(day) - monday_of(start)).days // 7 + 1
    if weeks > MAX_WEEKS:
        raise BadInput("race.date", f"{day} is more than {MAX_WEEKS} weeks after {start}")


def check_dates(profile: Profile, start: dt.date, today: dt.date) -> None:
    """The start lies in the plan window; a race on or after it, within the planning horizon."""
    try:
        check_plan_start("start", start, today)
    except DateError as exc:
        raise BadInput.from_error(exc) from exc
    race = profile.dated_race
    if race is None or race.date is None:
        return
    check_race_date(race.date, start)


def owned_loads(text: str, piece: Equipment, units: Units) -> list[float]:
    """Loads typed as a list ('4, 6, 8 10'), each positive and plausible, ascending, no repeats."""
    field = f"weights.{piece.value}"
    loads: set[float] = set()
    heaviest = MAX_LOAD[units]
    for part in text.replace(",", " ").split():
        number = part.casefold().removesuffix(units.value + "s").removesuffix(units.value)
        try:
            load = float(number)
        except ValueError as exc:
            raise BadInput(
                field, f"{shown(part)} is not a load; give numbers like 4, 6, 8"
            ) from exc
        if not 0 < load <= heaviest:
            raise BadInput(
                field, f"{shown(part)} is not plausible; give loads above 0 up to {heaviest:g}"
            )
        loads.add(load)
    return sorted(loads)


class _WithoutAliases(yaml.SafeDumper):
    """Writes a value shared by two fields out twice: profiles refuse anchors and aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def profile_yaml(document: dict[str, object]) -> str:
    """A profile document as YAML, checked by the same validation as a file read from disk."""
    text = yaml.dump(document, Dumper=_WithoutAliases, sort_keys=False, allow_unicode=True)
    try:
        to_profile(parse_profile_text(text))
    except ProfileFileError as exc:
        raise BadInput.from_error(exc) from exc
    return text
