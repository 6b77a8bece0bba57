"""Closest-name suggestions, so a typo is answered with what the user probably meant."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

from rapidfuzz import fuzz, process

from runlift.services.errors import BadInput, NotFound

E = TypeVar("E", bound=StrEnum)


def closest(name: str, candidates: Iterable[str], limit: int = 3, cutoff: float = 55) -> list[str]:
    """Up to `limit` candidates most similar to `name`, best first, ties in name order."""
    pool = sorted(set(candidates))
    matches = process.extract(
        name, pool, scorer=fuzz.WRatio, processor=str.casefold, limit=None, score_cutoff=cutoff
    )
    ranked = sorted(matches, key=lambda match: (-match[1], match[0]))
    return [match[0] for match in ranked[:limit]]


def closest_slugs(name: str, names: Mapping[str, str], limit: int = 3) -> list[str]:
    """Closest slugs to `name`, matching against every alias but returning distinct slugs."""
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


def parse_enum(enum: type[E], value: str, field: str) -> E:
    """The enum member for `value`, or BadInput naming the field and the closest accepted ids."""
    try:
        return enum(value.strip().lower())
    except ValueError:
        pass
    accepted = [member.value for member in enum]
    near = closest(value, accepted)
    hint = f"did you mean {', '.join(near)}? " if near else ""
    raise BadInput(field, f"{value!r} is not accepted; {hint}accepted: {', '.join(accepted)}")


def not_found(kind: str, name: str, names: Mapping[str, str]) -> NotFound:
    """A NotFound error carrying the closest slugs."""
    return NotFound(kind, name, closest_slugs(name, names))
