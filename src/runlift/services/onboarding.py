"""The profile questions answered in a form: answers as typed in, a stored profile and plan out.

Answers stay text until the profile file's own validation reads them (profile_yaml), so a form
refuses exactly what a profile file refuses, naming the same field; nothing is stored then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from runlift.domain.library import Library
from runlift.domain.prescribe import LOADING_EQUIPMENT
from runlift.domain.shown import shown
from runlift.domain.vocab import Equipment, RaceDistance, Units
from runlift.services import athletes
from runlift.services.athletes import UowFactory
from runlift.services.errors import BadInput, NotFound
from runlift.services.ports import PlanRecord
from runlift.services.profile import owned_loads, profile_yaml
from runlift.services.profile_text import ProfileIn
from runlift.services.suggest import parse_enum

KEPT_FIELDS = ("style", "body_mass", "deload")  # asked nowhere in the form: a re-plan keeps them


@dataclass(frozen=True, slots=True)
class ProfileAnswers:
    """The profile questions' answers as typed (text), so a refused form shows them again."""

    name: str = ""
    level: str = "intermediate"
    lifting: str = ""
    age: str = ""
    units: str = "kg"
    race_distance: str = "none"
    race_date: str = ""
    sessions_per_week: str = "2"
    minutes_per_session: str = "40"
    preferred_days: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    weights: Mapping[str, str] = field(default_factory=dict)
    runs: Mapping[str, str] = field(default_factory=dict)
    injuries: tuple[str, ...] = ()
    start: str = ""


def _loads_text(loads: list[float]) -> str:
    return ", ".join(f"{load:g}" for load in loads)


def answers_from_profile(profile: ProfileIn | None, name: str) -> ProfileAnswers:
    """The form pre-filled: a stored profile's values, else sensible first answers."""
    if profile is None:
        return ProfileAnswers(name=name, runs={"tue": "intervals", "thu": "easy", "sun": "long"})
    race = profile.race
    return ProfileAnswers(
        name=profile.name,
        level=profile.level,
        lifting=profile.lifting or "",
        age="" if profile.age is None else str(profile.age),
        units=profile.units,
        race_distance=race.distance if race is not None else "none",
        race_date=race.date.isoformat() if race is not None and race.date is not None else "",
        sessions_per_week=str(profile.strength.sessions_per_week),
        minutes_per_session=str(profile.strength.minutes_per_session),
        preferred_days=tuple(profile.strength.preferred_days),
        equipment=tuple(profile.equipment),
        weights={piece: _loads_text(loads) for piece, loads in profile.weights.items()},
        runs=dict(profile.runs),
        injuries=tuple(profile.injuries),
    )


def _number(text: str) -> int | float | str | None:
    """A typed number as a number; anything else as typed, for the profile check to name."""
    cleaned = text.strip()
    if not cleaned:
        return None
    for kind in (int, float):
        try:
            return kind(cleaned)
        except ValueError:
            continue
    return cleaned


def _weights(answers: ProfileAnswers) -> dict[str, list[float]]:
    units = parse_enum(Units, answers.units, "units")
    owned: dict[str, list[float]] = {}
    for key, text in sorted(answers.weights.items()):
        if not text.strip():
            continue
        piece = parse_enum(Equipment, key, "weights")
        if piece not in LOADING_EQUIPMENT:
            raise BadInput(f"weights.{key}", f"{shown(key)} carries no load")
        owned[piece.value] = owned_loads(text, piece, units)
    return owned


def _race(answers: ProfileAnswers) -> dict[str, object]:
    distance = answers.race_distance.strip() or RaceDistance.NONE.value
    race: dict[str, object] = {"distance": distance}
    if distance != RaceDistance.NONE.value and answers.race_date.strip():
        race["date"] = answers.race_date.strip()
    return race


def answered_profile(answers: ProfileAnswers, kept: ProfileIn | None = None) -> str:
    """The answers as a profile file's text, checked like a file; BadInput names the field."""
    strength: dict[str, object] = {
        "sessions_per_week": _number(answers.sessions_per_week),
        "minutes_per_session": _number(answers.minutes_per_session),
    }
    if answers.preferred_days:
        strength["preferred_days"] = list(dict.fromkeys(answers.preferred_days))
    document: dict[str, object] = {
        "name": answers.name.strip(),
        "level": answers.level,
        "units": answers.units,
        "race": _race(answers),
        "strength": strength,
        "equipment": list(dict.fromkeys(answers.equipment)),
        "runs": {day: kind for day, kind in answers.runs.items() if kind.strip()},
        "injuries": list(dict.fromkeys(answers.injuries)),
    }
    for key, value in (("age", _number(answers.age)), ("lifting", answers.lifting.strip())):
        if value not in (None, ""):
            document[key] = value
    weights = _weights(answers)
    if weights:
        document["weights"] = weights
    if kept is not None:
        stored = kept.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        document.update({key: stored[key] for key in KEPT_FIELDS if key in stored})
    return profile_yaml(document)  # the profile file's validation, field by field


def _start(text: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadInput("start", f"{shown(text)} is not a date; use YYYY-MM-DD") from exc


def stored_profile(make_uow: UowFactory, athlete_name: str) -> ProfileIn | None:
    """The athlete's profile as its file's fields, None before one was given."""
    try:
        return athletes.profile_document(make_uow, athlete_name)
    except NotFound:
        return None


def onboarding_answers(
    make_uow: UowFactory, athlete_name: str, name: str
) -> tuple[ProfileAnswers, bool]:
    """What the profile form shows first: the stored profile, else first answers under `name`;
    and whether a profile is stored (the form then re-plans)."""
    stored = stored_profile(make_uow, athlete_name)
    return answers_from_profile(stored, name), stored is not None


def plan_from_answers(
    make_uow: UowFactory,
    library: Library,
    athlete_name: str,
    answers: ProfileAnswers,
    today: dt.date,
    now: dt.datetime,
    *,
    by: int | None = None,
) -> PlanRecord:
    """Store the answered profile and (re-)plan, as PUT /athletes/me/profile does."""
    kept = stored_profile(make_uow, athlete_name)
    text = answered_profile(answers, kept)
    start = _start(answers.start)
    _, record = athletes.update_athlete(
        make_uow, library, athlete_name, text, "profile", start, today, now, by=by
    )
    return record
