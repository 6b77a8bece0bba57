"""The exercise library page's one question: search words and filters together."""

from __future__ import annotations

from runlift.domain.exercise import Exercise
from runlift.domain.library import Library
from runlift.services.catalogue import list_exercises
from runlift.services.search import search

MAX_HITS = 60


def find_exercises(
    library: Library,
    query: str = "",
    *,
    equipment: str | None = None,
    muscle: str | None = None,
    injury: str | None = None,
    level: str | None = None,
) -> list[Exercise]:
    """Exercises passing every filter (the `exercises list` filters: with a piece of kit, what
    it or no kit allows; kit 'none', bodyweight only);
    with search words, only those the `exercises search` ranking finds, best first; without,
    all of them by name. Unknown filter values are BadInput naming the closest ids."""
    kit = [equipment] if equipment else []
    allowed = list_exercises(
        library,
        equipment=kit,
        muscle=muscle,
        injury=injury,
        level=level,
        bodyweight_only=bool(kit),
    )
    if not query.strip():
        return sorted(allowed, key=lambda e: e.name.casefold())
    passing = {e.slug for e in allowed}
    hits = search(library.catalogue, query, limit=MAX_HITS)
    return [hit.exercise for hit in hits if hit.exercise.slug in passing]
