"""Catalogue use cases: answer list/show/search questions over the knowledge base."""

from __future__ import annotations

from collections.abc import Sequence

from runlift.domain.exercise import Exercise
from runlift.domain.library import Library
from runlift.domain.program import Program
from runlift.domain.vocab import Category, Equipment, Injury, Level, MuscleGroup
from runlift.services import search as search_engine
from runlift.services.errors import BadInput
from runlift.services.suggest import id_form, not_found, parse_enum

NO_KIT = frozenset({"none", "bodyweight", "body_weight", "no_kit", "nothing"})


def get_exercise(library: Library, name: str) -> Exercise:
    """An exercise by slug, name or alias; NotFound with the closest slugs otherwise."""
    catalogue = library.catalogue
    exercise = catalogue.exercises.get(name) or catalogue.resolve(name)
    if exercise is None:
        raise not_found("exercise", name, catalogue.names)
    return exercise


def get_program(library: Library, slug: str) -> Program:
    """A built-in program by slug; NotFound with the closest slugs otherwise."""
    program = library.programs.get(slug)
    if program is None:
        names = {s: s for s in library.programs} | {
            p.name.casefold(): p.slug for p in library.programs.values()
        }
        raise not_found("program", slug, names)
    return program


def list_exercises(
    library: Library,
    *,
    equipment: Sequence[str] = (),
    muscle: str | None = None,
    injury: str | None = None,
    category: str | None = None,
    level: str | None = None,
    bodyweight_only: bool = False,
) -> list[Exercise]:
    """Exercises filtered by the runner's kit and the other criteria, ids as people type them.

    'none' or 'bodyweight' as the kit means no kit: bodyweight exercises only.
    """
    words = [part for item in equipment for part in item.split(",") if part.strip()]
    kit = [parse_enum(Equipment, w, "equipment") for w in words if id_form(w) not in NO_KIT]
    return library.catalogue.filter(
        kit=kit if (kit or bodyweight_only) else None,
        muscle=parse_enum(MuscleGroup, muscle, "muscle") if muscle else None,
        injury=parse_enum(Injury, injury, "injury") if injury else None,
        category=parse_enum(Category, category, "category") if category else None,
        level=parse_enum(Level, level, "level") if level else None,
    )


def search_exercises(library: Library, query: str, limit: int = 20) -> list[search_engine.Hit]:
    """Ranked search; an empty query is refused rather than answered with everything."""
    if not query.strip():
        raise BadInput("QUERY", "give at least one word to search for")
    return search_engine.search(library.catalogue, query, limit=limit)
